import { parseArgs } from 'node:util';
import {
  BRITTANY_DEPARTMENTS,
  importSirene,
  skipReasonLabels,
  type ImportProgress,
  type ImportSummary,
} from '../../db/sirene/import.ts';
import { LayoutError } from '../../db/sirene/layout.ts';
import { SourceError } from '../../db/sirene/source.ts';
import { CliError, type Command } from '../command.ts';
import { describeDatabase, loadConfig, openDatabase } from '../context.ts';

const nf = new Intl.NumberFormat('fr-FR');

function duration(ms: number): string {
  const s = Math.round(ms / 1000);
  return s < 60 ? `${s} s` : `${Math.floor(s / 60)} min ${String(s % 60).padStart(2, '0')} s`;
}

const phaseLabels: Record<ImportProgress['phase'], string> = {
  establishments: 'Établissements',
  'legal-units': 'Unités légales',
  geo: 'Géolocalisation',
  write: 'Écriture de l’annuaire',
};

/** One progress line on stderr: rows, rows/s, share of the file read, time left. */
export function progressLine(p: ImportProgress, phaseStartedMs: number): string {
  if (p.phase === 'write')
    return `${phaseLabels.write} : ${nf.format(p.rows)} établissements (jointure des noms et des positions, index)…`;
  const seconds = Math.max(0.001, (p.elapsedMs - phaseStartedMs) / 1000);
  const share = p.totalBytes > 0 ? Math.min(1, p.bytesRead / p.totalBytes) : 0;
  const eta = share > 0.01 ? ((p.elapsedMs - phaseStartedMs) * (1 - share)) / share : undefined;
  return (
    `${phaseLabels[p.phase]} : ${nf.format(p.rows)} lignes lues (${nf.format(Math.round(p.rows / seconds))}/s), ` +
    `${Math.round(share * 100)} % du fichier${eta === undefined ? '' : `, reste ≈ ${duration(eta)}`}`
  );
}

export function summaryText(s: ImportSummary): string {
  const skipped = Object.entries(s.skipped).filter(([, n]) => n > 0);
  const total = skipped.reduce((a, [, n]) => a + n, 0);
  return [
    `Import SIRENE terminé en ${duration(s.elapsedMs)} (${nf.format(Math.round(s.read / Math.max(0.001, s.elapsedMs / 1000)))} lignes/s).`,
    `  lues : ${nf.format(s.read)}`,
    `  importées : ${nf.format(s.imported)} (${nf.format(s.active)} actives, ${nf.format(s.closed)} fermées, ${nf.format(s.partialDiffusion)} en diffusion partielle, ${nf.format(s.naf25)} avec un code NAF 2025)`,
    `  ignorées : ${nf.format(total)}${skipped.length ? '' : ''}`,
    ...skipped.map(
      ([k, n]) => `    - ${skipReasonLabels[k as keyof typeof skipReasonLabels]} : ${nf.format(n)}`,
    ),
    `  unités légales chargées : ${nf.format(s.legalUnitsLoaded)} ; points géolocalisés chargés : ${nf.format(s.geoPointsLoaded)}`,
    `  coordonnées : ${nf.format(s.coordinates.sirene)} INSEE, ${nf.format(s.coordinates['geo-sirene'])} geo-sirene, ` +
      `${nf.format(s.coordinates.commune)} centre de commune, ${nf.format(s.coordinates.none)} sans position`,
  ].join('\n');
}

export const importSireneCommand: Command = {
  name: 'import-sirene',
  summary: 'importe les établissements du répertoire SIRENE (annuaire des fournisseurs)',
  usage: `import-sirene --etablissements FICHIER [--unites-legales FICHIER] [--geo FICHIER]
              [--departments 22,29,35,56 | --all]

Importe le fichier « StockEtablissement » de l'INSEE (.csv ou .zip, format 2019 et après,
53 ou 54 colonnes) dans l'annuaire. Ré-importer met à jour les établissements et ferme
ceux que le nouveau fichier dit fermés.

  --etablissements FICHIER   StockEtablissement_utf8.zip ou .csv (obligatoire)
  --unites-legales FICHIER   StockUniteLegale_utf8.zip ou .csv : noms, sigles
  --geo FICHIER              géolocalisation INSEE (GeolocalisationEtablissement_Sirene…, « ; »)
                             ou geo-sirene d'Etalab (latitude, longitude)
  --departments LISTE        départements à garder (défaut : 22,29,35,56, la Bretagne)
  --all                      tout garder, y compris les établissements à l'étranger
  --batch N                  taille des lots copiés (défaut 10000)`,
  async run(args) {
    const { values } = parseArgs({
      args,
      options: {
        etablissements: { type: 'string' },
        'unites-legales': { type: 'string' },
        geo: { type: 'string' },
        departments: { type: 'string' },
        all: { type: 'boolean' },
        batch: { type: 'string' },
      },
    });
    if (!values.etablissements)
      throw new CliError(
        'Option --etablissements FICHIER obligatoire (voir : npm run cli -- help import-sirene).',
      );
    if (values.all && values.departments)
      throw new CliError('Choisissez --departments ou --all, pas les deux.');
    const departments = values.all
      ? ('all' as const)
      : (values.departments
          ?.split(',')
          .map((d) => d.trim().toUpperCase())
          .filter(Boolean) ?? BRITTANY_DEPARTMENTS);
    if (departments !== 'all') {
      const bad = departments.filter((d) => !/^(\d{2}|2[AB]|97\d)$/.test(d));
      if (bad.length)
        throw new CliError(`Département(s) invalide(s) : ${bad.join(', ')} (attendu : 22,29,35,56).`);
    }
    const batchSize = values.batch ? Number(values.batch) : undefined;
    if (batchSize !== undefined && !(Number.isInteger(batchSize) && batchSize > 0))
      throw new CliError('--batch : entier positif attendu.');

    const config = loadConfig();
    console.error(`Base : ${describeDatabase(config)}`);
    const db = await openDatabase(config, (m) => console.error(m));
    const tty = process.stderr.isTTY;
    let phase: ImportProgress['phase'] | undefined;
    let phaseStarted = 0;
    let last = 0;
    try {
      const summary = await importSirene(db, {
        establishments: values.etablissements,
        legalUnits: values['unites-legales'],
        geo: values.geo,
        departments,
        ...(batchSize ? { batchSize } : {}),
        onProgress(p) {
          const changed = p.phase !== phase;
          if (changed) {
            if (phase && tty) process.stderr.write('\n');
            phase = p.phase;
            phaseStarted = p.elapsedMs;
          }
          // The write phase reports once, when it starts: always show it.
          if (!changed && p.elapsedMs - last < (tty ? 250 : 5000)) return;
          last = p.elapsedMs;
          const line = progressLine(p, phaseStarted);
          process.stderr.write(tty ? `\r${line.padEnd(100)}` : `${line}\n`);
        },
      });
      if (tty) process.stderr.write('\n');
      console.log(summaryText(summary));
    } catch (error) {
      if (error instanceof LayoutError || error instanceof SourceError) throw new CliError(error.message);
      throw error;
    } finally {
      await db.close();
    }
  },
};
