// The CLI's directory is the same service as POST /api/v1/suppliers/resolve, on the database
// (PGlite, or PostgreSQL when DATABASE_URL is set): a supplier list located through it.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb } from '../../../test/support/db.ts';
import { importBreizhScenario } from '../../../test/support/directory.ts';
import type { Db } from '../../db/connection.ts';
import { S } from '../../db/sirene/fixtures.ts';
import { importSirene } from '../../db/sirene/import.ts';
import { postalLookup } from '../../core/geo/index.ts';
import { defaultAccountSet } from '../../core/purchases/index.ts';
import { demoDataPaths, ensureDemoData } from '../../db/demo/index.ts';
import { cliPostalLookup } from './postal-lookup.ts';
import { databaseDirectory, locateAndCompute, readPurchases } from './run-ibal.ts';

let db: Db;
const dir = mkdtempSync(join(tmpdir(), 'ibal-directory-'));
beforeAll(async () => {
  db = await createTestDb();
  await importBreizhScenario(db);
}, 60_000);
afterAll(() => db.close());

describe('ibal with the directory in the database', () => {
  it('locates a supplier list by SIRET and by name, shows Nantes apart, leaves the unknown to the user', async () => {
    const list = join(dir, 'fournisseurs.csv');
    writeFileSync(
      list,
      [
        'Fournisseur;SIRET;Montant HT',
        `Chaudronnerie du Léon;${S.chaudronnerie};60 000,00`,
        `Chaudronnerie Nantaise;${S.nantes};15 000,00`,
        'ARMOR EMBALLAGES INDUSTRIE SAS;;20 000,00',
        'Fournisseur Inconnu de Nulle Part;;5 000,00',
      ].join('\n'),
    );
    const read = await readPurchases(list, { accounts: defaultAccountSet, period: null });
    expect(read.input).toBe('supplier-list');
    const { ibal } = await locateAndCompute(read.purchases, {
      lookup: postalLookup({ source: 'test', postalCodes: {} }),
      directory: databaseDirectory(db),
      answers: new Map(),
    });
    const row = (name: string) => ibal.bySupplier.find((s) => s.name === name);
    expect(row('Chaudronnerie du Léon')).toMatchObject({
      zone: 'bretagne',
      department: '29',
      method: 'siret',
      confidence: 1,
    });
    expect(row('Chaudronnerie Nantaise')).toMatchObject({
      zone: 'france',
      department: '44',
      method: 'siret',
    });
    // The name alone, in a directory of (mostly) Breton establishments, cannot prove the supplier
    // is Breton (a namesake elsewhere would be missing): proposed, counted once confirmed.
    expect(row('ARMOR EMBALLAGES INDUSTRIE SAS')).toMatchObject({ status: 'proposed', method: 'name' });
    expect(row('Fournisseur Inconnu de Nulle Part')).toMatchObject({ zone: null, status: 'unlocated' });
    expect(ibal.zones).toEqual({
      bretagne: 6_000_000,
      france: 1_500_000,
      europe: 0,
      world: 0,
      unlocated: 2_500_000,
    });
    expect(ibal.loireAtlantiqueCents).toBe(1_500_000);
    expect(ibal.coverage).toBe(75);

    const confirmed = await locateAndCompute(read.purchases, {
      lookup: postalLookup({ source: 'test', postalCodes: {} }),
      directory: databaseDirectory(db),
      answers: new Map(),
      acceptProposals: true,
    });
    expect(confirmed.ibal.bySupplier.find((s) => s.name === 'ARMOR EMBALLAGES INDUSTRIE SAS')).toMatchObject({
      zone: 'bretagne',
      method: 'name',
    });
    expect(confirmed.ibal.coverage).toBe(95);
  }, 60_000);

  it('the demo supplier list (CSV, 119 suppliers, SIRET or postal code) agrees with its answer key to the cent', async () => {
    const paths = demoDataPaths(undefined, await ensureDemoData());
    await importSirene(db, {
      establishments: paths.establishments,
      legalUnits: paths.legalUnits,
      departments: 'all',
    });
    const key = JSON.parse(
      readFileSync(paths.supplierList.replace(/\.csv$/, '.answer-key.json'), 'utf8'),
    ) as {
      byZone: Record<'bretagne' | 'france' | 'europe' | 'world', number>;
    };
    const read = await readPurchases(paths.supplierList, { accounts: defaultAccountSet, period: null });
    expect(read.anomalies).toEqual([]);
    const { ibal } = await locateAndCompute(read.purchases, {
      lookup: cliPostalLookup(join(dir, 'data')),
      directory: databaseDirectory(db),
      answers: new Map(),
    });
    expect(ibal.zones).toEqual({ ...key.byZone, unlocated: 0 });
    expect(ibal.coverage).toBe(100);
  }, 180_000);
});
