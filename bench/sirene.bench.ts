// Import throughput of the SIRENE importer on a generated file (1,000,000 establishments by
// default; SIRENE_BENCH_ROWS=100000 for a quick run), on PGlite and on PostgreSQL (when
// DATABASE_URL or BENCH_DATABASE_URL is set, else the local test server is tried).
// Target: ≥ 50,000 rows/s on PostgreSQL.
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import type { Benchmark } from './run.ts';
import { connect, type Db } from '../src/db/connection.ts';
import { migrate } from '../src/db/migrate.ts';
import { importSirene } from '../src/db/sirene/import.ts';
import { writeSyntheticSirene } from './sirene-data.ts';

const nf = new Intl.NumberFormat('fr-FR');
export const postgresUrl = () =>
  process.env.BENCH_DATABASE_URL || process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/test';

/** A connected client to the benchmark's PostgreSQL server, or undefined (said) when it is down. */
export async function adminClient(url: string): Promise<pg.Client | undefined> {
  const admin = new pg.Client({ connectionString: url });
  try {
    await admin.connect();
    return admin;
  } catch {
    console.log(`  PostgreSQL injoignable (${url.replace(/\/\/[^@/]*@/, '//…@')}) : mesure sautée.`);
    return undefined;
  }
}

/** A fresh database on each engine: in-memory PGlite, or its own schema on PostgreSQL. */
export async function freshDb(
  engine: 'pglite' | 'postgres',
): Promise<{ db: Db; drop: () => Promise<void> } | undefined> {
  if (engine === 'pglite') {
    const db = await connect({});
    await migrate(db);
    return { db, drop: () => db.close() };
  }
  const url = postgresUrl();
  const schema = `bench_${randomBytes(4).toString('hex')}`;
  const admin = await adminClient(url);
  if (!admin) return undefined;
  await admin.query(`create schema ${schema}`);
  await admin.end();
  const db = await connect({ databaseUrl: url, schema });
  await migrate(db);
  return {
    db,
    async drop() {
      await db.close();
      const c = new pg.Client({ connectionString: url });
      await c.connect();
      await c.query(`drop schema ${schema} cascade`);
      await c.end();
    },
  };
}

export const benchmark: Benchmark = {
  name: 'sirene',
  describe: 'import SIRENE (lignes/s) sur un fichier généré, PGlite et PostgreSQL',
  async run() {
    const rows = Number(process.env.SIRENE_BENCH_ROWS ?? 1_000_000);
    const dir = mkdtempSync(join(tmpdir(), 'sirene-bench-'));
    const etab = join(dir, 'StockEtablissement_utf8.csv');
    const units = join(dir, 'StockUniteLegale_utf8.csv');
    let ok = true;
    try {
      const t0 = performance.now();
      const { companies } = await writeSyntheticSirene(etab, units, rows);
      console.log(
        `  fichier généré : ${nf.format(rows)} établissements (${(statSync(etab).size / 1e6).toFixed(0)} Mo), ` +
          `${nf.format(companies)} unités légales, en ${((performance.now() - t0) / 1000).toFixed(1)} s`,
      );
      // SIRENE_BENCH_ENGINES=postgres (or pglite) measures one engine only.
      const engines = (['pglite', 'postgres'] as const).filter((e) =>
        (process.env.SIRENE_BENCH_ENGINES ?? 'pglite,postgres').split(',').includes(e),
      );
      for (const engine of engines) {
        const fresh = await freshDb(engine);
        if (!fresh) continue;
        try {
          const s = await importSirene(fresh.db, {
            establishments: etab,
            legalUnits: units,
            departments: ['22', '29', '35', '56'],
          });
          const rate = s.read / (s.elapsedMs / 1000);
          const target = engine === 'postgres' ? 50_000 : undefined;
          const verdict =
            target === undefined
              ? ''
              : rate >= target
                ? ` (objectif ≥ ${nf.format(target)} : atteint)`
                : ` (objectif ≥ ${nf.format(target)} : MANQUÉ)`;
          if (target !== undefined && rate < target) ok = false;
          console.log(
            `  ${engine.padEnd(8)} : ${nf.format(s.imported)} importés en ${(s.elapsedMs / 1000).toFixed(1)} s → ${nf.format(Math.round(rate))} lignes/s${verdict}`,
          );
          console.log(
            `             phases : ${Object.entries(s.phasesMs)
              .map(([k, ms]) => `${k} ${(ms / 1000).toFixed(1)} s`)
              .join(', ')}`,
          );
        } finally {
          await fresh.drop();
        }
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    return ok;
  },
};
