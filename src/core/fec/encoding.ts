// Character sets a FEC comes in (DESIGN.md §5, the way the tax office's checker Test Compta Demat reads
// them): UTF-8, else Windows-1252 when bytes 0x80–0x9F appear, else ISO-8859-15. Tables written here
// because `TextDecoder('latin1')` is really Windows-1252 and has no ISO-8859-15 in every runtime.
// Sources: ISO/IEC 8859-15:1999 and the WHATWG Encoding Standard's index-windows-1252 (checked 2026-11).

export type FecEncoding = 'utf-8' | 'windows-1252' | 'iso-8859-15';

/** U+FFFD, written where a byte cannot be decoded. */
export const REPLACEMENT = 0xfffd;

/** The eight code points where ISO-8859-15 differs from ISO-8859-1 (byte → code point). */
const ISO_8859_15_CHANGES: ReadonlyArray<readonly [number, number]> = [
  [0xa4, 0x20ac], // €
  [0xa6, 0x0160], // Š
  [0xa8, 0x0161], // š
  [0xb4, 0x017d], // Ž
  [0xb8, 0x017e], // ž
  [0xbc, 0x0152], // Œ
  [0xbd, 0x0153], // œ
  [0xbe, 0x0178], // Ÿ
];

/** Bytes that read differently in ISO-8859-15 and Windows-1252 outside 0x80–0x9F. */
export const AMBIGUOUS_LATIN_BYTES: readonly number[] = ISO_8859_15_CHANGES.map(([b]) => b);

// prettier-ignore
const WINDOWS_1252_HIGH: readonly number[] = [
  0x20ac, REPLACEMENT, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, REPLACEMENT, 0x017d, REPLACEMENT,
  REPLACEMENT, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, REPLACEMENT, 0x017e, 0x0178,
];

function identityTable(): Uint16Array {
  const table = new Uint16Array(256);
  for (let b = 0; b < 256; b++) table[b] = b;
  return table;
}

/** Byte → UTF-16 code unit, ISO-8859-15 (bytes 0x80–0x9F are C1 controls there). */
export const ISO_8859_15_TABLE: Uint16Array = (() => {
  const table = identityTable();
  for (const [b, cp] of ISO_8859_15_CHANGES) table[b] = cp;
  return table;
})();

/** Byte → UTF-16 code unit, Windows-1252; the five undefined bytes give U+FFFD. */
export const WINDOWS_1252_TABLE: Uint16Array = (() => {
  const table = identityTable();
  WINDOWS_1252_HIGH.forEach((cp, k) => (table[0x80 + k] = cp));
  return table;
})();

/** ASCII as is; used for UTF-8 fields without any byte ≥ 0x80. */
export const ASCII_TABLE: Uint16Array = identityTable();

/** Undefined bytes of Windows-1252 (decoded as U+FFFD and reported). */
export function isUndefinedInWindows1252(byte: number): boolean {
  return WINDOWS_1252_TABLE[byte] === REPLACEMENT;
}

/**
 * Length of the well-formed UTF-8 sequence starting at `i` (2 to 4), 0 when the byte there cannot
 * start one (or the sequence is malformed), -1 when `end` comes before the sequence is complete.
 * ASCII bytes are not asked about.
 */
export function utf8SequenceLength(buf: Uint8Array, i: number, end: number): number {
  const b0 = buf[i]!;
  let need: number;
  let lo = 0x80;
  let hi = 0xbf;
  if (b0 >= 0xc2 && b0 <= 0xdf) need = 1;
  else if (b0 >= 0xe0 && b0 <= 0xef) {
    need = 2;
    if (b0 === 0xe0) lo = 0xa0;
    else if (b0 === 0xed) hi = 0x9f;
  } else if (b0 >= 0xf0 && b0 <= 0xf4) {
    need = 3;
    if (b0 === 0xf0) lo = 0x90;
    else if (b0 === 0xf4) hi = 0x8f;
  } else return 0;
  for (let k = 1; k <= need; k++) {
    if (i + k >= end) return -1;
    const b = buf[i + k]!;
    if (b < lo || b > hi) return 0;
    lo = 0x80;
    hi = 0xbf;
  }
  return need + 1;
}

/**
 * Chooses the encoding from a window of bytes (everything before it was ASCII): well-formed UTF-8 →
 * 'utf-8'; otherwise any byte 0x80–0x9F → 'windows-1252'; otherwise 'iso-8859-15'. When `final` is
 * false and a sequence is cut by the end of the window, the answer waits for more bytes (null):
 * taking it as well-formed made the choice depend on where the stream happened to be cut.
 */
export function sniffEncoding(buf: Uint8Array, final: true): FecEncoding;
export function sniffEncoding(buf: Uint8Array, final: boolean): FecEncoding | null;
/** null: the window ends inside a possible UTF-8 sequence, so more bytes are needed to decide. */
export function sniffEncoding(buf: Uint8Array, final: boolean): FecEncoding | null {
  let utf8 = true;
  let c1 = false;
  for (let i = 0; i < buf.length; i++) {
    const b = buf[i]!;
    if (b < 0x80) continue;
    if (b <= 0x9f) c1 = true;
    if (!utf8) continue;
    const n = utf8SequenceLength(buf, i, buf.length);
    if (n > 0) i += n - 1;
    else if (n === 0 || final) utf8 = false;
    else return null;
  }
  if (utf8) return 'utf-8';
  return c1 ? 'windows-1252' : 'iso-8859-15';
}

const fromCode = String.fromCharCode;

// Reused argument arrays, one per length: `fromCharCode.apply` on them allocates only the string.
const SCRATCH: number[][] = Array.from({ length: 65 }, (_, n) => new Array<number>(n).fill(0));

/** Decodes bytes [s, e) of a single-byte encoding through its table (no per-character concatenation). */
export function decodeSingleByte(buf: Uint8Array, s: number, e: number, t: Uint16Array): string {
  const n = e - s;
  switch (n) {
    case 0:
      return '';
    case 1:
      return fromCode(t[buf[s]!]!);
    case 2:
      return fromCode(t[buf[s]!]!, t[buf[s + 1]!]!);
    case 3:
      return fromCode(t[buf[s]!]!, t[buf[s + 1]!]!, t[buf[s + 2]!]!);
    case 4:
      return fromCode(t[buf[s]!]!, t[buf[s + 1]!]!, t[buf[s + 2]!]!, t[buf[s + 3]!]!);
  }
  const units = n <= 64 ? SCRATCH[n]! : new Array<number>(n);
  for (let k = 0; k < n; k++) units[k] = t[buf[s + k]!]!;
  return n <= 64 ? fromCode(...units) : fromUnits(units);
}

/** Decodes UTF-8 bytes [s, e); each byte that does not belong to a well-formed sequence gives U+FFFD. */
export function decodeUtf8(buf: Uint8Array, s: number, e: number): string {
  let ascii = true;
  for (let k = s; k < e; k++) {
    if (buf[k]! >= 0x80) {
      ascii = false;
      break;
    }
  }
  if (ascii) return decodeSingleByte(buf, s, e, ASCII_TABLE);
  const units: number[] = [];
  for (let i = s; i < e; i++) {
    const b = buf[i]!;
    if (b < 0x80) {
      units.push(b);
      continue;
    }
    const n = utf8SequenceLength(buf, i, e);
    if (n <= 0) {
      units.push(REPLACEMENT);
      continue;
    }
    let cp: number;
    if (n === 2) cp = ((b & 0x1f) << 6) | (buf[i + 1]! & 0x3f);
    else if (n === 3) cp = ((b & 0x0f) << 12) | ((buf[i + 1]! & 0x3f) << 6) | (buf[i + 2]! & 0x3f);
    else
      cp =
        ((b & 0x07) << 18) |
        ((buf[i + 1]! & 0x3f) << 12) |
        ((buf[i + 2]! & 0x3f) << 6) |
        (buf[i + 3]! & 0x3f);
    if (cp > 0xffff) {
      cp -= 0x10000;
      units.push(0xd800 + (cp >> 10), 0xdc00 + (cp & 0x3ff));
    } else units.push(cp);
    i += n - 1;
  }
  return fromUnits(units);
}

function fromUnits(units: number[]): string {
  let out = '';
  for (let k = 0; k < units.length; k += 8192) out += fromCode(...units.slice(k, k + 8192));
  return out;
}

/** Decodes bytes [s, e) in the given encoding (slow path: header, messages). */
export function decodeBytes(buf: Uint8Array, s: number, e: number, encoding: FecEncoding): string {
  if (encoding === 'utf-8') return decodeUtf8(buf, s, e);
  return decodeSingleByte(buf, s, e, encoding === 'windows-1252' ? WINDOWS_1252_TABLE : ISO_8859_15_TABLE);
}

/**
 * Encodes text in a FEC encoding (fixtures, generated files). A character the single-byte encoding
 * lacks becomes `?`.
 */
export function encodeText(text: string, encoding: FecEncoding): Uint8Array {
  if (encoding === 'utf-8') return new TextEncoder().encode(text);
  const table = encoding === 'windows-1252' ? WINDOWS_1252_TABLE : ISO_8859_15_TABLE;
  const reverse = new Map<number, number>();
  for (let b = 255; b >= 0; b--) if (table[b] !== REPLACEMENT) reverse.set(table[b]!, b);
  const out = new Uint8Array(text.length);
  for (let k = 0; k < text.length; k++) out[k] = reverse.get(text.charCodeAt(k)) ?? 0x3f;
  return out;
}
