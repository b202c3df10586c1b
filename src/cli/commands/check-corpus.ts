// `npm run cli -- check-corpus DIR`: reads every FEC of a folder with core/fec and prints what was
// read (encoding, separator, lines, period, totals) and the anomalies per code. An opt-in check
// against real files (../shared/corpus/fec), which stay outside the repository.
import { readdir, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { parseArgs } from 'node:util';
import { readFecChunks, type FecLine, type FecReadSummary } from '../../core/fec/index.ts';
import { formatEuros } from '../../core/shared/index.ts';
import { CliError, type Command } from '../command.ts';
import { fileChunks } from '../ibal/file-chunks.ts';

const FEC_FILE = /\.(txt|csv|tsv|fec)$/i;
const NOT_FEC = /^(licen[cs]e|readme|notice)/i;

/**
 * A quick reading check, not the IBAL method (core/purchases): the share of the net spend on
 * accounts 60–62 (603 excluded) whose entry (JournalCode, EcritureNum, EcritureDate) has a
 * 401/403/404/408 line with a CompAuxNum. The corpus README gives 86–98 % for its files. Lines of
 * one entry are not always next to each other (they are not in 0000000001FEC20220831.txt), so
 * entries are gathered by key: memory grows with the number of entries (fine for a check).
 */
class SupplierCoverage {
  private readonly entries = new Map<string, { net: number; supplier: boolean }>();
  total = 0;
  tied = 0;

  add(l: FecLine): void {
    const key = `${l.journalCode}\u0000${l.ecritureNum}\u0000${l.ecritureDate}`;
    let entry = this.entries.get(key);
    if (!entry) this.entries.set(key, (entry = { net: 0, supplier: false }));
    const a = l.compteNum;
    if (/^6[012]/.test(a) && !a.startsWith('603')) entry.net += l.debitCents - l.creditCents;
    if (/^40[1348]/.test(a) && l.compAuxNum !== '') entry.supplier = true;
  }

  close(): void {
    for (const e of this.entries.values()) {
      this.total += e.net;
      if (e.supplier) this.tied += e.net;
    }
    this.entries.clear();
  }
}

/**
 * The reading check's line on purchases tied to a supplier line. The rest is said in euros too:
 * when it is a net credit (reversed accruals, credit notes booked without a supplier line), the
 * tied share exceeds 100 %, which reads as an error unless the reason is given beside it.
 */
export function describeSupplierCoverage(totalCents: number, tiedCents: number): string | undefined {
  if (totalCents === 0) return undefined;
  const share = ((tiedCents * 100) / totalCents).toFixed(1).replace('.', ',');
  const rest = totalCents - tiedCents;
  const restText =
    rest < 0
      ? `, et ${formatEuros(rest)} net sans ligne fournisseur (extournes ou avoirs passés sans fournisseur : d'où plus de 100 %)`
      : `, et ${formatEuros(rest)} sans ligne fournisseur`;
  return `achats 60–62 (hors 603) : ${formatEuros(totalCents)}, dont ${formatEuros(tiedCents)} (${share} %) dans une écriture avec une ligne fournisseur${restText} (contrôle de lecture, pas l'IBAL)`;
}

function describe(file: string, summary: FecReadSummary, coverage: SupplierCoverage): string {
  const sep = summary.separator === '\t' ? 'tabulation' : `« ${summary.separator} »`;
  const out = [
    `${basename(file)}`,
    `  lisible : ${summary.readable ? 'oui' : 'NON'} · encodage ${summary.encoding} · séparateur ${sep} · ${summary.columns.length} colonnes (${summary.amountLayout})`,
    `  ${summary.lineCount.toLocaleString('fr-FR')} lignes d'écriture${summary.skippedLineCount ? ` (+ ${summary.skippedLineCount} ignorées)` : ''} · ${summary.bytesRead.toLocaleString('fr-FR')} octets`,
    `  période : ${summary.period ? `${summary.period.from} → ${summary.period.to}` : '—'}${summary.fileNameHint ? ` · nom du fichier : SIREN ${summary.fileNameHint.siren}, clôture ${summary.fileNameHint.closingDate}` : ''}`,
    `  total débit ${formatEuros(summary.totalDebitCents)} · total crédit ${formatEuros(summary.totalCreditCents)}`,
  ];
  const coverageLine = describeSupplierCoverage(coverage.total, coverage.tied);
  if (coverageLine) out.push(`  ${coverageLine}`);
  const counts = Object.entries(summary.anomalyCounts).sort((a, b) => b[1] - a[1]);
  out.push(
    `  anomalies : ${summary.anomalyCount}${counts.length ? ` (${counts.map(([c, n]) => `${c} ${n}`).join(', ')})` : ''}`,
  );
  for (const a of summary.anomalies.slice(0, 5)) out.push(`    [${a.severity}] ${a.message}`);
  return out.join('\n');
}

export const checkCorpusCommand: Command = {
  name: 'check-corpus',
  summary: 'lit tous les FEC d’un dossier et affiche ce qui a été lu et les anomalies',
  usage:
    'check-corpus DOSSIER [--json]\n\nLit chaque fichier .txt/.csv/.tsv/.fec du dossier avec le lecteur FEC et affiche encodage,\nséparateur, lignes, période, totaux et anomalies par code. --json : un objet JSON par fichier.',
  async run(args) {
    const { positionals, values } = parseArgs({
      args,
      allowPositionals: true,
      options: { json: { type: 'boolean' } },
    });
    const dir = positionals[0];
    if (!dir) throw new CliError('Indiquez le dossier à lire : npm run cli -- check-corpus DOSSIER');
    let names: string[];
    try {
      names = (await readdir(dir)).filter((n) => FEC_FILE.test(n) && !NOT_FEC.test(n)).sort();
    } catch {
      throw new CliError(`Dossier introuvable ou illisible : ${dir}`);
    }
    let unreadable = 0;
    let files = 0;
    for (const name of names) {
      const file = join(dir, name);
      if (!(await stat(file)).isFile()) continue;
      files++;
      const coverage = new SupplierCoverage();
      const summary = await readFecChunks(fileChunks(file), {
        fileName: name,
        onLine: (l) => coverage.add(l),
      });
      coverage.close();
      if (!summary.readable) unreadable++;
      if (values.json) {
        console.log(
          JSON.stringify({
            file: name,
            ...summary,
            purchaseCoverage: { totalCents: coverage.total, tiedCents: coverage.tied },
          }),
        );
      } else console.log(`${describe(file, summary, coverage)}\n`);
    }
    if (files === 0) throw new CliError(`Aucun fichier FEC (.txt, .csv, .tsv, .fec) dans ${dir}`);
    if (!values.json) console.log(`${files} fichier(s) lu(s), ${unreadable} illisible(s).`);
    return unreadable > 0 ? 1 : 0;
  },
};
