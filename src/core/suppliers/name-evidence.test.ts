import { describe, expect, it } from 'vitest';
import {
  directoryReach,
  nameOnlyConfidence,
  NAME_ONLY_CONFIDENCE,
  reachCaveat,
  sameSupplierName,
} from './name-evidence.ts';

// Round figures for the two populations (Bretagne about 3.4 million, the rest of France 64.6).
const population = { bretagne: 3_400_000, elsewhereInFrance: 64_600_000 };

describe('what a name alone proves, given the directory it was looked up in', () => {
  it.each([
    ['a Breton-only import (the default of import-sirene)', { bretagne: 5000, elsewhereInFrance: 0 }, 0],
    [
      'the demo directory: 5,000 Breton establishments and 400 elsewhere',
      { bretagne: 5000, elsewhereInFrance: 400 },
      0.004,
    ],
    [
      'a national import (--all): as dense outside Bretagne as inside',
      { bretagne: 5000, elsewhereInFrance: 95_000 },
      1,
    ],
  ])('reach of %s', (_, counts, reach) => {
    expect(directoryReach(counts, population)).toBeCloseTo(reach, 3);
  });

  it('a Breton-only directory gives a name 0.6, a national one 0.9 — the 0.85 that locates without asking is out of reach of the first', () => {
    expect(nameOnlyConfidence(0)).toBe(NAME_ONLY_CONFIDENCE.min);
    expect(nameOnlyConfidence(1)).toBe(NAME_ONLY_CONFIDENCE.max);
    expect(nameOnlyConfidence(0.004)).toBeLessThan(0.85);
    expect(reachCaveat(0)).toMatch(/homonyme hors de Bretagne/);
    expect(reachCaveat(1)).toBe('');
  });

  it('the same name: equal once normalised, or cut by the accounting software — not merely close', () => {
    expect(sameSupplierName('Etablissements Le Scour SAS', 'ETABLISSEMENTS LE SCOUR')).toBe(true);
    expect(sameSupplierName('STE ARMOR-EMBALLAGES S.A.R.L.', 'ARMOR EMBALLAGES')).toBe(true);
    expect(sameSupplierName('SOCIETE BRETONNE ENVIRONNEMEN', 'SOCIETE BRETONNE ENVIRONNEMENT PETIT')).toBe(
      true,
    );
    expect(sameSupplierName('Armor Emballage', 'ARMOR EMBALLAGES')).toBe(false);
    expect(sameSupplierName('Le Dren et Fils', 'LE DREN')).toBe(false);
  });
});
