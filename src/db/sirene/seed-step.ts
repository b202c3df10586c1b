// Demo step of `npm start`: the demo SIRENE files (demo-data/sirene/, official INSEE layouts,
// written by src/db/demo when missing) go through the very importer a real file goes through.
import { existsSync } from 'node:fs';
import type { Db } from '../connection.ts';
import { demoDataPaths, ensureDemoData } from '../demo/index.ts';
import type { SeedStep } from '../seed.ts';
import { importSirene, type ImportSummary } from './import.ts';

/** Imports the demo SIRENE files of `dir` (default demo-data/), generating them first if needed. */
export async function importDemoSirene(
  db: Db,
  log: (m: string) => void,
  dir?: string,
): Promise<ImportSummary> {
  const manifest = await ensureDemoData(dir, log);
  const paths = demoDataPaths(dir, manifest);
  // Everything the demo holds: Breton suppliers and some outside Brittany (their page shows Breton alternatives).
  return importSirene(db, {
    establishments: paths.establishments,
    legalUnits: existsSync(paths.legalUnits) ? paths.legalUnits : undefined,
    geo: existsSync(paths.geolocation) ? paths.geolocation : undefined,
    departments: 'all',
  });
}

export const sireneSeedStep: SeedStep = {
  key: 'sirene-directory',
  describe: 'annuaire des fournisseurs (fichiers SIRENE de démonstration)',
  async run(db: Db, log) {
    const summary = await importDemoSirene(db, log);
    log(
      `Annuaire : ${summary.imported} établissements importés (${summary.active} actifs), ${summary.read - summary.imported} ignorés.`,
    );
  },
};
