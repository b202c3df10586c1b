// The establishments file read as bytes: a common line (no quote, no carriage return, valid
// UTF-8, the header's number of columns, usual values) goes from the file's bytes straight into
// the COPY buffer, its fields found by their offsets and copied (COPY-escaped where a byte needs
// it); strings are made only where a lookup needs one, once per distinct value (communes by
// code, NAF codes, street types, title-cased names by their bytes). Any other record goes the
// string way (CsvReader, then mapEstablishment in the importer's `record`), so what is staged
// is the same byte for byte. Measured on 1,000,000 generated rows: the main thread's CPU per
// row about halved (the string way made some fifty strings, an array and a record per row, then
// joined and encoded them again).
import { isUtf8 } from 'node:buffer';
import { departmentOfCommuneCode } from '../../core/geo/index.ts';
import { copyValue, N } from '../copy-text.ts';
import type { CopyBuffer } from './copy-buffer.ts';
import { csvRecordEnd, CsvReader } from './csv.ts';
import { geoIndex } from './geo.ts';
import { isLambert93, lambert93ToWgs84 } from './lambert.ts';
import {
  mapEstablishment,
  nafOf,
  streetType,
  titleCase,
  type EstablishmentLayout,
  type EstablishmentRecord,
} from './layout.ts';
import type { SkipReason } from './import.ts';

interface PlaceParts {
  department: string | null;
  region: string | null;
  /** The commune's code as the reference geography writes it. */
  code: string;
  /** The commune's name; null for a commune the reference geography does not know. */
  name: string | null;
  lat: string | null;
  lon: string | null;
}

/** Where a commune code lies (the name of an unknown commune is the file's). */
function placePartsOf(geo: ReturnType<typeof geoIndex>, code: string): PlaceParts {
  const commune = geo.commune(code);
  const department = commune?.departmentCode ?? departmentOfCommuneCode(code) ?? null;
  const c = geo.coordinates(code);
  return {
    department,
    region: department ? (geo.department(department)?.regionCode ?? null) : null,
    code: commune?.code ?? code,
    name: commune ? commune.name : null,
    lat: c ? String(c.lat) : null,
    lon: c ? String(c.lon) : null,
  };
}

export interface Place {
  department: string | null;
  /** Coordinates of the commune, as COPY text. */
  lat: string | null;
  lon: string | null;
  /** department, region, commune code and name as COPY text (the name from the file when unknown). */
  copy: string;
}

/** Where a commune code lies, looked up once per code (a file has far fewer communes than rows). */
export function placeLookup(): (communeCode: string, fileName: string | null) => Place {
  const geo = geoIndex();
  const cache = new Map<string, Place>();
  return (code, fileName) => {
    let place = cache.get(code);
    // An unknown commune keeps the name the file gives it, which may vary: not cached.
    if (!place) {
      const parts = placePartsOf(geo, code);
      place = {
        department: parts.department,
        lat: parts.lat,
        lon: parts.lon,
        copy: [parts.department, parts.region, parts.code, parts.name ?? titleCase(fileName)]
          .map(copyValue)
          .join('\t'),
      };
      if (parts.name !== null) cache.set(code, place);
    }
    return place;
  };
}

/**
 * One COPY text line in the order of the staging columns, joined at once: a template of fifty
 * pieces made a tree of fifty small strings per row for the garbage collector. SIRET, SIREN, NAF
 * codes and section, headcount, dates and diffusion are validated patterns and the place comes
 * escaped from its cache: only free text is escaped here.
 */
function stringLine(e: EstablishmentRecord, p: Place | undefined): string {
  const point = e.point;
  return [
    e.siret,
    e.siren,
    copyValue(e.enseigne),
    copyValue(e.usualName),
    e.nafCode ?? N,
    copyValue(e.naf25Code),
    e.section ?? N,
    copyValue(e.nafLabel),
    p ? p.copy : `${N}\t${N}\t${copyValue(e.communeCode)}\t${copyValue(titleCase(e.communeName))}`,
    copyValue(e.postalCode),
    copyValue(e.address),
    copyValue(e.addressExtra),
    e.countryCode ?? N,
    copyValue(e.countryName),
    e.headcountBand ?? N,
    e.headcountYear ?? N,
    e.createdOn ?? N,
    e.headOffice ? 't' : 'f',
    e.active ? 't' : 'f',
    e.diffusion,
    point ? point.lat : (p?.lat ?? N),
    point ? point.lon : (p?.lon ?? N),
    point ? 'sirene' : p?.lat ? 'commune' : N,
  ].join('\t');
}

/** A commune as the byte path writes it. */
interface BytePlace {
  /** In the departments kept. */
  kept: boolean;
  /** department, region and code as COPY text, each followed by a tab. */
  prefix: Uint8Array;
  /** The name as COPY text; null: the file's (an unknown commune). */
  name: Uint8Array | null;
  /** latitude TAB longitude TAB 'commune', or null when the commune has no coordinates. */
  point: Uint8Array | null;
}

/** A raw NAF value as the byte path writes it: code TAB (NAF25 comes between) and section TAB label. */
interface ByteNaf {
  code: Uint8Array;
  sectionLabel: Uint8Array;
  label: string | null;
}

const utf8 = (s: string) => Buffer.from(s, 'utf8');
const nullNaf: ByteNaf = { code: utf8(`${N}\t`), sectionLabel: utf8(`${N}\t${N}\t`), label: null };

/** FNV-1a of bytes. */
function hashOf(b: Uint8Array, s: number, e: number): number {
  let h = 0x811c9dc5 | 0;
  for (let i = s; i < e; i++) h = Math.imul(h ^ b[i]!, 0x01000193);
  return h;
}

/**
 * A bounded map from byte strings to values (open addressing; emptied when full), so a value
 * met again costs no string.
 */
class ByteCache<V> {
  private readonly mask: number;
  private readonly hashes: Int32Array;
  private readonly at: Int32Array;
  /** Key length + 1; 0 for an empty slot. */
  private readonly lens: Int32Array;
  private readonly values: (V | undefined)[];
  private readonly keys: Uint8Array;
  private keysUsed = 0;
  private count = 0;

  constructor(bits = 15, keyBytes = 1 << 20) {
    const size = 1 << bits;
    this.mask = size - 1;
    this.hashes = new Int32Array(size);
    this.at = new Int32Array(size);
    this.lens = new Int32Array(size);
    this.values = new Array<V | undefined>(size).fill(undefined);
    this.keys = new Uint8Array(keyBytes);
  }

  get(b: Uint8Array, s: number, e: number, h: number): V | undefined {
    const len = e - s + 1;
    for (let i = h & this.mask; ; i = (i + 1) & this.mask) {
      const l = this.lens[i]!;
      if (l === 0) return undefined;
      if (l === len && this.hashes[i] === h) {
        const keys = this.keys;
        let k = this.at[i]!;
        let j = s;
        while (j < e && keys[k] === b[j]) {
          k++;
          j++;
        }
        if (j === e) return this.values[i];
      }
    }
  }

  set(b: Uint8Array, s: number, e: number, h: number, v: V): void {
    if (e - s > this.keys.length >> 4) return;
    if (this.count * 2 >= this.lens.length || this.keysUsed + (e - s) > this.keys.length) {
      this.lens.fill(0);
      this.values.fill(undefined);
      this.keysUsed = 0;
      this.count = 0;
    }
    let i = h & this.mask;
    while (this.lens[i] !== 0) i = (i + 1) & this.mask;
    this.keys.set(b.subarray(s, e), this.keysUsed);
    this.at[i] = this.keysUsed;
    this.lens[i] = e - s + 1;
    this.hashes[i] = h;
    this.values[i] = v;
    this.keysUsed += e - s;
    this.count++;
  }
}

/** Bytes of a Unicode white space (what String.prototype.trim removes) starting at `i`, or 0. */
function spaceAt(b: Uint8Array, i: number, end: number): number {
  const c = b[i]!;
  if (c === 0xc2) return i + 1 < end && b[i + 1] === 0xa0 ? 2 : 0;
  if (i + 2 >= end) return 0;
  return isSpace3(c, b[i + 1]!, b[i + 2]!) ? 3 : 0;
}

/** Bytes of a Unicode white space ending just before `end`, or 0. */
function spaceBefore(b: Uint8Array, start: number, end: number): number {
  if (end - 2 >= start && b[end - 2] === 0xc2 && b[end - 1] === 0xa0) return 2;
  return end - 3 >= start && isSpace3(b[end - 3]!, b[end - 2]!, b[end - 1]!) ? 3 : 0;
}

/** U+1680, U+2000–200A, U+2028, U+2029, U+202F, U+205F, U+3000, U+FEFF in UTF-8. */
function isSpace3(a: number, b: number, c: number): boolean {
  if (a === 0xe2) {
    if (b === 0x80) return (c >= 0x80 && c <= 0x8a) || c === 0xa8 || c === 0xa9 || c === 0xaf;
    return b === 0x81 && c === 0x9f;
  }
  if (a === 0xe1) return b === 0x9a && c === 0x80;
  if (a === 0xe3) return b === 0x80 && c === 0x80;
  return a === 0xef && b === 0xbb && c === 0xbf;
}

/** Copies bytes of a line (no LF or CR in it) as COPY text: backslash and tab escaped. */
function copyEscaped(b: Uint8Array, s: number, e: number, o: Uint8Array, at: number): number {
  for (let i = s; i < e; i++) {
    const c = b[i]!;
    if (c === 92) {
      o[at++] = 92;
      o[at++] = 92;
    } else if (c === 9) {
      o[at++] = 92;
      o[at++] = 116;
    } else o[at++] = c;
  }
  return at;
}

function put(v: Uint8Array, o: Uint8Array, at: number): number {
  const n = v.length;
  if (n > 32) {
    o.set(v, at);
    return at + n;
  }
  for (let i = 0; i < n; i++) o[at++] = v[i]!;
  return at;
}

/** COPY's null, \\N. */
function putNull(o: Uint8Array, at: number): number {
  o[at] = 92;
  o[at + 1] = 78;
  return at + 2;
}

/** An ASCII string (a number) into bytes. */
function putAscii(v: string, o: Uint8Array, at: number): number {
  for (let i = 0; i < v.length; i++) o[at++] = v.charCodeAt(i);
  return at;
}

/** A positive integer's decimal digits, with no string made. */
function putUint(n: number, o: Uint8Array, at: number): number {
  let digits = 1;
  for (let m = n; m >= 10; m = Math.floor(m / 10)) digits++;
  for (let i = at + digits - 1, m = n; i >= at; i--, m = Math.floor(m / 10)) o[i] = 48 + (m % 10);
  return at + digits;
}

const isDigit = (c: number) => c >= 48 && c <= 57;

/** What the byte path tells of a row it wrote, for the importer's counters. */
export interface ByteRow {
  siret: number;
  siren: number;
  active: boolean;
  partialDiffusion: boolean;
  naf25: boolean;
  nafLabel: string | null;
}

export interface EstablishmentSink {
  /** A row written into the COPY buffer (the object is reused for the next row). */
  written(row: ByteRow): void;
  /** A row not kept, and why. */
  skipped(reason: SkipReason): void;
}

/** Status of `EstablishmentBytes.read`. */
export type ReadStatus = 'flush' | 'paused' | 'more';

// Outcomes of the byte path for one line.
const FALLBACK = 0;
const WRITTEN = 1;
const OUTSIDE = 2;

/** Bytes read between two pauses (the importer reports progress and lets the COPY run). */
const PIECE = 1 << 16;

/** Room a line of `n` bytes may take in the COPY buffer (3 bytes a byte, and cached texts). */
const room = (n: number) => 3 * n + 4096;

export class EstablishmentBytes {
  private data: Buffer = Buffer.alloc(0);
  /** Bytes to read after `data`. */
  private readonly queue: Buffer[] = [];
  private pos = 0;
  /** Next quote and carriage return at or after `pos` (data.length when none). */
  private quote = -1;
  private cr = -1;
  /** Whether data is valid UTF-8 up to its last line feed. */
  private valid = true;
  private readonly sep: number;
  private readonly fields: number;
  /** Field k of the current line: [starts[k], starts[k + 1] - 1). */
  private readonly starts: Int32Array;
  // The last cell read: [cs, ce).
  private cs = 0;
  private ce = 0;
  private readonly decoder = new TextDecoder('utf-8', { ignoreBOM: true });
  private readonly csv: CsvReader;
  private readonly rows: string[][] = [];
  /**
   * Rows staged so far: each row's number, its last column, tells which of two rows of one SIRET
   * came later in the file (see dedupeSql), whichever connection copied it.
   */
  private staged = 0;
  private readonly places = new Map<number, BytePlace>();
  private readonly place = placeLookup();
  private readonly geo = geoIndex();
  private readonly nafs = new ByteCache<ByteNaf>(12, 1 << 16);
  private readonly types = new ByteCache<Uint8Array>(12, 1 << 16);
  /** Title-cased texts by their bytes: [0] names, [1] the rest of a street (titleCase's `continuing`). */
  private readonly titles = [new ByteCache<Uint8Array>(), new ByteCache<Uint8Array>()] as const;
  private readonly row: ByteRow = {
    siret: 0,
    siren: 0,
    active: true,
    partialDiffusion: false,
    naf25: false,
    nafLabel: null,
  };
  // Column positions, -1 when absent.
  private readonly c: Record<keyof EstablishmentLayout, number>;

  constructor(
    header: readonly string[],
    separator: string,
    private readonly layout: EstablishmentLayout,
    private readonly keep: ReadonlySet<string> | 'all',
    private readonly out: CopyBuffer,
    private readonly sink: EstablishmentSink,
    /** false: every record the string way (tests compare the two). */
    private readonly byteLines = true,
  ) {
    const sep = separator.charCodeAt(0);
    // detectSeparator gives one of , ; TAB |: one byte, never a quote or a line break.
    if (separator.length !== 1 || sep >= 128 || sep === 34 || sep === 10 || sep === 13) {
      throw new Error(`séparateur inattendu : ${JSON.stringify(separator)}`);
    }
    this.sep = sep;
    this.fields = header.length;
    this.starts = new Int32Array(header.length + 1);
    const columns = Object.values(layout);
    this.csv = new CsvReader(
      separator,
      header.map((_, i) => columns.includes(i)),
    );
    const c = {} as Record<keyof EstablishmentLayout, number>;
    for (const k of Object.keys(layout) as (keyof EstablishmentLayout)[]) c[k] = layout[k] ?? -1;
    for (const k of [
      'complementAdresseEtablissement',
      'indiceRepetitionEtablissement',
      'distributionSpecialeEtablissement',
      'coordonneeLambertAbscisseEtablissement',
      'coordonneeLambertOrdonneeEtablissement',
      'activitePrincipaleNAF25Etablissement',
    ] as const) {
      c[k] = layout[k] ?? -1;
    }
    this.c = c;
  }

  /** More bytes of the file. */
  push(chunk: Buffer): void {
    const rest = this.data.length - this.pos;
    const lf = rest === 0 ? -1 : chunk.indexOf(10);
    if (rest === 0) this.start(chunk);
    else if (lf === -1) this.start(Buffer.concat([this.data.subarray(this.pos), chunk]));
    else {
      // The line cut between the two chunks is joined on its own; the rest of the chunk is
      // read where it is (copying every chunk behind the cut line cost garbage collections
      // for the external memory).
      this.start(Buffer.concat([this.data.subarray(this.pos), chunk.subarray(0, lf + 1)]));
      this.queue.push(chunk.subarray(lf + 1));
    }
  }

  private start(data: Buffer): void {
    this.data = data;
    this.pos = 0;
    this.quote = -1;
    this.cr = -1;
    const lastLf = data.lastIndexOf(10);
    this.valid = lastLf === -1 || isUtf8(data.subarray(0, lastLf + 1));
  }

  /**
   * Reads records until the COPY buffer is to be sent (`flush`: `batchSize` lines, or no room
   * left), a piece is read (`paused`), or no complete record is left (`more`; with `final`, the
   * end of the file: everything is read).
   */
  read(batchSize: number, final: boolean): ReadStatus {
    for (;;) {
      const status = this.readData(batchSize, final && this.queue.length === 0);
      if (status !== 'more' || this.queue.length === 0) return status;
      const next = this.queue.shift()!;
      // Left over: a record the joined line did not end (a line break in quotes).
      this.start(this.pos < this.data.length ? Buffer.concat([this.data.subarray(this.pos), next]) : next);
    }
  }

  private readData(batchSize: number, final: boolean): ReadStatus {
    const data = this.data;
    const n = data.length;
    const out = this.out;
    const stop = Math.min(n, this.pos + PIECE);
    let pos = this.pos;
    try {
      while (pos < n) {
        if (pos >= stop) return 'paused';
        if (out.lines >= batchSize) return 'flush';
        if (this.quote < pos) {
          this.quote = data.indexOf(34, pos);
          if (this.quote === -1) this.quote = n;
        }
        if (this.cr < pos) {
          this.cr = data.indexOf(13, pos);
          if (this.cr === -1) this.cr = n;
        }
        const lf = data.indexOf(10, pos);
        const cr = this.cr;
        // A line CsvReader splits on separators alone (no quote; CRLF or LF).
        if (lf !== -1 && lf < this.quote && (lf < cr || (cr === lf - 1 && cr > pos))) {
          const end = cr === lf - 1 ? cr : lf;
          if (end > pos) {
            if (out.free() < room(end - pos) && out.lines > 0) return 'flush';
            const outcome =
              this.byteLines &&
              out.free() >= room(end - pos) &&
              (this.valid || isUtf8(data.subarray(pos, end)))
                ? this.line(data, pos, end)
                : FALLBACK;
            if (outcome === WRITTEN) this.sink.written(this.row);
            else if (outcome === OUTSIDE) this.sink.skipped('outside-departments');
            else this.strings(pos, lf + 1);
          }
          pos = lf + 1;
          continue;
        }
        const end = csvRecordEnd(data, pos, this.sep, final);
        if (end === -1) return 'more';
        if (out.free() < room(end - pos) && out.lines > 0) return 'flush';
        this.strings(pos, end);
        pos = end;
      }
      return 'more';
    } finally {
      this.pos = pos;
    }
  }

  /** Records of data[s, e) the string way, as CsvReader reads them. */
  private strings(s: number, e: number): void {
    const rows = this.rows;
    // A record ending in a lone CR waits in push() for what follows: end() reads it.
    this.csv.push(this.decoder.decode(this.data.subarray(s, e)), rows);
    this.csv.end(rows);
    for (const row of rows) this.stringRow(row);
    rows.length = 0;
  }

  /** A record the string way: mapEstablishment, then one COPY line joined from its values. */
  private stringRow(row: readonly string[]): void {
    const e = mapEstablishment(row, this.layout);
    if (e === 'siret') return this.sink.skipped('invalid-siret');
    if (e === 'commune') return this.sink.skipped('no-commune');
    // The department always comes from the commune code, never from the postal code.
    let p: Place | undefined;
    if (e.communeCode) p = this.place(e.communeCode, e.communeName);
    else if (this.keep !== 'all') return this.sink.skipped('abroad');
    if (this.keep !== 'all' && (!p?.department || !this.keep.has(p.department))) {
      return this.sink.skipped('outside-departments');
    }
    this.out.add(`${stringLine(e, p)}\t${++this.staged}\n`);
    const r = this.row;
    r.siret = Number(e.siret);
    r.siren = Number(e.siren);
    r.active = e.active;
    r.partialDiffusion = e.diffusion === 'P';
    r.naf25 = e.naf25Code !== null;
    r.nafLabel = e.nafLabel;
    this.sink.written(r);
  }

  /** Cell k of the current line, trimmed: false when empty or "[ND]", else in [cs, ce). */
  private cell(b: Uint8Array, k: number): boolean {
    if (k < 0) return false;
    let cs = this.starts[k]!;
    let ce = this.starts[k + 1]! - 1;
    while (cs < ce) {
      const c = b[cs]!;
      if (c === 32 || (c >= 9 && c <= 13)) cs++;
      else if (c >= 0xc2) {
        const w = spaceAt(b, cs, ce);
        if (w === 0) break;
        cs += w;
      } else break;
    }
    while (ce > cs) {
      const c = b[ce - 1]!;
      if (c === 32 || (c >= 9 && c <= 13)) ce--;
      else if (c >= 0x80) {
        const w = spaceBefore(b, cs, ce);
        if (w === 0) break;
        ce -= w;
      } else break;
    }
    if (cs === ce) return false;
    if (ce - cs === 4 && b[cs] === 91 && b[cs + 1] === 78 && b[cs + 2] === 68 && b[cs + 3] === 93) {
      return false;
    }
    this.cs = cs;
    this.ce = ce;
    return true;
  }

  /** Whether the last cell read is exactly `text` (ASCII). */
  private is(b: Uint8Array, text: string): boolean {
    const cs = this.cs;
    if (this.ce - cs !== text.length) return false;
    for (let i = 0; i < text.length; i++) if (b[cs + i] !== text.charCodeAt(i)) return false;
    return true;
  }

  /** Cell k as COPY text (\N when null). */
  private copyCell(b: Uint8Array, k: number, o: Uint8Array, at: number): number {
    if (!this.cell(b, k)) return putNull(o, at);
    return copyEscaped(b, this.cs, this.ce, o, at);
  }

  /** The last cell read, title-cased (as COPY text). */
  private title(b: Uint8Array, continuing: 0 | 1): Uint8Array {
    const cs = this.cs;
    const ce = this.ce;
    const h = hashOf(b, cs, ce);
    const cache = this.titles[continuing];
    let v = cache.get(b, cs, ce, h);
    if (v === undefined) {
      v = utf8(copyValue(titleCase(this.data.toString('utf8', cs, ce), continuing === 1)));
      cache.set(b, cs, ce, h, v);
    }
    return v;
  }

  private placeOf(key: number, code: string): BytePlace {
    let p = this.places.get(key);
    if (p === undefined) {
      const parts = placePartsOf(this.geo, code);
      p = {
        kept: this.keep === 'all' || (parts.department !== null && this.keep.has(parts.department)),
        prefix: utf8([parts.department, parts.region, parts.code].map((v) => `${copyValue(v)}\t`).join('')),
        name: parts.name === null ? null : utf8(copyValue(parts.name)),
        point: parts.lat === null ? null : utf8(`${parts.lat}\t${parts.lon}\tcommune`),
      };
      this.places.set(key, p);
    }
    return p;
  }

  private nafOf(b: Uint8Array): ByteNaf {
    const cs = this.cs;
    const ce = this.ce;
    const h = hashOf(b, cs, ce);
    let v = this.nafs.get(b, cs, ce, h);
    if (v === undefined) {
      const naf = nafOf(this.data.toString('utf8', cs, ce));
      v = naf
        ? {
            code: utf8(`${naf.code}\t`),
            sectionLabel: utf8(`${naf.section ?? N}\t${copyValue(naf.label)}\t`),
            label: naf.label,
          }
        : nullNaf;
      this.nafs.set(b, cs, ce, h, v);
    }
    return v;
  }

  /** Maps line data[s, e) into the COPY buffer, or says why not. */
  private line(b: Buffer, s: number, e: number): number {
    const sep = this.sep;
    const starts = this.starts;
    const fields = this.fields;
    let k = 0;
    starts[0] = s;
    for (let j = s; j < e; j++) {
      if (b[j] === sep) {
        if (++k === fields) return FALLBACK;
        starts[k] = j + 1;
      }
    }
    if (k !== fields - 1) return FALLBACK;
    starts[fields] = e + 1;
    const c = this.c;

    // SIRET (14 digits), then the commune (5 digits or 2A/2B and 3): else the string way.
    if (!this.cell(b, c.siret) || this.ce - this.cs !== 14) return FALLBACK;
    const siretAt = this.cs;
    let siret = 0;
    for (let i = siretAt; i < siretAt + 14; i++) {
      const d = b[i]!;
      if (!isDigit(d)) return FALLBACK;
      siret = siret * 10 + d - 48;
    }
    if (!this.cell(b, c.codeCommuneEtablissement) || this.ce - this.cs !== 5) return FALLBACK;
    const communeAt = this.cs;
    const c0 = b[communeAt]!;
    let c1 = b[communeAt + 1]!;
    if (c0 === 50 && (c1 === 97 || c1 === 98)) c1 -= 32; // 2a, 2b
    if (
      !isDigit(c0) ||
      !(isDigit(c1) || (c0 === 50 && (c1 === 65 || c1 === 66))) ||
      !isDigit(b[communeAt + 2]!) ||
      !isDigit(b[communeAt + 3]!) ||
      !isDigit(b[communeAt + 4]!)
    ) {
      return FALLBACK;
    }
    const key =
      (((c0 * 256 + c1) * 256 + b[communeAt + 2]!) * 256 + b[communeAt + 3]!) * 256 + b[communeAt + 4]!;
    let place = this.places.get(key);
    if (place === undefined) {
      place = this.placeOf(
        key,
        String.fromCharCode(c0, c1, b[communeAt + 2]!, b[communeAt + 3]!, b[communeAt + 4]!),
      );
    }
    if (!place.kept) return OUTSIDE;

    const out = this.out;
    const o = out.buf;
    let at = out.used;
    const row = this.row;
    row.siret = siret;
    for (let i = siretAt; i < siretAt + 14; i++) o[at++] = b[i]!;
    o[at++] = 9;
    // The SIREN column when it is 9 digits, else the SIRET's first nine.
    let sirenAt = siretAt;
    if (this.cell(b, c.siren) && this.ce - this.cs === 9) {
      let i = this.cs;
      while (i < this.ce && isDigit(b[i]!)) i++;
      if (i === this.ce) sirenAt = this.cs;
    }
    let siren = 0;
    for (let i = sirenAt; i < sirenAt + 9; i++) {
      siren = siren * 10 + b[i]! - 48;
      o[at++] = b[i]!;
    }
    row.siren = siren;
    o[at++] = 9;
    at = this.copyCell(b, c.enseigne1Etablissement, o, at);
    o[at++] = 9;
    at = this.copyCell(b, c.denominationUsuelleEtablissement, o, at);
    o[at++] = 9;

    // NAF rev. 2 only (old nomenclatures ignored), its NAF 2025 code, section and label.
    let naf = nullNaf;
    if (
      (!this.cell(b, c.nomenclatureActivitePrincipaleEtablissement) || this.is(b, 'NAFRev2')) &&
      this.cell(b, c.activitePrincipaleEtablissement)
    ) {
      naf = this.nafOf(b);
    }
    at = put(naf.code, o, at);
    row.naf25 = this.cell(b, c.activitePrincipaleNAF25Etablissement);
    if (row.naf25) {
      for (let i = this.cs; i < this.ce; i++) {
        const ch = b[i]!;
        if (ch >= 128) return FALLBACK; // toUpperCase beyond ASCII: the string way
        if (ch === 92) {
          o[at++] = 92;
          o[at++] = 92;
        } else if (ch === 9) {
          o[at++] = 92;
          o[at++] = 116;
        } else o[at++] = ch >= 97 && ch <= 122 ? ch - 32 : ch;
      }
    } else at = putNull(o, at);
    o[at++] = 9;
    at = put(naf.sectionLabel, o, at);
    row.nafLabel = naf.label;

    at = put(place.prefix, o, at);
    if (place.name !== null) at = put(place.name, o, at);
    else if (this.cell(b, c.libelleCommuneEtablissement)) at = put(this.title(b, 0), o, at);
    else at = putNull(o, at);
    o[at++] = 9;
    at = this.copyCell(b, c.codePostalEtablissement, o, at);
    o[at++] = 9;

    // The street is never public for a partially diffusible record.
    const isPublic = this.cell(b, c.statutDiffusionEtablissement) && this.is(b, 'O');
    if (isPublic) {
      const start = at;
      if (this.cell(b, c.numeroVoieEtablissement)) at = copyEscaped(b, this.cs, this.ce, o, at);
      if (this.cell(b, c.indiceRepetitionEtablissement)) {
        if (at > start) o[at++] = 32;
        at = copyEscaped(b, this.cs, this.ce, o, at);
      }
      if (this.cell(b, c.typeVoieEtablissement)) {
        if (at > start) o[at++] = 32;
        at = put(this.streetType(b), o, at);
      }
      if (this.cell(b, c.libelleVoieEtablissement)) {
        if (at > start) o[at++] = 32;
        at = put(this.title(b, 1), o, at);
      }
      if (at === start) at = putNull(o, at);
      o[at++] = 9;
      const extra = at;
      if (this.cell(b, c.complementAdresseEtablissement)) at = put(this.title(b, 0), o, at);
      if (this.cell(b, c.distributionSpecialeEtablissement)) {
        if (at > extra) {
          o[at++] = 44;
          o[at++] = 32;
        }
        at = copyEscaped(b, this.cs, this.ce, o, at);
      }
      if (at === extra) at = putNull(o, at);
    } else at = put(nullPair, o, at);
    // No country for an establishment in France.
    at = put(nullPairAround, o, at);

    if (this.cell(b, c.trancheEffectifsEtablissement) && this.ce - this.cs === 2) {
      const x = b[this.cs]!;
      const y = b[this.cs + 1]!;
      if ((x === 78 && y === 78) || (isDigit(x) && isDigit(y))) {
        o[at++] = x;
        o[at++] = y;
      } else at = putNull(o, at);
    } else at = putNull(o, at);
    o[at++] = 9;
    if (
      this.cell(b, c.anneeEffectifsEtablissement) &&
      this.ce - this.cs === 4 &&
      isDigit(b[this.cs]!) &&
      isDigit(b[this.cs + 1]!) &&
      isDigit(b[this.cs + 2]!) &&
      isDigit(b[this.cs + 3]!)
    ) {
      // As a number: leading zeros dropped.
      let i = this.cs;
      while (i < this.ce - 1 && b[i] === 48) i++;
      while (i < this.ce) o[at++] = b[i++]!;
    } else at = putNull(o, at);
    o[at++] = 9;
    if (this.cell(b, c.dateCreationEtablissement) && this.isDate(b)) {
      for (let i = this.cs; i < this.ce; i++) o[at++] = b[i]!;
    } else at = putNull(o, at);
    o[at++] = 9;
    o[at++] = this.cell(b, c.etablissementSiege) && this.is(b, 'true') ? 116 : 102;
    o[at++] = 9;
    const active = !(this.cell(b, c.etatAdministratifEtablissement) && this.is(b, 'F'));
    row.active = active;
    o[at++] = active ? 116 : 102;
    o[at++] = 9;
    o[at++] = isPublic ? 79 : 80;
    row.partialDiffusion = !isPublic;
    o[at++] = 9;

    // Lambert-93 coordinates of the file, in metropolitan France only, when public.
    let point: { lat: number; lon: number } | null = null;
    if (isPublic && !(c0 === 57 && c1 === 55)) {
      const x = this.number(b, c.coordonneeLambertAbscisseEtablissement);
      const y = this.number(b, c.coordonneeLambertOrdonneeEtablissement);
      if (Number.isFinite(x) && Number.isFinite(y) && isLambert93(x, y)) point = lambert93ToWgs84(x, y);
    }
    if (point) {
      at = putAscii(String(point.lat), o, at);
      o[at++] = 9;
      at = putAscii(String(point.lon), o, at);
      at = put(sireneBytes, o, at);
    } else if (place.point !== null) {
      at = put(place.point, o, at);
    } else at = put(nullTriple, o, at);
    o[at++] = 9;
    at = putUint(++this.staged, o, at);
    o[at++] = 10;
    if (at > o.length) throw new Error('COPY buffer overrun'); // room() is a bound: never
    out.used = at;
    out.lines++;
    return WRITTEN;
  }

  /** Whether the last cell read is dddd-dd-dd. */
  private isDate(b: Uint8Array): boolean {
    const s = this.cs;
    if (this.ce - s !== 10 || b[s + 4] !== 45 || b[s + 7] !== 45) return false;
    for (const i of dateDigits) if (!isDigit(b[s + i]!)) return false;
    return true;
  }

  /** Cell k as Number() reads it (NaN when null; text beyond ASCII is never a number). */
  private number(b: Buffer, k: number): number {
    if (!this.cell(b, k)) return NaN;
    for (let i = this.cs; i < this.ce; i++) if (b[i]! >= 128) return NaN;
    return Number(b.toString('latin1', this.cs, this.ce));
  }

  /** The last cell read as a street type, spelt out (as COPY text). */
  private streetType(b: Uint8Array): Uint8Array {
    const cs = this.cs;
    const ce = this.ce;
    const h = hashOf(b, cs, ce);
    let v = this.types.get(b, cs, ce, h);
    if (v === undefined) {
      v = utf8(copyValue(streetType(this.data.toString('utf8', cs, ce))));
      this.types.set(b, cs, ce, h, v);
    }
    return v;
  }
}

const nullPair = utf8(`${N}\t${N}`);
const nullPairAround = utf8(`\t${N}\t${N}\t`);
const nullTriple = utf8(`${N}\t${N}\t${N}`);
const sireneBytes = utf8('\tsirene');
const dateDigits = [0, 1, 2, 3, 5, 6, 8, 9];
