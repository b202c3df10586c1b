import { describe, expect, it } from 'vitest';
import type { ResolvedSupplier } from '../../../api/suppliers.ts';
import { postalLookup } from '../../../core/geo/index.ts';
import { fecExcerpt, purchasesFromLines } from '../../../core/purchases/index.ts';
import { AnswersStore, type KeyValueStorage } from './answers-store.ts';
import { computeMeasure, resolveQueries } from './pipeline.ts';

// A Breton SME's year in five invoices and a bank payment:
//   Journal | Num | Date | Compte | Libellé compte | Aux | Libellé aux | Pièce | Libellé | Débit | Crédit | Devise
const fec = fecExcerpt(`
AC | 1 | 20250115 | 601000 | Matières    |        |                     | F1 | Tôles acier      | 10000,00 |          |
AC | 1 | 20250115 | 401000 | Fournisseurs| KERMET | KERMET ACIERS SAS   | F1 | Tôles acier      |          | 10000,00 |
AC | 2 | 20250210 | 624000 | Transports  |        |                     | F2 | Transport        | 2000,00  |          |
AC | 2 | 20250210 | 401000 | Fournisseurs| TRANSL | TRANSPORTS LOIRE    | F2 | Transport        |          | 2000,00  |
AC | 3 | 20250305 | 602000 | Fournitures |        |                     | F3 | Emballages       | 5000,00  |          |
AC | 3 | 20250305 | 401000 | Fournisseurs| VERP   | VERPACK GMBH        | F3 | Emballages       |          | 5000,00  |
AC | 4 | 20250410 | 604000 | Études      |        |                     | F4 | Etude            | 3000,00  |          |
AC | 4 | 20250410 | 401000 | Fournisseurs| MYST   | SOCIETE X           | F4 | Etude            |          | 3000,00  |
BQ | 5 | 20251220 | 606300 | Petit équip.|        |                     | B5 | AMAZON EU SARL   | 500,00   |          |
BQ | 5 | 20251220 | 512000 | Banque      |        |                     | B5 | AMAZON EU SARL   |          | 500,00   |
`);

function memory(): KeyValueStorage {
  const m = new Map<string, string>();
  return {
    getItem: (k) => m.get(k) ?? null,
    setItem: (k, v) => void m.set(k, v),
    removeItem: (k) => void m.delete(k),
  };
}

const establishment = (department: string, commune: string) => ({
  siret: '12345678900011',
  name: 'x',
  commune: { code: `${department}000`, name: commune },
  department,
  countryCode: null,
});

/** Two companies named TRANSPORTS LOIRE, in Bretagne and in the Val-d'Oise: the name cannot choose. */
const homonyms: ResolvedSupplier = {
  key: 'aux:TRANSL',
  status: 'ambiguous',
  method: 'name',
  confidence: 0.3,
  establishment: null,
  zone: null,
  department: null,
  candidates: [
    { ...establishment('35', 'Pacé'), name: 'TRANSPORTS LOIRE', score: 1 },
    { ...establishment('95', 'Persan'), siret: '98765432100027', name: 'TRANSPORTS LOIRE', score: 1 },
  ],
  note: '2 entreprises portent ce nom dans l’annuaire (Pacé (35), Persan (95)) : choisissez la bonne ou indiquez un code postal.',
};

function found(
  key: string,
  department: string,
  commune: string,
  zone: 'bretagne' | 'france',
): ResolvedSupplier {
  return {
    key,
    status: 'found',
    method: 'name',
    confidence: 0.95,
    establishment: establishment(department, commune),
    zone,
    department,
    candidates: [],
    note: `Nom trouvé dans l'annuaire`,
  };
}

const lookup = postalLookup({ source: 'test', postalCodes: { '29200': ['29'], '44000': ['44'] } });

describe('the measure page pipeline (purchases → locations → IBAL)', () => {
  const purchases = purchasesFromLines(fec);

  it('asks the directory about the suppliers of the file only, without their amounts', () => {
    const queries = resolveQueries(purchases);
    expect(queries.map((q) => q.name).sort()).toEqual([
      'KERMET ACIERS SAS',
      'SOCIETE X',
      'TRANSPORTS LOIRE',
      'VERPACK GMBH',
    ]);
    expect(JSON.stringify(queries)).not.toMatch(/10000|1000000|Tôles/);
  });

  it('locates through the directory, proposes Germany for a GmbH, and lists the rest by spend', () => {
    const directory = new Map([
      ['aux:KERMET', found('aux:KERMET', '29', 'Brest', 'bretagne')],
      ['aux:TRANSL', found('aux:TRANSL', '44', 'Nantes', 'france')],
    ]);
    const { result, toLocate, badge } = computeMeasure(
      purchases,
      directory,
      new AnswersStore(memory()),
      lookup,
    );
    expect(result.totalCents).toBe(2_050_000);
    expect(result.zones).toEqual({
      bretagne: 1_000_000,
      france: 200_000,
      europe: 0,
      world: 0,
      unlocated: 850_000,
    });
    expect(result.loireAtlantiqueCents).toBe(200_000);
    expect(badge).toBeNull();
    expect(result.badge.reason).toMatch(/80 %/);
    expect(toLocate.map((t) => [t.name, t.amountCents, t.proposal?.label ?? null])).toEqual([
      ['VERPACK GMBH', 500_000, 'Allemagne'],
      ['SOCIETE X', 300_000, null],
      ['AMAZON EU SARL', 50_000, null],
    ]);
  });

  it('applies the answers: a confirmed country, a postal code, an ignored bank purchase — and gives the badge', () => {
    const directory = new Map([
      ['aux:KERMET', found('aux:KERMET', '29', 'Brest', 'bretagne')],
      ['aux:TRANSL', found('aux:TRANSL', '44', 'Nantes', 'france')],
    ]);
    const store = new AnswersStore(memory());
    const first = computeMeasure(purchases, directory, store, lookup);
    const [verpack, societeX, amazon] = first.toLocate;
    store.set(verpack!.key, verpack!.name, verpack!.proposal!.answer);
    store.set(societeX!.key, societeX!.name, { kind: 'postal-code', postalCode: '29200' });
    store.set(amazon!.key, amazon!.name, { kind: 'ignore' });

    const { result, toLocate, badge } = computeMeasure(purchases, directory, store, lookup);
    expect(toLocate).toEqual([]);
    expect(result.ignoredCents).toBe(50_000);
    expect(result.totalCents).toBe(2_000_000);
    expect(result.zones).toEqual({
      bretagne: 1_300_000,
      france: 200_000,
      europe: 500_000,
      world: 0,
      unlocated: 0,
    });
    // 65 % Bretagne, 75 % France, 100 % Europe, on 100 % coverage
    expect(result.index).toEqual({ bretagne: 65, france: 75, europe: 100 });
    expect(result.coverage).toBe(100);
    expect(badge?.text).toMatch(/65 % des achats en Bretagne, 75 % en France/);
    expect(badge?.svg).toMatch(/^<svg /);
  });

  it('a name in a Breton directory is a proposal showing its commune; homonyms in two zones are choices, never guessed', () => {
    const directory = new Map([
      ['aux:KERMET', { ...found('aux:KERMET', '29', 'Brest', 'bretagne'), confidence: 0.6 }],
      ['aux:TRANSL', homonyms],
    ]);
    const store = new AnswersStore(memory());
    const first = computeMeasure(purchases, directory, store, lookup);
    // Nothing is located by a name alone: no index yet.
    expect(first.result.zones.bretagne).toBe(0);
    const kermet = first.toLocate.find((t) => t.key === 'aux:KERMET')!;
    expect(kermet.proposal?.label).toBe('Bretagne (Brest)');
    expect(kermet.choices).toEqual([]);
    const transl = first.toLocate.find((t) => t.key === 'aux:TRANSL')!;
    expect(transl.proposal).toBeNull();
    expect(transl.choices.map((c) => c.label)).toEqual([
      'TRANSPORTS LOIRE, Pacé (35)',
      'TRANSPORTS LOIRE, Persan (95)',
    ]);

    store.set(kermet.key, kermet.name, kermet.proposal!.answer);
    store.set(transl.key, transl.name, transl.choices[1]!.answer);
    const { result } = computeMeasure(purchases, directory, store, lookup);
    expect(result.zones.bretagne).toBe(1_000_000);
    expect(result.zones.france).toBe(200_000);
  });

  it('a chosen namesake is remembered as that establishment: the next run names its SIRET and commune', () => {
    const storage = memory();
    const directory = new Map([['aux:TRANSL', homonyms]]);
    const first = computeMeasure(purchases, directory, new AnswersStore(storage), lookup);
    const transl = first.toLocate.find((t) => t.key === 'aux:TRANSL')!;
    new AnswersStore(storage).set(transl.key, transl.name, transl.choices[1]!.answer);

    // Next visit: a new store reads the browser's storage.
    const next = computeMeasure(purchases, directory, new AnswersStore(storage), lookup);
    const row = next.result.bySupplier.find((s) => s.key === 'aux:TRANSL');
    expect(row).toMatchObject({ status: 'located', zone: 'france', department: '95', method: 'user' });
    expect(row?.evidence).toBe('Établissement choisi par vous : SIRET 98765432100027 (Persan).');
  });
});
