// `npm run cli -- ibal FILE`: the Indice breton de l'achat local of a FEC (or a supplier list),
// computed on this computer by the same core as the web page; only names and identifiers
// are looked up in the directory (the database), never amounts.
import { readFile, writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { IBAL_ZONE_LABELS } from '../../core/geo/index.ts';
import { badgeSvg, type IbalResult } from '../../core/ibal/index.ts';
import {
  defaultAccountSet,
  formatAccountSet,
  parseAccountSet,
  type Period,
  type PurchasesResult,
} from '../../core/purchases/index.ts';
import { formatEuros, formatPercent } from '../../core/shared/index.ts';
import type { UserAnswer } from '../../core/suppliers/index.ts';
import { CliError, type Command } from '../command.ts';
import { loadConfig, openDatabase } from '../context.ts';
import { answersByKey, parseAnswersFile } from '../ibal/answers-file.ts';
import { cliPostalLookup } from '../ibal/postal-lookup.ts';
import {
  databaseDirectory,
  locateAndCompute,
  readPurchases,
  type IbalAnomaly,
  type ReadPurchases,
} from '../ibal/run-ibal.ts';

const usage = `ibal FICHIER [options]

Calcule l'Indice breton de l'achat local d'un FEC (ou d'une liste de fournisseurs CSV/XLSX).
Le fichier est lu sur cet ordinateur ; seuls les noms des fournisseurs sont cherchés dans l'annuaire.

Options :
  --suppliers FICHIER.csv   vos réponses : fournisseur (clé, compte auxiliaire ou nom) ; code postal, pays ou « ignorer »
  --accounts 60,61,62,-603  comptes d'achats (préfixes, « - » pour exclure ; options : 651, 20, 21)
  --period AAAA-MM-JJ..AAAA-MM-JJ   ne retenir que cette période (par défaut : l'exercice du fichier)
  --format table|json       sortie lisible (par défaut) ou un objet JSON
  --badge FICHIER.svg|.png  écrit le badge en SVG ou en PNG (refusé si moins de 80 % des achats sont localisés)
  --accept-proposals        compter les propositions (forme juridique, devise, nom proche) sans confirmation
  --no-directory            ne pas interroger l'annuaire (base de données)`;

function parsePeriod(text: string): Period {
  const m = /^(\d{4}-\d{2}-\d{2})\.\.(\d{4}-\d{2}-\d{2})$/.exec(text.trim());
  const valid = (d: string) =>
    !Number.isNaN(Date.parse(`${d}T00:00:00Z`)) && new Date(`${d}T00:00:00Z`).toISOString().startsWith(d);
  if (!m || !valid(m[1]!) || !valid(m[2]!) || m[1]! > m[2]!) {
    throw new CliError(
      `Période « ${text} » invalide : écrivez-la AAAA-MM-JJ..AAAA-MM-JJ, par exemple 2025-01-01..2025-12-31.`,
    );
  }
  return { from: m[1]!, to: m[2]! };
}

export interface IbalJson {
  file: string;
  input: 'fec' | 'supplier-list';
  method: IbalResult['method'];
  accounts: string;
  period: Period | null;
  totalCents: number;
  locatedCents: number;
  zones: IbalResult['zones'];
  index: IbalResult['index'];
  coverage: number | null;
  loireAtlantiqueCents: number;
  unattributedCents: number;
  ignoredCents: number;
  badge: IbalResult['badge'];
  suppliers: {
    key: string;
    name: string;
    amountCents: number;
    zone: string | null;
    status: string;
    department: string | null;
    country: string | null;
    method: string | null;
    confidence: number;
    evidence: string;
  }[];
  unattributed: {
    key: string;
    label: string;
    amountCents: number;
    entryCount: number;
    zone: string | null;
  }[];
  byCategory: IbalResult['byCategory'];
  byDepartment: IbalResult['byDepartment'];
  fec: {
    encoding: string;
    separator: string;
    lineCount: number;
    bytesRead: number;
    anomalyCount: number;
  } | null;
  anomalies: IbalAnomaly[];
}

export function toJson(
  file: string,
  read: ReadPurchases,
  ibal: IbalResult,
  anomalies: IbalAnomaly[],
): IbalJson {
  const p: PurchasesResult = read.purchases;
  const rowOf = new Map(ibal.bySupplier.map((r) => [r.key, r]));
  return {
    file,
    input: read.input,
    method: ibal.method,
    accounts: formatAccountSet(p.settings.accounts),
    period: ibal.period,
    totalCents: ibal.totalCents,
    locatedCents: ibal.locatedCents,
    zones: ibal.zones,
    index: ibal.index,
    coverage: ibal.coverage,
    loireAtlantiqueCents: ibal.loireAtlantiqueCents,
    unattributedCents: ibal.unattributedCents,
    ignoredCents: ibal.ignoredCents,
    badge: ibal.badge,
    suppliers: ibal.bySupplier
      .filter((r) => r.kind === 'supplier')
      .map((r) => ({
        key: r.key,
        name: r.name,
        amountCents: r.amountCents,
        zone: r.zone,
        status: r.status,
        department: r.department,
        country: r.country,
        method: r.method,
        confidence: r.confidence,
        evidence: r.evidence,
      })),
    unattributed: p.unattributed.map((g) => ({
      key: g.key,
      label: g.label,
      amountCents: g.amountCents,
      entryCount: g.entryCount,
      zone: rowOf.get(g.key)?.zone ?? null,
    })),
    byCategory: ibal.byCategory,
    byDepartment: ibal.byDepartment,
    fec: read.fec
      ? {
          encoding: read.fec.encoding,
          separator: read.fec.separator === '\t' ? 'tab' : read.fec.separator,
          lineCount: read.fec.lineCount,
          bytesRead: read.fec.bytesRead,
          anomalyCount: read.fec.anomalyCount,
        }
      : null,
    anomalies,
  };
}

const pct = (v: number | null) => (v === null ? '—' : formatPercent(v));
const frDate = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;
const eur = (c: number) => formatEuros(c, { round: true }).replace(/\u202f|\u00a0/g, ' ');

export function toTable(j: IbalJson): string {
  const out: string[] = [];
  out.push(`IBAL — Indice breton de l'achat local (méthode ${j.method.id} ${j.method.version})`);
  out.push(
    `Fichier : ${j.file} (${j.input === 'fec' ? `FEC, ${j.fec?.encoding}, ${j.fec?.lineCount.toLocaleString('fr-FR')} lignes` : 'liste de fournisseurs'})`,
  );
  if (j.period)
    out.push(`Période : du ${frDate(j.period.from)} au ${frDate(j.period.to)} · comptes ${j.accounts}`);
  out.push('');
  out.push(`  Bretagne                          ${pct(j.index.bretagne).padStart(6)}`);
  out.push(`  France (Bretagne comprise)        ${pct(j.index.france).padStart(6)}`);
  out.push(`  Europe (UE, France comprise)      ${pct(j.index.europe).padStart(6)}`);
  out.push(`  Couverture (achats localisés)     ${pct(j.coverage).padStart(6)}`);
  out.push('');
  out.push(
    `Achats mesurés : ${eur(j.totalCents)} dont non attribués à un fournisseur : ${eur(j.unattributedCents)}`,
  );
  for (const z of ['bretagne', 'france', 'europe', 'world'] as const) {
    out.push(`  ${IBAL_ZONE_LABELS[z].padEnd(30)} ${eur(j.zones[z]).padStart(16)}`);
  }
  out.push(`  ${'Non localisé'.padEnd(30)} ${eur(j.zones.unlocated).padStart(16)}`);
  if (j.loireAtlantiqueCents !== 0) {
    out.push(`  dont Loire-Atlantique (information, comptée en France) : ${eur(j.loireAtlantiqueCents)}`);
  }
  if (j.ignoredCents !== 0) out.push(`  Écartés à votre demande : ${eur(j.ignoredCents)}`);
  out.push('');
  out.push('Principaux fournisseurs :');
  for (const s of j.suppliers.slice(0, 15)) {
    const where = s.zone
      ? IBAL_ZONE_LABELS[s.zone as keyof typeof IBAL_ZONE_LABELS]
      : s.status === 'proposed'
        ? 'à confirmer'
        : 'non localisé';
    out.push(
      `  ${s.name.slice(0, 34).padEnd(34)} ${eur(s.amountCents).padStart(14)}  ${where}${s.method ? ` (${s.method}, ${Math.round(s.confidence * 100)} %)` : ''}`,
    );
  }
  const todo = j.suppliers.filter((s) => s.zone === null && s.status !== 'ignored');
  if (todo.length > 0) {
    out.push('');
    out.push(
      `À localiser (${todo.length}) — répondez dans un fichier --suppliers (fournisseur;code postal, pays ou « ignorer ») :`,
    );
    for (const s of todo.slice(0, 10))
      out.push(`  ${s.key.padEnd(20)} ${s.name.slice(0, 34).padEnd(34)} ${eur(s.amountCents).padStart(14)}`);
  }
  if (j.unattributed.length > 0) {
    out.push('');
    out.push(`Achats sans fournisseur (${j.unattributed.length} libellés) :`);
    for (const g of j.unattributed.slice(0, 8))
      out.push(
        `  ${g.label.slice(0, 40).padEnd(40)} ${eur(g.amountCents).padStart(14)}  (${g.entryCount} écr.)`,
      );
  }
  out.push('');
  out.push(
    j.badge.eligible
      ? 'Badge : disponible (option --badge FICHIER.svg ou FICHIER.png).'
      : `Badge : ${j.badge.reason}`,
  );
  if (j.anomalies.length > 0) {
    out.push('');
    out.push(`Anomalies (${j.fec?.anomalyCount ?? j.anomalies.length}) :`);
    for (const a of j.anomalies.slice(0, 10)) out.push(`  ${a.message}`);
  }
  return out.join('\n');
}

/** Writes the badge (SVG, or PNG rasterised from the same SVG), or says why it is refused. */
async function writeBadge(file: string, ibal: IbalResult, log: (m: string) => void): Promise<void> {
  const format = /\.png$/i.test(file) ? 'png' : /\.svg$/i.test(file) ? 'svg' : null;
  if (!format) {
    throw new CliError(
      `Le badge est produit en SVG ou en PNG : donnez un nom de fichier en .svg ou .png (« ${file} »).`,
    );
  }
  const svg = badgeSvg(ibal);
  if (!svg.ok) {
    log(`Badge non produit : ${svg.error.message}`);
    return;
  }
  if (format === 'png') {
    // Loaded only when asked: a native module the rest of the CLI does not need.
    const { svgToPng } = await import('../ibal/badge-png.ts');
    await writeFile(file, svgToPng(svg.value));
  } else {
    await writeFile(file, svg.value);
  }
  log(`Badge écrit : ${file}`);
}

export const ibalCommand: Command = {
  name: 'ibal',
  summary: "calcule l'IBAL d'un FEC ou d'une liste de fournisseurs",
  usage,
  async run(args) {
    const { values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      options: {
        suppliers: { type: 'string' },
        accounts: { type: 'string' },
        period: { type: 'string' },
        format: { type: 'string', default: 'table' },
        badge: { type: 'string' },
        'no-directory': { type: 'boolean', default: false },
        'accept-proposals': { type: 'boolean', default: false },
      },
    });
    const file = positionals[0];
    if (!file) throw new CliError(`Indiquez le fichier à lire.\n\nUsage : npm run cli -- ${usage}`);
    if (values.format !== 'table' && values.format !== 'json') {
      throw new CliError(`Format « ${values.format} » inconnu : choisissez table ou json.`);
    }
    let accounts = defaultAccountSet;
    if (values.accounts !== undefined) {
      const parsed = parseAccountSet(values.accounts);
      if (!parsed.ok) throw new CliError(parsed.error.message);
      accounts = parsed.value;
    }
    const period = values.period ? parsePeriod(values.period) : null;
    const log = (m: string) => process.stderr.write(`${m}\n`);

    const read = await readPurchases(file, { accounts, period });
    const anomalies: IbalAnomaly[] = [...read.anomalies];

    const config = loadConfig();
    let answers = new Map<string, UserAnswer>();
    if (values.suppliers) {
      let bytes: Uint8Array;
      try {
        bytes = new Uint8Array(await readFile(values.suppliers));
      } catch {
        throw new CliError(`Fichier des réponses introuvable : « ${values.suppliers} ». Vérifiez le chemin.`);
      }
      const parsed = parseAnswersFile(bytes);
      const named = [
        ...read.purchases.suppliers.map((s) => ({ key: s.key, name: s.name })),
        ...read.purchases.unattributed.map((g) => ({ key: g.key, name: g.label })),
      ];
      const tied = answersByKey(parsed, named);
      answers = tied.answers;
      for (const p of [...parsed.problems, ...tied.problems]) {
        anomalies.push({ line: p.line, code: 'answers-file', message: p.message });
        log(p.message);
      }
    }

    const lookup = cliPostalLookup(config.DATA_DIR);
    let db: Awaited<ReturnType<typeof openDatabase>> | null = null;
    if (!values['no-directory']) {
      try {
        db = await openDatabase(config, log);
      } catch (e) {
        log(
          `Annuaire indisponible (${e instanceof Error ? e.message : String(e)}) : les fournisseurs ne sont localisés que par vos réponses.`,
        );
      }
    }
    try {
      const { ibal } = await locateAndCompute(read.purchases, {
        lookup,
        directory: db ? databaseDirectory(db) : null,
        answers,
        acceptProposals: values['accept-proposals'],
      });
      const json = toJson(file, read, ibal, anomalies);
      if (values.badge) await writeBadge(values.badge, ibal, log);
      process.stdout.write(values.format === 'json' ? `${JSON.stringify(json)}\n` : `${toTable(json)}\n`);
    } finally {
      await db?.close();
    }
    return 0;
  },
};
