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
/** Closed purchase entries remembered (per generation) to detect late fragments. */
const CLOSED_MEMORY = 50_000;
const MAX_UNATTRIBUTED_SAMPLES = 5;
/** Past this many pieces in an entry (or suppliers in a piece), lookups go through a Map. */
const LINEAR_LOOKUP = 8;
/** Bound on the per-string caches (accounts, supplier keys, label groups). */
const CACHE_LIMIT = 100_000;

type SupplierSource = 'auxiliary' | 'general-account';

/**
 * Lines of one PieceRef inside an entry, as flat arrays. Pieces are pooled with their entry and
 * reset on reuse: once the window is warm, reading allocates nothing per entry, and nothing survives
 * into the old generation of the garbage collector.
 */
class Piece {
  pieceRef = '';
  firstLine = 0;
  /** Categories of the purchase lines in order of first appearance, and Σ(Debit − Credit) of each. */
  readonly cats: string[] = [];
  readonly amounts: number[] = [];
  catCount = 0;
  /** The same for capital expenditure lines (class 2, when in the set). */
  readonly capexCats: string[] = [];
  readonly capexAmounts: number[] = [];
  capexCount = 0;
  /** One slot per supplier key, in order of first appearance: name and account of its first line. */
  readonly supKeys: string[] = [];
  readonly supSources: SupplierSource[] = [];
  readonly supNames: string[] = [];
  readonly supAux: (string | null)[] = [];
  readonly supAccounts: string[] = [];
  /** Credit − Debit. */
  readonly supNets: number[] = [];
  supCount = 0;
  private supIndex: Map<string, number> | null = null;
  has404 = false;
  collectiveWithoutAux = false;
  label = '';
  readonly currencies: string[] = [];

  reset(pieceRef: string, firstLine: number): void {
    this.pieceRef = pieceRef;
    this.firstLine = firstLine;
    this.catCount = 0;
    this.capexCount = 0;
    this.supCount = 0;
    this.supIndex = null;
    this.has404 = false;
    this.collectiveWithoutAux = false;
    this.label = '';
    this.currencies.length = 0;
  }

  addPurchase(cat: string, amount: number): void {
    const cats = this.cats;
    const n = this.catCount;
    for (let i = 0; i < n; i++) {
      if (cats[i] === cat) {
        this.amounts[i] = this.amounts[i]! + amount;
        return;
      }
    }
    cats[n] = cat;
    this.amounts[n] = amount;
    this.catCount = n + 1;
  }

  addCapex(cat: string, amount: number): void {
    const cats = this.capexCats;
    const n = this.capexCount;
    for (let i = 0; i < n; i++) {
      if (cats[i] === cat) {
        this.capexAmounts[i] = this.capexAmounts[i]! + amount;
        return;
      }
    }
    cats[n] = cat;
    this.capexAmounts[n] = amount;
    this.capexCount = n + 1;
  }

  addSupplier(
    key: string,
    source: SupplierSource,
    name: string,
    aux: string | null,
    account: string,
    net: number,
  ): void {
    const n = this.supCount;
    let i = -1;
    if (this.supIndex !== null) i = this.supIndex.get(key) ?? -1;
    else {
      const keys = this.supKeys;
      for (let k = 0; k < n; k++) {
        if (keys[k] === key) {
          i = k;
          break;
        }
      }
    }
    if (i >= 0) {
      this.supNets[i] = this.supNets[i]! + net;
      return;
    }
    this.supKeys[n] = key;
    this.supSources[n] = source;
    this.supNames[n] = name;
    this.supAux[n] = aux;
    this.supAccounts[n] = account;
    this.supNets[n] = net;
    this.supCount = n + 1;
    if (this.supIndex !== null) this.supIndex.set(key, n);
    else if (n + 1 > LINEAR_LOOKUP) {
      this.supIndex = new Map();
      for (let k = 0; k <= n; k++) this.supIndex.set(this.supKeys[k]!, k);
    }
  }

  addCurrency(cur: string): void {
    if (!this.currencies.includes(cur)) this.currencies.push(cur);
  }
}

/** An open entry (a slot of the window's ring, reused once closed) and its pieces. */
class Entry {
  /** Hashes of the key (entryHash), and the next open entry in the same bucket of `open`. */
  h1 = 0;
  h2 = 0;
  nextInBucket: Entry | null = null;
  journal = '';
  num = '';
  date = '';
  hasPurchase = false;
  readonly pieces: Piece[] = [];
  pieceCount = 0;
  private pieceIndex: Map<string, number> | null = null;
  private lastPiece: Piece | null = null;

  reset(h1: number, h2: number, journal: string, num: string, date: string): void {
    this.h1 = h1;
    this.h2 = h2;
    this.nextInBucket = null;
    this.journal = journal;
    this.num = num;
    this.date = date;
    this.hasPurchase = false;
    this.pieceCount = 0;
    this.pieceIndex = null;
    this.lastPiece = null;
  }

  /** The open piece `pieceRef`, or null. */
  find(pieceRef: string): Piece | null {
    const lastPiece = this.lastPiece;
    if (lastPiece !== null && lastPiece.pieceRef === pieceRef) return lastPiece;
    let found: Piece | null = null;
    if (this.pieceIndex !== null) {
      const i = this.pieceIndex.get(pieceRef);
      if (i !== undefined) found = this.pieces[i]!;
    } else {
      for (let k = 0; k < this.pieceCount; k++) {
        const p = this.pieces[k]!;
        if (p.pieceRef === pieceRef) {
          found = p;
          break;
        }
      }
    }
    if (found !== null) this.lastPiece = found;
    return found;
  }

  /** Opens piece `pieceRef` (not open yet), first seen on line `line`. */
  open(pieceRef: string, line: number): Piece {
    const n = this.pieceCount;
    let p = this.pieces[n];
    if (p === undefined) {
      p = new Piece();
      this.pieces.push(p);
    }
    p.reset(pieceRef, line);
    this.pieceCount = n + 1;
    if (this.pieceIndex !== null) this.pieceIndex.set(pieceRef, n);
    else if (n + 1 > LINEAR_LOOKUP) {
      this.pieceIndex = new Map();
      for (let k = 0; k <= n; k++) this.pieceIndex.set(this.pieces[k]!.pieceRef, k);
    }
    this.lastPiece = p;
    return p;
  }
}

/** What an account number means here, computed once per distinct account. */
interface AccountInfo {
  kind: 'purchase' | 'capex' | null;
  supplier: boolean;
  is404: boolean;
  category: string;
}

interface SupplierAcc {
  key: string;
  source: SupplierSource;
  name: string;
  aux: string | null;
  accounts: Set<string>;
  /** The account last added to `accounts` (most suppliers have one: the Set is rarely touched). */
  lastAccount: string;
  currencies: Set<string>;
  amount: number;
  /** Categories and their amounts, flat: a supplier has few, looked up by identity first. */
  categories: string[];
  categoryAmounts: number[];
  entryCount: number;
  labels: string[];
}

function addToCategory(acc: SupplierAcc, cat: string, amount: number): void {
  const cats = acc.categories;
  for (let i = 0; i < cats.length; i++) {
    if (cats[i] === cat) {
      acc.categoryAmounts[i] = acc.categoryAmounts[i]! + amount;
      return;
    }
  }
  cats.push(cat);
  acc.categoryAmounts.push(amount);
}

function addAccount(acc: SupplierAcc, account: string): void {
  if (acc.lastAccount === account) return;
  acc.accounts.add(account);
  acc.lastAccount = account;
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
      const t = this.supplier(s.key, s.source, s.name, s.aux);
      t.amount += s.amount;
      t.entryCount += s.entryCount;
      for (let i = 0; i < s.categories.length; i++) addToCategory(t, s.categories[i]!, s.categoryAmounts[i]!);
      for (const a of s.accounts) addAccount(t, a);
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

  supplier(key: string, source: SupplierSource, name: string, aux: string | null): SupplierAcc {
    let s = this.suppliers.get(key);
    if (!s) {
      s = {
        key,
        source,
        name,
        aux,
        accounts: new Set(),
        lastAccount: '',
        currencies: new Set(),
        amount: 0,
        categories: [],
        categoryAmounts: [],
        entryCount: 0,
        labels: [],
      };
      this.suppliers.set(key, s);
    } else if (s.name === '' && name !== '') s.name = name;
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
  /** EcritureDate and PieceRef of the journal's first piece (hasFirstPiece once seen). */
  hasFirstPiece: boolean;
  firstPieceDate: string;
  firstPieceRef: string;
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

/** A string → value cache emptied when it reaches CACHE_LIMIT (memory stays bounded). */
function cached<T>(cache: Map<string, T>, key: string, compute: (key: string) => T): T {
  let v = cache.get(key);
  if (v === undefined) {
    v = compute(key);
    if (cache.size >= CACHE_LIMIT) cache.clear();
    cache.set(key, v);
  }
  return v;
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

  /** Adds the key whose hashes are (h1, h2), as set by `entryHash`. */
  add(h1: number, h2: number): void {
    this.h1 = h1;
    this.h2 = h2;
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

  has(h1: number, h2: number): boolean {
    this.h1 = h1;
    this.h2 = h2;
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
}

// The two hashes of an entry key (JournalCode, EcritureNum, EcritureDate joined by U+001F),
// computed field by field: no key string is built per entry.
let hash1 = 0;
let hash2 = 0;

function entryHash(journal: string, num: string, date: string): void {
  let h1 = 0x811c9dc5;
  let h2 = 0x01000193;
  for (let f = 0; f < 3; f++) {
    const s = f === 0 ? journal : f === 1 ? num : date;
    if (f > 0) {
      h1 = Math.imul(h1 ^ 0x1f, 0x01000193);
      h2 = Math.imul(h2 ^ 0x1f, 0x5bd1e995);
    }
    for (let i = 0; i < s.length; i++) {
      const c = s.charCodeAt(i);
      h1 = Math.imul(h1 ^ c, 0x01000193);
      h2 = Math.imul(h2 ^ c, 0x5bd1e995);
    }
  }
  hash1 = h1;
  hash2 = h2 & 0x1fffff;
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

  // The window: open entries in order of opening, in a ring of reused slots (the oldest at
  // `head`), found through `open` by their first hash (a bucket: entries chained by nextInBucket).
  const capacity = windowSize + 1;
  const ring: Entry[] = [];
  let head = 0;
  let openCount = 0;
  const open = new Map<number, Entry>();
  // Keys of recently closed purchase entries, to report a fragment that comes back late: two
  // generations of at most CLOSED_MEMORY keys each, so memory stays bounded on any file size.
  const closed = new ClosedKeys(CLOSED_MEMORY);
  // The entry of the previous line: lines of an entry follow each other in most files.
  let last: Entry | null = null;
  const journals = new Map<string, JournalState>();
  let lastJournal: JournalState | null = null;
  let lastJournalCode = '';
  const anomalies: PurchaseAnomaly[] = [];
  let anomalyCount = 0;
  let linesRead = 0;
  let minDate = '';
  let maxDate = '';

  // Per distinct string, computed once: account meaning, supplier keys, label groups.
  const accounts = new Map<string, AccountInfo>();
  const categories = new Map<string, string>();
  // The last few accounts seen (an entry's lines alternate between a handful): checked before the Map.
  const recentAccounts = ['', '', '', ''];
  const recentInfos: (AccountInfo | null)[] = [null, null, null, null];
  let recentNext = 0;
  const auxKeys = new Map<string, string>();
  const accountKeys = new Map<string, string>();
  const groupKeys = new Map<string, string>();
  let lastDevise = '';
  let lastCurrency = '';
  // Scratch of the attribution (one entry at a time).
  const merged = new Piece();
  const weights: number[] = [];
  const accs: SupplierAcc[] = [];

  const accountInfo = (account: string): AccountInfo => {
    const kind = match(account);
    return {
      kind,
      supplier: kind === null && isSupplierAccount(account),
      is404: account.startsWith('404'),
      category: cached(categories, categoryCode(account), (c) => c),
    };
  };
  const auxKey = (aux: string): string => `aux:${aux}`;
  const accountKey = (account: string): string => `account:${account}`;
  const groupKey = (label: string): string => `label:${labelGroupKey(label)}`;

  function anomaly(a: PurchaseAnomaly): void {
    anomalyCount++;
    if (anomalies.length < maxAnomalies) anomalies.push(a);
  }

  function journal(code: string): JournalState {
    if (lastJournal !== null && code === lastJournalCode) return lastJournal;
    let j = journals.get(code);
    if (!j) {
      j = {
        firstNum: null,
        severalNums: false,
        hasFirstPiece: false,
        firstPieceDate: '',
        firstPieceRef: '',
        severalPieces: false,
        common: new Totals(),
        byEntry: new Totals(),
        byPiece: new Totals(),
      };
      journals.set(code, j);
    }
    lastJournal = j;
    lastJournalCode = code;
    return j;
  }

  /**
   * Attributes one unit into `totals`: pieces [from, from + count) of an entry, taken together
   * (the whole entry) or one piece alone.
   */
  function attribute(
    totals: Totals,
    pieces: readonly Piece[],
    from: number,
    count: number,
    journalCode: string,
    date: string,
  ): void {
    const only = count === 1 ? pieces[from]! : null;
    // One piece (most entries): its own arrays are read as they are, nothing is merged.
    if (only !== null && !(only.has404 && only.capexCount > 0)) {
      attributeTotals(totals, only, journalCode, date);
      return;
    }
    const m = merged;
    m.reset('', Infinity);
    for (let u = from; u < from + count; u++) {
      const p = pieces[u]!;
      for (let i = 0; i < p.catCount; i++) m.addPurchase(p.cats[i]!, p.amounts[i]!);
      if (p.has404) m.has404 = true;
      if (p.collectiveWithoutAux) m.collectiveWithoutAux = true;
      for (let i = 0; i < p.supCount; i++) {
        m.addSupplier(
          p.supKeys[i]!,
          p.supSources[i]!,
          p.supNames[i]!,
          p.supAux[i]!,
          p.supAccounts[i]!,
          p.supNets[i]!,
        );
      }
      if (p.firstLine < m.firstLine && p.catCount + p.capexCount > 0) {
        m.firstLine = p.firstLine;
        m.pieceRef = p.pieceRef;
        m.label = p.label;
      }
      for (const c of p.currencies) m.addCurrency(c);
    }
    if (m.has404) {
      for (let u = from; u < from + count; u++) {
        const p = pieces[u]!;
        for (let i = 0; i < p.capexCount; i++) m.addPurchase(p.capexCats[i]!, p.capexAmounts[i]!);
      }
    }
    attributeTotals(totals, m, journalCode, date);
  }

  /** The attribution proper, on a unit's purchases (capex already folded in) and supplier lines. */
  function attributeTotals(totals: Totals, p: Piece, journalCode: string, date: string): void {
    const n = p.catCount;
    const cats = p.cats;
    const amounts = p.amounts;
    let ht = 0;
    let nonZero = false;
    for (let i = 0; i < n; i++) {
      const v = amounts[i]!;
      ht += v;
      if (v !== 0) nonZero = true;
    }
    if (!nonZero) return;
    totals.purchaseEntries++;

    const label = p.label;
    const m = p.supCount;
    if (m === 0) {
      const g = totals.group(
        cached(groupKeys, label, groupKey),
        label,
        p.collectiveWithoutAux ? 'collective-account-without-auxiliary' : 'no-supplier-line',
      );
      g.amount += ht;
      g.entryCount++;
      for (let i = 0; i < n; i++) {
        const cat = cats[i]!;
        g.byCategory.set(cat, (g.byCategory.get(cat) ?? 0) + amounts[i]!);
      }
      if (g.samples.length < MAX_UNATTRIBUTED_SAMPLES) {
        g.samples.push({
          line: p.firstLine,
          journalCode,
          pieceRef: p.pieceRef,
          date,
          label,
          amountCents: cents(ht),
        });
      }
      return;
    }
    const nets = p.supNets;
    if (m > 1) {
      const dir = ht < 0 ? -1 : 1;
      weights.length = m;
      let allZero = true;
      for (let i = 0; i < m; i++) {
        const w = Math.max(0, nets[i]! * dir);
        weights[i] = w;
        if (w !== 0) allZero = false;
      }
      if (allZero) for (let i = 0; i < m; i++) weights[i] = Math.abs(nets[i]!);
    }
    accs.length = m;
    const currencies = p.currencies;
    for (let i = 0; i < m; i++) {
      const acc = totals.supplier(p.supKeys[i]!, p.supSources[i]!, p.supNames[i]!, p.supAux[i]!);
      addAccount(acc, p.supAccounts[i]!);
      acc.entryCount++;
      pushLabel(acc.labels, label);
      for (let c = 0; c < currencies.length; c++) acc.currencies.add(currencies[c]!);
      accs[i] = acc;
    }
    for (let i = 0; i < n; i++) {
      const amount = amounts[i]!;
      if (amount === 0) continue;
      const cat = cats[i]!;
      if (m === 1) {
        const acc = accs[0]!;
        acc.amount += amount;
        addToCategory(acc, cat, amount);
        continue;
      }
      const parts = allocateCents(amount, weights);
      for (let k = 0; k < m; k++) {
        const acc = accs[k]!;
        const part = parts[k] ?? 0;
        acc.amount += part;
        addToCategory(acc, cat, part);
      }
    }
  }

  /** Closes the oldest open entry and attributes it. */
  function closeOldest(): void {
    const entry = ring[head]!;
    head = head + 1 === capacity ? 0 : head + 1;
    openCount--;
    unlink(entry);
    if (entry === last) last = null;
    if (!entry.hasPurchase) return;
    closed.add(entry.h1, entry.h2);
    const j = journal(entry.journal);
    const pieces = entry.pieces;
    const n = entry.pieceCount;
    if (n === 1 || entry.num === '') {
      for (let k = 0; k < n; k++) attribute(j.common, pieces, k, 1, entry.journal, entry.date);
      return;
    }
    attribute(j.byEntry, pieces, 0, n, entry.journal, entry.date);
    for (let k = 0; k < n; k++) attribute(j.byPiece, pieces, k, 1, entry.journal, entry.date);
  }

  function bucket(h1: number): number {
    return h1 & 0x3fffffff; // a small integer: a cheap Map key
  }

  /** The open entry (journalCode, num, date) whose hashes are (hash1, hash2), or null. */
  function findOpen(journalCode: string, num: string, date: string): Entry | null {
    let e = open.get(bucket(hash1)) ?? null;
    while (e !== null && !(e.journal === journalCode && e.num === num && e.date === date)) e = e.nextInBucket;
    return e;
  }

  function unlink(entry: Entry): void {
    const b = bucket(entry.h1);
    let e = open.get(b)!;
    if (e === entry) {
      if (entry.nextInBucket === null) open.delete(b);
      else open.set(b, entry.nextInBucket);
      return;
    }
    while (e.nextInBucket !== entry) e = e.nextInBucket!;
    e.nextInBucket = entry.nextInBucket;
  }

  /** Opens an entry in the next slot of the ring; closes the oldest when the window is full. */
  function openEntry(journalCode: string, num: string, date: string): Entry {
    let slot = head + openCount;
    if (slot >= capacity) slot -= capacity;
    let entry = ring[slot];
    if (entry === undefined) {
      entry = new Entry();
      ring[slot] = entry;
    }
    entry.reset(hash1, hash2, journalCode, num, date);
    openCount++;
    const b = bucket(hash1);
    entry.nextInBucket = open.get(b) ?? null;
    open.set(b, entry);
    last = entry;
    if (openCount > windowSize) closeOldest();
    return entry;
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
    let info: AccountInfo | null = null;
    for (let k = 0; k < 4; k++) {
      if (recentAccounts[k] === account) {
        info = recentInfos[k]!;
        break;
      }
    }
    if (info === null) {
      info = cached(accounts, account, accountInfo);
      recentAccounts[recentNext] = account;
      recentInfos[recentNext] = info;
      recentNext = (recentNext + 1) & 3;
    }
    const kind = info.kind;
    if (kind === null && !info.supplier) return;

    const journalCode = line.journalCode;
    const ecritureNum = line.ecritureNum;
    let entry: Entry | null = null;
    if (last !== null && last.journal === journalCode && last.num === ecritureNum && last.date === date)
      entry = last;
    else {
      entryHash(journalCode, ecritureNum, date);
      entry = findOpen(journalCode, ecritureNum, date);
      if (entry !== null) last = entry;
    }
    if (entry === null) {
      if (closed.size > 0 && closed.has(hash1, hash2)) {
        anomaly({
          line: line.line,
          code: 'entry-split',
          message: `Ligne ${line.line} : l'écriture ${journalCode} n° ${ecritureNum} du ${date} reprend loin après ses autres lignes ; elle est comptée comme une écriture à part (son fournisseur peut manquer). Triez le FEC par écriture pour un rattachement exact.`,
        });
      }
      entry = openEntry(journalCode, ecritureNum, date);
      const j = journal(journalCode);
      if (ecritureNum !== '') {
        if (j.firstNum === null) j.firstNum = ecritureNum;
        else if (!j.severalNums && j.firstNum !== ecritureNum) j.severalNums = true;
      }
    }
    const pieceRef = line.pieceRef;
    let piece = entry.find(pieceRef);
    if (piece === null) {
      piece = entry.open(pieceRef, line.line);
      const j = journal(journalCode);
      if (!j.hasFirstPiece) {
        j.hasFirstPiece = true;
        j.firstPieceDate = date;
        j.firstPieceRef = pieceRef;
      } else if (!j.severalPieces && (j.firstPieceDate !== date || j.firstPieceRef !== pieceRef))
        j.severalPieces = true;
    }
    const devise = line.idevise;
    if (devise !== '') {
      if (devise !== lastDevise) {
        lastDevise = devise;
        lastCurrency = devise.toUpperCase();
      }
      if (lastCurrency !== 'EUR') piece.addCurrency(lastCurrency);
    }
    const amount = line.debitCents - line.creditCents;
    if (kind !== null) {
      if (kind === 'capex') piece.addCapex(info.category, amount);
      else piece.addPurchase(info.category, amount);
      entry.hasPurchase = true;
      if (piece.label === '') piece.label = line.ecritureLib;
      if (line.line < piece.firstLine) piece.firstLine = line.line;
      return;
    }
    if (info.is404) piece.has404 = true;
    const aux = line.compAuxNum;
    if (aux !== '') {
      piece.addSupplier(cached(auxKeys, aux, auxKey), 'auxiliary', line.compAuxLib, aux, account, -amount);
    } else {
      const compteLib = line.compteLib;
      if (!isPerSupplierAccount(account, compteLib)) {
        piece.collectiveWithoutAux = true;
        return;
      }
      piece.addSupplier(
        cached(accountKeys, account, accountKey),
        'general-account',
        compteLib,
        null,
        account,
        -amount,
      );
    }
    if (piece.label === '') piece.label = line.ecritureLib;
  }

  function result(): PurchasesResult {
    while (openCount > 0) closeOldest();
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
  // Category codes ('601') are array indices: V8 would give the object fast elements sized past the
  // largest code (about 7 KB per object, 44 MB for 6,000 suppliers and groups). Adding then deleting
  // a far index switches it to dictionary elements: same keys, same order, a few hundred bytes.
  out['1000000'] = cents(0);
  delete out['1000000'];
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
    .filter((s) => s.amount !== 0 || s.categories.length > 0)
    .map((s) => ({
      key: s.key,
      keySource: s.source,
      name: s.name,
      auxiliaryAccount: s.aux,
      generalAccounts: [...s.accounts].sort(),
      identifiers: { siret: [], siren: [], postalCodes: [], towns: [], countries: [] },
      currencies: [...s.currencies].sort(),
      amountCents: cents(s.amount),
      byCategory: record(new Map(s.categories.map((c, i) => [c, s.categoryAmounts[i]!]))),
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
