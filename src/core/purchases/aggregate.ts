// Entries → net purchase spend per supplier and per PCG category (DESIGN.md §5).
//
// The attribution rule:
// - An entry is keyed (JournalCode, EcritureNum, EcritureDate). When EcritureNum is empty, or
//   constant across a journal, the key falls back to (JournalCode, EcritureDate, PieceRef).
// - Purchase lines are the lines whose account is in the account set (default 60 except 603,
//   61, 62). The HT amount of an entry is Σ(Debit − Credit) on them: credit notes subtract.
// - Supplier lines are 401/403/404/408 lines. Their CompAuxNum/CompAuxLib is the supplier; with
//   no CompAuxNum, a per-supplier general account (4010012 "ACME") is the supplier; a collective
//   account with no CompAuxNum (401000 "Fournisseurs", 408 "Factures non parvenues") names nobody.
// - Several suppliers in an entry share its amount pro rata to their net amounts
//   (Credit − Debit, in the direction of the purchase), per category, to the cent (allocateCents).
// - No supplier line (purchases booked in a bank journal...) → "non attribué", grouped by label.
// - Capital expenditure (class 2 accounts, when in the set) only counts in an entry with a 404 line.
//
// Streaming and memory: lines are added one at a time. Only lines of purchase or supplier
// accounts are kept, summed per entry; an entry stays open in a window of the most recent
// `window` entries (1,024 by default), so a FEC sorted by entry (the norm) or slightly out of
// order is read exactly; when the window is full the oldest entry is closed and attributed.
// A line arriving for an entry closed earlier is reported (code `entry-split`, for entries among
// the last 50,000 to 100,000 closed) and counted as a separate entry. Closed entries leave only their totals per journal × supplier × category,
// so memory grows with the number of suppliers and labels, not with the file size.
//
// The EcritureNum-constant test needs the whole journal, so each multi-piece entry is attributed
// both ways (whole entry, and piece by piece) into per-journal totals; result() picks per journal.
import { allocateCents, cents, type Cents } from '../shared/index.ts';
import type { FecLine } from '../fec/types.ts';
import { accountMatcher, defaultAccountSet } from './account-set.ts';
import { categoryCode, categoryLabel } from './categories.ts';
import { labelGroupKey } from './labels.ts';
import type {
  EntryKeyMode,
  Period,
  PurchaseAnomaly,
  PurchaseSettings,
  PurchasesResult,
  SupplierSpend,
  UnattributedGroup,
  UnattributedSample,
} from './types.ts';

export interface PurchaseAggregatorOptions {
  settings?: Partial<PurchaseSettings>;
  /** Number of entries kept open for out-of-order lines (default 1,024). */
  window?: number;
  /** Cap on the anomalies kept (default 200; counts stay exact). */
  maxAnomalies?: number;
}

export interface PurchaseAggregator {
  add(line: FecLine): void;
  /** Closes every open entry and returns the figures (the aggregator can keep receiving lines). */
  result(): PurchasesResult;
}

const MAX_SAMPLE_LABELS = 3;
/** Shared empty values of a piece, replaced on first use (most pieces have no capex, no currency). */
const NO_AMOUNTS: ReadonlyMap<string, number> = new Map();
const NO_CURRENCIES: readonly string[] = [];
/** Closed purchase entries remembered (per generation) to detect late fragments. */
const CLOSED_MEMORY = 50_000;
const MAX_UNATTRIBUTED_SAMPLES = 5;

interface SupplierRef {
  key: string;
  source: 'auxiliary' | 'general-account';
  name: string;
  aux: string | null;
  account: string;
  /** Credit − Debit. */
  net: number;
}

/** Lines of one PieceRef inside an entry. */
interface Piece {
  pieceRef: string;
  firstLine: number;
  /** Σ(Debit − Credit) per category, purchases of classes 6 (and others in the set). */
  purchases: Map<string, number>;
  /** NO_AMOUNTS until a capex line comes. */
  capex: Map<string, number> | ReadonlyMap<string, number>;
  suppliers: Map<string, SupplierRef>;
  has404: boolean;
  collectiveWithoutAux: boolean;
  label: string;
  currencies: readonly string[];
}

interface OpenEntry {
  key: string;
  journal: string;
  num: string;
  date: string;
  hasPurchase: boolean;
  pieces: Map<string, Piece>;
}

interface SupplierAcc {
  key: string;
  source: 'auxiliary' | 'general-account';
  name: string;
  aux: string | null;
  accounts: Set<string>;
  currencies: Set<string>;
  amount: number;
  byCategory: Map<string, number>;
  entryCount: number;
  labels: string[];
}

interface GroupAcc {
  key: string;
  label: string;
  amount: number;
  byCategory: Map<string, number>;
  entryCount: number;
  samples: UnattributedSample[];
  reason: UnattributedGroup['reason'];
}

class Totals {
  suppliers = new Map<string, SupplierAcc>();
  groups = new Map<string, GroupAcc>();
  purchaseEntries = 0;

  merge(other: Totals): void {
    this.purchaseEntries += other.purchaseEntries;
    for (const s of other.suppliers.values()) {
      const t = this.supplier(s);
      t.amount += s.amount;
      t.entryCount += s.entryCount;
      addAll(t.byCategory, s.byCategory);
      for (const a of s.accounts) t.accounts.add(a);
      for (const c of s.currencies) t.currencies.add(c);
      for (const l of s.labels) pushLabel(t.labels, l);
    }
    for (const g of other.groups.values()) {
      const t = this.group(g.key, g.label, g.reason);
      t.amount += g.amount;
      t.entryCount += g.entryCount;
      addAll(t.byCategory, g.byCategory);
      for (const s of g.samples) if (t.samples.length < MAX_UNATTRIBUTED_SAMPLES) t.samples.push(s);
    }
  }

  supplier(ref: {
    key: string;
    source: SupplierAcc['source'];
    name: string;
    aux: string | null;
  }): SupplierAcc {
    let s = this.suppliers.get(ref.key);
    if (!s) {
      s = {
        key: ref.key,
        source: ref.source,
        name: ref.name,
        aux: ref.aux,
        accounts: new Set(),
        currencies: new Set(),
        amount: 0,
        byCategory: new Map(),
        entryCount: 0,
        labels: [],
      };
      this.suppliers.set(ref.key, s);
    } else if (s.name === '' && ref.name !== '') s.name = ref.name;
    return s;
  }

  group(key: string, label: string, reason: GroupAcc['reason']): GroupAcc {
    let g = this.groups.get(key);
    if (!g) {
      g = { key, label, amount: 0, byCategory: new Map(), entryCount: 0, samples: [], reason };
      this.groups.set(key, g);
    }
    return g;
  }
}

interface JournalState {
  firstNum: string | null;
  severalNums: boolean;
  firstPiece: string | null;
  severalPieces: boolean;
  common: Totals;
  byEntry: Totals;
  byPiece: Totals;
}

function addAll(target: Map<string, number>, source: ReadonlyMap<string, number>): void {
  for (const [k, v] of source) target.set(k, (target.get(k) ?? 0) + v);
}

function pushLabel(labels: string[], label: string): void {
  if (label !== '' && labels.length < MAX_SAMPLE_LABELS && !labels.includes(label)) labels.push(label);
}

const GENERIC_SUPPLIER_LABEL =
  /fournisseurs?\b|^fourn?\b|^frs\b|factures? non parvenues|\bfnp\b|effets? (a|à) payer|retenues? de garantie|d'immobilisations|divers/i;

/** A 401/403/404 account without CompAuxNum names a supplier when it is not a collective account. */
function isPerSupplierAccount(account: string, label: string): boolean {
  if (account.startsWith('408')) return false;
  if (!/[1-9]/.test(account.slice(3))) return false;
  return !GENERIC_SUPPLIER_LABEL.test(label.trim());
}

function isSupplierAccount(account: string): boolean {
  return (
    account.length >= 3 &&
    account.charCodeAt(0) === 52 && // 4
    account.charCodeAt(1) === 48 && // 0
    (account[2] === '1' || account[2] === '3' || account[2] === '4' || account[2] === '8')
  );
}

/**
 * Keys of recently closed entries, as two 32-bit FNV-1a hashes (53 bits kept, as before), in two
 * generations of at most `perGeneration` keys: open addressing in typed arrays, so remembering
 * hundreds of thousands of entries allocates nothing per entry.
 */
class ClosedKeys {
  private readonly mask: number;
  private readonly hi: [Int32Array, Int32Array];
  private readonly lo: [Int32Array, Int32Array];
  private readonly used: [Uint8Array, Uint8Array];
  private readonly counts = [0, 0];
  private current = 0;
  private h1 = 0;
  private h2 = 0;

  constructor(private readonly perGeneration: number) {
    let size = 1024;
    while (size < perGeneration * 2.5) size *= 2;
    this.mask = size - 1;
    this.hi = [new Int32Array(size), new Int32Array(size)];
    this.lo = [new Int32Array(size), new Int32Array(size)];
    this.used = [new Uint8Array(size), new Uint8Array(size)];
  }

  get size(): number {
    return this.counts[0]! + this.counts[1]!;
  }

  add(key: string): void {
    this.hash(key);
    let g = this.current;
    if (this.counts[g]! >= this.perGeneration) {
      g = this.current = 1 - g;
      this.used[g]!.fill(0);
      this.counts[g] = 0;
    }
    if (this.find(g) >= 0) return;
    const used = this.used[g]!;
    let i = this.h1 & this.mask;
    while (used[i] !== 0) i = (i + 1) & this.mask;
    used[i] = 1;
    this.hi[g]![i] = this.h1;
    this.lo[g]![i] = this.h2;
    this.counts[g]!++;
  }

  has(key: string): boolean {
    this.hash(key);
    return this.find(0) >= 0 || this.find(1) >= 0;
  }

  private find(g: number): number {
    const used = this.used[g]!;
    const hi = this.hi[g]!;
    const lo = this.lo[g]!;
    for (let i = this.h1 & this.mask; used[i] !== 0; i = (i + 1) & this.mask)
      if (hi[i] === this.h1 && lo[i] === this.h2) return i;
    return -1;
  }

  private hash(s: string): void {
    let h1 = 0x811c9dc5;
    let h2 = 0x01000193;
    for (let i = 0; i < s.length; i++) {
      const c = s.charCodeAt(i);
      h1 = Math.imul(h1 ^ c, 0x01000193);
      h2 = Math.imul(h2 ^ c, 0x5bd1e995);
    }
    this.h1 = h1;
    this.h2 = h2 & 0x1fffff;
  }
}

export function createPurchaseAggregator(options: PurchaseAggregatorOptions = {}): PurchaseAggregator {
  const settings: PurchaseSettings = {
    accounts: options.settings?.accounts ?? defaultAccountSet,
    period: options.settings?.period ?? null,
  };
  const windowSize = Math.max(1, options.window ?? 1024);
  const maxAnomalies = options.maxAnomalies ?? 200;
  const match = accountMatcher(settings.accounts);
  const filter = settings.period;

  const open = new Map<string, OpenEntry>();
  // Keys of recently closed purchase entries, to report a fragment that comes back late: two
  // generations of at most CLOSED_MEMORY keys each, so memory stays bounded on any file size.
  const closed = new ClosedKeys(CLOSED_MEMORY);
  // The entry of the previous line: lines of an entry follow each other in most files.
  let last: OpenEntry | null = null;
  const journals = new Map<string, JournalState>();
  const anomalies: PurchaseAnomaly[] = [];
  let anomalyCount = 0;
  let linesRead = 0;
  let minDate = '';
  let maxDate = '';

  function anomaly(a: PurchaseAnomaly): void {
    anomalyCount++;
    if (anomalies.length < maxAnomalies) anomalies.push(a);
  }

  function journal(code: string): JournalState {
    let j = journals.get(code);
    if (!j) {
      j = {
        firstNum: null,
        severalNums: false,
        firstPiece: null,
        severalPieces: false,
        common: new Totals(),
        byEntry: new Totals(),
        byPiece: new Totals(),
      };
      journals.set(code, j);
    }
    return j;
  }

  /** Attributes one unit (a whole entry or one of its pieces) into `totals`. */
  function attribute(totals: Totals, units: Piece[], journalCode: string, date: string): void {
    const only = units.length === 1 ? units[0]! : null;
    // One piece (most entries): its own maps are read as they are, nothing is merged.
    if (only && !(only.has404 && only.capex.size > 0)) {
      const counted = only.purchases.size + only.capex.size > 0;
      attributeTotals(
        totals,
        only.purchases,
        only.suppliers,
        only.collectiveWithoutAux,
        counted ? only.label : '',
        counted ? only.firstLine : Infinity,
        counted ? only.pieceRef : '',
        only.currencies,
        journalCode,
        date,
      );
      return;
    }
    const purchases = new Map<string, number>();
    const suppliers = new Map<string, SupplierRef>();
    let has404 = false;
    let collective = false;
    let label = '';
    let firstLine = Infinity;
    let pieceRef = '';
    const currencies: string[] = [];
    for (const p of units) {
      addAll(purchases, p.purchases);
      if (p.has404) has404 = true;
      if (p.collectiveWithoutAux) collective = true;
      for (const s of p.suppliers.values()) {
        const t = suppliers.get(s.key);
        if (t) t.net += s.net;
        else suppliers.set(s.key, { ...s });
      }
      if (p.firstLine < firstLine && p.purchases.size + p.capex.size > 0) {
        firstLine = p.firstLine;
        pieceRef = p.pieceRef;
        label = p.label;
      }
      for (const c of p.currencies) if (!currencies.includes(c)) currencies.push(c);
    }
    if (has404) for (const p of units) addAll(purchases, p.capex);
    attributeTotals(
      totals,
      purchases,
      suppliers,
      collective,
      label,
      firstLine,
      pieceRef,
      currencies,
      journalCode,
      date,
    );
  }

  /** The attribution proper, on an entry's (or a piece's) purchases and supplier lines (read only). */
  function attributeTotals(
    totals: Totals,
    purchases: ReadonlyMap<string, number>,
    suppliers: ReadonlyMap<string, SupplierRef>,
    collective: boolean,
    label: string,
    firstLine: number,
    pieceRef: string,
    currencies: readonly string[],
    journalCode: string,
    date: string,
  ): void {
    let ht = 0;
    let nonZero = false;
    for (const v of purchases.values()) {
      ht += v;
      if (v !== 0) nonZero = true;
    }
    if (!nonZero) return;
    totals.purchaseEntries++;

    const refs = [...suppliers.values()];
    if (refs.length === 0) {
      const key = `label:${labelGroupKey(label)}`;
      const g = totals.group(
        key,
        label,
        collective ? 'collective-account-without-auxiliary' : 'no-supplier-line',
      );
      g.amount += ht;
      g.entryCount++;
      addAll(g.byCategory, purchases);
      if (g.samples.length < MAX_UNATTRIBUTED_SAMPLES) {
        g.samples.push({ line: firstLine, journalCode, pieceRef, date, label, amountCents: cents(ht) });
      }
      return;
    }
    const dir = ht < 0 ? -1 : 1;
    let weights = refs.map((r) => Math.max(0, r.net * dir));
    if (weights.every((w) => w === 0)) weights = refs.map((r) => Math.abs(r.net));
    const accs = refs.map((r) => {
      const acc = totals.supplier(r);
      acc.accounts.add(r.account);
      acc.entryCount++;
      pushLabel(acc.labels, label);
      for (const c of currencies) acc.currencies.add(c);
      return acc;
    });
    for (const [cat, amount] of purchases) {
      if (amount === 0) continue;
      const parts = refs.length === 1 ? [amount] : allocateCents(amount, weights);
      accs.forEach((acc, i) => {
        const part = parts[i] ?? 0;
        acc.amount += part;
        acc.byCategory.set(cat, (acc.byCategory.get(cat) ?? 0) + part);
      });
    }
  }

  function close(entry: OpenEntry): void {
    open.delete(entry.key);
    if (entry === last) last = null;
    if (!entry.hasPurchase) return;
    closed.add(entry.key);
    const j = journal(entry.journal);
    const pieces = [...entry.pieces.values()];
    if (pieces.length === 1 || entry.num === '') {
      for (const p of pieces) attribute(j.common, [p], entry.journal, entry.date);
      return;
    }
    attribute(j.byEntry, pieces, entry.journal, entry.date);
    for (const p of pieces) attribute(j.byPiece, [p], entry.journal, entry.date);
  }

  function add(line: FecLine): void {
    linesRead++;
    const date = line.ecritureDate;
    if (filter && (date < filter.from || date > filter.to)) return;
    if (date !== '') {
      if (minDate === '' || date < minDate) minDate = date;
      if (date > maxDate) maxDate = date;
    }
    const account = line.compteNum;
    const kind = match(account);
    const supplier = kind === null && isSupplierAccount(account);
    if (kind === null && !supplier) return;

    const journalCode = line.journalCode;
    const ecritureNum = line.ecritureNum;
    let entry: OpenEntry | undefined;
    let key = '';
    if (last !== null && last.journal === journalCode && last.num === ecritureNum && last.date === date)
      entry = last;
    else {
      key = `${journalCode}\u001f${ecritureNum}\u001f${date}`;
      entry = open.get(key);
      if (entry) last = entry;
    }
    if (!entry) {
      if (closed.size > 0 && closed.has(key)) {
        anomaly({
          line: line.line,
          code: 'entry-split',
          message: `Ligne ${line.line} : l'écriture ${line.journalCode} n° ${line.ecritureNum} du ${date} reprend loin après ses autres lignes ; elle est comptée comme une écriture à part (son fournisseur peut manquer). Triez le FEC par écriture pour un rattachement exact.`,
        });
      }
      entry = {
        key,
        journal: line.journalCode,
        num: line.ecritureNum,
        date,
        hasPurchase: false,
        pieces: new Map(),
      };
      open.set(key, entry);
      last = entry;
      if (open.size > windowSize) {
        const oldest = open.values().next().value;
        if (oldest) close(oldest);
      }
      const j = journal(line.journalCode);
      if (line.ecritureNum !== '') {
        if (j.firstNum === null) j.firstNum = line.ecritureNum;
        else if (!j.severalNums && j.firstNum !== line.ecritureNum) j.severalNums = true;
      }
    }
    const pieceKey = line.pieceRef;
    let piece = entry.pieces.get(pieceKey);
    if (!piece) {
      piece = {
        pieceRef: pieceKey,
        firstLine: line.line,
        purchases: new Map(),
        capex: NO_AMOUNTS,
        suppliers: new Map(),
        has404: false,
        collectiveWithoutAux: false,
        label: '',
        currencies: NO_CURRENCIES,
      };
      entry.pieces.set(pieceKey, piece);
      const j = journal(line.journalCode);
      const dp = `${date}\u001f${pieceKey}`;
      if (j.firstPiece === null) j.firstPiece = dp;
      else if (!j.severalPieces && j.firstPiece !== dp) j.severalPieces = true;
    }
    const cur = line.idevise === '' ? '' : line.idevise.toUpperCase();
    if (cur !== '' && cur !== 'EUR' && !piece.currencies.includes(cur))
      piece.currencies = [...piece.currencies, cur];
    const amount = line.debitCents - line.creditCents;
    if (kind !== null) {
      const cat = categoryCode(account);
      let target = piece.purchases;
      if (kind === 'capex') {
        if (piece.capex === NO_AMOUNTS) piece.capex = new Map();
        target = piece.capex as Map<string, number>;
      }
      target.set(cat, (target.get(cat) ?? 0) + amount);
      entry.hasPurchase = true;
      if (piece.label === '') piece.label = line.ecritureLib;
      if (line.line < piece.firstLine) piece.firstLine = line.line;
      return;
    }
    if (account.startsWith('404')) piece.has404 = true;
    let ref: Omit<SupplierRef, 'net'> | null = null;
    if (line.compAuxNum !== '') {
      ref = {
        key: `aux:${line.compAuxNum}`,
        source: 'auxiliary',
        name: line.compAuxLib,
        aux: line.compAuxNum,
        account,
      };
    } else if (isPerSupplierAccount(account, line.compteLib)) {
      ref = {
        key: `account:${account}`,
        source: 'general-account',
        name: line.compteLib,
        aux: null,
        account,
      };
    }
    if (ref === null) {
      piece.collectiveWithoutAux = true;
      return;
    }
    const s = piece.suppliers.get(ref.key);
    if (s) s.net -= amount;
    else piece.suppliers.set(ref.key, { ...ref, net: -amount });
    if (piece.label === '') piece.label = line.ecritureLib;
  }

  function result(): PurchasesResult {
    for (const e of [...open.values()]) close(e);
    const all = new Totals();
    const entryKeyModes: Record<string, EntryKeyMode> = {};
    for (const [code, j] of journals) {
      const mode: EntryKeyMode =
        j.firstNum === null || (!j.severalNums && j.severalPieces) ? 'piece-ref' : 'ecriture-num';
      entryKeyModes[code] = mode;
      all.merge(j.common);
      all.merge(mode === 'piece-ref' ? j.byPiece : j.byEntry);
    }
    return toResult(all, settings, period(), entryKeyModes, linesRead, anomalies, anomalyCount);
  }

  function period(): Period | null {
    if (filter) return filter;
    return minDate === '' ? null : { from: minDate, to: maxDate };
  }

  return { add, result };
}

function record(map: Map<string, number>): Record<string, Cents> {
  const out: Record<string, Cents> = {};
  for (const [k, v] of [...map].sort((a, b) => a[0].localeCompare(b[0]))) if (v !== 0) out[k] = cents(v);
  return out;
}

function toResult(
  all: Totals,
  settings: PurchaseSettings,
  period: Period | null,
  entryKeyModes: Record<string, EntryKeyMode>,
  linesRead: number,
  anomalies: PurchaseAnomaly[],
  anomalyCount: number,
): PurchasesResult {
  const suppliers: SupplierSpend[] = [...all.suppliers.values()]
    .filter((s) => s.amount !== 0 || s.byCategory.size > 0)
    .map((s) => ({
      key: s.key,
      keySource: s.source,
      name: s.name,
      auxiliaryAccount: s.aux,
      generalAccounts: [...s.accounts].sort(),
      identifiers: { siret: [], siren: [], postalCodes: [], towns: [], countries: [] },
      currencies: [...s.currencies].sort(),
      amountCents: cents(s.amount),
      byCategory: record(s.byCategory),
      entryCount: s.entryCount,
      sampleLabels: s.labels,
    }))
    .sort((a, b) => b.amountCents - a.amountCents || a.key.localeCompare(b.key));
  const unattributed: UnattributedGroup[] = [...all.groups.values()]
    .map((g) => ({
      key: g.key,
      label: g.label,
      amountCents: cents(g.amount),
      byCategory: record(g.byCategory),
      entryCount: g.entryCount,
      samples: g.samples,
      reason: g.reason,
    }))
    .sort((a, b) => b.amountCents - a.amountCents || a.key.localeCompare(b.key));
  return assembleResult({
    period,
    settings,
    suppliers,
    unattributed,
    entryKeyModes,
    purchaseEntryCount: all.purchaseEntries,
    linesRead,
    anomalies:
      anomalyCount > anomalies.length
        ? [...anomalies, capNotice(anomalyCount - anomalies.length)]
        : anomalies,
  });
}

function capNotice(more: number): PurchaseAnomaly {
  return {
    line: 0,
    code: 'anomalies-capped',
    message: `… et ${more} autres anomalies du même genre non listées.`,
  };
}

/** Builds a PurchasesResult from suppliers and unattributed groups (shared by the FEC and list inputs). */
export function assembleResult(
  parts: Omit<PurchasesResult, 'totalCents' | 'attributedCents' | 'unattributedCents' | 'byCategory'>,
): PurchasesResult {
  const attributed = parts.suppliers.reduce((a, s) => a + s.amountCents, 0);
  const unattributed = parts.unattributed.reduce((a, g) => a + g.amountCents, 0);
  const byCat = new Map<string, number>();
  for (const s of [...parts.suppliers, ...parts.unattributed]) {
    for (const [k, v] of Object.entries(s.byCategory)) byCat.set(k, (byCat.get(k) ?? 0) + v);
  }
  return {
    ...parts,
    totalCents: cents(attributed + unattributed),
    attributedCents: cents(attributed),
    unattributedCents: cents(unattributed),
    byCategory: [...byCat]
      .filter(([, v]) => v !== 0)
      .map(([code, v]) => ({ code, label: categoryLabel(code), amountCents: cents(v) }))
      .sort((a, b) => b.amountCents - a.amountCents || a.code.localeCompare(b.code)),
  };
}

/** Convenience: aggregates an iterable of lines at once (tests, small files). */
export function purchasesFromLines(
  lines: Iterable<FecLine>,
  options: PurchaseAggregatorOptions = {},
): PurchasesResult {
  const agg = createPurchaseAggregator(options);
  for (const l of lines) agg.add(l);
  return agg.result();
}
