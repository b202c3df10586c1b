// The one migration runner, for PGlite and PostgreSQL alike: plain SQL files named
// `YYYYMMDDHHMM-what-it-does.sql`, applied in name order, each in its own transaction,
// recorded in schema_migrations. Run at start and by `npm run cli -- migrate`.
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Db } from './connection.ts';

const migrationsDir = fileURLToPath(new URL('./migrations/', import.meta.url));
const namePattern = /^\d{12}-[a-z0-9-]+\.sql$/;

export interface Migration {
  name: string;
  sql: string;
}

export function listMigrations(dir = migrationsDir): Migration[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.sql'))
    .map((name) => {
      if (!namePattern.test(name)) {
        throw new Error(`Nom de migration invalide « ${name} » : attendu AAAAMMJJHHMM-description.sql`);
      }
      return { name, sql: readFileSync(`${dir}/${name}`, 'utf8') };
    })
    .sort((a, b) => a.name.localeCompare(b.name));
}

/** Applies the pending migrations; returns the names applied now. */
export async function migrate(db: Db, migrations = listMigrations()): Promise<string[]> {
  // Extensions live in the database, not the schema: create them once, serialised
  // so that parallel test schemas on one PostgreSQL do not race.
  await db.transaction(async (tx) => {
    if (tx.engine === 'postgres') await tx.query('select pg_advisory_xact_lock(53053053)');
    await tx.exec(
      'create extension if not exists unaccent schema public; create extension if not exists pg_trgm schema public;',
    );
  });
  await db.exec(
    'create table if not exists schema_migrations (name text primary key, applied_at timestamptz not null default now())',
  );
  const done = new Set(
    (await db.query<{ name: string }>('select name from schema_migrations')).rows.map((r) => r.name),
  );
  const applied: string[] = [];
  for (const m of migrations) {
    if (done.has(m.name)) continue;
    await db.transaction(async (tx) => {
      await tx.exec(m.sql);
      await tx.query('insert into schema_migrations (name) values ($1)', [m.name]);
    });
    applied.push(m.name);
  }
  return applied;
}

/** Fails loudly when the engine misbehaves in a way we know of (DESIGN.md §3). */
export async function checkEngine(db: Db): Promise<void> {
  const r = await db.query<{ ok: boolean }>(`select 'ab' % 'ab' as ok`);
  if (r.rows[0]?.ok !== true) {
    throw new Error(
      "La base de données ne répond pas correctement à l'opérateur de similarité pg_trgm (%) : vérifiez les extensions chargées.",
    );
  }
}
