// The line the reader hands to `onLine`: one object reused for every line, whose text fields are
// decoded from the line's bytes on first access. Most consumers read a few fields of most lines
// (account, amounts) and the rest of a few lines, so decoding all 16 fields up front was the
// reader's main cost. Decoding goes through small per-column caches: the same journal, account or
// supplier comes back on most lines, so a field usually costs a byte comparison, not a new string.
//
// Beyond the FecLine strings, a consumer that reads every line (core/purchases) can ask for:
// - `symbol(F_…)`: an integer per distinct trimmed text (0 for ''), from an open-addressing table
//   over the bytes (1 to 8 bytes compared as two integers); the string is decoded the first time
//   only, `symbolText(id)` gives it back. Ids are canonical per string (bytes that decode alike,
//   and the same text before and after an encoding change, share one). Past SYMBOL_LIMIT distinct
//   texts they are forgotten and `symbolEpoch` changes.
// - `units(F_…)`, `unitsTo`, `unitsEqual`: the field as UTF-16 code units (what the string would
//   hold), written into a buffer or compared in place, for text that differs on every entry.
// - `dateNum`, `runId` (consecutive lines with the same JournalCode and EcritureNum bytes).
// None of them allocates once the tables are warm.
import type { FecLine } from './types.ts';
import { ISO_8859_15_TABLE, decodeSingleByte, decodeUtf8 } from './encoding.ts';
import { Col } from './columns.ts';
import { isoFromDateNumber } from './values.ts';

const SPACE = 0x20;
const EMPTY = new Uint8Array(0);

// Text fields, in the order of their caches (the numbers of `symbol` and `units`).
export const F_JOURNAL_CODE = 0;
const F_JOURNAL_LIB = 1;
export const F_ECRITURE_NUM = 2;
export const F_COMPTE_NUM = 3;
export const F_COMPTE_LIB = 4;
export const F_COMP_AUX_NUM = 5;
export const F_COMP_AUX_LIB = 6;
export const F_PIECE_REF = 7;
export const F_ECRITURE_LIB = 8;
export const F_IDEVISE = 9;
const TEXT_FIELDS = 10;
/** Reader column (Col) of each text field. */
const FIELD_COLUMN: readonly number[] = [
  Col.journalCode,
  Col.journalLib,
  Col.ecritureNum,
  Col.compteNum,
  Col.compteLib,
  Col.compAuxNum,
  Col.compAuxLib,
  Col.pieceRef,
  Col.ecritureLib,
  Col.idevise,
];

/** Distinct texts kept as symbols before they are forgotten (bounds memory on odd files). */
const SYMBOL_LIMIT = 1 << 17;

// Per field, direct-mapped slots holding the bytes (or, up to 8 bytes, two integers) and the string.
const CACHE_SLOTS = 1024;
const CACHE_SLOT_BYTES = 64;

/**
 * The reader's side of the view: it points the view at each line's bytes (`buf`, and the separator
 * offsets in `bounds`), sets the numbers it has already read, then calls `onLine`.
 */
export class FecLineView implements FecLine {
  line = 0;
  debitCents = 0;
  creditCents = 0;
  montantDeviseCents: number | null = null;
  /** EcritureDate and PieceDate as YYYYMMDD numbers (0 when unreadable). */
  dateNum = 0;
  pieceDateNum = 0;
  /** The current line's bytes; field k spans (bounds[colOf[k]], bounds[colOf[k] + 1]). */
  buf: Uint8Array = EMPTY;
  /**
   * Changes whenever JournalCode or EcritureNum differ from the previous line's (bytes compared by
   * the reader): two lines with the same runId belong to the same (JournalCode, EcritureNum).
   */
  runId = 0;
  /** Changes when symbols are forgotten (their ids then mean other texts). */
  symbolEpoch = 0;
  /** UTF-16 code units written by `units`. */
  unitBuf = new Uint16Array(256);

  private utf8 = false;
  private table: Uint16Array = ISO_8859_15_TABLE;
  /** Incremented per line: a memo is valid when its stamp equals it. */
  private gen = 1;
  private readonly memoGen = new Int32Array(TEXT_FIELDS);
  private readonly memo: string[] = new Array<string>(TEXT_FIELDS).fill('');
  private readonly cachePool = new Uint8Array(TEXT_FIELDS * CACHE_SLOTS * CACHE_SLOT_BYTES);
  private readonly cacheLen = new Int32Array(TEXT_FIELDS * CACHE_SLOTS);
  private readonly cacheStr: string[] = new Array<string>(TEXT_FIELDS * CACHE_SLOTS).fill('');
  /** Symbols: one integer per distinct string (whatever its bytes or the encoding), 0 for ''. */
  private readonly symbolIds = new Map<string, number>([['', 0]]);
  private readonly symbolTexts: string[] = [''];
  // Bytes → symbol: an open-addressing table (entry + 1 per slot) over entries whose bytes are in
  // symPool; emptied when the encoding changes (the same bytes may then read differently).
  private symPool = new Uint8Array(1 << 16);
  private symPoolLen = 0;
  private symOff: Int32Array = new Int32Array(1024);
  private symLen: Int32Array = new Int32Array(1024);
  private symHash: Int32Array = new Int32Array(1024);
  private symId: Int32Array = new Int32Array(1024);
  private symCount = 0;
  private symTable = new Int32Array(4096);
  /** Symbols of 1 to 8 bytes: (first four bytes, last four, length) per entry, and their table. */
  private shKeys: Int32Array = new Int32Array(3 * 1024);
  private shId: Int32Array = new Int32Array(1024);
  private shCount = 0;
  private shTable = new Int32Array(4096);
  private readonly shLast = new Int32Array(TEXT_FIELDS).fill(-1);
  /** Per field, the entry of its last symbol (-1: none). */
  private readonly symLast = new Int32Array(TEXT_FIELDS).fill(-1);
  /** The text of the last field too long for the caches (slot -2). */
  private longText = '';
  /** Short fields (≤ 8 bytes): their first and last four bytes, instead of the pool. */
  private readonly keyLo = new Int32Array(TEXT_FIELDS * CACHE_SLOTS);
  private readonly keyHi = new Int32Array(TEXT_FIELDS * CACHE_SLOTS);
  private words: DataView = new DataView(new ArrayBuffer(0));
  private wordsOf: Uint8Array | null = null;
  private readonly lastSlot = new Int32Array(TEXT_FIELDS);
  private lastDateNum = -1;
  private lastDateIso = '';
  private readonly dateCache = new Map<number, string>();
  private fieldStart = 0;
  private fieldEnd = 0;
  private keyBytes = new Uint8Array(64);
  private keyJournalLen = -1;
  private keyLen = -1;
  private keyStale = true;

  constructor(
    private readonly bounds: Int32Array,
    private readonly colOf: Int32Array,
  ) {}

  /** Same encoding for the bytes from now on (clears the caches). */
  setEncoding(utf8: boolean, table: Uint16Array): void {
    this.utf8 = utf8;
    this.table = table;
    this.cacheLen.fill(0);
    this.symTable.fill(0);
    this.symCount = 0;
    this.symPoolLen = 0;
    this.symLast.fill(-1);
    this.shTable.fill(0);
    this.shCount = 0;
    this.shLast.fill(-1);
    this.gen++;
    // Strings decoded before may read differently now: the next line starts a new run.
    this.keyStale = true;
  }

  /** The view now shows another line: forget the decoded fields. */
  next(buf: Uint8Array, line: number): void {
    this.buf = buf;
    this.line = line;
    this.gen++;
  }

  get journalCode(): string {
    return this.field(F_JOURNAL_CODE);
  }
  get journalLib(): string {
    return this.field(F_JOURNAL_LIB);
  }
  get ecritureNum(): string {
    return this.field(F_ECRITURE_NUM);
  }
  get ecritureDate(): string {
    return this.dateNum > 0 ? this.iso(this.dateNum) : '';
  }
  get compteNum(): string {
    return this.field(F_COMPTE_NUM);
  }
  get compteLib(): string {
    return this.field(F_COMPTE_LIB);
  }
  get compAuxNum(): string {
    return this.field(F_COMP_AUX_NUM);
  }
  get compAuxLib(): string {
    return this.field(F_COMP_AUX_LIB);
  }
  get pieceRef(): string {
    return this.field(F_PIECE_REF);
  }
  get pieceDate(): string {
    return this.pieceDateNum > 0 ? this.iso(this.pieceDateNum) : '';
  }
  get ecritureLib(): string {
    return this.field(F_ECRITURE_LIB);
  }
  get idevise(): string {
    return this.field(F_IDEVISE);
  }

  /**
   * True when this line's trimmed JournalCode and EcritureNum bytes are those kept by `keepEntry`
   * (consecutive lines of an entry: the reader's balance check); their strings are then known.
   */
  sameEntry(): boolean {
    if (this.keyStale) return false;
    const saved = this.keyBytes;
    const buf = this.buf;
    let j = 0;
    for (let k = 0; k < 2; k++) {
      this.trimmed(k === 0 ? Col.journalCode : Col.ecritureNum);
      let s = this.fieldStart;
      const e = this.fieldEnd;
      const end = k === 0 ? this.keyJournalLen : this.keyLen;
      if (e - s !== end - j) return false;
      for (; s < e; s++, j++) if (buf[s] !== saved[j]) return false;
    }
    return true;
  }

  /** Keeps this line's JournalCode and EcritureNum bytes for `sameEntry`; a new runId. */
  keepEntry(): void {
    this.runId++;
    const buf = this.buf;
    let n = 0;
    for (let k = 0; k < 2; k++) {
      this.trimmed(k === 0 ? Col.journalCode : Col.ecritureNum);
      const s = this.fieldStart;
      const e = this.fieldEnd;
      if (n + e - s > this.keyBytes.length) {
        const bigger = new Uint8Array(Math.max(2 * this.keyBytes.length, n + e - s));
        bigger.set(this.keyBytes.subarray(0, n));
        this.keyBytes = bigger;
      }
      const saved = this.keyBytes;
      for (let i = s; i < e; i++) saved[n++] = buf[i]!;
      if (k === 0) this.keyJournalLen = n;
    }
    this.keyLen = n;
    this.keyStale = false;
  }

  /** JournalCode (0) or EcritureNum (1) kept by `keepEntry`, decoded now (reports only). */
  keptText(which: 0 | 1): string {
    const s = which === 0 ? 0 : this.keyJournalLen;
    const e = which === 0 ? this.keyJournalLen : this.keyLen;
    if (e <= s) return '';
    return this.utf8 ? decodeUtf8(this.keyBytes, s, e) : decodeSingleByte(this.keyBytes, s, e, this.table);
  }

  /** Sets fieldStart and fieldEnd to the trimmed bytes of reader column `c` (empty when absent). */
  private trimmed(c: number): void {
    const col = this.colOf[c]!;
    if (col < 0) {
      this.fieldStart = this.fieldEnd = 0;
      return;
    }
    const buf = this.buf;
    let s = this.bounds[col]! + 1;
    let e = this.bounds[col + 1]!;
    while (s < e && buf[s] === SPACE) s++;
    while (e > s && buf[e - 1] === SPACE) e--;
    this.fieldStart = s;
    this.fieldEnd = e;
  }

  private field(k: number): string {
    if (this.memoGen[k] === this.gen) return this.memo[k]!;
    const slot = this.slot(k, this.colOf[FIELD_COLUMN[k]!]!);
    const str = slot >= 0 ? this.cacheStr[slot]! : slot === -1 ? '' : this.longText;
    this.memo[k] = str;
    this.memoGen[k] = this.gen;
    return str;
  }

  /**
   * The symbol of text field k (F_JOURNAL_CODE...): the same integer for the same trimmed text,
   * 0 for ''. Costs a cache lookup on the bytes; the string is decoded the first time only.
   */
  symbol(k: number): number {
    const col = this.colOf[FIELD_COLUMN[k]!]!;
    if (col < 0) return 0;
    const buf = this.buf;
    let s = this.bounds[col]! + 1;
    let e = this.bounds[col + 1]!;
    while (s < e && buf[s] === SPACE) s++;
    while (e > s && buf[e - 1] === SPACE) e--;
    const n = e - s;
    if (n === 0) return 0;
    if (n <= 8) return this.shortSymbol(k, s, e);
    const pool = this.symPool;
    const symOff = this.symOff;
    const symLen = this.symLen;
    // Most fields repeat the previous line's (same entry, same account): try that one first.
    const last = this.symLast[k]!;
    if (last >= 0 && symLen[last] === n) {
      const off = symOff[last]!;
      let j = 0;
      while (j < n && pool[off + j] === buf[s + j]) j++;
      if (j === n) return this.symId[last]!;
    }
    let h = 0x811c9dc5 ^ n;
    for (let i = s; i < e; i++) h = Math.imul(h ^ buf[i]!, 0x01000193);
    h ^= h >>> 15;
    const table = this.symTable;
    const mask = table.length - 1;
    let t = h & mask;
    for (let x = table[t]!; x !== 0; x = table[t]!) {
      const entry = x - 1;
      if (this.symHash[entry] === h && symLen[entry] === n) {
        const off = symOff[entry]!;
        let j = 0;
        while (j < n && pool[off + j] === buf[s + j]) j++;
        if (j === n) {
          this.symLast[k] = entry;
          return this.symId[entry]!;
        }
      }
      t = (t + 1) & mask;
    }
    // First time these bytes are seen (since the last encoding change): decode, intern, remember.
    const str = this.utf8 ? decodeUtf8(buf, s, e) : decodeSingleByte(buf, s, e, this.table);
    const id = this.intern(str);
    const entry = this.addSymbolBytes(buf, s, n, h, id, t);
    this.symLast[k] = entry;
    return id;
  }

  /**
   * `symbol(k)`, comparing first with the bytes behind `hint` (a `symbolHint(k)` the caller kept, such
   * as the name last seen with a supplier's code): a name that changes on every line but comes back
   * with its code costs one comparison instead of a hash. Any hint gives the same result.
   */
  symbolNear(k: number, hint: number): number {
    const entry = hint - 1;
    if (entry >= 0 && entry < this.symCount) {
      this.trimmed(FIELD_COLUMN[k]!);
      const s = this.fieldStart;
      const n = this.fieldEnd - s;
      if (n > 8 && this.symLen[entry] === n) {
        const buf = this.buf;
        const pool = this.symPool;
        const off = this.symOff[entry]!;
        let j = 0;
        while (j < n && pool[off + j] === buf[s + j]) j++;
        if (j === n) {
          this.symLast[k] = entry;
          return this.symId[entry]!;
        }
      }
    }
    return this.symbol(k);
  }

  /** After `symbol(k)` or `symbolNear(k, …)`: a hint for `symbolNear` (0: none). */
  symbolHint(k: number): number {
    return this.symLast[k]! + 1;
  }

  /**
   * A symbol of 1 to 8 bytes (codes, account numbers: most lookups): its first and last four bytes
   * and its length identify it, so the table compares integers, not bytes.
   */
  private shortSymbol(k: number, s: number, e: number): number {
    const buf = this.buf;
    const n = e - s;
    let lo: number;
    let hi = 0;
    if (n >= 4) {
      if (this.wordsOf !== buf) {
        this.words = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
        this.wordsOf = buf;
      }
      lo = this.words.getInt32(s, true);
      hi = this.words.getInt32(e - 4, true);
    } else {
      lo = buf[s]!;
      if (n > 1) lo |= buf[s + 1]! << 8;
      if (n > 2) lo |= buf[s + 2]! << 16;
    }
    const keys = this.shKeys;
    const last = this.shLast[k]!;
    if (last >= 0 && keys[3 * last] === lo && keys[3 * last + 1] === hi && keys[3 * last + 2] === n)
      return this.shId[last]!;
    let h = Math.imul(lo ^ Math.imul(hi ^ n, 0x9e3779b1), 0x85ebca6b);
    h ^= h >>> 15;
    const table = this.shTable;
    const mask = table.length - 1;
    let t = h & mask;
    for (let x = table[t]!; x !== 0; x = table[t]!) {
      const entry = x - 1;
      if (keys[3 * entry] === lo && keys[3 * entry + 1] === hi && keys[3 * entry + 2] === n) {
        this.shLast[k] = entry;
        return this.shId[entry]!;
      }
      t = (t + 1) & mask;
    }
    const id = this.intern(this.utf8 ? decodeUtf8(buf, s, e) : decodeSingleByte(buf, s, e, this.table));
    const entry = this.shCount++;
    if (entry >= this.shId.length) {
      const ids = new Int32Array(this.shId.length * 2);
      ids.set(this.shId);
      this.shId = ids;
      const bigger = new Int32Array(keys.length * 2);
      bigger.set(keys);
      this.shKeys = bigger;
    }
    this.shKeys[3 * entry] = lo;
    this.shKeys[3 * entry + 1] = hi;
    this.shKeys[3 * entry + 2] = n;
    this.shId[entry] = id;
    table[t] = entry + 1;
    this.shLast[k] = entry;
    if (this.shCount * 2 > table.length) {
      // Keep the table at most half full.
      const size = table.length * 2;
      const next = new Int32Array(size);
      const m = size - 1;
      for (let j = 0; j < this.shCount; j++) {
        const a = this.shKeys[3 * j]!;
        const b = this.shKeys[3 * j + 1]!;
        const len = this.shKeys[3 * j + 2]!;
        let g = Math.imul(a ^ Math.imul(b ^ len, 0x9e3779b1), 0x85ebca6b);
        g ^= g >>> 15;
        let u = g & m;
        while (next[u] !== 0) u = (u + 1) & m;
        next[u] = j + 1;
      }
      this.shTable = next;
    }
    return id;
  }

  /** Records bytes [s, s + n) (hash h, free table slot t) for symbol id; returns the entry. */
  private addSymbolBytes(buf: Uint8Array, s: number, n: number, h: number, id: number, t: number): number {
    const entry = this.symCount++;
    if (entry >= this.symOff.length) {
      const grow = (a: Int32Array): Int32Array => {
        const b = new Int32Array(a.length * 2);
        b.set(a);
        return b;
      };
      this.symOff = grow(this.symOff);
      this.symLen = grow(this.symLen);
      this.symHash = grow(this.symHash);
      this.symId = grow(this.symId);
    }
    if (this.symPoolLen + n > this.symPool.length) {
      const bigger = new Uint8Array(Math.max(this.symPool.length * 2, this.symPoolLen + n));
      bigger.set(this.symPool.subarray(0, this.symPoolLen));
      this.symPool = bigger;
    }
    const pool = this.symPool;
    const off = this.symPoolLen;
    for (let j = 0; j < n; j++) pool[off + j] = buf[s + j]!;
    this.symPoolLen = off + n;
    this.symOff[entry] = off;
    this.symLen[entry] = n;
    this.symHash[entry] = h;
    this.symId[entry] = id;
    this.symTable[t] = entry + 1;
    // Keep the table at most half full.
    if (this.symCount * 2 > this.symTable.length) this.rehashSymbols(this.symTable.length * 2);
    return entry;
  }

  private rehashSymbols(size: number): void {
    const table = new Int32Array(size);
    const mask = size - 1;
    for (let entry = 0; entry < this.symCount; entry++) {
      let t = this.symHash[entry]! & mask;
      while (table[t] !== 0) t = (t + 1) & mask;
      table[t] = entry + 1;
    }
    this.symTable = table;
  }

  /**
   * Past SYMBOL_LIMIT distinct texts (a file whose supplier names differ on every line), symbols
   * start again from scratch: memory stays bounded; `symbolEpoch` tells consumers that ids changed.
   */
  private forgetSymbols(): void {
    this.symbolIds.clear();
    this.symbolIds.set('', 0);
    this.symbolTexts.length = 1;
    this.symTable.fill(0);
    this.symCount = 0;
    this.symPoolLen = 0;
    this.symLast.fill(-1);
    this.shTable.fill(0);
    this.shCount = 0;
    this.shLast.fill(-1);
    this.symbolEpoch++;
  }

  /** The text of a symbol. */
  symbolText(id: number): string {
    return this.symbolTexts[id]!;
  }

  /** Number of symbols handed out so far (ids are below it). */
  get symbolCount(): number {
    return this.symbolTexts.length;
  }

  private intern(str: string): number {
    let id = this.symbolIds.get(str);
    if (id === undefined) {
      if (this.symbolTexts.length >= SYMBOL_LIMIT) this.forgetSymbols();
      id = this.symbolTexts.length;
      this.symbolTexts.push(str);
      this.symbolIds.set(str, id);
    }
    return id;
  }

  /**
   * Decodes trimmed text field k into `unitBuf` (UTF-16 code units, as the string would hold them)
   * and returns their count: no string is made, for fields that differ on every entry.
   */
  units(k: number): number {
    const max = this.maxUnits(k);
    if (max > this.unitBuf.length) this.unitBuf = new Uint16Array(Math.max(2 * this.unitBuf.length, max));
    return this.unitsTo(k, this.unitBuf, 0);
  }

  /** An upper bound of `units(k)`: the trimmed field's byte length (sets fieldStart, fieldEnd). */
  maxUnits(k: number): number {
    this.trimmed(FIELD_COLUMN[k]!);
    return this.fieldEnd - this.fieldStart;
  }

  /**
   * Writes the units of trimmed text field k at `out[off]` (room for `maxUnits(k)` is the caller's
   * business) and returns their count.
   */
  unitsTo(k: number, out: Uint16Array, off: number): number {
    this.trimmed(FIELD_COLUMN[k]!);
    const buf = this.buf;
    const s = this.fieldStart;
    const e = this.fieldEnd;
    const n = e - s;
    if (!this.utf8) {
      const t = this.table;
      let i = 0;
      if (n >= 4) {
        if (this.wordsOf !== buf) {
          this.words = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
          this.wordsOf = buf;
        }
        const words = this.words;
        // Four bytes per load (labels are long): ASCII bytes are their own units in both tables.
        for (; i + 4 <= n; i += 4) {
          const w = words.getInt32(s + i, true);
          const o = off + i;
          if ((w & 0x80808080) === 0) {
            out[o] = w & 0xff;
            out[o + 1] = (w >>> 8) & 0xff;
            out[o + 2] = (w >>> 16) & 0xff;
            out[o + 3] = w >>> 24;
          } else {
            out[o] = t[w & 0xff]!;
            out[o + 1] = t[(w >>> 8) & 0xff]!;
            out[o + 2] = t[(w >>> 16) & 0xff]!;
            out[o + 3] = t[w >>> 24]!;
          }
        }
      }
      for (; i < n; i++) out[off + i] = t[buf[s + i]!]!;
      return n;
    }
    for (let i = 0; i < n; i++) {
      const b = buf[s + i]!;
      if (b >= 0x80) {
        // Rare: multi-byte sequences go through the string decoder (never longer in units).
        const str = decodeUtf8(buf, s, e);
        for (let j = 0; j < str.length; j++) out[off + j] = str.charCodeAt(j);
        return str.length;
      }
      out[off + i] = b;
    }
    return n;
  }

  /** True when trimmed text field k reads as the `len` units at `units[off]` (nothing written). */
  unitsEqual(k: number, units: Uint16Array, off: number, len: number): boolean {
    this.trimmed(FIELD_COLUMN[k]!);
    const buf = this.buf;
    const s = this.fieldStart;
    const n = this.fieldEnd - s;
    if (!this.utf8) {
      if (n !== len) return false;
      const t = this.table;
      for (let i = 0; i < n; i++) if (t[buf[s + i]!] !== units[off + i]) return false;
      return true;
    }
    for (let i = 0; i < n; i++) {
      const b = buf[s + i]!;
      if (b >= 0x80) {
        const m = this.units(k);
        if (m !== len) return false;
        const u = this.unitBuf;
        for (let j = 0; j < m; j++) if (u[j] !== units[off + j]) return false;
        return true;
      }
      if (i >= len || b !== units[off + i]) return false;
    }
    return n === len;
  }

  /**
   * Cache slot of the trimmed text of field `cache` in column `col`, decoding it on a miss; -1 when
   * the field is empty or absent, -2 when too long for the cache (its text is then in longText).
   */
  private slot(cache: number, col: number): number {
    if (col < 0) return -1;
    const buf = this.buf;
    let s = this.bounds[col]! + 1;
    let e = this.bounds[col + 1]!;
    while (s < e && buf[s] === SPACE) s++;
    while (e > s && buf[e - 1] === SPACE) e--;
    const n = e - s;
    if (n === 0) return -1;
    if (n <= 8) return this.shortSlot(cache, s, e);
    if (n > CACHE_SLOT_BYTES) {
      this.longText = this.utf8 ? decodeUtf8(buf, s, e) : decodeSingleByte(buf, s, e, this.table);
      return -2;
    }
    // Most fields repeat the previous line's (same entry, same account): try that slot first.
    let slot = this.lastSlot[cache]!;
    if (this.cacheLen[slot] === n && this.same(buf, s, slot * CACHE_SLOT_BYTES, n)) return slot;
    // Hash of the first and last 8 bytes (all of a short field: account numbers differ in the middle).
    let h = n;
    const head = n < 8 ? e : s + 8;
    for (let k = s; k < head; k++) h = Math.imul(h ^ buf[k]!, 0x01000193);
    for (let k = Math.max(head, e - 8); k < e; k++) h = Math.imul(h ^ buf[k]!, 0x01000193);
    slot = cache * CACHE_SLOTS + ((h ^ (h >>> 13)) & (CACHE_SLOTS - 1));
    const off = slot * CACHE_SLOT_BYTES;
    this.lastSlot[cache] = slot;
    if (this.cacheLen[slot] === n && this.same(buf, s, off, n)) return slot;
    const str = this.utf8 ? decodeUtf8(buf, s, e) : decodeSingleByte(buf, s, e, this.table);
    // A byte loop, not set(subarray()): a subarray is an allocation per uncached field.
    const pool = this.cachePool;
    for (let k = 0; k < n; k++) pool[off + k] = buf[s + k]!;
    this.cacheLen[slot] = n;
    this.cacheStr[slot] = str;
    return slot;
  }

  /**
   * A field of 1 to 8 bytes (codes, account numbers, entry numbers: most fields read): its first and
   * last four bytes and its length identify it, so the cache compares two integers, not bytes.
   */
  private shortSlot(cache: number, s: number, e: number): number {
    const buf = this.buf;
    const n = e - s;
    let lo: number;
    let hi = 0;
    if (n >= 4) {
      if (this.wordsOf !== buf) {
        this.words = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
        this.wordsOf = buf;
      }
      lo = this.words.getInt32(s, true);
      hi = this.words.getInt32(e - 4, true);
    } else {
      lo = buf[s]!;
      if (n > 1) lo |= buf[s + 1]! << 8;
      if (n > 2) lo |= buf[s + 2]! << 16;
    }
    // Most fields repeat the previous line's (same entry, same account): try that slot first.
    let slot = this.lastSlot[cache]!;
    if (this.cacheLen[slot] === n && this.keyLo[slot] === lo && this.keyHi[slot] === hi) return slot;
    let h = Math.imul(lo ^ Math.imul(hi ^ n, 0x9e3779b1), 0x85ebca6b);
    h ^= h >>> 15;
    slot = cache * CACHE_SLOTS + (h & (CACHE_SLOTS - 1));
    this.lastSlot[cache] = slot;
    if (this.cacheLen[slot] === n && this.keyLo[slot] === lo && this.keyHi[slot] === hi) return slot;
    const str = this.utf8 ? decodeUtf8(buf, s, e) : decodeSingleByte(buf, s, e, this.table);
    this.cacheLen[slot] = n;
    this.keyLo[slot] = lo;
    this.keyHi[slot] = hi;
    this.cacheStr[slot] = str;
    return slot;
  }

  /** Bytes [s, s + n) of buf equal n bytes of the cache pool at off. */
  private same(buf: Uint8Array, s: number, off: number, n: number): boolean {
    const pool = this.cachePool;
    for (let k = 0; k < n; k++) if (pool[off + k] !== buf[s + k]) return false;
    return true;
  }

  private iso(n: number): string {
    if (n === this.lastDateNum) return this.lastDateIso;
    let iso = this.dateCache.get(n);
    if (iso === undefined) {
      if (this.dateCache.size > 50_000) this.dateCache.clear();
      iso = isoFromDateNumber(n);
      this.dateCache.set(n, iso);
    }
    this.lastDateNum = n;
    this.lastDateIso = iso;
    return iso;
  }
}

/** A plain copy of a line, to keep it after `onLine` returns (the reader reuses its line object). */
export function copyFecLine(l: FecLine): FecLine {
  return {
    line: l.line,
    journalCode: l.journalCode,
    journalLib: l.journalLib,
    ecritureNum: l.ecritureNum,
    ecritureDate: l.ecritureDate,
    compteNum: l.compteNum,
    compteLib: l.compteLib,
    compAuxNum: l.compAuxNum,
    compAuxLib: l.compAuxLib,
    pieceRef: l.pieceRef,
    pieceDate: l.pieceDate,
    ecritureLib: l.ecritureLib,
    debitCents: l.debitCents,
    creditCents: l.creditCents,
    montantDeviseCents: l.montantDeviseCents,
    idevise: l.idevise,
  };
}
