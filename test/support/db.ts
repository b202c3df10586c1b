// A fresh, migrated database for one test file: in-memory PGlite by default, or
// its own schema on PostgreSQL when TEST_DATABASE_URL / DATABASE_URL is set, so
// files running in parallel never see each other's rows.
import { readFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { inject } from 'vitest';
import { connect, type Db } from '../../src/db/connection.ts';
import { checkEngine, migrate } from '../../src/db/migrate.ts';

export function testDatabaseUrl(): string | undefined {
  return process.env.TEST_DATABASE_URL || process.env.DATABASE_URL || undefined;
}

export async function createTestDb(): Promise<Db> {
  const url = testDatabaseUrl();
  if (url) {
    const schema = `test_${randomBytes(6).toString('hex')}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`create schema ${schema}`);
    await admin.end();
    const db = await connect({ databaseUrl: url, schema });
    await migrate(db);
    await checkEngine(db);
    const close = db.close;
    return {
      ...db,
      async close() {
        await close();
        const cleanup = new pg.Client({ connectionString: url });
        await cleanup.connect();
        await cleanup.query(`drop schema ${schema} cascade`);
        await cleanup.end();
      },
    };
  }
  const snapshot = inject('pgliteSnapshot');
  const db = await connect(snapshot ? { loadDataDir: new Blob([readFileSync(snapshot)]) } : {});
  await migrate(db);
  await checkEngine(db);
  return db;
}
