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
// No string per line: repeated text (journal, account, account label, auxiliary account and name,
// currency) comes as integer symbols (the reader's view hashes the bytes; a plain FecLine goes
// through an interning adapter), and the text that differs on every entry (EcritureNum, PieceRef,
// EcritureLib) is copied as UTF-16 code units into buffers pooled with the entries; a label or a
// piece reference becomes a string only when a result needs it (unattributed groups, samples, the
// first labels of a supplier). Amounts are integer cents in plain number arrays (sums stay exact
// below 2^53); dates are YYYYMMDD integers.
//
// The EcritureNum-constant test needs the whole journal, so each multi-piece entry is attributed
// both ways (whole entry, and piece by piece) into per-journal totals; result() picks per journal.
import { allocateCents, cents, type Cents } from '../shared/index.ts';
import type { FecLine } from '../fec/types.ts';
import {
  F_COMPTE_LIB,
  F_COMPTE_NUM,
  F_COMP_AUX_LIB,
  F_COMP_AUX_NUM,
  F_ECRITURE_LIB,
  F_ECRITURE_NUM,
  F_IDEVISE,
  F_JOURNAL_CODE,
  F_PIECE_REF,
  FecLineView,
} from '../fec/line-view.ts';
import { isoFromDateNumber } from '../fec/values.ts';
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
/** Bound on the per-string caches (label groups, per-supplier account tests). */
const CACHE_LIMIT = 100_000;

type SupplierSource = 'auxiliary' | 'general-account';

/**
 * What the aggregator reads of a line. The reader's view (FecLineView) is one; a plain FecLine is
 * read through PlainLine. Symbols are integers per distinct text of the source (0 for '').
 */
interface LineSource {
  line: number;
  debitCents: number;
  creditCents: number;
  /** EcritureDate as YYYYMMDD, 0 when empty or unreadable. */
  dateNum: number;
  /** Equal for consecutive lines with the same JournalCode and EcritureNum (else it changes). */
  runId: number;
  symbol(k: number): number;
  /** symbol(k), trying first the bytes behind a hint from symbolHint(k) (same result). */
  symbolNear(k: number, hint: number): number;
  symbolHint(k: number): number;
  symbolText(id: number): string;
  /** Changes when the source forgets its symbols (ids then mean other texts). */
  symbolEpoch: number;
  /** Writes the trimmed field as UTF-16 code units into unitBuf, returns their count. */
  units(k: number): number;
  unitBuf: Uint16Array;
  /** An upper bound of units(k). */
  maxUnits(k: number): number;
  /** Writes the units at out[off] (room for maxUnits(k)), returns their count. */
  unitsTo(k: number, out: Uint16Array, off: number): number;
  /** The field reads as units [off, off + len) of `units`. */
  unitsEqual(k: number, units: Uint16Array, off: number, len: number): boolean;
}

const PLAIN_SYMBOL_LIMIT = 1 << 17;

/** A plain FecLine as a LineSource: its strings interned on the way. */
class PlainLine implements LineSource {
  line = 0;
  debitCents = 0;
  creditCents = 0;
  dateNum = 0;
  runId = 0;
  symbolEpoch = 0;
  unitBuf = new Uint16Array(256);
  private l: FecLine | null = null;
  private readonly ids = new Map<string, number>([['', 0]]);
  private readonly texts: string[] = [''];

  set(l: FecLine): void {
    this.l = l;
    this.line = l.line;
    this.debitCents = l.debitCents;
    this.creditCents = l.creditCents;
    this.dateNum = dateNumber(l.ecritureDate);
    this.runId++;
  }

  private text(k: number): string {
    const l = this.l!;
    switch (k) {
      case F_JOURNAL_CODE:
        return l.journalCode;
      case F_ECRITURE_NUM:
        return l.ecritureNum;
      case F_COMPTE_NUM:
        return l.compteNum;
      case F_COMPTE_LIB:
        return l.compteLib;
      case F_COMP_AUX_NUM:
        return l.compAuxNum;
      case F_COMP_AUX_LIB:
        return l.compAuxLib;
      case F_PIECE_REF:
        return l.pieceRef;
      case F_ECRITURE_LIB:
        return l.ecritureLib;
      case F_IDEVISE:
        return l.idevise;
    }
    return '';
  }

  symbol(k: number): number {
    const str = this.text(k);
    let id = this.ids.get(str);
    if (id === undefined) {
      if (this.texts.length >= PLAIN_SYMBOL_LIMIT) {
        this.ids.clear();
        this.ids.set('', 0);
        this.texts.length = 1;
        this.symbolEpoch++;
      }
      id = this.texts.length;
      this.texts.push(str);
      this.ids.set(str, id);
    }
    return id;
  }

  symbolNear(k: number): number {
    return this.symbol(k);
  }

  symbolHint(): number {
    return 0;
  }

  symbolText(id: number): string {
    return this.texts[id]!;
  }

  units(k: number): number {
    const n = this.text(k).length;
    if (n > this.unitBuf.length) this.unitBuf = new Uint16Array(Math.max(2 * this.unitBuf.length, n));
    return this.unitsTo(k, this.unitBuf, 0);
  }

  maxUnits(k: number): number {
    return this.text(k).length;
  }

  unitsTo(k: number, out: Uint16Array, off: number): number {
    const str = this.text(k);
    for (let i = 0; i < str.length; i++) out[off + i] = str.charCodeAt(i);
    return str.length;
  }

  unitsEqual(k: number, units: Uint16Array, off: number, len: number): boolean {
    const str = this.text(k);
    if (str.length !== len) return false;
    for (let i = 0; i < len; i++) if (str.charCodeAt(i) !== units[off + i]) return false;
    return true;
  }
}

/** 'YYYY-MM-DD' → YYYYMMDD (0 for anything else: an empty or unreadable date). */
function dateNumber(iso: string): number {
  if (iso.length !== 10 || iso.charCodeAt(4) !== 45 || iso.charCodeAt(7) !== 45) return 0;
  let n = 0;
  for (let i = 0; i < 10; i++) {
    if (i === 4 || i === 7) continue;
    const d = iso.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return 0;
    n = n * 10 + d;
  }
  return n;
}

/** A growable run of UTF-16 code units (a piece reference, a label, an entry number). */
class Units {
  buf = new Uint16Array(16);
  len = 0;

  /** Copies `n` units of `src`. */
  copy(src: Uint16Array, n: number): void {
    if (n > this.buf.length) this.buf = new Uint16Array(Math.max(2 * this.buf.length, n));
    const b = this.buf;
    for (let i = 0; i < n; i++) b[i] = src[i]!;
    this.len = n;
  }

  equals(src: Uint16Array, n: number): boolean {
    if (n !== this.len) return false;
    const b = this.buf;
    for (let i = 0; i < n; i++) if (b[i] !== src[i]) return false;
    return true;
  }

  toString(): string {
    return unitsToString(this.buf, this.len);
  }
}

/** Text of an entry and its pieces (EcritureNum, PieceRefs, labels), appended in one buffer. */
class Arena {
  buf: Uint16Array;
  used = 0;

  /** `buf`: the first buffer (a slot of the window's pool), else a new one. */
  constructor(buf?: Uint16Array) {
    this.buf = buf ?? new Uint16Array(ARENA_UNITS);
  }

  /** Room for `n` more units after `used`; returns that offset (the caller then moves `used`). */
  reserve(n: number): number {
    const off = this.used;
    if (off + n > this.buf.length) {
      const bigger = new Uint16Array(Math.max(2 * this.buf.length, off + n));
      bigger.set(this.buf.subarray(0, off));
      this.buf = bigger;
    }
    return off;
  }

  /** Appends `n` units of `src`; returns their offset. */
  append(src: Uint16Array, n: number): number {
    const off = this.used;
    if (off + n > this.buf.length) {
      const bigger = new Uint16Array(Math.max(2 * this.buf.length, off + n));
      bigger.set(this.buf.subarray(0, off));
      this.buf = bigger;
    }
    const b = this.buf;
    for (let i = 0; i < n; i++) b[off + i] = src[i]!;
    this.used = off + n;
    return off;
  }

  equals(off: number, len: number, src: Uint16Array, n: number): boolean {
    if (n !== len) return false;
    const b = this.buf;
    for (let i = 0; i < n; i++) if (b[off + i] !== src[i]) return false;
    return true;
  }

  text(off: number, len: number): string {
    return unitsToString(off === 0 ? this.buf : this.buf.subarray(off), len);
  }
}

function unitsToString(units: Uint16Array, n: number): string {
  let out = '';
  for (let k = 0; k < n; k += 4096)
    out += String.fromCharCode.apply(null, units.subarray(k, Math.min(n, k + 4096)) as unknown as number[]);
  return out;
}

/**
 * Lines of one PieceRef inside an entry, as flat arrays. Pieces are pooled with their entry and
 * reset on reuse: once the window is warm, reading allocates nothing per entry, and nothing survives
 * into the old generation of the garbage collector.
 */
class Piece {
  /** PieceRef and label: units in the entry's arena. */
  refOff = 0;
  refLen = 0;
  labelOff = 0;
  labelLen = 0;
  firstLine = 0;
  /**
   * The piece's numbers in one array (one object, off the garbage-collected heap), in seven regions
   * of `cap` slots: purchase categories (indices, in order of first appearance) and their
   * Σ(Debit − Credit); the same for capital expenditure (class 2, when in the set); then per
   * supplier, in order of first appearance: supplier number, account symbol, Credit − Debit.
   */
  d: Float64Array;
  cap = 4;
  catCount = 0;
  capexCount = 0;
  supCount = 0;
  /**
   * Per supplier: the name (CompAuxLib or CompteLib) of its first line, at names[namesAt + i]: a
   * slot of the window's pool for a first piece (while its cap stays 4), else its own array.
   */
  private names: string[];
  private namesAt: number;
  private supIndex: Map<number, number> | null = null;
  has404 = false;
  collectiveWithoutAux = false;
  /** Currencies (symbols of the upper-case codes), EUR excluded; their count, read first (one field). */
  readonly currencies: number[] = [];
  currencyCount = 0;

  /** `d` and `names` from `namesAt`: the first arrays (a slot of the window's pool), else new ones. */
  constructor(
    readonly arena: Arena,
    d?: Float64Array,
    names?: string[],
    namesAt = 0,
  ) {
    this.d = d ?? new Float64Array(PIECE_NUMBERS);
    this.names = names ?? [];
    this.namesAt = names === undefined ? 0 : namesAt;
  }

  supName(i: number): string {
    return this.names[this.namesAt + i]!;
  }

  reset(firstLine: number): void {
    this.refLen = 0;
    this.labelLen = 0;
    this.firstLine = firstLine;
    this.catCount = 0;
    this.capexCount = 0;
    this.supCount = 0;
    this.supIndex = null;
    this.has404 = false;
    this.collectiveWithoutAux = false;
    if (this.currencyCount !== 0) {
      this.currencies.length = 0;
      this.currencyCount = 0;
    }
  }

  setRef(src: Uint16Array, n: number): void {
    this.refOff = this.arena.append(src, n);
    this.refLen = n;
  }

  setLabel(src: Uint16Array, n: number): void {
    this.labelOff = this.arena.append(src, n);
    this.labelLen = n;
  }

  /** The label: field k of the line, decoded straight into the arena. */
  setLabelFrom(line: LineSource, k: number): void {
    const arena = this.arena;
    const off = arena.reserve(line.maxUnits(k));
    const n = line.unitsTo(k, arena.buf, off);
    arena.used = off + n;
    this.labelOff = off;
    this.labelLen = n;
  }

  /** The line's field k reads as this piece's reference. */
  refIs(line: LineSource, k: number): boolean {
    return line.unitsEqual(k, this.arena.buf, this.refOff, this.refLen);
  }

  refEquals(src: Uint16Array, n: number): boolean {
    return this.arena.equals(this.refOff, this.refLen, src, n);
  }

  ref(): string {
    return this.arena.text(this.refOff, this.refLen);
  }

  label(): string {
    return this.arena.text(this.labelOff, this.labelLen);
  }

  /** Takes the PieceRef and label of `p` (another entry's arena). */
  copyText(p: Piece): void {
    const b = p.arena.buf;
    this.setRef(p.refOff === 0 ? b : b.subarray(p.refOff), p.refLen);
    this.setLabel(p.labelOff === 0 ? b : b.subarray(p.labelOff), p.labelLen);
  }

  cat(i: number): number {
    return this.d[i]!;
  }
  amount(i: number): number {
    return this.d[this.cap + i]!;
  }
  capexCat(i: number): number {
    return this.d[2 * this.cap + i]!;
  }
  capexAmount(i: number): number {
    return this.d[3 * this.cap + i]!;
  }
  sup(i: number): number {
    return this.d[4 * this.cap + i]!;
  }
  account(i: number): number {
    return this.d[5 * this.cap + i]!;
  }
  net(i: number): number {
    return this.d[6 * this.cap + i]!;
  }

  /** Room for one more of each: doubles every region. */
  private grow(): void {
    const cap = this.cap;
    const d = new Float64Array(14 * cap);
    for (let r = 0; r < 7; r++) d.set(this.d.subarray(r * cap, (r + 1) * cap), r * 2 * cap);
    this.d = d;
    this.cap = 2 * cap;
    // Past the pool's four names: an array of its own from now on.
    const names: string[] = [];
    for (let k = 0; k < this.supCount; k++) names.push(this.supName(k));
    this.names = names;
    this.namesAt = 0;
  }

  addPurchase(cat: number, amount: number): void {
    const d = this.d;
    const n = this.catCount;
    const cap = this.cap;
    for (let i = 0; i < n; i++) {
      if (d[i] === cat) {
        d[cap + i] = d[cap + i]! + amount;
        return;
      }
    }
    if (n === cap) this.grow();
    this.d[n] = cat;
    this.d[this.cap + n] = amount;
    this.catCount = n + 1;
  }

  addCapex(cat: number, amount: number): void {
    const d = this.d;
    const n = this.capexCount;
    const cap = this.cap;
    for (let i = 0; i < n; i++) {
      if (d[2 * cap + i] === cat) {
        d[3 * cap + i] = d[3 * cap + i]! + amount;
        return;
      }
    }
    if (n === cap) this.grow();
    this.d[2 * this.cap + n] = cat;
    this.d[3 * this.cap + n] = amount;
    this.capexCount = n + 1;
  }

  addSupplier(sup: number, name: string, account: number, net: number): void {
    const n = this.supCount;
    const d = this.d;
    const base = 4 * this.cap;
    let i = -1;
    if (this.supIndex !== null) i = this.supIndex.get(sup) ?? -1;
    else {
      for (let k = 0; k < n; k++) {
        if (d[base + k] === sup) {
          i = k;
          break;
        }
      }
    }
    if (i >= 0) {
      d[6 * this.cap + i] = d[6 * this.cap + i]! + net;
      return;
    }
    if (n === this.cap) this.grow();
    const cap = this.cap;
    this.d[4 * cap + n] = sup;
    this.d[5 * cap + n] = account;
    this.d[6 * cap + n] = net;
    this.names[this.namesAt + n] = name;
    this.supCount = n + 1;
    if (this.supIndex !== null) this.supIndex.set(sup, n);
    else if (n + 1 > LINEAR_LOOKUP) {
      this.supIndex = new Map();
      for (let k = 0; k <= n; k++) this.supIndex.set(this.sup(k), k);
    }
  }

  addCurrency(cur: number): void {
    if (!this.currencies.includes(cur)) this.currencyCount = this.currencies.push(cur);
  }
}

/** Units of an entry's first text buffer, numbers of a piece's first array (cap 4). */
const ARENA_UNITS = 256;
const PIECE_NUMBERS = 7 * 4;
const PIECE_NAMES = 4;

/** The first buffers of the window's entries, one slot each after the other. */
interface EntryPool {
  units: Uint16Array;
  numbers: Float64Array;
  /** PIECE_NAMES supplier names per slot. */
  names: string[];
}

/** An open entry (a slot of the window's ring, reused once closed) and its pieces. */
class Entry {
  /** Hashes of the key (entryHash), and the next open entry in the same bucket of `open`. */
  /** EcritureNum is units [0, numLen) of the arena. */
  h1 = 0;
  h2 = 0;
  nextInBucket: Entry | null = null;
  /** Opened as the first entry with its key (see ClosedKeys.add). */
  isNew = false;
  /** Journal symbol (aggregator's) and its state, EcritureNum, EcritureDate (YYYYMMDD or 0). */
  journal = 0;
  j: JournalState | null = null;
  readonly arena: Arena;
  /** Its first piece (pieces[0] once opened), read without the array. */
  first: Piece | null = null;

  /**
   * `slot`: the window's slot it lives in. Its first text buffer and its first piece's numbers are
   * that slot's parts of two pools: entries close in slot order, so closing reads memory in order.
   */
  constructor(
    readonly slot: number,
    private readonly pool: EntryPool | null,
  ) {
    this.arena = new Arena(pool?.units.subarray(slot * ARENA_UNITS, (slot + 1) * ARENA_UNITS));
  }
  numLen = 0;
  date = 0;
  hasPurchase = false;
  readonly pieces: Piece[] = [];
  pieceCount = 0;
  private pieceIndex: Map<string, number> | null = null;
  /** The piece found or opened last. */
  lastPiece: Piece | null = null;

  reset(h1: number, h2: number, journal: number, num: Uint16Array, numLen: number, date: number): void {
    this.h1 = h1;
    this.h2 = h2;
    this.nextInBucket = null;
    this.journal = journal;
    this.arena.used = 0;
    this.arena.append(num, numLen);
    this.numLen = numLen;
    this.date = date;
    this.hasPurchase = false;
    this.pieceCount = 0;
    this.pieceIndex = null;
    this.lastPiece = null;
  }

  /** The open piece whose reference is units [0, n) of `ref`, or null. */
  find(ref: Uint16Array, n: number): Piece | null {
    const lastPiece = this.lastPiece;
    if (lastPiece !== null && lastPiece.refEquals(ref, n)) return lastPiece;
    let found: Piece | null = null;
    if (this.pieceIndex !== null) {
      const i = this.pieceIndex.get(unitsToString(ref, n));
      if (i !== undefined) found = this.pieces[i]!;
    } else {
      for (let k = 0; k < this.pieceCount; k++) {
        const p = this.pieces[k]!;
        if (p.refEquals(ref, n)) {
          found = p;
          break;
        }
      }
    }
    if (found !== null) this.lastPiece = found;
    return found;
  }

  /** Opens the piece of reference `ref` [0, n) (not open yet), first seen on line `line`. */
  open(ref: Uint16Array, n: number, line: number): Piece {
    const count = this.pieceCount;
    // The first piece without reading the array (a cold read per entry).
    let p = count === 0 ? (this.first ?? undefined) : this.pieces[count];
    if (p === undefined) {
      const pool = count === 0 ? this.pool : null;
      const slot = this.slot;
      p =
        pool === null
          ? new Piece(this.arena)
          : new Piece(
              this.arena,
              pool.numbers.subarray(slot * PIECE_NUMBERS, (slot + 1) * PIECE_NUMBERS),
              pool.names,
              slot * PIECE_NAMES,
            );
      this.pieces.push(p);
      if (count === 0) this.first = p;
    }
    p.reset(line);
    p.setRef(ref, n);
    this.pieceCount = count + 1;
    if (this.pieceIndex !== null) this.pieceIndex.set(p.ref(), count);
    else if (count + 1 > LINEAR_LOOKUP) {
      this.pieceIndex = new Map();
      for (let k = 0; k <= count; k++) this.pieceIndex.set(this.pieces[k]!.ref(), k);
    }
    this.lastPiece = p;
    return p;
  }
}

/** An unattributed label, its group key once computed, and the group it went to last (in `totals`). */
interface LabelMemo {
  label: string;
  key: string | null;
  totals: Totals | null;
  group: GroupAcc | null;
}

interface GroupAcc {
  key: string;
  label: string;
  amount: number;
  /** Category index → amount. */
  byCategory: Map<number, number>;
  entryCount: number;
  samples: UnattributedSample[];
  reason: UnattributedGroup['reason'];
}

/** Multiplier of the supplier in a (supplier, category) key: categories are fewer than 2^21. */
const CAT_KEY = 2 ** 21;

function categoryHash(sup1: number, cat: number): number {
  let h = Math.imul(sup1, 0x9e3779b1) + cat;
  h = Math.imul(h ^ (h >>> 15), 0x85ebca6b);
  return h ^ (h >>> 13);
}

// Flags of a supplier in a Totals.
const S_PRESENT = 1;
const S_CATEGORY = 2;
const S_LABELS_FULL = 4;

/**
 * Totals of one journal and one way of keying its entries. Per supplier number, in typed arrays
 * (a closing entry touches a few numbers, not objects scattered over the heap, and nothing here
 * weighs on the garbage collector); the rare extras (second accounts, currencies, labels) in Maps.
 */
class Totals {
  /** Suppliers attributed here, in order of first appearance. */
  readonly order: number[] = [];
  flags = new Uint8Array(0);
  amount = new Float64Array(0);
  entries = new Int32Array(0);
  /** The first non-empty name (CompAuxLib or CompteLib), by supplier number. */
  name: string[] = [];
  /** Symbol of the first general account (-1: none); the others, when any, in `accounts`. */
  account = new Int32Array(0);
  readonly accounts = new Map<number, Set<number>>();
  readonly currencies = new Map<number, Set<number>>();
  readonly labels = new Map<number, string[]>();
  /**
   * (supplier, category) → amount: open addressing over (key, amount) pairs in one array (a probe
   * reads one cache line), key = (supplier + 1) × 2^21 + category, 0 for a free slot.
   */
  private cats = new Float64Array(2 * 256);
  private catCount = 0;
  groups = new Map<string, GroupAcc>();
  purchaseEntries = 0;

  /** False when `supplier(sup, name)` would change nothing: `sup` is present and has a name. */
  needsName(sup: number): boolean {
    return sup >= this.flags.length || this.flags[sup] === 0 || this.name[sup] === '';
  }

  /** Makes `sup` present (in order of first appearance); a first non-empty name sticks. */
  supplier(sup: number, name: string): void {
    if (sup >= this.flags.length) this.grow(sup);
    const f = this.flags[sup]!;
    if (f === 0) {
      this.flags[sup] = S_PRESENT;
      this.order.push(sup);
      this.name[sup] = name;
    } else if (this.name[sup] === '' && name !== '') this.name[sup] = name;
  }

  private grow(sup: number): void {
    const size = Math.max(64, 2 * this.flags.length, sup + 1);
    const flags = new Uint8Array(size);
    flags.set(this.flags);
    this.flags = flags;
    const amount = new Float64Array(size);
    amount.set(this.amount);
    this.amount = amount;
    const entries = new Int32Array(size);
    entries.set(this.entries);
    this.entries = entries;
    while (this.name.length < size) this.name.push('');
    const account = new Int32Array(size).fill(-1);
    account.set(this.account);
    this.account = account;
  }

  addAccount(sup: number, account: number): void {
    const first = this.account[sup]!;
    if (first === account) return;
    if (first === -1) {
      this.account[sup] = account;
      return;
    }
    let set = this.accounts.get(sup);
    if (set === undefined) {
      set = new Set([first]);
      this.accounts.set(sup, set);
    }
    set.add(account);
  }

  addCurrency(sup: number, currency: number): void {
    let set = this.currencies.get(sup);
    if (set === undefined) {
      set = new Set();
      this.currencies.set(sup, set);
    }
    set.add(currency);
  }

  /** Keeps `label` among the supplier's first MAX_SAMPLE_LABELS distinct non-empty labels. */
  addLabel(sup: number, label: string): void {
    if (label === '') return;
    let labels = this.labels.get(sup);
    if (labels === undefined) {
      labels = [];
      this.labels.set(sup, labels);
    }
    pushLabel(labels, label);
    if (labels.length >= MAX_SAMPLE_LABELS) this.flags[sup]! |= S_LABELS_FULL;
  }

  labelsFull(sup: number): boolean {
    return (this.flags[sup]! & S_LABELS_FULL) !== 0;
  }

  addToCategory(sup: number, cat: number, amount: number): void {
    this.flags[sup]! |= S_CATEGORY;
    const cats = this.cats;
    const mask = (cats.length >> 1) - 1;
    const key = (sup + 1) * CAT_KEY + cat;
    let i = categoryHash(sup + 1, cat) & mask;
    for (;;) {
      const k = cats[2 * i]!;
      if (k === 0) break;
      if (k === key) {
        cats[2 * i + 1] = cats[2 * i + 1]! + amount;
        return;
      }
      i = (i + 1) & mask;
    }
    cats[2 * i] = key;
    cats[2 * i + 1] = amount;
    if (++this.catCount * 4 > cats.length) this.rehashCategories();
  }

  private rehashCategories(): void {
    const old = this.cats;
    const cats = new Float64Array(old.length * 2);
    const mask = (cats.length >> 1) - 1;
    for (let j = 0; j < old.length; j += 2) {
      const key = old[j]!;
      if (key === 0) continue;
      const cat = key % CAT_KEY;
      let i = categoryHash((key - cat) / CAT_KEY, cat) & mask;
      while (cats[2 * i] !== 0) i = (i + 1) & mask;
      cats[2 * i] = key;
      cats[2 * i + 1] = old[j + 1]!;
    }
    this.cats = cats;
  }

  /** Calls fn(supplier, category, amount) for every pair recorded. */
  forEachCategory(fn: (sup: number, cat: number, amount: number) => void): void {
    const cats = this.cats;
    for (let j = 0; j < cats.length; j += 2) {
      const key = cats[j]!;
      if (key === 0) continue;
      const cat = key % CAT_KEY;
      fn((key - cat) / CAT_KEY - 1, cat, cats[j + 1]!);
    }
  }

  merge(other: Totals): void {
    if (
      this.order.length === 0 &&
      this.groups.size === 0 &&
      this.catCount === 0 &&
      this.purchaseEntries === 0
    ) {
      this.copy(other);
      return;
    }
    this.purchaseEntries += other.purchaseEntries;
    for (const sup of other.order) {
      this.supplier(sup, other.name[sup]!);
      this.amount[sup] = this.amount[sup]! + other.amount[sup]!;
      this.entries[sup] = this.entries[sup]! + other.entries[sup]!;
      if ((other.flags[sup]! & S_CATEGORY) !== 0) this.flags[sup]! |= S_CATEGORY;
      const more = other.accounts.get(sup);
      if (more !== undefined) for (const a of more) this.addAccount(sup, a);
      else if (other.account[sup] !== -1) this.addAccount(sup, other.account[sup]!);
      const currencies = other.currencies.get(sup);
      if (currencies !== undefined) for (const c of currencies) this.addCurrency(sup, c);
      for (const l of other.labels.get(sup) ?? []) this.addLabel(sup, l);
    }
    other.forEachCategory((sup, cat, amount) => this.addToCategory(sup, cat, amount));
    for (const g of other.groups.values()) {
      const t = this.group(g.key, g.label, g.reason);
      t.amount += g.amount;
      t.entryCount += g.entryCount;
      addAll(t.byCategory, g.byCategory);
      for (const s of g.samples) if (t.samples.length < MAX_UNATTRIBUTED_SAMPLES) t.samples.push(s);
    }
  }

  /** Becomes a copy of `other` (this one being empty): what merging would give, in bulk. */
  private copy(other: Totals): void {
    this.purchaseEntries = other.purchaseEntries;
    for (const sup of other.order) this.order.push(sup);
    this.flags = other.flags.slice();
    this.amount = other.amount.slice();
    this.entries = other.entries.slice();
    this.name = other.name.slice();
    this.account = other.account.slice();
    for (const [sup, set] of other.accounts) this.accounts.set(sup, new Set(set));
    for (const [sup, set] of other.currencies) this.currencies.set(sup, new Set(set));
    for (const [sup, labels] of other.labels) this.labels.set(sup, labels.slice());
    this.cats = other.cats.slice();
    this.catCount = other.catCount;
    for (const [key, g] of other.groups)
      this.groups.set(key, { ...g, byCategory: new Map(g.byCategory), samples: g.samples.slice() });
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
  /** Symbol of the journal code. */
  code: number;
  /** The journal's first non-empty EcritureNum (hasFirstNum once seen). */
  hasFirstNum: boolean;
  firstNum: Units;
  severalNums: boolean;
  /**
   * The largest EcritureNum of the journal's entries so far, as a number (-1: none yet), for the
   * entries whose EcritureNum is a number: an entry numbered above it opens for the first time, so
   * no closed entry can have its key (files sorted by entry skip the lookup of closed keys).
   */
  maxNum: number;
  /** EcritureDate and PieceRef of the journal's first piece (hasFirstPiece once seen). */
  hasFirstPiece: boolean;
  firstPieceDate: number;
  firstPieceRef: Units;
  severalPieces: boolean;
  common: Totals;
  byEntry: Totals;
  byPiece: Totals;
}

function addAll(target: Map<number, number>, source: ReadonlyMap<number, number>): void {
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
 * Keys of recently closed entries, as two hashes (53 bits), in two generations of at most
 * `perGeneration` distinct keys (the older is forgotten when the newer is full).
 *
 * Closing an entry only appends its key to the generation's log (two sequential writes). The log
 * is indexed (open addressing over (h1, h2 + 1) pairs, 0 marking a free slot, behind a Bloom filter
 * of 2^20 bits) when a lookup needs it, which also drops repeated keys, or when a full log may hold
 * repeats: a key is `new` when its entry opened as a first (JournalState.maxNum), and only a key
 * opened again can repeat one. A file sorted by entry neither asks nor repeats, so its keys are
 * never hashed; an unsorted file indexes a few keys per lookup, as many as it adds. Nothing is
 * allocated per entry.
 */
class ClosedKeys {
  private readonly mask: number;
  private current: ClosedGeneration;
  private previous: ClosedGeneration;

  constructor(private readonly perGeneration: number) {
    let size = 1024;
    while (size < perGeneration * 2.5) size *= 2;
    this.mask = size - 1;
    this.current = new ClosedGeneration(perGeneration);
    this.previous = new ClosedGeneration(perGeneration);
  }

  /** 0 when no key was added (else the number of keys logged, repeats included). */
  get size(): number {
    return this.current.count + this.previous.count;
  }

  /**
   * Adds the key whose hashes are (h1, h2), as set by `entryHash` (h2 < 2^21); `isNew` when its
   * entry was the first opened with that key (then no key logged before repeats it).
   */
  add(h1: number, h2: number, isNew: boolean): void {
    let g = this.current;
    if (g.count >= this.perGeneration) {
      // Full unless some keys repeat: indexing drops the repeats (only keys not new can be one).
      if (g.unsure > 0) g.index(this.mask);
      if (g.count >= this.perGeneration) {
        // perGeneration distinct keys: the older generation is forgotten and takes the new keys.
        g = this.previous;
        g.clear();
        this.previous = this.current;
        this.current = g;
      }
    }
    g.log[2 * g.count] = h1;
    g.log[2 * g.count + 1] = h2;
    g.count++;
    if (!isNew) g.unsure++;
  }

  has(h1: number, h2: number): boolean {
    return this.current.has(h1, h2, this.mask) || this.previous.has(h1, h2, this.mask);
  }
}

/** One generation of ClosedKeys: its log, and the index of the log's first `indexed` keys. */
class ClosedGeneration {
  /** Keys in order of closing, (h1, h2) pairs; [0, indexed) are distinct and indexed. */
  readonly log: Int32Array;
  count = 0;
  /** Keys not new among the keys not indexed yet. */
  unsure = 0;
  private indexed = 0;
  private slots: Int32Array | null = null;
  /** Two bits per key: most lookups of an absent key end here, in cache. */
  private bloom: Int32Array | null = null;

  constructor(perGeneration: number) {
    this.log = new Int32Array(2 * perGeneration);
  }

  clear(): void {
    if (this.indexed > 0) {
      this.slots!.fill(0);
      this.bloom!.fill(0);
    }
    this.count = 0;
    this.indexed = 0;
    this.unsure = 0;
  }

  /** Indexes the keys logged since the last call, dropping those indexed already. */
  index(mask: number): void {
    if (this.indexed === this.count) return;
    this.slots ??= new Int32Array(2 * (mask + 1));
    this.bloom ??= new Int32Array(1 << 15);
    const log = this.log;
    const t = this.slots;
    const bloom = this.bloom;
    let w = this.indexed;
    for (let r = this.indexed; r < this.count; r++) {
      const h1 = log[2 * r]!;
      const h2 = log[2 * r + 1]!;
      let i = h1 & mask;
      let seen = false;
      for (; t[2 * i + 1] !== 0; i = (i + 1) & mask) {
        if (t[2 * i] === h1 && t[2 * i + 1] === h2 + 1) {
          seen = true;
          break;
        }
      }
      if (seen) continue;
      t[2 * i] = h1;
      t[2 * i + 1] = h2 + 1;
      const b1 = (h1 >>> 12) & 0xfffff;
      const b2 = Math.imul(h1 ^ h2, 0x9e3779b1) >>> 12;
      bloom[b1 >>> 5] = bloom[b1 >>> 5]! | (1 << (b1 & 31));
      bloom[b2 >>> 5] = bloom[b2 >>> 5]! | (1 << (b2 & 31));
      log[2 * w] = h1;
      log[2 * w + 1] = h2;
      w++;
    }
    this.count = w;
    this.indexed = w;
    this.unsure = 0;
  }

  has(h1: number, h2: number, mask: number): boolean {
    if (this.count === 0) return false;
    this.index(mask);
    const bloom = this.bloom!;
    const b1 = (h1 >>> 12) & 0xfffff;
    const b2 = Math.imul(h1 ^ h2, 0x9e3779b1) >>> 12;
    if ((bloom[b1 >>> 5]! & (1 << (b1 & 31))) === 0 || (bloom[b2 >>> 5]! & (1 << (b2 & 31))) === 0)
      return false;
    const t = this.slots!;
    for (let i = h1 & mask; t[2 * i + 1] !== 0; i = (i + 1) & mask)
      if (t[2 * i] === h1 && t[2 * i + 1] === h2 + 1) return true;
    return false;
  }
}

// The two hashes of an entry key (journal symbol, EcritureNum units, EcritureDate), for the open
// entries' buckets and the closed keys: no key string is built per entry.
let hash1 = 0;
let hash2 = 0;

function entryHash(journal: number, num: Uint16Array, n: number, date: number): void {
  let h1 = Math.imul(0x811c9dc5 ^ journal, 0x01000193);
  let h2 = Math.imul(0x01000193 ^ journal, 0x5bd1e995);
  for (let i = 0; i < n; i++) {
    const c = num[i]!;
    h1 = Math.imul(h1 ^ c, 0x01000193);
    h2 = Math.imul(h2 ^ c, 0x5bd1e995);
  }
  h1 = Math.imul(h1 ^ 0x1f ^ date, 0x01000193);
  h2 = Math.imul(h2 ^ 0x1f ^ date, 0x5bd1e995);
  hash1 = h1 ^ (h1 >>> 15);
  hash2 = (h2 ^ (h2 >>> 13)) & 0x1fffff;
}

// What an account symbol means here, computed once per distinct account (flags; 0 = not yet).
const A_KNOWN = 1;
const A_PURCHASE = 2;
const A_CAPEX = 4;
const A_SUPPLIER = 8;
const A_404 = 16;
const A_COUNTED = A_PURCHASE | A_CAPEX | A_SUPPLIER;

/** Units [0, n) as a number when they are 1 to 15 ASCII digits, else -1. */
function numberValue(units: Uint16Array, n: number): number {
  if (n === 0 || n > 15) return -1;
  let v = 0;
  for (let i = 0; i < n; i++) {
    const d = units[i]! - 48;
    if (d < 0 || d > 9) return -1;
    v = v * 10 + d;
  }
  return v;
}

function isoOrEmpty(date: number): string {
  return date > 0 ? isoFromDateNumber(date) : '';
}

function grown(a: Int32Array<ArrayBuffer>, n: number): Int32Array<ArrayBuffer> {
  if (n < a.length) return a;
  const b = new Int32Array(Math.max(2 * a.length, n + 1));
  b.set(a);
  return b;
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
  const filterFrom = filter ? dateNumber(filter.from) : 0;
  const filterTo = filter ? dateNumber(filter.to) : 0;

  // The window: open entries in order of opening, in a ring of reused slots (the oldest at
  // `head`), found through `open` by their first hash (a bucket: entries chained by nextInBucket).
  const capacity = windowSize + 1;
  const ring: Entry[] = [];
  const entryPool: EntryPool = {
    units: new Uint16Array(capacity * ARENA_UNITS),
    numbers: new Float64Array(capacity * PIECE_NUMBERS),
    names: new Array<string>(capacity * PIECE_NAMES).fill(''),
  };
  let head = 0;
  let openCount = 0;
  // A fixed array of bucket heads (no Map: its tables, rebuilt as entries come and go, were garbage
  // that lived long enough to be promoted).
  let bucketCount = 64;
  while (bucketCount < 2 * capacity) bucketCount *= 2;
  const bucketMask = bucketCount - 1;
  const open: (Entry | null)[] = new Array<Entry | null>(bucketCount).fill(null);
  // Keys of recently closed purchase entries, to report a fragment that comes back late: two
  // generations of at most CLOSED_MEMORY keys each, so memory stays bounded on any file size.
  const closed = new ClosedKeys(CLOSED_MEMORY);
  // The entry of the previous line (lines of an entry follow each other in most files), and the
  // run of the line that found it: the next line of the same run and date is in it too.
  let last: Entry | null = null;
  let lastRunId = -1;
  const journals = new Map<number, JournalState>();
  let lastJournal: JournalState | null = null;
  const anomalies: PurchaseAnomaly[] = [];
  let anomalyCount = 0;
  let linesRead = 0;
  let minDate = 0;
  let maxDate = 0;

  // The aggregator's symbols (one per distinct string, 0 for ''), and per symbol what it means
  // (as an account, an auxiliary account, a currency), in typed arrays indexed by symbol.
  const texts: string[] = [''];
  const ids = new Map<string, number>([['', 0]]);
  let accFlags = new Int32Array(1024);
  let accCat = new Int32Array(1024);
  let accSup = new Int32Array(1024);
  let auxSup = new Int32Array(1024);
  // Per auxiliary account, the source's hint for its CompAuxLib (symbolNear): the name of a supplier
  // line is then found by one comparison.
  let auxLibHint = new Int32Array(1024);
  let upper = new Int32Array(1024);
  const EUR = intern('EUR');
  // The source of the lines (the reader's view, or the adapter of plain lines) and its symbols →
  // ours (0 = not seen yet).
  let source: LineSource | null = null;
  let fromSource: Int32Array<ArrayBuffer> = new Int32Array(1024);
  const sourceMaps = new Map<LineSource, Int32Array<ArrayBuffer>>();
  let plain: PlainLine | null = null;
  let sourceEpoch = 0;

  const categoryCodes: string[] = [];
  const categoryIndex = new Map<string, number>();
  // Suppliers: key, source and auxiliary account per supplier number.
  const supKeys: string[] = [];
  const supSources: SupplierSource[] = [];
  const supAux: (string | null)[] = [];
  // Per account symbol, per CompteLib: names a supplier (isPerSupplierAccount).
  const perSupplier = new Map<number, Map<string, boolean>>();
  let perSupplierCount = 0;
  const groupKeys = new Map<string, string>();
  // Scratch of the attribution (one entry at a time).
  const merged = new Piece(new Arena());
  const weights: number[] = [];

  function intern(str: string): number {
    let id = ids.get(str);
    if (id === undefined) {
      id = texts.length;
      texts.push(str);
      ids.set(str, id);
      if (id >= accFlags.length) {
        accFlags = grown(accFlags, id);
        accCat = grown(accCat, id);
        accSup = grown(accSup, id);
        auxSup = grown(auxSup, id);
        auxLibHint = grown(auxLibHint, id);
        upper = grown(upper, id);
      }
    }
    return id;
  }

  function useSource(src: LineSource): void {
    if (source !== null) sourceMaps.set(source, fromSource);
    source = src;
    fromSource = sourceMaps.get(src) ?? new Int32Array(1024);
    sourceEpoch = src.symbolEpoch;
    lastRunId = -1;
  }

  /** Our symbol for the source's symbol `id`. */
  function local(src: LineSource, id: number): number {
    if (id === 0) return 0;
    if (src.symbolEpoch !== sourceEpoch) {
      // The source forgot its symbols: its ids now mean other texts.
      fromSource.fill(0);
      sourceEpoch = src.symbolEpoch;
    }
    if (id >= fromSource.length) fromSource = grown(fromSource, id);
    const v = fromSource[id]!;
    if (v !== 0) return v;
    return (fromSource[id] = intern(src.symbolText(id)));
  }

  function accountFlags(account: number): number {
    const text = texts[account]!;
    const kind = match(text);
    let flags = A_KNOWN;
    if (kind === 'purchase') flags |= A_PURCHASE;
    else if (kind === 'capex') flags |= A_CAPEX;
    else if (isSupplierAccount(text)) flags |= A_SUPPLIER;
    if (text.startsWith('404')) flags |= A_404;
    const code = categoryCode(text);
    let cat = categoryIndex.get(code);
    if (cat === undefined) {
      cat = categoryCodes.length;
      categoryCodes.push(code);
      categoryIndex.set(code, cat);
    }
    accCat[account] = cat;
    accFlags[account] = flags;
    return flags;
  }

  function newSupplier(key: string, src: SupplierSource, aux: string | null): number {
    supKeys.push(key);
    supSources.push(src);
    supAux.push(aux);
    return supKeys.length;
  }

  /** Supplier number of an auxiliary account (symbol). */
  function auxSupplier(aux: number): number {
    const s = auxSup[aux]!;
    if (s !== 0) return s - 1;
    const text = texts[aux]!;
    auxSup[aux] = newSupplier(`aux:${text}`, 'auxiliary', text);
    return auxSup[aux]! - 1;
  }

  /** Supplier number of a per-supplier general account (symbol). */
  function accountSupplier(account: number): number {
    const s = accSup[account]!;
    if (s !== 0) return s - 1;
    accSup[account] = newSupplier(`account:${texts[account]!}`, 'general-account', null);
    return accSup[account]! - 1;
  }

  function isPerSupplier(account: number, label: string): boolean {
    let byLabel = perSupplier.get(account);
    if (byLabel === undefined) {
      byLabel = new Map();
      perSupplier.set(account, byLabel);
    }
    let v = byLabel.get(label);
    if (v === undefined) {
      v = isPerSupplierAccount(texts[account]!, label);
      if (++perSupplierCount > CACHE_LIMIT) {
        perSupplier.clear();
        perSupplierCount = 0;
      }
      byLabel.set(label, v);
    }
    return v;
  }

  function upperCase(cur: number): number {
    const u = upper[cur]!;
    if (u !== 0) return u;
    const id = intern(texts[cur]!.toUpperCase());
    upper[cur] = id;
    return id;
  }

  const groupKey = (label: string): string => `label:${labelGroupKey(label)}`;
  // Labels of unattributed entries by a hash of their units: the same label (a monthly direct debit)
  // comes back as the same string, compared unit by unit, without decoding it again.
  // Each keeps the label's group key and the group it went to last (groups are never removed), so
  // the next entry with that label into the same totals finds its group without two lookups.
  const labelsByHash = new Map<number, LabelMemo>();

  function unattributedLabel(p: Piece): LabelMemo {
    const buf = p.arena.buf;
    const off = p.labelOff;
    const n = p.labelLen;
    let h = 0x811c9dc5 ^ n;
    for (let i = 0; i < n; i++) h = Math.imul(h ^ buf[off + i]!, 0x01000193);
    // A small integer key: a hash outside that range would be boxed on every lookup.
    h &= 0x3fffffff;
    const known = labelsByHash.get(h);
    if (known !== undefined && known.label.length === n) {
      const text = known.label;
      let i = 0;
      while (i < n && text.charCodeAt(i) === buf[off + i]) i++;
      if (i === n) return known;
    }
    const memo: LabelMemo = { label: p.label(), key: null, totals: null, group: null };
    if (labelsByHash.size >= CACHE_LIMIT) labelsByHash.clear();
    labelsByHash.set(h, memo);
    return memo;
  }

  function anomaly(a: PurchaseAnomaly): void {
    anomalyCount++;
    if (anomalies.length < maxAnomalies) anomalies.push(a);
  }

  function journal(code: number): JournalState {
    if (lastJournal !== null && code === lastJournal.code) return lastJournal;
    let j = journals.get(code);
    if (!j) {
      j = {
        code,
        hasFirstNum: false,
        firstNum: new Units(),
        severalNums: false,
        maxNum: -1,
        hasFirstPiece: false,
        firstPieceDate: 0,
        firstPieceRef: new Units(),
        severalPieces: false,
        common: new Totals(),
        byEntry: new Totals(),
        byPiece: new Totals(),
      };
      journals.set(code, j);
    }
    lastJournal = j;
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
    journalCode: number,
    date: number,
  ): void {
    const only = count === 1 ? pieces[from]! : null;
    // One piece (most entries): its own arrays are read as they are, nothing is merged.
    if (only !== null && !(only.has404 && only.capexCount > 0)) {
      attributeTotals(totals, only, journalCode, date);
      return;
    }
    const m = merged;
    m.reset(Infinity);
    m.arena.used = 0;
    for (let u = from; u < from + count; u++) {
      const p = pieces[u]!;
      for (let i = 0; i < p.catCount; i++) m.addPurchase(p.cat(i), p.amount(i));
      if (p.has404) m.has404 = true;
      if (p.collectiveWithoutAux) m.collectiveWithoutAux = true;
      for (let i = 0; i < p.supCount; i++) m.addSupplier(p.sup(i), p.supName(i), p.account(i), p.net(i));
      if (p.firstLine < m.firstLine && p.catCount + p.capexCount > 0) {
        m.firstLine = p.firstLine;
        m.copyText(p);
      }
      for (const c of p.currencies) m.addCurrency(c);
    }
    if (m.has404) {
      for (let u = from; u < from + count; u++) {
        const p = pieces[u]!;
        for (let i = 0; i < p.capexCount; i++) m.addPurchase(p.capexCat(i), p.capexAmount(i));
      }
    }
    attributeTotals(totals, m, journalCode, date);
  }

  /** The attribution proper, on a unit's purchases (capex already folded in) and supplier lines. */
  function attributeTotals(totals: Totals, p: Piece, journalCode: number, date: number): void {
    const n = p.catCount;
    // The piece's regions (see Piece.d): categories at 0, amounts at cap, suppliers at 4 cap...
    const d = p.d;
    const cap = p.cap;
    let ht = 0;
    let nonZero = false;
    for (let i = 0; i < n; i++) {
      const v = d[cap + i]!;
      ht += v;
      if (v !== 0) nonZero = true;
    }
    if (!nonZero) return;
    totals.purchaseEntries++;

    const m = p.supCount;
    if (m === 0) {
      const memo = unattributedLabel(p);
      const label = memo.label;
      let g: GroupAcc;
      if (memo.totals === totals) g = memo.group!;
      else {
        memo.key ??= cached(groupKeys, label, groupKey);
        g = totals.group(
          memo.key,
          label,
          p.collectiveWithoutAux ? 'collective-account-without-auxiliary' : 'no-supplier-line',
        );
        memo.totals = totals;
        memo.group = g;
      }
      g.amount += ht;
      g.entryCount++;
      for (let i = 0; i < n; i++) {
        const cat = d[i]!;
        g.byCategory.set(cat, (g.byCategory.get(cat) ?? 0) + d[cap + i]!);
      }
      if (g.samples.length < MAX_UNATTRIBUTED_SAMPLES) {
        g.samples.push({
          line: p.firstLine,
          journalCode: texts[journalCode]!,
          pieceRef: p.ref(),
          date: isoOrEmpty(date),
          label,
          amountCents: cents(ht),
        });
      }
      return;
    }
    const nets = 6 * cap;
    if (m > 1) {
      const dir = ht < 0 ? -1 : 1;
      weights.length = m;
      let allZero = true;
      for (let i = 0; i < m; i++) {
        const w = Math.max(0, d[nets + i]! * dir);
        weights[i] = w;
        if (w !== 0) allZero = false;
      }
      if (allZero) for (let i = 0; i < m; i++) weights[i] = Math.abs(d[nets + i]!);
    }
    const currencyCount = p.currencyCount;
    const sups = 4 * cap;
    // The label becomes a string only for a supplier that has fewer than MAX_SAMPLE_LABELS.
    let label: string | null = p.labelLen === 0 ? '' : null;
    for (let i = 0; i < m; i++) {
      const sup = d[sups + i]!;
      // The name is read only when it may be kept (a new supplier, or one still without a name).
      if (totals.needsName(sup)) totals.supplier(sup, p.supName(i));
      totals.addAccount(sup, d[5 * cap + i]!);
      totals.entries[sup] = totals.entries[sup]! + 1;
      if (!totals.labelsFull(sup)) {
        label ??= p.label();
        totals.addLabel(sup, label);
      }
      for (let c = 0; c < currencyCount; c++) totals.addCurrency(sup, p.currencies[c]!);
    }
    const amountBySup = totals.amount;
    for (let i = 0; i < n; i++) {
      const amount = d[cap + i]!;
      if (amount === 0) continue;
      const cat = d[i]!;
      if (m === 1) {
        const sup = d[sups]!;
        amountBySup[sup] = amountBySup[sup]! + amount;
        totals.addToCategory(sup, cat, amount);
        continue;
      }
      const parts = allocateCents(amount, weights);
      for (let k = 0; k < m; k++) {
        const sup = d[sups + k]!;
        const part = parts[k] ?? 0;
        amountBySup[sup] = amountBySup[sup]! + part;
        totals.addToCategory(sup, cat, part);
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
    closed.add(entry.h1, entry.h2, entry.isNew);
    const j = entry.j!;
    const pieces = entry.pieces;
    const n = entry.pieceCount;
    if (n === 1) {
      const p = entry.first!;
      if (!(p.has404 && p.capexCount > 0)) attributeTotals(j.common, p, entry.journal, entry.date);
      else attribute(j.common, pieces, 0, 1, entry.journal, entry.date);
      return;
    }
    if (entry.numLen === 0) {
      for (let k = 0; k < n; k++) attribute(j.common, pieces, k, 1, entry.journal, entry.date);
      return;
    }
    attribute(j.byEntry, pieces, 0, n, entry.journal, entry.date);
    for (let k = 0; k < n; k++) attribute(j.byPiece, pieces, k, 1, entry.journal, entry.date);
  }

  function bucket(h1: number): number {
    return h1 & bucketMask;
  }

  /** The open entry (journal, num [0, n), date) whose first hash is hash1, or null. */
  function findOpen(journal: number, num: Uint16Array, n: number, date: number): Entry | null {
    let e: Entry | null = open[bucket(hash1)]!;
    while (e !== null && !(e.journal === journal && e.date === date && e.arena.equals(0, e.numLen, num, n)))
      e = e.nextInBucket;
    return e;
  }

  function unlink(entry: Entry): void {
    const b = bucket(entry.h1);
    let e = open[b]!;
    if (e === entry) {
      open[b] = entry.nextInBucket;
      return;
    }
    while (e.nextInBucket !== entry) e = e.nextInBucket!;
    e.nextInBucket = entry.nextInBucket;
  }

  /** Opens an entry in the next slot of the ring; closes the oldest when the window is full. */
  function openEntry(journal: number, num: Uint16Array, n: number, date: number): Entry {
    let slot = head + openCount;
    if (slot >= capacity) slot -= capacity;
    let entry = ring[slot];
    if (entry === undefined) {
      entry = new Entry(slot, entryPool);
      ring[slot] = entry;
    }
    entry.reset(hash1, hash2, journal, num, n, date);
    openCount++;
    const b = bucket(hash1);
    entry.nextInBucket = open[b]!;
    open[b] = entry;
    last = entry;
    if (openCount > windowSize) closeOldest();
    return entry;
  }

  function add(line: FecLine): void {
    let src: LineSource;
    if (line instanceof FecLineView) src = line;
    else {
      plain ??= new PlainLine();
      plain.set(line);
      src = plain;
    }
    if (src !== source) useSource(src);
    linesRead++;
    const date = src.dateNum;
    if (filter && (date < filterFrom || date > filterTo)) return;
    if (date !== 0) {
      if (minDate === 0 || date < minDate) minDate = date;
      if (date > maxDate) maxDate = date;
    }
    const account = local(src, src.symbol(F_COMPTE_NUM));
    let flags = accFlags[account]!;
    if (flags === 0) flags = accountFlags(account);
    if ((flags & A_COUNTED) === 0) return;

    let entry: Entry | null = null;
    if (last !== null && src.runId === lastRunId && last.date === date) entry = last;
    else {
      const journalCode = local(src, src.symbol(F_JOURNAL_CODE));
      const numLen = src.units(F_ECRITURE_NUM);
      const num = src.unitBuf;
      if (
        last !== null &&
        last.journal === journalCode &&
        last.date === date &&
        last.arena.equals(0, last.numLen, num, numLen)
      )
        entry = last;
      else {
        entryHash(journalCode, num, numLen, date);
        entry = findOpen(journalCode, num, numLen, date);
        if (entry !== null) last = entry;
      }
      if (entry === null) {
        const j = journal(journalCode);
        const value = numberValue(num, numLen);
        const first = value > j.maxNum;
        if (first) j.maxNum = value;
        if (!first && closed.size > 0 && closed.has(hash1, hash2)) {
          const numText = unitsToString(num, numLen);
          anomaly({
            line: src.line,
            code: 'entry-split',
            message: `Ligne ${src.line} : l'écriture ${texts[journalCode]!} n° ${numText} du ${isoOrEmpty(date)} reprend loin après ses autres lignes ; elle est comptée comme une écriture à part (son fournisseur peut manquer). Triez le FEC par écriture pour un rattachement exact.`,
          });
        }
        entry = openEntry(journalCode, num, numLen, date);
        entry.isNew = first;
        entry.j = j;
        if (numLen !== 0) {
          if (!j.hasFirstNum) {
            j.hasFirstNum = true;
            j.firstNum.copy(num, numLen);
          } else if (!j.severalNums && !j.firstNum.equals(num, numLen)) j.severalNums = true;
        }
      }
      lastRunId = src.runId;
    }
    // Most lines belong to the piece of the line before: compared without decoding.
    let piece = entry.lastPiece;
    if (piece === null || !piece.refIs(src, F_PIECE_REF)) piece = null;
    const refLen = piece === null ? src.units(F_PIECE_REF) : 0;
    const ref = src.unitBuf;
    if (piece === null) piece = entry.find(ref, refLen);
    if (piece === null) {
      piece = entry.open(ref, refLen, src.line);
      const j = entry.j!;
      if (!j.hasFirstPiece) {
        j.hasFirstPiece = true;
        j.firstPieceDate = date;
        j.firstPieceRef.copy(ref, refLen);
      } else if (!j.severalPieces && (j.firstPieceDate !== date || !j.firstPieceRef.equals(ref, refLen)))
        j.severalPieces = true;
    }
    const devise = local(src, src.symbol(F_IDEVISE));
    if (devise !== 0) {
      const currency = upperCase(devise);
      if (currency !== EUR) piece.addCurrency(currency);
    }
    const amount = src.debitCents - src.creditCents;
    if ((flags & A_SUPPLIER) === 0) {
      if ((flags & A_CAPEX) !== 0) piece.addCapex(accCat[account]!, amount);
      else piece.addPurchase(accCat[account]!, amount);
      entry.hasPurchase = true;
      if (piece.labelLen === 0) piece.setLabelFrom(src, F_ECRITURE_LIB);
      if (src.line < piece.firstLine) piece.firstLine = src.line;
      return;
    }
    if ((flags & A_404) !== 0) piece.has404 = true;
    const aux = local(src, src.symbol(F_COMP_AUX_NUM));
    if (aux !== 0) {
      const name = src.symbolNear(F_COMP_AUX_LIB, auxLibHint[aux]!);
      auxLibHint[aux] = src.symbolHint(F_COMP_AUX_LIB);
      piece.addSupplier(auxSupplier(aux), src.symbolText(name), account, -amount);
    } else {
      const compteLib = src.symbolText(src.symbol(F_COMPTE_LIB));
      if (!isPerSupplier(account, compteLib)) {
        piece.collectiveWithoutAux = true;
        return;
      }
      piece.addSupplier(accountSupplier(account), compteLib, account, -amount);
    }
    if (piece.labelLen === 0) piece.setLabelFrom(src, F_ECRITURE_LIB);
  }

  function result(): PurchasesResult {
    while (openCount > 0) closeOldest();
    const all = new Totals();
    const entryKeyModes: Record<string, EntryKeyMode> = {};
    for (const [code, j] of journals) {
      const mode: EntryKeyMode =
        !j.hasFirstNum || (!j.severalNums && j.severalPieces) ? 'piece-ref' : 'ecriture-num';
      entryKeyModes[texts[code]!] = mode;
      all.merge(j.common);
      all.merge(mode === 'piece-ref' ? j.byPiece : j.byEntry);
    }
    const names: Names = {
      text: (id) => texts[id]!,
      categories: categoryCodes,
      key: (sup) => supKeys[sup]!,
      source: (sup) => supSources[sup]!,
      aux: (sup) => supAux[sup]!,
    };
    return toResult(all, names, settings, period(), entryKeyModes, linesRead, anomalies, anomalyCount);
  }

  function period(): Period | null {
    if (filter) return filter;
    return minDate === 0 ? null : { from: isoFromDateNumber(minDate), to: isoFromDateNumber(maxDate) };
  }

  return { add, result };
}

/** Symbols and numbers → what the result shows. */
interface Names {
  text(id: number): string;
  /** Category codes by index. */
  categories: readonly string[];
  key(sup: number): string;
  source(sup: number): SupplierSource;
  aux(sup: number): string | null;
}

/**
 * Rank of each category index in the localeCompare order of the codes (equal codes share a rank):
 * the records are sorted on these numbers, the strings are compared once per code.
 */
function categoryRanks(codes: readonly string[]): Int32Array {
  const order = codes.map((_, i) => i).sort((a, b) => codes[a]!.localeCompare(codes[b]!));
  const rank = new Int32Array(codes.length);
  let r = 0;
  for (let k = 0; k < order.length; k++) {
    if (k > 0 && codes[order[k - 1]!]!.localeCompare(codes[order[k]!]!) !== 0) r++;
    rank[order[k]!] = r;
  }
  return rank;
}

/** Category indices and amounts → { code: cents } in code order, zeros left out. */
function record(
  cats: readonly number[],
  amounts: readonly number[],
  codes: readonly string[],
  rank: Int32Array,
): Record<string, Cents> {
  const out: Record<string, Cents> = {};
  // Category codes ('601') are array indices: V8 would give the object fast elements sized past the
  // largest code (about 7 KB per object, 44 MB for 6,000 suppliers and groups). Adding then deleting
  // a far index switches it to dictionary elements: same keys, same order, a few hundred bytes.
  out['1000000'] = cents(0);
  delete out['1000000'];
  const order = cats.map((_, i) => i).sort((a, b) => rank[cats[a]!]! - rank[cats[b]!]!);
  for (const i of order) {
    const v = amounts[i]!;
    if (v !== 0) out[codes[cats[i]!]!] = cents(v);
  }
  return out;
}

function toResult(
  all: Totals,
  names: Names,
  settings: PurchaseSettings,
  period: Period | null,
  entryKeyModes: Record<string, EntryKeyMode>,
  linesRead: number,
  anomalies: PurchaseAnomaly[],
  anomalyCount: number,
): PurchasesResult {
  const codes = names.categories;
  const rank = categoryRanks(codes);
  // One pass over the (supplier, category) table: each supplier's categories, and the totals.
  // result() runs once, in code the JIT has not optimised: plain loops, few intermediate arrays.
  const catsOf = new Array<number[] | undefined>(all.flags.length);
  const amountsOf = new Array<number[] | undefined>(all.flags.length);
  const totalsByCat = new Array<number>(codes.length).fill(0);
  all.forEachCategory((sup, cat, amount) => {
    let cats = catsOf[sup];
    if (cats === undefined) {
      cats = catsOf[sup] = [];
      amountsOf[sup] = [];
    }
    cats.push(cat);
    amountsOf[sup]!.push(amount);
    totalsByCat[cat] = totalsByCat[cat]! + amount;
  });
  for (const g of all.groups.values())
    for (const [cat, amount] of g.byCategory) totalsByCat[cat] = totalsByCat[cat]! + amount;
  // Category totals of the result, summed here rather than read back from the records.
  const categoryTotals = new Map<string, number>();
  for (let cat = 0; cat < codes.length; cat++) {
    const code = codes[cat]!;
    categoryTotals.set(code, (categoryTotals.get(code) ?? 0) + totalsByCat[cat]!);
  }
  const suppliers: SupplierSpend[] = [];
  for (const sup of all.order) {
    if (all.amount[sup] === 0 && (all.flags[sup]! & S_CATEGORY) === 0) continue;
    const more = all.accounts.get(sup);
    const first = all.account[sup]!;
    const currencies = all.currencies.get(sup);
    suppliers.push({
      key: names.key(sup),
      keySource: names.source(sup),
      name: all.name[sup]!,
      auxiliaryAccount: names.aux(sup),
      generalAccounts:
        more !== undefined ? [...more].map(names.text).sort() : first === -1 ? [] : [names.text(first)],
      identifiers: { siret: [], siren: [], postalCodes: [], towns: [], countries: [] },
      currencies: currencies === undefined ? [] : [...currencies].map(names.text).sort(),
      amountCents: cents(all.amount[sup]!),
      byCategory: record(catsOf[sup] ?? [], amountsOf[sup] ?? [], codes, rank),
      entryCount: all.entries[sup]!,
      sampleLabels: all.labels.get(sup) ?? [],
    });
  }
  suppliers.sort((a, b) => b.amountCents - a.amountCents || a.key.localeCompare(b.key));
  const unattributed: UnattributedGroup[] = [...all.groups.values()]
    .map((g) => ({
      key: g.key,
      label: g.label,
      amountCents: cents(g.amount),
      byCategory: record([...g.byCategory.keys()], [...g.byCategory.values()], codes, rank),
      entryCount: g.entryCount,
      samples: g.samples,
      reason: g.reason,
    }))
    .sort((a, b) => b.amountCents - a.amountCents || a.key.localeCompare(b.key));
  return assembleResult(
    {
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
    },
    categoryTotals,
  );
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
  /** Σ byCategory of the suppliers and groups, when the caller has it already (code → cents). */
  categoryTotals?: ReadonlyMap<string, number>,
): PurchasesResult {
  const attributed = parts.suppliers.reduce((a, s) => a + s.amountCents, 0);
  const unattributed = parts.unattributed.reduce((a, g) => a + g.amountCents, 0);
  let byCat = categoryTotals;
  if (byCat === undefined) {
    const sums = new Map<string, number>();
    for (const s of [...parts.suppliers, ...parts.unattributed]) {
      for (const [k, v] of Object.entries(s.byCategory)) sums.set(k, (sums.get(k) ?? 0) + v);
    }
    byCat = sums;
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
