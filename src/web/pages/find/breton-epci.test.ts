import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { bretonEpcis, matchEpcis } from './breton-epci.ts';

interface RawEpci {
  code: string;
  nom: string;
  membres: { code: string }[];
}

describe('Breton EPCI of the place picker', () => {
  it('are exactly the EPCI of the installed @etalab/decoupage-administratif with a commune in 22, 29, 35 or 56', () => {
    const path = createRequire(import.meta.url).resolve('@etalab/decoupage-administratif/data/epci.json');
    const all = JSON.parse(readFileSync(path, 'utf8')) as RawEpci[];
    const expected = all
      .filter((e) => e.membres.some((m) => /^(22|29|35|56)/.test(m.code)))
      .map((e) => ({ code: e.code, name: e.nom, communes: e.membres.length }))
      .sort((a, b) => a.code.localeCompare(b.code));
    const ours = bretonEpcis
      .map((e) => ({ code: e.code, name: e.name, communes: e.communes }))
      .sort((a, b) => a.code.localeCompare(b.code));
    expect(ours).toEqual(expected);
  });

  it('finds an EPCI from the start of its words, without accents', () => {
    expect(matchEpcis('brest').map((e) => e.name)).toEqual(['Brest Métropole']);
    expect(matchEpcis('quimperle').map((e) => e.name)).toEqual(['CA Quimperlé Communauté']);
    expect(matchEpcis('redon agglo').map((e) => e.code)).toEqual(['243500741']);
  });

  it('suggests nothing for an empty text or an unknown name', () => {
    expect(matchEpcis('  ')).toEqual([]);
    expect(matchEpcis('lyon')).toEqual([]);
  });
});
