// The streaming FEC reader: bytes in, FecLine out, in constant memory whatever the file size.
//
// One pass over the bytes with a 256-entry class table finds separators and line ends. Amounts and
// dates are read from the bytes; text fields are decoded only when the consumer reads them (the
// line handed to `onLine` is a reusable view, see line-view.ts). Encoding (DESIGN.md §5):
// - a UTF-8 BOM decides UTF-8; a UTF-16 BOM is refused;
// - otherwise lines are read as ASCII until the first byte ≥ 0x80; from that line on, up to
//   `sniffBytes` (1 MiB by default) are held and the encoding is chosen on them: well-formed UTF-8,
//   else Windows-1252 when a byte 0x80–0x9F appears, else ISO-8859-15. Every line before was pure
//   ASCII, which all three read alike, so the choice holds for the whole file as long as the window
//   tells the truth;
// - when a later byte contradicts the choice (invalid UTF-8, or 0x80–0x9F in a file taken for
//   ISO-8859-15) it is reported. UTF-8: the byte is replaced by U+FFFD. ISO-8859-15: the reader
//   switches to Windows-1252 from that line; earlier lines only differ in €ŠšŽžŒœŸ, and the report
//   says whether any such byte was seen. Trade-off: a file whose first MiB of accented text are
//   well-formed UTF-8 and later lines are not is read as UTF-8 with replacements, not re-read.
import type { FecAnomalySeverity, FecLine, FecProgress, FecReadSummary } from './types.ts';
import {
  AMBIGUOUS_LATIN_BYTES,
  ISO_8859_15_TABLE,
  WINDOWS_1252_TABLE,
  decodeBytes,
  isUndefinedInWindows1252,
  sniffEncoding,
  utf8SequenceLength,
  type FecEncoding,
} from './encoding.ts';
import {
  COLUMN_COUNT,
  Col,
  ESSENTIAL_COLUMNS,
  OFFICIAL_NAMES,
  REGULATORY_COLUMNS,
  STANDARD_ORDER,
  columnForHeader,
  type ColKey,
} from './columns.ts';
import {
  isoFromDateNumber,
  parseAmountCents,
  parseDateNumber,
  parseSens,
  type AmountStatus,
} from './values.ts';
import { AnomalyLog, FecAnomalyCode as A, euros, quote, separatorName } from './anomalies.ts';
import { parseFecFileName } from './file-name.ts';
import { FecLineView } from './line-view.ts';

export interface FecReaderOptions {
  /**
   * Called for every data line, in file order. The line is a view reused for the next line: read
   * its fields during the call (text fields are decoded on first access) and keep the values, or
   * `copyFecLine(line)`; the reader keeps nothing.
   */
  onLine: (line: FecLine) => void;
  /** Called about every `progressEveryBytes` and at the end. */
  onProgress?: (progress: FecProgress) => void;
  /** Anomalies kept in the summary (all are counted). Default 1,000. */
  maxAnomalies?: number;
  /** Anomalies kept per code. Default 200. */
  maxAnomaliesPerCode?: number;
  /** The file's name, for the `<SIREN>FEC<AAAAMMJJ>` hint. */
  fileName?: string;
  /** Bytes held to choose the encoding once a non-ASCII byte appears. Default 1 MiB. */
  sniffBytes?: number;
  /** Default 1 MiB. */
  progressEveryBytes?: number;
}

export interface FecReader {
  /** Feeds the next bytes of the file. The chunk is not kept after the call returns. */
  push(chunk: Uint8Array): void;
  /** Ends the file: reads the last line, closes open entries, returns the summary. */
  finish(): FecReadSummary;
}

export function createFecReader(options: FecReaderOptions): FecReader {
  const reader = new StreamingFecReader(options);
  return { push: (chunk) => reader.push(chunk), finish: () => reader.finish() };
}

/** Reads a whole Web stream (`File.stream()`, `Readable.toWeb(...)`). */
export async function readFecStream(
  stream: ReadableStream<Uint8Array>,
  options: FecReaderOptions,
): Promise<FecReadSummary> {
  const reader = createFecReader(options);
  const source = stream.getReader();
  try {
    for (;;) {
      const { done, value } = await source.read();
      if (done) break;
      reader.push(value);
    }
  } finally {
    source.releaseLock();
  }
  return reader.finish();
}

/** Reads any async iterable of byte chunks (a Node read stream, for one). */
export async function readFecChunks(
  chunks: AsyncIterable<Uint8Array>,
  options: FecReaderOptions,
): Promise<FecReadSummary> {
  const reader = createFecReader(options);
  for await (const chunk of chunks) reader.push(chunk);
  return reader.finish();
}

// Byte classes of the scanning loop.
const C_SEP = 1;
const C_EOL = 2;
const C_HIGH = 3;
const LF = 0x0a;
const CR = 0x0d;
const SPACE = 0x20;
/** '0,00' read as a little-endian word. */
const ZERO_AMOUNT = 0x30302c30;

/** Separators recorded per line; a line with more cannot match any header. */
const MAX_SEPS = 254;
/** A longer line is cut and reported (protects memory against a file without line ends). */
const MAX_LINE_BYTES = 1 << 20;
/** Unbalanced entries waiting for lines further down (interleaved files). */
const MAX_OPEN_ENTRIES = 10_000;
/** Bad bytes located per line (more are counted). */
const MAX_BAD_PER_LINE = 8;

const SEPARATORS = ['\t', '|', ';', ','] as const;
type Separator = (typeof SEPARATORS)[number];

interface OpenEntry {
  journal: string;
  num: string;
  debit: number;
  credit: number;
  firstLine: number;
  lastLine: number;
}

type Mode = 'start' | 'ascii' | 'sniff' | 'decided' | 'dead';
type Phase = 'header' | 'data' | 'unreadable';

class StreamingFecReader {
  private readonly onLine: (line: FecLine) => void;
  private readonly onProgress: ((progress: FecProgress) => void) | undefined;
  private readonly sniffBytes: number;
  private readonly progressEvery: number;
  private readonly fileName: string | undefined;
  private readonly log: AnomalyLog;

  // Bytes and encoding.
  private mode: Mode = 'start';
  private encoding: FecEncoding | null = null;
  private bom = false;
  private utf8 = false;
  private table: Uint16Array = ISO_8859_15_TABLE;
  private readonly cls = new Uint8Array(256);
  private prefix: Uint8Array = new Uint8Array(0);
  private sniffParts: Uint8Array[] = [];
  private sniffLen = 0;
  private sawAmbiguous = false;
  private lateReported = false;
  private finished = false;

  // Lines.
  private lineNo = 0;
  private pendingCr = 0;
  private carry: Uint8Array = new Uint8Array(4096);
  private carryLen = 0;
  private carryOverflow = false;
  private readonly bounds = new Int32Array(MAX_SEPS + 2);
  /** The scanned bytes, read four at a time (little-endian, any alignment). */
  private words: DataView = new DataView(new ArrayBuffer(0));
  private wordsOf: Uint8Array | null = null;
  /** The separator in each byte of a word; LF (flagged anyway) until the header gives the separator. */
  private sepWord = 0x0a0a0a0a;
  private nSep = 0;
  /** The last 8-byte date field read (two words) and its parseDateNumber (eight NUL bytes: -1). */
  private dateLo = 0;
  private dateHi = 0;
  private dateValue = -1;
  private badCount = 0;
  private readonly badOffset = new Int32Array(MAX_BAD_PER_LINE);
  private readonly badField = new Int32Array(MAX_BAD_PER_LINE);
  private readonly badByte = new Int32Array(MAX_BAD_PER_LINE);

  // Header.
  private phase: Phase = 'header';
  private separator: Separator = '\t';
  private sepByte = -1;
  private headerNames: string[] = [];
  private columns: string[] = [];
  private expectedFields = 0;
  private readonly colOf = new Int32Array(COLUMN_COUNT).fill(-1);
  private amountLayout: 'debit-credit' | 'montant-sens' = 'debit-credit';

  // The line handed to onLine.
  private readonly view = new FecLineView(this.bounds, this.colOf);
  private readonly amountStatus: AmountStatus = { rounded: false };

  // Totals.
  private bytesRead = 0;
  private lastProgress = 0;
  private dataLines = 0;
  private skippedLines = 0;
  private minDate = 0;
  private maxDate = 0;
  private totalDebit = 0;
  private totalCredit = 0;

  // Balance per (JournalCode, EcritureNum): the current run of lines, and entries left open.
  private runOpen = false;
  /** JournalCode and EcritureNum of the run, decoded before an encoding change (else null: lazily). */
  private runJournal: string | null = null;
  private runNum: string | null = null;
  private runDebit = 0;
  private runCredit = 0;
  private runFirst = 0;
  private runLast = 0;
  private readonly open = new Map<string, OpenEntry>();

  constructor(options: FecReaderOptions) {
    this.onLine = options.onLine;
    this.onProgress = options.onProgress;
    this.sniffBytes = options.sniffBytes ?? 1 << 20;
    this.progressEvery = options.progressEveryBytes ?? 1 << 20;
    this.fileName = options.fileName;
    this.log = new AnomalyLog(options.maxAnomalies ?? 1000, options.maxAnomaliesPerCode ?? 200);
    // Sums of cents leave the small-integer range on a large file: stored as doubles from the start,
    // the change of representation does not deoptimize the scanning loop halfway through the file.
    this.totalDebit = this.totalCredit = 0.5;
    this.totalDebit = this.totalCredit = 0;
    this.cls[LF] = C_EOL;
    this.cls[CR] = C_EOL;
    for (let b = 0x80; b < 0x100; b++) this.cls[b] = C_HIGH;
  }

  push(chunk: Uint8Array): void {
    if (this.finished) throw new Error('FEC reader: push() after finish()');
    // A plain Uint8Array view (not a Node Buffer): keeps every byte access in the loops monomorphic.
    if (chunk.constructor !== Uint8Array)
      chunk = new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    this.bytesRead += chunk.length;
    if (this.mode === 'start') {
      if (this.prefix.length + chunk.length < 3) {
        this.prefix = concat([this.prefix, chunk]);
        return;
      }
      const whole = this.prefix.length > 0 ? concat([this.prefix, chunk]) : chunk;
      this.prefix = new Uint8Array(0);
      this.feed(this.start(whole));
    } else if (this.mode !== 'dead') this.feed(chunk);
    if (this.onProgress && this.bytesRead - this.lastProgress >= this.progressEvery) {
      this.lastProgress = this.bytesRead;
      this.onProgress({ bytesRead: this.bytesRead, linesRead: this.lineNo });
    }
  }

  finish(): FecReadSummary {
    if (this.finished) throw new Error('FEC reader: finish() called twice');
    if (this.mode === 'start') {
      const rest = this.prefix;
      this.prefix = new Uint8Array(0);
      this.feed(this.start(rest));
    }
    if (this.mode === 'sniff') this.resolveSniff(true);
    this.finished = true;
    while (this.carryLen > 0 || this.carryOverflow) {
      const end = this.scanLine(this.carry, 0, this.carryLen, true);
      if (end === -2) {
        const rest = this.carry.slice(0, this.carryLen);
        this.carryLen = 0;
        this.sniffParts = [rest];
        this.sniffLen = rest.length;
        this.mode = 'sniff';
        this.resolveSniff(true);
        continue;
      }
      this.emitCarry();
    }
    this.closeRun();
    for (const entry of this.open.values()) this.reportUnbalanced(entry);
    this.open.clear();
    if (this.phase === 'header' && this.mode !== 'dead') {
      this.log.add(A.emptyFile, 'error', 0, undefined, () =>
        this.bytesRead === 0
          ? 'Le fichier est vide. Exportez de nouveau le FEC depuis le logiciel comptable.'
          : "Le fichier ne contient aucune ligne lisible (ni en-tête ni écriture). Vérifiez qu'il s'agit bien du FEC exporté par le logiciel comptable.",
      );
    } else if (this.phase === 'data' && this.dataLines === 0 && this.skippedLines === 0) {
      this.log.add(
        A.emptyFile,
        'warning',
        0,
        undefined,
        () =>
          "Le fichier ne contient que la ligne d'en-tête, aucune écriture. Vérifiez la période choisie lors de l'export du FEC.",
      );
    }
    this.onProgress?.({ bytesRead: this.bytesRead, linesRead: this.lineNo });
    const period =
      this.minDate > 0
        ? { from: isoFromDateNumber(this.minDate), to: isoFromDateNumber(this.maxDate) }
        : null;
    const hint = this.fileName === undefined ? null : parseFecFileName(this.fileName);
    if (hint) this.checkFileNamePeriod(hint.closingDate, period);
    const summary: FecReadSummary = {
      encoding: this.encoding ?? 'utf-8',
      separator: this.separator,
      columns: this.columns,
      amountLayout: this.amountLayout,
      bytesRead: this.bytesRead,
      lineCount: this.dataLines,
      period,
      totalDebitCents: this.totalDebit,
      totalCreditCents: this.totalCredit,
      anomalies: this.log.kept,
      anomalyCount: this.log.total,
      anomalyCounts: this.log.counts,
      readable: this.phase === 'data' && this.mode !== 'dead',
      skippedLineCount: this.skippedLines,
    };
    if (hint) summary.fileNameHint = hint;
    return summary;
  }

  /** The closing date in the file name should end the period of the entries (a year at most). */
  private checkFileNamePeriod(closingDate: string, period: { from: string; to: string } | null): void {
    if (!period) return;
    const oneYearAfterStart = `${Number(period.from.slice(0, 4)) + 1}${period.from.slice(4)}`;
    if (closingDate >= period.to && closingDate <= oneYearAfterStart) return;
    this.log.add(
      A.fileNamePeriod,
      'info',
      0,
      undefined,
      () =>
        `Le nom du fichier indique une clôture au ${closingDate}, mais les écritures vont du ${period.from} au ${period.to}. Vérifiez l'exercice exporté ; la période retenue est celle des écritures.`,
    );
  }

  // ---------------------------------------------------------------- bytes and encoding

  /** First bytes: byte order mark. */
  private start(buf: Uint8Array): Uint8Array {
    if (buf.length >= 3 && buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) {
      this.bom = true;
      this.setEncoding('utf-8');
      return buf.subarray(3);
    }
    if (buf.length >= 2 && ((buf[0] === 0xff && buf[1] === 0xfe) || (buf[0] === 0xfe && buf[1] === 0xff))) {
      this.mode = 'dead';
      this.phase = 'unreadable';
      this.log.add(
        A.unsupportedEncoding,
        'error',
        0,
        undefined,
        () =>
          "Le fichier est encodé en UTF-16, que le FEC n'admet pas. Exportez-le de nouveau en UTF-8 ou en ISO-8859-15 (Latin-9).",
      );
      return new Uint8Array(0);
    }
    this.mode = 'ascii';
    return buf;
  }

  /** Decodes the current run's JournalCode and EcritureNum (with the encoding they were read in). */
  private keepRunText(): void {
    if (!this.runOpen || this.runJournal !== null) return;
    this.runJournal = this.view.keptText(0);
    this.runNum = this.view.keptText(1);
  }

  private setEncoding(encoding: FecEncoding): void {
    this.keepRunText();
    this.encoding = encoding;
    this.utf8 = encoding === 'utf-8';
    this.mode = 'decided';
    for (let b = 0x80; b < 0x100; b++) this.cls[b] = 0;
    if (encoding === 'utf-8') {
      for (let b = 0x80; b < 0x100; b++) this.cls[b] = C_HIGH;
      this.table = ISO_8859_15_TABLE; // only used for ASCII bytes in UTF-8 mode
    } else if (encoding === 'windows-1252') {
      this.table = WINDOWS_1252_TABLE;
      for (let b = 0x80; b < 0xa0; b++) if (isUndefinedInWindows1252(b)) this.cls[b] = C_HIGH;
    } else {
      this.table = ISO_8859_15_TABLE;
      for (let b = 0x80; b < 0xa0; b++) this.cls[b] = C_HIGH;
      if (!this.sawAmbiguous) for (const b of AMBIGUOUS_LATIN_BYTES) this.cls[b] = C_HIGH;
    }
    this.view.setEncoding(this.utf8, this.table);
  }

  private feed(buf: Uint8Array): void {
    if (buf.length === 0 || this.mode === 'dead') return;
    if (this.mode === 'sniff') {
      this.sniffParts.push(buf.slice());
      this.sniffLen += buf.length;
      if (this.sniffLen >= this.sniffBytes) this.resolveSniff(false);
    } else this.processChunk(buf);
  }

  private startSniff(parts: Uint8Array[]): void {
    this.mode = 'sniff';
    this.sniffParts = parts;
    this.sniffLen = parts.reduce((n, p) => n + p.length, 0);
    if (this.sniffLen >= this.sniffBytes) this.resolveSniff(false);
  }

  private resolveSniff(final: boolean): void {
    const data = concat(this.sniffParts);
    this.sniffParts = [];
    this.sniffLen = 0;
    const encoding = sniffEncoding(data, final);
    if (encoding === null) {
      // The window ends inside a possible UTF-8 sequence: decide once its next bytes arrive.
      this.sniffParts = [data];
      this.sniffLen = data.length;
      return;
    }
    this.setEncoding(encoding);
    this.processChunk(data);
  }

  /**
   * A byte the class table flagged ≥ 0x80 at `i`. Returns the index of the last byte it covers,
   * -1 when a UTF-8 sequence is cut by the end of the chunk, -2 when the encoding must be chosen first.
   */
  private highByte(
    buf: Uint8Array,
    i: number,
    e: number,
    lineStart: number,
    field: number,
    atEnd: boolean,
  ): number {
    const b = buf[i]!;
    const enc = this.encoding;
    if (this.mode === 'ascii') return -2;
    if (enc === 'utf-8') {
      const n = utf8SequenceLength(buf, i, e);
      if (n > 0) return i + n - 1;
      if (n === -1 && !atEnd) return -1;
    } else if (enc === 'iso-8859-15') {
      if (b >= 0xa0) {
        this.sawAmbiguous = true;
        for (const a of AMBIGUOUS_LATIN_BYTES) this.cls[a] = 0;
        return i;
      }
      this.switchToWindows1252();
      if (!isUndefinedInWindows1252(b)) return i;
    }
    const k = this.badCount++;
    if (k < MAX_BAD_PER_LINE) {
      this.badOffset[k] = i - lineStart;
      this.badField[k] = field;
      this.badByte[k] = b;
    }
    return i;
  }

  private switchToWindows1252(): void {
    const line = this.lineNo + 1;
    const affected = this.sawAmbiguous;
    this.setEncoding('windows-1252');
    this.log.add(A.encodingLateEvidence, affected ? 'warning' : 'info', line, undefined, () =>
      affected
        ? `Ligne ${line} : un octet entre 0x80 et 0x9F montre que le fichier est en Windows-1252 et non en ISO-8859-15. Les lignes suivantes sont lues en Windows-1252 ; dans les lignes précédentes, les caractères €, Š, š, Ž, ž, Œ, œ et Ÿ ont pu être mal lus (¤, ¦, ¨, ´, ¸, ¼, ½, ¾) : vérifiez les libellés concernés, ou réenregistrez le fichier en UTF-8.`
        : `Ligne ${line} : un octet entre 0x80 et 0x9F montre que le fichier est en Windows-1252 et non en ISO-8859-15. Aucune ligne précédente n'en est affectée ; rien à faire.`,
    );
  }

  // ---------------------------------------------------------------- lines

  private processChunk(buf: Uint8Array): void {
    const len = buf.length;
    let pos = 0;
    if (this.pendingCr !== 0) {
      pos = this.resolvePendingCr(buf);
      if (pos >= len) return;
    }
    if (this.carryLen > 0 || this.carryOverflow) {
      let t = pos;
      while (t < len && buf[t] !== LF && buf[t] !== CR) t++;
      this.appendCarry(buf, pos, t);
      if (t === len) return;
      const end = this.scanLine(this.carry, 0, this.carryLen, true);
      if (end === -2) {
        const line = this.carry.slice(0, this.carryLen);
        this.carryLen = 0;
        this.startSniff([line, buf.slice(t)]);
        return;
      }
      this.emitCarry();
      pos = this.consumeEol(buf, t);
    }
    while (pos < len) {
      const end = this.scanLine(buf, pos, len, false);
      if (end === -2) {
        this.startSniff([buf.slice(pos)]);
        return;
      }
      if (end === -1) {
        this.appendCarry(buf, pos, len);
        return;
      }
      this.emitLine(buf, pos, end);
      pos = this.consumeEol(buf, end);
    }
  }

  /**
   * Scans one line from `s`: records separator offsets, checks bytes ≥ 0x80. Returns the offset of
   * the line end (`e` itself when `atEnd`, the bytes being a whole line), -1 when the chunk ends
   * first, -2 when the encoding must be chosen before going on.
   *
   * Four bytes at a time: a word test flags the bytes that may matter (below 0x0E, which covers tab,
   * LF and CR; the separator; 0x80 and above; a borrow may flag a byte above a flagged one too) and
   * only those are looked up in the class table: fewer loads and branches than testing every byte.
   */
  private scanLine(buf: Uint8Array, s: number, e: number, atEnd: boolean): number {
    const bounds = this.bounds;
    let cls = this.cls;
    let nsep = 0;
    bounds[0] = s - 1;
    this.badCount = 0;
    if (buf !== this.wordsOf) {
      this.words = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
      this.wordsOf = buf;
    }
    const words = this.words;
    const sepWord = this.sepWord;
    const sepByte = this.sepByte;
    let i = s;
    while (i + 4 <= e) {
      const x = words.getInt32(i, true);
      const y = x ^ sepWord;
      let t = ((((x - 0x0e0e0e0e) & ~x) | x | ((y - 0x01010101) & ~y)) & 0x80808080) | 0;
      let next = i + 4;
      while (t !== 0) {
        const bit = t & -t;
        t ^= bit;
        const shift = (31 - Math.clz32(bit)) & 0x18;
        const j = i + (shift >> 3);
        // The byte is in the word already: no load. Most flagged bytes are separators: one
        // comparison, no class lookup.
        const b = (x >>> shift) & 0xff;
        if (b === sepByte) {
          if (++nsep <= MAX_SEPS) bounds[nsep] = j;
          continue;
        }
        const c = cls[b]!;
        if (c === 0) continue;
        if (c === C_SEP) {
          if (++nsep <= MAX_SEPS) bounds[nsep] = j;
          continue;
        }
        if (c === C_EOL) {
          this.nSep = nsep;
          return j;
        }
        const r = this.highByte(buf, j, e, s, nsep, atEnd);
        if (r < 0) return r;
        cls = this.cls;
        // A multi-byte sequence may end past this word: go on after it.
        next = r + 1;
        break;
      }
      i = next;
    }
    for (; i < e; i++) {
      const c = cls[buf[i]!]!;
      if (c === 0) continue;
      if (c === C_SEP) {
        if (++nsep <= MAX_SEPS) bounds[nsep] = i;
        continue;
      }
      if (c === C_EOL) break;
      const r = this.highByte(buf, i, e, s, nsep, atEnd);
      if (r < 0) return r;
      i = r;
      cls = this.cls;
    }
    this.nSep = nsep;
    if (i < e) return i;
    return atEnd ? e : -1;
  }

  /** Skips the line end at `t`: LF, CRLF, CR CR LF or a lone CR. */
  private consumeEol(buf: Uint8Array, t: number): number {
    const len = buf.length;
    if (buf[t] === LF) return t + 1;
    if (t + 1 >= len) {
      this.pendingCr = 1;
      return len;
    }
    const b1 = buf[t + 1];
    if (b1 === LF) return t + 2;
    if (b1 !== CR) return t + 1;
    if (t + 2 >= len) {
      this.pendingCr = 2;
      return len;
    }
    return buf[t + 2] === LF ? t + 3 : t + 1;
  }

  /** A chunk ended on CR (pendingCr 1) or CR CR (2): finish reading that line end. */
  private resolvePendingCr(buf: Uint8Array): number {
    const len = buf.length;
    if (len === 0) return 0;
    if (this.pendingCr === 2) {
      this.pendingCr = 0;
      if (buf[0] === LF) return 1;
      this.lineNo++; // the second CR ended a blank line
      return 0;
    }
    this.pendingCr = 0;
    if (buf[0] === LF) return 1;
    if (buf[0] !== CR) return 0;
    if (len === 1) {
      this.pendingCr = 2;
      return 1;
    }
    return buf[1] === LF ? 2 : 0;
  }

  private appendCarry(buf: Uint8Array, s: number, e: number): void {
    if (this.carryOverflow) return;
    const n = e - s;
    if (this.carryLen + n > MAX_LINE_BYTES) {
      this.carryOverflow = true;
      return;
    }
    if (this.carryLen + n > this.carry.length) {
      const bigger = new Uint8Array(Math.max(this.carry.length * 2, this.carryLen + n));
      bigger.set(this.carry.subarray(0, this.carryLen));
      this.carry = bigger;
    }
    this.carry.set(buf.subarray(s, e), this.carryLen);
    this.carryLen += n;
  }

  /** The carried line is complete (already scanned): emit it and empty the carry. */
  private emitCarry(): void {
    if (this.carryOverflow) {
      const line = this.lineNo + 1;
      this.lineNo++;
      this.skippedLines++;
      this.log.add(
        A.lineTooLong,
        'error',
        line,
        undefined,
        () =>
          `Ligne ${line} : plus de ${MAX_LINE_BYTES / (1 << 20)} Mo sans fin de ligne ; elle est ignorée. Le fichier est sans doute endommagé ou n'est pas un FEC en texte : exportez-le de nouveau.`,
      );
      this.carryOverflow = false;
      this.carryLen = 0;
      return;
    }
    const n = this.carryLen;
    this.carryLen = 0;
    this.emitLine(this.carry, 0, n);
  }

  private emitLine(buf: Uint8Array, s: number, e: number): void {
    const lineNo = ++this.lineNo;
    if (e === s) return;
    if (this.phase === 'data') this.dataLine(buf, s, e, lineNo);
    else if (this.phase === 'header') this.headerLine(buf, s, e, lineNo);
  }

  // ---------------------------------------------------------------- header

  private headerLine(buf: Uint8Array, s: number, e: number, lineNo: number): void {
    const text = decodeBytes(buf, s, e, this.encoding ?? 'iso-8859-15');
    if (text.trim() === '') return;
    this.reportBadBytes(buf, s, lineNo, false);
    let separator: Separator = '\t';
    let best = 0;
    for (const candidate of SEPARATORS) {
      const n = text.split(candidate).length - 1;
      if (n > best) {
        best = n;
        separator = candidate;
      }
    }
    this.separator = separator;
    const fields = text.split(separator).map((n) => n.trim());
    const names = fields.length > 1 && fields[fields.length - 1] === '' ? fields.slice(0, -1) : fields;
    const colOf = this.colOf;
    let recognised = 0;
    names.forEach((name, index) => {
      const col = columnForHeader(name);
      if (col === undefined) return;
      if (colOf[Col[col]]! >= 0) {
        this.log.add(
          A.duplicateColumn,
          'warning',
          lineNo,
          name,
          () =>
            `Ligne ${lineNo} : la colonne ${quote(name)} (${OFFICIAL_NAMES[col]}) apparaît deux fois ; seule la première est lue. Supprimez la colonne en double.`,
        );
        return;
      }
      colOf[Col[col]] = index;
      recognised++;
    });
    if (recognised < 3) {
      this.noHeader(buf, s, e, lineNo, fields, text);
      return;
    }
    this.headerNames = names;
    this.columns = names.map((name) => {
      const col = columnForHeader(name);
      return col === undefined ? name : OFFICIAL_NAMES[col];
    });
    names.forEach((name, index) => {
      if (columnForHeader(name) !== undefined) return;
      const shown = name === '' ? `n° ${index + 1} (sans nom)` : quote(name);
      this.log.add(
        A.unknownColumn,
        'info',
        lineNo,
        name,
        () =>
          `Ligne ${lineNo} : la colonne ${shown} n'appartient pas au format FEC ; elle est ignorée. Rien à faire si elle ne contient pas d'écriture.`,
      );
    });
    this.expectedFields = names.length;
    this.finishHeader(lineNo);
  }

  private finishHeader(lineNo: number): void {
    const has = (c: ColKey): boolean => this.colOf[Col[c]]! >= 0;
    const missingEssential = ESSENTIAL_COLUMNS.filter((c) => !has(c));
    const debitCredit = has('debit') && has('credit');
    const montantSens = has('montant') && has('sens');
    if (!debitCredit && !montantSens)
      missingEssential.push(has('montant') ? 'sens' : has('debit') ? 'credit' : 'debit');
    if (missingEssential.length > 0) {
      for (const c of missingEssential) {
        this.log.add(
          A.missingColumn,
          'error',
          lineNo,
          OFFICIAL_NAMES[c],
          () =>
            `Ligne ${lineNo} (en-tête) : la colonne obligatoire ${OFFICIAL_NAMES[c]} est absente${c === 'debit' || c === 'credit' ? ' (ni Debit/Credit, ni Montant/Sens)' : ''}. Le fichier ne peut pas être lu : exportez de nouveau le FEC complet (18 colonnes) depuis le logiciel comptable.`,
        );
      }
      this.phase = 'unreadable';
      return;
    }
    this.amountLayout = debitCredit ? 'debit-credit' : 'montant-sens';
    for (const c of REGULATORY_COLUMNS) {
      if (has(c)) continue;
      this.log.add(
        A.missingColumn,
        'warning',
        lineNo,
        OFFICIAL_NAMES[c],
        () =>
          `Ligne ${lineNo} (en-tête) : la colonne réglementaire ${OFFICIAL_NAMES[c]} est absente. La lecture continue sans elle ; un FEC remis à l'administration doit la contenir.`,
      );
    }
    this.sepByte = this.separator.charCodeAt(0);
    this.sepWord = Math.imul(this.sepByte, 0x01010101);
    this.cls[this.sepByte] = C_SEP;
    this.phase = 'data';
  }

  /** The first line names no FEC column: data in the standard order, or not a FEC at all. */
  private noHeader(
    buf: Uint8Array,
    s: number,
    e: number,
    lineNo: number,
    fields: string[],
    text: string,
  ): void {
    this.colOf.fill(-1);
    if (fields.length >= STANDARD_ORDER.length && /^\d{8}$/.test(fields[3] ?? '')) {
      STANDARD_ORDER.forEach((c, index) => (this.colOf[Col[c]] = index));
      this.headerNames = STANDARD_ORDER.map((c) => OFFICIAL_NAMES[c]);
      this.columns = [...this.headerNames];
      this.expectedFields = STANDARD_ORDER.length;
      this.log.add(
        A.noHeader,
        'warning',
        lineNo,
        undefined,
        () =>
          `Ligne ${lineNo} : le fichier n'a pas de ligne d'en-tête ; les colonnes sont lues dans l'ordre officiel des 18 colonnes (JournalCode, JournalLib, EcritureNum, EcritureDate…). Vérifiez les montants obtenus, ou exportez de nouveau le FEC avec son en-tête.`,
      );
      this.finishHeader(lineNo);
      if (this.phase !== 'data') return;
      this.lineNo--;
      this.scanLine(buf, s, e, true);
      this.emitLine(buf, s, e);
      return;
    }
    this.phase = 'unreadable';
    this.log.add(
      A.noHeader,
      'error',
      lineNo,
      undefined,
      () =>
        `Ligne ${lineNo} : ${quote(text)} n'est pas une ligne d'en-tête de FEC (JournalCode, JournalLib, EcritureNum…, séparées par des tabulations ou des « | »). Le fichier ne peut pas être lu : vérifiez qu'il s'agit bien du fichier des écritures comptables.`,
    );
  }

  // ---------------------------------------------------------------- data lines

  private columnName(field: number): string {
    return this.headerNames[field] ?? `n° ${field + 1}`;
  }

  private reportBadBytes(buf: Uint8Array, s: number, lineNo: number, named: boolean): void {
    const n = this.badCount;
    if (n === 0) return;
    if (!this.bom && this.encoding === 'utf-8' && !this.lateReported) {
      this.lateReported = true;
      this.log.add(
        A.encodingLateEvidence,
        'warning',
        lineNo,
        undefined,
        () =>
          `Ligne ${lineNo} : le début du fichier est en UTF-8 mais cette ligne contient des octets qui n'en sont pas ; le fichier mélange sans doute deux encodages. Les caractères illisibles sont remplacés par « � » : vérifiez ces libellés, ou réenregistrez le fichier entier en UTF-8.`,
      );
    }
    for (let k = 0; k < n; k++) {
      if (!this.log.count(A.encodingReplaced)) continue;
      if (k >= MAX_BAD_PER_LINE) continue;
      const offset = this.badOffset[k]!;
      const field = this.badField[k]!;
      const byte = this.badByte[k]!.toString(16).toUpperCase().padStart(2, '0');
      const column = named ? this.columnName(field) : undefined;
      const where = column === undefined ? `octet ${offset + 1}` : `colonne ${column}, octet ${offset + 1}`;
      const before = decodeBytes(buf, Math.max(s, s + offset - 12), s + offset, this.encoding ?? 'utf-8');
      const anomaly = {
        line: lineNo,
        code: A.encodingReplaced,
        severity: 'warning' as FecAnomalySeverity,
        message: `Ligne ${lineNo}, ${where} : l'octet 0x${byte} (après ${quote(before)}) n'est pas un caractère valide en ${this.encoding ?? 'utf-8'} ; il est remplacé par « � ». Corrigez ce caractère dans le logiciel comptable si le libellé compte.`,
      } as const;
      this.log.keep(column === undefined ? anomaly : { ...anomaly, column });
    }
  }

  private dataLine(buf: Uint8Array, s: number, e: number, lineNo: number): void {
    const bounds = this.bounds;
    const nsep = this.nSep;
    if (nsep + 1 !== this.expectedFields && !this.trailingEmptyField(buf, nsep, e)) {
      this.wrongFieldCount(buf, s, e, lineNo, nsep + 1);
      return;
    }
    bounds[nsep + 1] = e;
    if (this.badCount > 0) this.reportBadBytes(buf, s, lineNo, true);
    const c = this.colOf;

    const view = this.view;
    view.next(buf, lineNo);

    let debitCents = 0;
    let creditCents = 0;
    if (this.amountLayout === 'debit-credit') {
      debitCents = this.amount(buf, c[Col.debit]!, lineNo);
      creditCents = this.amount(buf, c[Col.credit]!, lineNo);
      if (debitCents !== 0 && creditCents !== 0) {
        this.log.add(
          A.debitAndCredit,
          'warning',
          lineNo,
          undefined,
          () =>
            `Ligne ${lineNo} : la ligne porte à la fois un débit (${euros(debitCents)}) et un crédit (${euros(creditCents)}). Les deux sont pris en compte (solde ${euros(debitCents - creditCents)}) ; une ligne d'écriture ne devrait en porter qu'un.`,
        );
      }
    } else {
      const amount = this.amount(buf, c[Col.montant]!, lineNo);
      const col = c[Col.sens]!;
      const sens = parseSens(buf, bounds[col]! + 1, bounds[col + 1]!);
      if (sens === 1) debitCents = amount;
      else if (sens === -1) creditCents = amount;
      else this.badSens(buf, col, lineNo);
    }

    const dateCol = c[Col.ecritureDate]!;
    const dateNum = this.date(buf, dateCol);
    if (dateNum > 0) {
      if (this.minDate === 0 || dateNum < this.minDate) this.minDate = dateNum;
      if (dateNum > this.maxDate) this.maxDate = dateNum;
    } else this.badDate(buf, dateCol, lineNo, 'error', dateNum === 0);
    let pieceDateNum = 0;
    const pieceCol = c[Col.pieceDate]!;
    if (pieceCol >= 0) {
      pieceDateNum = this.date(buf, pieceCol);
      if (pieceDateNum < 0) this.badDate(buf, pieceCol, lineNo, 'warning', false);
    }

    let montantDeviseCents: number | null = null;
    const mdCol = c[Col.montantDevise]!;
    if (mdCol >= 0 && !this.blank(buf, mdCol)) {
      const v = parseAmountCents(buf, bounds[mdCol]! + 1, bounds[mdCol + 1]!, this.amountStatus);
      if (Number.isNaN(v)) this.badAmount(buf, mdCol, lineNo, 'warning');
      else montantDeviseCents = v;
    }

    view.debitCents = debitCents;
    view.creditCents = creditCents;
    view.montantDeviseCents = montantDeviseCents;
    view.dateNum = dateNum > 0 ? dateNum : 0;
    view.pieceDateNum = pieceDateNum > 0 ? pieceDateNum : 0;

    this.dataLines++;
    this.totalDebit += debitCents;
    this.totalCredit += creditCents;
    // Balance runs compare the key's bytes; the strings are decoded only for an unbalanced entry.
    if (!this.runOpen || !view.sameEntry()) {
      this.closeRun();
      view.keepEntry();
      this.runOpen = true;
      this.runJournal = this.runNum = null;
      this.runFirst = lineNo;
    }
    this.runDebit += debitCents;
    this.runCredit += creditCents;
    this.runLast = lineNo;
    this.onLine(view);
  }

  /**
   * parseDateNumber of field `col`. The lines of an entry carry the same dates, and PieceDate is often
   * EcritureDate: an 8-byte field (the norm) equal to the last one read, compared as two words, gives
   * the same number without reading it again.
   */
  private date(buf: Uint8Array, col: number): number {
    const s = this.bounds[col]! + 1;
    const e = this.bounds[col + 1]!;
    if (e - s !== 8 || this.wordsOf !== buf) return parseDateNumber(buf, s, e);
    const lo = this.words.getInt32(s, true);
    const hi = this.words.getInt32(s + 4, true);
    if (lo === this.dateLo && hi === this.dateHi) return this.dateValue;
    const v = parseDateNumber(buf, s, e);
    this.dateLo = lo;
    this.dateHi = hi;
    this.dateValue = v;
    return v;
  }

  /** One more field than the header, empty (a separator ending every line): allowed. */
  private trailingEmptyField(buf: Uint8Array, nsep: number, e: number): boolean {
    if (nsep !== this.expectedFields || nsep > MAX_SEPS) return false;
    for (let i = this.bounds[nsep]! + 1; i < e; i++) if (buf[i] !== SPACE) return false;
    return true;
  }

  private wrongFieldCount(buf: Uint8Array, s: number, e: number, lineNo: number, fields: number): void {
    this.skippedLines++;
    if (this.badCount > 0) this.reportBadBytes(buf, s, lineNo, false);
    this.log.add(A.fieldCount, 'error', lineNo, undefined, () => {
      const text = decodeBytes(buf, s, e, this.encoding ?? 'iso-8859-15');
      const other = SEPARATORS.find(
        (sep) => sep !== this.separator && text.split(sep).length >= this.expectedFields,
      );
      const hint = other
        ? ` Elle semble séparée par une ${separatorName(other)} : le séparateur doit être le même que dans l'en-tête (${separatorName(this.separator)}).`
        : fields > this.expectedFields
          ? ` Un libellé contient peut-être le séparateur (${separatorName(this.separator)}) : corrigez-le dans le logiciel comptable.`
          : ' Des champs manquent : vérifiez cette ligne dans le logiciel comptable.';
      return `Ligne ${lineNo} : ${fields} champs au lieu de ${this.expectedFields} ; la ligne est ignorée.${hint}`;
    });
  }

  private blank(buf: Uint8Array, col: number): boolean {
    for (let i = this.bounds[col]! + 1; i < this.bounds[col + 1]!; i++) if (buf[i] !== SPACE) return false;
    return true;
  }

  private rawField(buf: Uint8Array, col: number): string {
    return decodeBytes(
      buf,
      this.bounds[col]! + 1,
      this.bounds[col + 1]!,
      this.encoding ?? 'iso-8859-15',
    ).trim();
  }

  private amount(buf: Uint8Array, col: number, lineNo: number): number {
    const s = this.bounds[col]! + 1;
    const e = this.bounds[col + 1]!;
    // Debit or Credit is 0,00 on every line: four bytes compared as one word.
    if (e - s === 4 && this.wordsOf === buf && this.words.getInt32(s, true) === ZERO_AMOUNT) return 0;
    const v = parseAmountCents(buf, s, e, this.amountStatus);
    if (Number.isNaN(v)) {
      this.badAmount(buf, col, lineNo, 'error');
      return 0;
    }
    if (this.amountStatus.rounded) {
      this.log.add(
        A.amountRounded,
        'warning',
        lineNo,
        this.columnName(col),
        () =>
          `Ligne ${lineNo}, colonne ${this.columnName(col)} : le montant ${quote(this.rawField(buf, col))} a plus de deux décimales ; il est arrondi à ${euros(v)}. Vérifiez-le si l'écart compte.`,
      );
    }
    return v;
  }

  private badAmount(buf: Uint8Array, col: number, lineNo: number, severity: FecAnomalySeverity): void {
    this.log.add(
      A.badAmount,
      severity,
      lineNo,
      this.columnName(col),
      () =>
        `Ligne ${lineNo}, colonne ${this.columnName(col)} : ${quote(this.rawField(buf, col))} n'est pas un montant (attendu par exemple 1234,56). ${severity === 'error' ? 'Il est compté pour 0 : corrigez la ligne dans le logiciel comptable.' : 'Il est ignoré.'}`,
    );
  }

  private badSens(buf: Uint8Array, col: number, lineNo: number): void {
    this.log.add(
      A.badSens,
      'error',
      lineNo,
      this.columnName(col),
      () =>
        `Ligne ${lineNo}, colonne ${this.columnName(col)} : ${quote(this.rawField(buf, col))} n'est pas un sens (attendu D ou C, +1 ou -1) ; le montant de la ligne est compté pour 0. Corrigez la ligne dans le logiciel comptable.`,
    );
  }

  private badDate(
    buf: Uint8Array,
    col: number,
    lineNo: number,
    severity: FecAnomalySeverity,
    empty: boolean,
  ): void {
    this.log.add(A.badDate, severity, lineNo, this.columnName(col), () =>
      empty
        ? `Ligne ${lineNo}, colonne ${this.columnName(col)} : la date est vide. La ligne est lue sans date ; complétez-la dans le logiciel comptable.`
        : `Ligne ${lineNo}, colonne ${this.columnName(col)} : ${quote(this.rawField(buf, col))} n'est pas une date valide (attendu AAAAMMJJ, par exemple 20240131). ${severity === 'error' ? 'La ligne est lue sans date' : 'Elle est ignorée'} : corrigez-la dans le logiciel comptable.`,
    );
  }

  // ---------------------------------------------------------------- balance of entries

  private closeRun(): void {
    if (!this.runOpen) return;
    const debit = this.runDebit;
    const credit = this.runCredit;
    this.runDebit = 0;
    this.runCredit = 0;
    if (debit === credit) return;
    this.keepRunText();
    const key = `${this.runJournal}\u0000${this.runNum}`;
    const entry = this.open.get(key);
    if (entry) {
      entry.debit += debit;
      entry.credit += credit;
      entry.lastLine = this.runLast;
      if (entry.debit === entry.credit) this.open.delete(key);
      return;
    }
    this.open.set(key, {
      journal: this.runJournal!,
      num: this.runNum!,
      debit,
      credit,
      firstLine: this.runFirst,
      lastLine: this.runLast,
    });
    if (this.open.size > MAX_OPEN_ENTRIES) {
      const [oldestKey, oldest] = this.open.entries().next().value as [string, OpenEntry];
      this.open.delete(oldestKey);
      this.reportUnbalanced(oldest);
    }
  }

  private reportUnbalanced(entry: OpenEntry): void {
    this.log.add(A.unbalancedEntry, 'warning', entry.firstLine, undefined, () => {
      const lines =
        entry.firstLine === entry.lastLine
          ? `ligne ${entry.firstLine}`
          : `lignes ${entry.firstLine} à ${entry.lastLine}`;
      return `Écriture ${entry.journal || '(journal vide)'} n° ${entry.num || '(vide)'} (${lines}) déséquilibrée : débit ${euros(entry.debit)}, crédit ${euros(entry.credit)}, écart ${euros(entry.debit - entry.credit)}. Vérifiez qu'aucune ligne ne manque à l'export.`;
    });
  }
}

function concat(parts: Uint8Array[]): Uint8Array {
  if (parts.length === 1) return parts[0]!;
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let offset = 0;
  for (const p of parts) {
    out.set(p, offset);
    offset += p.length;
  }
  return out;
}
