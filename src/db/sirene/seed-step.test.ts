import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb } from '../../../test/support/db.ts';
import type { Db } from '../connection.ts';
import { importDemoSirene } from './seed-step.ts';

let db: Db;
beforeAll(async () => {
  db = await createTestDb();
});
afterAll(() => db.close());

describe('demo directory of npm start', () => {
  it('loads the demo SIRENE files through the importer, Breton establishments with names and positions', async () => {
    const summary = await importDemoSirene(db, () => undefined, mkdtempSync(join(tmpdir(), 'demo-sirene-')));
    expect(summary.imported).toBeGreaterThan(100);
    const r = await db.query<{ breton: number; named: number; located: number }>(
      `select count(*) filter (where region = '53')::int as breton,
              count(*) filter (where name not like 'Entreprise SIREN %')::int as named,
              count(*) filter (where lat is not null)::int as located
         from establishments`,
    );
    const row = r.rows[0]!;
    expect(row.breton).toBeGreaterThan(summary.imported / 2);
    expect(row.named).toBe(summary.imported);
    expect(row.located).toBeGreaterThan(summary.imported * 0.9);
  }, 180_000);
});
