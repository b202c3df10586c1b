import { parseArgs } from 'node:util';
import { DEFAULT_SEED, defaultDemoDataDir, generateDemoData } from '../../db/demo/index.ts';
import { CliError, type Command } from '../command.ts';

export const demoDataCommand: Command = {
  name: 'demo-data',
  summary: 'génère les fichiers de démonstration (SIRENE, FEC, liste de fournisseurs)',
  usage: `demo-data [--out DOSSIER] [--seed N]

Écrit, de façon déterministe (même graine → mêmes octets) :
  sirene/StockEtablissement_utf8.csv, sirene/StockUniteLegale_utf8.csv  (formats INSEE)
  sirene/GeolocalisationEtablissement_…_utf8.csv                          (séparateur « ; »)
  fec/<SIREN>FEC20251231.txt + son corrigé .answer-key.json               (ISO-8859-15, tabulations)
  suppliers/fournisseurs-2025.csv + son corrigé                           (liste de fournisseurs)

  --out DOSSIER   dossier de sortie (défaut : demo-data/ à la racine du dépôt)
  --seed N        graine du générateur (défaut : ${DEFAULT_SEED})`,
  async run(args) {
    const { values } = parseArgs({ args, options: { out: { type: 'string' }, seed: { type: 'string' } } });
    const seed = values.seed === undefined ? DEFAULT_SEED : Number(values.seed);
    if (!Number.isInteger(seed) || seed < 0 || seed > 0xffffffff) {
      throw new CliError(`Graine « ${values.seed} » invalide : donnez un entier entre 0 et 4294967295.`);
    }
    const outDir = values.out ?? defaultDemoDataDir;
    const manifest = generateDemoData({ outDir, seed });
    console.log(
      `Données de démonstration écrites dans ${outDir} en ${(manifest.generatedInMs / 1000).toFixed(1)} s :`,
    );
    for (const [name, { bytes }] of Object.entries(manifest.files)) {
      console.log(`  ${name.padEnd(82)} ${(bytes / 1024).toFixed(0).padStart(6)} Kio`);
    }
    const c = manifest.counts;
    console.log(
      `${c.establishments} établissements (${c.bretonEstablishments} en Bretagne), ${c.legalUnits} unités légales, FEC de ${c.fecLines} lignes.`,
    );
  },
};
