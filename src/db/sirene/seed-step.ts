// Demo step of `npm start`: the demo SIRENE files (demo-data/sirene/, official INSEE layouts)
// go through the very importer a real file goes through.
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Db } from '../connection.ts';
import type { SeedStep } from '../seed.ts';
import { importSirene } from './import.ts';

const root = fileURLToPath(new URL('../../../', import.meta.url));

export interface DemoSireneFiles {
  establishments: string;
  legalUnits?: string | undefined;
  geo?: string | undefined;
}

/** Finds the stock files in a folder by their official names (csv or zip). */
export function findSireneFiles(dir: string): DemoSireneFiles | undefined {
  if (!existsSync(dir)) return undefined;
  const files = readdirSync(dir).sort();
  const pick = (re: RegExp) => files.find((f) => re.test(f));
  const establishments = pick(/^StockEtablissement.*\.(csv|zip)$/i);
  if (!establishments) return undefined;
  const legalUnits = pick(/^StockUniteLegale.*\.(csv|zip)$/i);
  const geo = pick(/^(Geolocalisation|geo).*\.(csv|zip)$/i);
  return {
    establishments: join(dir, establishments),
    legalUnits: legalUnits ? join(dir, legalUnits) : undefined,
    geo: geo ? join(dir, geo) : undefined,
  };
}

/** Asks the demo data module (src/db/demo) to write its files when it offers `ensureDemoData`. */
async function ensureDemoFiles(log: (m: string) => void): Promise<void> {
  const modulePath = join(root, 'src/db/demo/index.ts');
  if (!existsSync(modulePath)) return;
  const mod = (await import(/* @vite-ignore */ pathToFileURL(modulePath).href)) as {
    ensureDemoData?: (...args: unknown[]) => unknown;
  };
  if (typeof mod.ensureDemoData === 'function') {
    await mod.ensureDemoData();
  } else log('Module de données de démonstration sans ensureDemoData : fichiers SIRENE pris tels quels.');
}

export const sireneSeedStep: SeedStep = {
  key: 'sirene-directory',
  describe: 'annuaire des fournisseurs (fichiers SIRENE de démonstration)',
  async run(db: Db, log) {
    await ensureDemoFiles(log);
    const files = findSireneFiles(join(root, 'demo-data/sirene'));
    if (!files) {
      log(
        'Aucun fichier SIRENE de démonstration (demo-data/sirene/StockEtablissement*.csv) : annuaire vide.',
      );
      return;
    }
    // Everything the demo holds: Breton suppliers and a few outside Brittany (their page shows Breton alternatives).
    const summary = await importSirene(db, { ...files, departments: 'all' });
    log(
      `Annuaire : ${summary.imported} établissements importés (${summary.active} actifs), ${summary.read - summary.imported} ignorés.`,
    );
  },
};
