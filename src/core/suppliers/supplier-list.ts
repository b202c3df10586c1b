// A supplier list (CSV or XLSX) as an alternative to the FEC: one row per supplier (or per
// invoice) with a name, an amount and any of SIRET/SIREN, postal code, town, country.
// Anti-corruption layer: raw cells → typed rows, columns found by header synonyms (or an
// explicit mapping), every bad cell reported in French with its line and column, never fatal
// for the other rows. The result is the same PurchasesResult as a FEC gives.
import { cents, err, ok, parseSiren, parseSiret, type Problem, type Result } from '../shared/index.ts';
import {
  assembleResult,
  categoryCode,
  defaultAccountSet,
  type PurchasesResult,
  type SupplierSpend,
} from '../purchases/index.ts';
import { normaliseName } from './normalise.ts';

export type ListField = 'name' | 'amount' | 'siret' | 'siren' | 'postalCode' | 'town' | 'country' | 'account';
export const listFields: readonly ListField[] = [
  'name',
  'amount',
  'siret',
  'siren',
  'postalCode',
  'town',
  'country',
  'account',
];

export const listFieldLabels: Record<ListField, string> = {
  name: 'Fournisseur',
  amount: 'Montant HT',
  siret: 'SIRET',
  siren: 'SIREN',
  postalCode: 'Code postal',
  town: 'Ville',
  country: 'Pays',
  account: 'Compte de charge',
};

/** Header synonyms, normalised (lower case, no accents, letters and digits only), best first. */
const synonyms: Record<ListField, string[]> = {
  name: [
    'fournisseur',
    'raisonsociale',
    'nomfournisseur',
    'nomdufournisseur',
    'denomination',
    'nom',
    'societe',
    'entreprise',
    'tiers',
    'intitule',
    'libelle',
    'compauxlib',
    'supplier',
    'suppliername',
    'vendor',
    'name',
  ],
  amount: [
    'montantht',
    'montanthorstaxes',
    'montanthorstaxe',
    'totalht',
    'achatsht',
    'montant',
    'montantachats',
    'achats',
    'depenses',
    'total',
    'ht',
    'amount',
    'spend',
    'montantttc',
    'totalttc',
  ],
  siret: ['siret', 'numerosiret', 'nsiret', 'nodesiret'],
  siren: ['siren', 'numerosiren', 'nsiren'],
  postalCode: ['codepostal', 'cp', 'postal', 'zip', 'zipcode', 'postcode', 'postalcode'],
  town: ['ville', 'commune', 'localite', 'city', 'town'],
  country: ['pays', 'codepays', 'country'],
  account: ['comptedecharge', 'comptecharge', 'compte', 'comptenum', 'account'],
};

export const normaliseHeader = (h: string): string =>
  h
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');

export type ColumnMapping = Record<ListField, number | null>;
/** An explicit mapping: field → header text (as written) or 0-based column index. */
export type MappingOverride = Partial<Record<ListField, string | number | null>>;

export interface ListProblem {
  /** 1-based line (row) of the file. */
  line: number;
  column: string;
  code: string;
  message: string;
}

export interface SupplierListResult {
  purchases: PurchasesResult;
  headers: string[];
  mapping: ColumnMapping;
  /** Line of the header row (1-based). */
  headerLine: number;
  problems: ListProblem[];
  rowsRead: number;
}

export interface SupplierListOptions {
  mapping?: MappingOverride;
  /** The period the list covers, when known (else null). */
  period?: { from: string; to: string } | null;
}

export type Cell = string | number | boolean | Date | null | undefined;

function findColumn(headers: string[], field: ListField, taken: Set<number>): number | null {
  const norm = headers.map(normaliseHeader);
  for (const s of synonyms[field]) {
    const i = norm.findIndex((h, k) => !taken.has(k) && h === s);
    if (i >= 0) return i;
  }
  for (const s of synonyms[field]) {
    if (s.length < 4) continue;
    const i = norm.findIndex((h, k) => !taken.has(k) && h.startsWith(s));
    if (i >= 0) return i;
  }
  return null;
}

/** Columns found by synonyms, then corrected by the explicit mapping. */
export function mapColumns(
  headers: string[],
  override: MappingOverride = {},
): Result<ColumnMapping, Problem<'mapping'>> {
  const mapping = Object.fromEntries(listFields.map((f) => [f, null])) as ColumnMapping;
  const taken = new Set<number>();
  for (const [field, value] of Object.entries(override) as [ListField, string | number | null][]) {
    if (value === null || value === undefined) continue;
    const i =
      typeof value === 'number'
        ? value
        : headers.findIndex(
            (h) => h.trim() === value.trim() || normaliseHeader(h) === normaliseHeader(value),
          );
    if (i < 0 || i >= headers.length) {
      return err({
        code: 'mapping',
        message: `Colonne « ${value} » introuvable pour « ${listFieldLabels[field]} » : les en-têtes lus sont ${headers.map((h) => `« ${h} »`).join(', ')}.`,
      });
    }
    mapping[field] = i;
    taken.add(i);
  }
  for (const field of listFields) {
    if (field in override) continue;
    // SIREN is not matched inside a SIRET header and vice versa thanks to exact synonyms first.
    const i = findColumn(headers, field, taken);
    if (i !== null) {
      mapping[field] = i;
      taken.add(i);
    }
  }
  const missing = (['name', 'amount'] as const).filter((f) => mapping[f] === null);
  if (missing.length > 0) {
    return err({
      code: 'mapping',
      message: `Colonne ${missing.map((f) => `« ${listFieldLabels[f]} »`).join(' et ')} introuvable parmi ${headers.map((h) => `« ${h} »`).join(', ')}. Renommez l'en-tête (exemples : « Fournisseur », « Montant HT ») ou indiquez la correspondance des colonnes.`,
    });
  }
  return ok(mapping);
}

/** "1 234,56", "1.234,56", "1,234.56", "-12,5 €", "(12,50)" → cents; null when unreadable. */
export function parseAmountCents(cell: Cell): number | null {
  if (typeof cell === 'number') return Number.isFinite(cell) ? Math.round(cell * 100) : null;
  if (typeof cell !== 'string') return null;
  let t = cell.replace(/[\s\u00a0\u202f€]|EUR/gi, '');
  if (t === '') return null;
  let sign = 1;
  if (/^\(.*\)$/.test(t)) {
    sign = -1;
    t = t.slice(1, -1);
  }
  if (t.startsWith('-')) {
    sign = -sign;
    t = t.slice(1);
  } else if (t.endsWith('-')) {
    sign = -sign;
    t = t.slice(0, -1);
  } else if (t.startsWith('+')) t = t.slice(1);
  const lastComma = t.lastIndexOf(',');
  const lastDot = t.lastIndexOf('.');
  let intPart: string;
  let frac = '';
  if (lastComma >= 0 && lastDot >= 0) {
    const dec = Math.max(lastComma, lastDot);
    intPart = t.slice(0, dec).replace(/[.,']/g, '');
    frac = t.slice(dec + 1);
  } else if (lastComma >= 0 || lastDot >= 0) {
    const sep = lastComma >= 0 ? ',' : '.';
    const parts = t.split(sep);
    // "1.234.567", or one dot followed by exactly 3 digits ("1.234"): thousands. A lone comma is
    // the French decimal comma, whatever follows it ("12,345" → 12,35 €).
    if (parts.length > 2 || (sep === '.' && parts[1]?.length === 3 && parts[0] !== '0')) {
      intPart = parts.join('');
    } else {
      intPart = parts[0] ?? '';
      frac = parts[1] ?? '';
    }
  } else intPart = t.replace(/'/g, '');
  if (!/^\d*$/.test(intPart) || !/^\d*$/.test(frac) || (intPart === '' && frac === '')) return null;
  const fracCents = Number((frac + '00').slice(0, 2)) + (frac.length > 2 && Number(frac[2]) >= 5 ? 1 : 0);
  return sign * (Number(intPart || '0') * 100 + fracCents);
}

const cellText = (c: Cell): string =>
  c === null || c === undefined ? '' : c instanceof Date ? c.toISOString().slice(0, 10) : String(c).trim();

function headerRowIndex(rows: Cell[][]): number {
  let best = 0;
  let bestScore = -1;
  for (let r = 0; r < Math.min(rows.length, 10); r++) {
    const row = rows[r] ?? [];
    const headers = row.map(cellText);
    const taken = new Set<number>();
    const score = listFields.filter((f) => {
      const i = findColumn(headers, f, taken);
      if (i !== null) taken.add(i);
      return i !== null;
    }).length;
    if (score > bestScore) {
      best = r;
      bestScore = score;
    }
  }
  return best;
}

interface RowAcc {
  spend: SupplierSpend;
  amount: number;
  byCategory: Map<string, number>;
}

function addUnique(list: string[], value: string): void {
  if (value !== '' && !list.includes(value)) list.push(value);
}

/** Rows of cells (from CSV or XLSX) → spend per supplier. */
export function supplierListFromRows(
  rows: Cell[][],
  options: SupplierListOptions = {},
): Result<SupplierListResult, Problem<'mapping' | 'empty'>> {
  const h = headerRowIndex(rows);
  const headers = (rows[h] ?? []).map(cellText);
  if (rows.length === 0 || headers.every((x) => x === '')) {
    return err({ code: 'empty', message: 'Le fichier est vide : aucune ligne d’en-tête trouvée.' });
  }
  const mapped = mapColumns(headers, options.mapping);
  if (!mapped.ok) return mapped;
  const m = mapped.value;
  const problems: ListProblem[] = [];
  const header = (f: ListField) => headers[m[f] ?? -1] ?? listFieldLabels[f];
  const get = (row: Cell[], f: ListField) => (m[f] === null ? '' : cellText(row[m[f] as number]));
  const accs = new Map<string, RowAcc>();
  let rowsRead = 0;

  for (let r = h + 1; r < rows.length; r++) {
    const row = rows[r] ?? [];
    const line = r + 1;
    if (row.every((c) => cellText(c) === '')) continue;
    rowsRead++;
    const name = get(row, 'name');
    const amountCell = m.amount === null ? null : row[m.amount];
    const amount = parseAmountCents(amountCell ?? null);
    if (amount === null) {
      problems.push({
        line,
        column: header('amount'),
        code: 'amount',
        message: `Ligne ${line}, colonne « ${header('amount')} » : montant « ${cellText(amountCell)} » illisible ; ligne ignorée. Écrivez-le comme 1 234,56.`,
      });
      continue;
    }
    let siret = get(row, 'siret').replace(/\s/g, '');
    let siren = get(row, 'siren').replace(/\s/g, '');
    if (siret !== '') {
      const p = parseSiret(siret);
      if (!p.ok) {
        problems.push({
          line,
          column: header('siret'),
          code: 'siret',
          message: `Ligne ${line}, colonne « ${header('siret')} » : ${p.error.message} Le fournisseur sera cherché par son nom.`,
        });
        siret = '';
      }
    }
    if (siren !== '') {
      const p = parseSiren(siren);
      if (!p.ok) {
        problems.push({
          line,
          column: header('siren'),
          code: 'siren',
          message: `Ligne ${line}, colonne « ${header('siren')} » : ${p.error.message} Le fournisseur sera cherché par son nom.`,
        });
        siren = '';
      }
    }
    if (name === '' && siret === '' && siren === '') {
      problems.push({
        line,
        column: header('name'),
        code: 'name',
        message: `Ligne ${line}, colonne « ${header('name')} » : nom du fournisseur vide (et pas de SIRET) ; ligne ignorée.`,
      });
      continue;
    }
    const norm = normaliseName(name).text;
    const key = `list:${siret || siren || norm || name}`;
    let acc = accs.get(key);
    if (!acc) {
      acc = {
        amount: 0,
        byCategory: new Map(),
        spend: {
          key,
          keySource: 'supplier-list',
          name: name || siret || siren,
          auxiliaryAccount: null,
          generalAccounts: [],
          identifiers: { siret: [], siren: [], postalCodes: [], towns: [], countries: [] },
          currencies: [],
          amountCents: cents(0),
          byCategory: {},
          entryCount: 0,
          sampleLabels: [],
        },
      };
      accs.set(key, acc);
    }
    const ids = acc.spend.identifiers;
    addUnique(ids.siret, siret);
    addUnique(ids.siren, siren || (siret ? siret.slice(0, 9) : ''));
    addUnique(ids.postalCodes, get(row, 'postalCode'));
    addUnique(ids.towns, get(row, 'town'));
    addUnique(ids.countries, get(row, 'country'));
    const account = get(row, 'account').replace(/\s/g, '');
    const cat = /^\d{3}/.test(account) ? categoryCode(account) : 'nc';
    acc.amount += amount;
    acc.byCategory.set(cat, (acc.byCategory.get(cat) ?? 0) + amount);
    acc.spend.entryCount++;
  }

  const suppliers = [...accs.values()]
    .map(({ spend, amount, byCategory }) => ({
      ...spend,
      amountCents: cents(amount),
      byCategory: Object.fromEntries([...byCategory].map(([k, v]) => [k, cents(v)])),
    }))
    .sort((a, b) => b.amountCents - a.amountCents || a.key.localeCompare(b.key));
  const purchases = assembleResult({
    period: options.period ?? null,
    settings: { accounts: defaultAccountSet, period: options.period ?? null },
    suppliers,
    unattributed: [],
    entryKeyModes: {},
    purchaseEntryCount: rowsRead,
    linesRead: rowsRead,
    anomalies: problems.map((p) => ({ line: p.line, code: p.code, message: p.message })),
  });
  return ok({ purchases, headers, mapping: m, headerLine: h + 1, problems, rowsRead });
}

/** Strict UTF-8 (BOM stripped), else Windows-1252 (what spreadsheet programs write in France). */
export function decodeText(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return decodeWindows1252(bytes);
  }
}

// Windows-1252's 0x80–0x9F (WHATWG encoding standard, index-windows-1252): Node 20's own
// TextDecoder('windows-1252') turns them into C1 control characters, so they are mapped here.
const cp1252High =
  '\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f' +
  '\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178';

export function decodeWindows1252(bytes: Uint8Array): string {
  let out = '';
  const chunk = 8192;
  for (let i = 0; i < bytes.length; i += chunk) {
    const part = bytes.subarray(i, i + chunk);
    let s = '';
    for (let k = 0; k < part.length; k++) {
      const b = part[k] as number;
      s += b >= 0x80 && b <= 0x9f ? cp1252High[b - 0x80] : String.fromCharCode(b);
    }
    out += s;
  }
  return out;
}

/** CSV with ; , or tab (detected on the header line), quotes doubled inside quoted fields. */
export function parseCsv(text: string): string[][] {
  const firstLine = text.slice(0, text.search(/\r?\n|\r|$/));
  const counts = [';', '\t', ','].map((s) => ({
    s,
    n: firstLine.replace(/"[^"]*"/g, '').split(s).length - 1,
  }));
  const sep = counts.sort((a, b) => b.n - a.n)[0]?.s ?? ';';
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i] as string;
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else field += c;
    } else if (c === '"' && field.trim() === '') {
      quoted = true;
      field = '';
    } else if (c === sep) {
      row.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += c;
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

const isZip = (b: Uint8Array): boolean => b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04;

/**
 * The cells of a supplier list: the first sheet of an XLSX workbook, or the rows of a CSV (both
 * detected from the bytes). Throws when a workbook cannot be read.
 */
export async function supplierListRows(bytes: Uint8Array): Promise<Cell[][]> {
  if (!isZip(bytes)) return parseCsv(decodeText(bytes));
  // Loaded on demand: the XLSX reader (≈ 120 KB) stays out of bundles that never meet a workbook.
  const { default: readXlsxFile } = await import('read-excel-file/universal');
  const sheets = await readXlsxFile(bytes.slice().buffer);
  return (sheets[0]?.data ?? []) as Cell[][];
}

/** Reads a supplier list, CSV or XLSX (detected from its bytes), in the browser or in Node. */
export async function readSupplierList(
  bytes: Uint8Array,
  options: SupplierListOptions = {},
): Promise<Result<SupplierListResult, Problem<'mapping' | 'empty' | 'unreadable'>>> {
  if (isZip(bytes)) {
    let rows: Cell[][];
    try {
      rows = await supplierListRows(bytes);
    } catch (e) {
      return err({
        code: 'unreadable',
        message: `Classeur XLSX illisible (${e instanceof Error ? e.message : String(e)}) : enregistrez-le de nouveau au format .xlsx ou en CSV.`,
      });
    }
    return supplierListFromRows(rows, options);
  }
  return supplierListFromRows(parseCsv(decodeText(bytes)), options);
}
