// Runs once before the test files. On PGlite, prepares a migrated snapshot so each
// test file starts its own in-memory database in about a second instead of five.
import { writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { connect } from '../../src/db/connection.ts';
import { migrate } from '../../src/db/migrate.ts';
import { ensureDemoData } from '../../src/db/demo/index.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    pgliteSnapshot: string;
  }
}

export default async function setup(project: TestProject) {
  await ensureDemoData(); // demo-data/: fixtures for tests and e2e, generated once (a few seconds)
  if (process.env.TEST_DATABASE_URL || process.env.DATABASE_URL) {
    project.provide('pgliteSnapshot', '');
    return;
  }
  const db = await connect({});
  await migrate(db);
  const blob = await db.dumpDataDir!();
  await db.close();
  const path = join(tmpdir(), `relocalisons-pglite-${process.pid}.tar`);
  writeFileSync(path, Buffer.from(await blob.arrayBuffer()));
  project.provide('pgliteSnapshot', path);
  return () => rmSync(path, { force: true });
}
