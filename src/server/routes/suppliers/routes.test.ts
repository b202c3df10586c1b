import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestContext } from '../../../../test/support/app.ts';
import { importBreizhScenario } from '../../../../test/support/directory.ts';
import type { ResolvedSupplier } from '../../../api/suppliers.ts';
import { S } from '../../../db/sirene/fixtures.ts';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestApp();
  await importBreizhScenario(ctx.db);
});
afterAll(() => ctx.close());

async function resolve(suppliers: object[]): Promise<Map<string, ResolvedSupplier>> {
  const res = await ctx.app.inject({
    method: 'POST',
    url: '/api/v1/suppliers/resolve',
    payload: { suppliers },
  });
  expect(res.statusCode, res.body).toBe(200);
  return new Map((res.json().results as ResolvedSupplier[]).map((r) => [r.key, r]));
}

describe('POST /api/v1/suppliers/resolve — locating the suppliers of a FEC', () => {
  it('finds a supplier by SIRET, with its Breton zone', async () => {
    const r = (await resolve([{ key: '401CHAUD', siret: S.chaudronnerie }])).get('401CHAUD')!;
    expect(r).toMatchObject({
      status: 'found',
      method: 'siret',
      confidence: 1,
      zone: 'bretagne',
      department: '29',
      establishment: {
        siret: S.chaudronnerie,
        name: 'CHAUDRONNERIE DU LÉON',
        commune: { code: '29103', name: 'Landerneau' },
      },
    });
  });

  it('finds a company by SIREN: the head office, or the establishment at the given postal code', async () => {
    const siren = S.chaudronnerie.slice(0, 9);
    const r = await resolve([
      { key: 'a', siren },
      { key: 'b', siren, postalCode: '29600' },
    ]);
    expect(r.get('a')).toMatchObject({ method: 'siren', establishment: { siret: S.chaudronnerie } });
    expect(r.get('b')).toMatchObject({ method: 'siren', establishment: { siret: S.chaudronnerieMorlaix } });
    expect(r.get('b')!.confidence).toBeGreaterThan(r.get('a')!.confidence);
  });

  it('places a supplier by postal code when it is not in the directory: Nantes is France (44), Vannes is Bretagne', async () => {
    const r = await resolve([
      { key: 'nantes', name: 'Fournisseur inconnu', postalCode: '44000' },
      { key: 'vannes', postalCode: '56000' },
    ]);
    expect(r.get('nantes')).toMatchObject({
      status: 'found',
      method: 'postal_code',
      zone: 'france',
      department: '44',
      establishment: null,
    });
    expect(r.get('vannes')).toMatchObject({
      status: 'found',
      method: 'postal_code',
      zone: 'bretagne',
      department: '56',
    });
  });

  it('places a foreign supplier by its country', async () => {
    const r = await resolve([
      { key: 'de', name: 'Müller GmbH', country: 'DE' },
      { key: 'cn', name: 'Shenzhen Co., Ltd', country: 'Chine' },
    ]);
    expect(r.get('de')).toMatchObject({ status: 'found', zone: 'europe' });
    expect(r.get('cn')).toMatchObject({ status: 'found', zone: 'world' });
  });

  it('matches a name written the accounting way: legal form, no accents, punctuation', async () => {
    const r = (await resolve([{ key: 'x', name: 'S.A.R.L. Chaudronnerie du Leon' }])).get('x')!;
    expect(r).toMatchObject({
      status: 'found',
      method: 'name',
      zone: 'bretagne',
      establishment: { siret: S.chaudronnerie },
    });
    // The only company of that name, but in a directory of (mostly) Breton establishments: a
    // namesake elsewhere in France would be missing, so the name alone stays below the 0.85
    // from which core/suppliers locates without asking, and the note says why.
    expect(r.confidence).toBeLessThan(0.85);
    expect(r.confidence).toBeGreaterThanOrEqual(0.6);
    expect(r.note).toMatch(/Seule entreprise de ce nom.*Landerneau.*homonyme/);
  });

  it('matches a name cut at 30 characters', async () => {
    const r = (await resolve([{ key: 'x', name: 'ARMOR EMBALLAGES INDUSTRIE SAS'.slice(0, 26) }])).get('x')!;
    expect(r).toMatchObject({ status: 'found', method: 'name', establishment: { siret: S.emballages } });
  });

  it('says ambiguous, with candidates, when two companies have close names', async () => {
    const r = (await resolve([{ key: 'x', name: 'Chaudronnerie' }])).get('x')!;
    expect(r.status).toBe('ambiguous');
    expect(r.candidates.map((c) => c.siret)).toEqual(expect.arrayContaining([S.chaudronnerie, S.nantes]));
  });

  it('checks homonyms across the whole directory: namesakes in two zones give no zone, only candidates', async () => {
    // More than 20 establishments share the word, so a "first 20 results" search would miss some.
    const rows = [
      ...Array.from({ length: 30 }, (_, i) => [
        `9${String(i).padStart(13, '0')}`,
        `SCOURIC ${i} LE SCOUR`,
        '35',
        '35210',
        'Pacé',
      ]),
      ['91000000000001', 'ETABLISSEMENTS LE SCOUR', '35', '35740', 'Pacé'],
      ['92000000000001', 'ETABLISSEMENTS LE SCOUR', '95', '95340', 'Persan'],
    ];
    for (const [siret, name, dep, cp, commune] of rows) {
      await ctx.db.query(
        `insert into establishments (siret, siren, name, department, region, postal_code, commune_code, commune_name)
         values ($1, $2, $3, $4, $5, $6, $7, $8)`,
        [siret, siret!.slice(0, 9), name, dep, dep === '35' ? '53' : '11', cp, `${dep}000`, commune],
      );
    }
    try {
      const r = (await resolve([{ key: 'x', name: 'Etablissements Le Scour SAS' }])).get('x')!;
      expect(r).toMatchObject({ status: 'ambiguous', method: 'name', zone: null, establishment: null });
      expect(r.candidates.map((c) => c.commune?.name).sort()).toEqual(['Pacé', 'Persan']);
      expect(r.note).toMatch(/^2 entreprises portent ce nom dans l’annuaire/);
    } finally {
      await ctx.db.query(`delete from establishments where siret = any($1::text[])`, [rows.map((r) => r[0])]);
    }
  });

  it('says not found, and what to do, for an unknown name', async () => {
    const r = (await resolve([{ key: 'x', name: 'Zzyzx Quantum Widgets' }])).get('x')!;
    expect(r).toMatchObject({ status: 'not_found', method: null, confidence: 0, zone: null });
    expect(r.note).toMatch(/code postal/);
  });

  it('refuses an amount or any unknown field: amounts never leave the browser', async () => {
    const res = await ctx.app.inject({
      method: 'POST',
      url: '/api/v1/suppliers/resolve',
      payload: { suppliers: [{ key: 'x', name: 'ACME', amountCents: 120000 }] },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('invalid_request');
  });

  it('refuses more than 500 suppliers in one call', async () => {
    const suppliers = Array.from({ length: 501 }, (_, i) => ({ key: String(i), postalCode: '29200' }));
    const res = await ctx.app.inject({
      method: 'POST',
      url: '/api/v1/suppliers/resolve',
      payload: { suppliers },
    });
    expect(res.statusCode).toBe(400);
  });
});
