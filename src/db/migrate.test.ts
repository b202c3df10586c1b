import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb } from '../../test/support/db.ts';
import type { Db } from './connection.ts';
import { listMigrations, migrate } from './migrate.ts';

let db: Db;
beforeAll(async () => {
  db = await createTestDb();
});
afterAll(() => db.close());

describe('migrations', () => {
  it('are named with a timestamp and applied in order, once', async () => {
    const names = listMigrations().map((m) => m.name);
    expect(names).toEqual([...names].sort());
    const recorded = (await db.query<{ name: string }>('select name from schema_migrations order by name'))
      .rows;
    expect(recorded.map((r) => r.name)).toEqual(names);
    expect(await migrate(db)).toEqual([]);
  });

  it('enable French full-text search that ignores accents', async () => {
    const r = await db.query<{ hit: boolean }>(
      `select to_tsvector('fr', 'Conserverie Bretonne des Abers') @@ plainto_tsquery('fr', 'conserveries bretonnes') as hit`,
    );
    expect(r.rows[0]?.hit).toBe(true);
    const a = await db.query<{ hit: boolean }>(
      `select to_tsvector('fr', 'Électronique de l''Élorn') @@ plainto_tsquery('fr', 'electronique elorn') as hit`,
    );
    expect(a.rows[0]?.hit).toBe(true);
  });

  it('enable trigram similarity for typo-tolerant search', async () => {
    const r = await db.query<{ s: number }>(`select similarity('chaudronnerie', 'chaudronerie') as s`);
    expect(r.rows[0]?.s).toBeGreaterThan(0.5);
  });

  it('bulk-load rows with copyRows, escaping tabs, newlines and nulls', async () => {
    await db.exec('create temporary table copy_probe (a text, b integer, c text)');
    await db.copyRows(
      'copy_probe',
      ['a', 'b', 'c'],
      [
        ['tab\there', '1', null],
        ['new\nline \\ back', '2', 'x'],
      ],
    );
    const r = await db.query<{ a: string; b: number; c: string | null }>(
      'select * from copy_probe order by b',
    );
    expect(r.rows).toEqual([
      { a: 'tab\there', b: 1, c: null },
      { a: 'new\nline \\ back', b: 2, c: 'x' },
    ]);
  });
});
