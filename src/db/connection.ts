// One small interface over the two engines we run on: PGlite (embedded, the default)
// and PostgreSQL (production, via DATABASE_URL). Everything above speaks SQL in the
// PostgreSQL dialect through this interface and never knows which engine answers.
import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { copyValue } from './copy-text.ts';

export type Engine = 'pglite' | 'postgres';

export interface QueryResult<T> {
  rows: T[];
  rowCount: number;
}

export interface Queryable {
  readonly engine: Engine;
  query<T = Record<string, unknown>>(sql: string, params?: readonly unknown[]): Promise<QueryResult<T>>;
  /** Runs several statements separated by semicolons (no parameters). */
  exec(sql: string): Promise<void>;
}

export interface Db extends Queryable {
  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>;
  /** Bulk load rows (arrays of text or null) into a table with COPY when the engine allows it. */
  copyRows(
    table: string,
    columns: readonly string[],
    rows: readonly (readonly (string | null)[])[],
  ): Promise<void>;
  /** Bulk load text already in COPY text format (tab separated, \\N for null, escaped), or its UTF-8 bytes. */
  copyText(table: string, columns: readonly string[], text: string | Uint8Array): Promise<void>;
  close(): Promise<void>;
  /** PGlite only: a snapshot of the whole database (tests start from it). */
  dumpDataDir?(): Promise<Blob>;
}

export interface ConnectOptions {
  /** postgres://… URL; when absent PGlite is used. */
  databaseUrl?: string | undefined;
  /** PGlite data directory; `memory://` or undefined keeps it in memory. */
  dataDir?: string | undefined;
  /** PGlite: start from a dump made by `dumpPgliteDataDir` (fast test start). */
  loadDataDir?: Blob | undefined;
  /** PostgreSQL: the schema to work in (tests isolate themselves this way). */
  schema?: string | undefined;
}

// Note: cube/earthdistance are deliberately not loaded in PGlite: with cube beside
// pg_trgm, PGlite 0.5.16 intermittently returns no row for `%` (see DESIGN.md §3).
const pgliteExtensions = { unaccent, pg_trgm };

export async function connect(options: ConnectOptions = {}): Promise<Db> {
  if (options.databaseUrl) return connectPostgres(options.databaseUrl, options.schema);
  return connectPglite(options.dataDir, options.loadDataDir);
}

async function connectPglite(dataDir: string | undefined, loadDataDir: Blob | undefined): Promise<Db> {
  const inMemory = !dataDir || dataDir.startsWith('memory://');
  if (!inMemory) mkdirSync(dataDir, { recursive: true });
  const lite = await PGlite.create({
    ...(inMemory ? {} : { dataDir }),
    ...(loadDataDir ? { loadDataDir } : {}),
    extensions: pgliteExtensions,
  });
  const wrap = (q: Pick<PGlite, 'query' | 'exec'>): Queryable => ({
    engine: 'pglite',
    async query<T>(sql: string, params: readonly unknown[] = []) {
      const r = await q.query<T>(sql, params as unknown[]);
      return { rows: r.rows, rowCount: r.affectedRows ?? r.rows.length };
    },
    async exec(sql: string) {
      await q.exec(sql);
    },
  });
  const base = wrap(lite);
  const copyText = async (table: string, columns: readonly string[], text: string | Uint8Array) => {
    if (text.length === 0) return;
    const blob = new Blob([text as BlobPart]);
    await lite.query(`copy ${table} (${columns.join(', ')}) from '/dev/blob'`, [], { blob });
  };
  return {
    ...base,
    transaction: (fn) => lite.transaction((tx) => fn(wrap(tx))),
    copyRows: (table, columns, rows) => copyText(table, columns, toCopyText(rows)),
    copyText,
    close: () => lite.close(),
    dumpDataDir: () => lite.dumpDataDir('none') as Promise<Blob>,
  };
}

async function connectPostgres(url: string, schema: string | undefined): Promise<Db> {
  const pool = new pg.Pool({
    connectionString: url,
    max: 10,
    // No JIT: our statements are short, and compiling one (~30 ms) cost more than running it when
    // the planner overestimated it (the directory search's per-cell index scans).
    options: `-c jit=off${schema ? ` -c search_path=${schema},public` : ''}`,
  });
  pool.on('error', () => {
    /* an idle client died: the pool replaces it on next use */
  });
  const wrap = (q: pg.Pool | pg.PoolClient): Queryable => ({
    engine: 'postgres',
    async query<T>(sql: string, params: readonly unknown[] = []) {
      const r = await q.query(sql, params as unknown[]);
      return { rows: r.rows as T[], rowCount: r.rowCount ?? r.rows.length };
    },
    async exec(sql: string) {
      await q.query(sql);
    },
  });
  const base = wrap(pool);
  const copyText = async (table: string, columns: readonly string[], text: string | Uint8Array) => {
    if (text.length === 0) return;
    const client = await pool.connect();
    try {
      const stream = client.query(copyFrom(`copy ${table} (${columns.join(', ')}) from stdin`));
      await pipeline(Readable.from([text]), stream);
    } finally {
      client.release();
    }
  };
  return {
    ...base,
    async transaction(fn) {
      const client = await pool.connect();
      try {
        await client.query('begin');
        const result = await fn(wrap(client));
        await client.query('commit');
        return result;
      } catch (error) {
        await client.query('rollback').catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    },
    copyRows: (table, columns, rows) => copyText(table, columns, toCopyText(rows)),
    copyText,
    close: () => pool.end(),
  };
}

/** Rows → PostgreSQL COPY text format (tab separated, \N for null, escapes). */
export function toCopyText(rows: readonly (readonly (string | null)[])[]): string {
  let out = '';
  for (const row of rows) {
    for (let i = 0; i < row.length; i++) {
      if (i > 0) out += '\t';
      out += copyValue(row[i] ?? null);
    }
    out += '\n';
  }
  return out;
}
