// What every CLI command needs: the validated configuration and an open, migrated database.
import { resolve } from 'node:path';
import { connect, type Db } from '../db/connection.ts';
import { checkEngine, migrate } from '../db/migrate.ts';
import { loadConfig, type Config } from '../server/config.ts';

export async function openDatabase(config: Config, log: (m: string) => void): Promise<Db> {
  const db = await connect({ databaseUrl: config.DATABASE_URL, dataDir: resolve(config.DATA_DIR, 'pglite') });
  const applied = await migrate(db);
  if (applied.length > 0) log(`Migrations appliquées : ${applied.join(', ')}`);
  await checkEngine(db);
  return db;
}

export function describeDatabase(config: Config): string {
  return config.DATABASE_URL
    ? `PostgreSQL (${config.DATABASE_URL.replace(/\/\/[^@/]*@/, '//…@')})`
    : `PGlite embarqué (${resolve(config.DATA_DIR, 'pglite')})`;
}

export { loadConfig };
