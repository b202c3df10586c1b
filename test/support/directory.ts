// Fills a test database with the small SIRENE scenario of the importer's fixtures, through the
// real importer, so API tests search and resolve against what an import really writes.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Db } from '../../src/db/connection.ts';
import { breizhScenario } from '../../src/db/sirene/fixtures.ts';
import { importSirene } from '../../src/db/sirene/import.ts';

export async function importBreizhScenario(db: Db): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'sirene-scenario-'));
  const files = breizhScenario();
  writeFileSync(join(dir, 'e.csv'), files.establishments);
  writeFileSync(join(dir, 'u.csv'), files.legalUnits);
  await importSirene(db, {
    establishments: join(dir, 'e.csv'),
    legalUnits: join(dir, 'u.csv'),
    departments: 'all',
  });
}
