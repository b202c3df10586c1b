// Amounts and dates read straight from bytes (no float parsing, no regex): the hot path of the reader.

const SPACE = 0x20;
const PLUS = 0x2b;
const MINUS = 0x2d;
const COMMA = 0x2c;
const DOT = 0x2e;
const SLASH = 0x2f;
const QUOTE = 0x27;
const NBSP = 0xa0;
const ZERO = 0x30;

export interface AmountStatus {
  /** Set when the amount had more than two decimals and was rounded to the cent. */
  rounded: boolean;
}

/**
 * Reads an amount in cents, exactly: blank or zero padding, sign before or after (`-12,50`,
 * `12,50-`), decimal comma or dot, thousands separators (space, no-break space, apostrophe, or the
 * other of comma/dot: `1 234,56`, `1.234,56`, `1,234.56`). A blank field is 0. Returns NaN when the
 * text is not an amount. With more than two decimals the amount is rounded half away from zero.
 */
export function parseAmountCents(buf: Uint8Array, s: number, e: number, status: AmountStatus): number {
  status.rounded = false;
  while (s < e && buf[s] === SPACE) s++;
  while (e > s && buf[e - 1] === SPACE) e--;
  if (s === e) return 0;
  let negative = false;
  let b = buf[s]!;
  if (b === MINUS || b === PLUS) {
    negative = b === MINUS;
    s++;
    while (s < e && buf[s] === SPACE) s++;
  }
  if (e > s) {
    b = buf[e - 1]!;
    if (b === MINUS || b === PLUS) {
      if (b === MINUS) {
        if (negative) return NaN;
        negative = true;
      }
      e--;
      while (e > s && buf[e - 1] === SPACE) e--;
    }
  }
  if (s === e) return NaN;
  // Fast path: digits, then optionally one comma or dot and one or two decimals.
  let v = 0;
  let i = s;
  for (; i < e; i++) {
    b = buf[i]!;
    if (b < ZERO || b > ZERO + 9) break;
    v = v * 10 + (b - ZERO);
  }
  let result: number;
  if (i === e) result = v * 100;
  else if ((b === COMMA || b === DOT) && e - i <= 3 && (i > s || e - i > 1)) {
    let cents = 0;
    let k = i + 1;
    for (; k < e; k++) {
      const d = buf[k]!;
      if (d < ZERO || d > ZERO + 9) break;
      cents = cents * 10 + (d - ZERO);
    }
    if (k !== e) return general(buf, s, e, negative, status);
    if (e - i === 2) cents *= 10;
    result = v * 100 + cents;
  } else return general(buf, s, e, negative, status);
  if (!Number.isSafeInteger(result)) return NaN;
  return negative && result !== 0 ? -result : result;
}

/** Any layout with thousands separators or more than two decimals. */
function general(buf: Uint8Array, s: number, e: number, negative: boolean, status: AmountStatus): number {
  const groups: number[] = [s]; // start offsets of digit groups; ends are the separator offsets
  const ends: number[] = [];
  const seps: number[] = [];
  for (let i = s; i < e; i++) {
    const b = buf[i]!;
    if (b >= ZERO && b <= ZERO + 9) continue;
    let sep = b;
    let width = 1;
    if (b === 0xc2 && buf[i + 1] === NBSP && i + 1 < e) {
      sep = NBSP;
      width = 2;
    } else if (b !== COMMA && b !== DOT && b !== SPACE && b !== QUOTE && b !== NBSP) return NaN;
    ends.push(i);
    seps.push(sep);
    groups.push(i + width);
    i += width - 1;
  }
  ends.push(e);
  const last = seps[seps.length - 1];
  let decimalGroup = -1;
  if (last === COMMA || last === DOT) {
    if (seps.indexOf(last) === seps.length - 1) decimalGroup = groups.length - 1;
  }
  const intGroups = decimalGroup >= 0 ? groups.length - 1 : groups.length;
  // Thousands: one kind of separator, a first group of 1–3 digits, then groups of exactly 3.
  let euros = 0;
  for (let g = 0; g < intGroups; g++) {
    const gs = groups[g]!;
    const ge = ends[g]!;
    const n = ge - gs;
    if (intGroups > 1) {
      if (g > 0 && seps[g - 1] !== seps[0]) return NaN;
      if (g === 0 ? n < 1 || n > 3 : n !== 3) return NaN;
    } else if (n === 0 && decimalGroup < 0) return NaN;
    for (let k = gs; k < ge; k++) euros = euros * 10 + (buf[k]! - ZERO);
  }
  let cents = 0;
  if (decimalGroup >= 0) {
    const ds = groups[decimalGroup]!;
    const de = ends[decimalGroup]!;
    if (de - ds === 0 && intGroups === 1 && ends[0] === groups[0]) return NaN;
    for (let k = 0; k < 2; k++) cents = cents * 10 + (ds + k < de ? buf[ds + k]! - ZERO : 0);
    if (de - ds > 2) {
      for (let k = ds + 2; k < de; k++) if (buf[k] !== ZERO) status.rounded = true;
      if (buf[ds + 2]! >= ZERO + 5) cents++;
    }
  }
  const result = euros * 100 + cents;
  if (!Number.isSafeInteger(result)) return NaN;
  return negative && result !== 0 ? -result : result;
}

function digits(buf: Uint8Array, s: number, n: number): number {
  let v = 0;
  for (let k = s; k < s + n; k++) {
    const d = buf[k]! - ZERO;
    if (d < 0 || d > 9) return -1;
    v = v * 10 + d;
  }
  return v;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/**
 * Reads a date as the number YYYYMMDD: `YYYYMMDD` (the norm), tolerated `YYYY-MM-DD` and
 * `DD/MM/YYYY`. Returns 0 for a blank field and -1 for anything else or an impossible date.
 */
export function parseDateNumber(buf: Uint8Array, s: number, e: number): number {
  while (s < e && buf[s] === SPACE) s++;
  while (e > s && buf[e - 1] === SPACE) e--;
  const n = e - s;
  if (n === 0) return 0;
  let y: number;
  let m: number;
  let d: number;
  if (n === 8) {
    // The norm, straight-line: any byte that is not a digit makes one of the values negative or > 9.
    const c0 = buf[s]! - ZERO;
    const c1 = buf[s + 1]! - ZERO;
    const c2 = buf[s + 2]! - ZERO;
    const c3 = buf[s + 3]! - ZERO;
    const c4 = buf[s + 4]! - ZERO;
    const c5 = buf[s + 5]! - ZERO;
    const c6 = buf[s + 6]! - ZERO;
    const c7 = buf[s + 7]! - ZERO;
    if ((c0 | c1 | c2 | c3 | c4 | c5 | c6 | c7) < 0) return -1;
    if (c0 > 9 || c1 > 9 || c2 > 9 || c3 > 9 || c4 > 9 || c5 > 9 || c6 > 9 || c7 > 9) return -1;
    y = c0 * 1000 + c1 * 100 + c2 * 10 + c3;
    m = c4 * 10 + c5;
    d = c6 * 10 + c7;
  } else if (n === 10 && buf[s + 4] === MINUS && buf[s + 7] === MINUS) {
    y = digits(buf, s, 4);
    m = digits(buf, s + 5, 2);
    d = digits(buf, s + 8, 2);
  } else if (n === 10 && buf[s + 2] === SLASH && buf[s + 5] === SLASH) {
    d = digits(buf, s, 2);
    m = digits(buf, s + 3, 2);
    y = digits(buf, s + 6, 4);
  } else return -1;
  if (y < 1900 || y > 2199 || m < 1 || m > 12 || d < 1 || d > daysInMonth(y, m)) return -1;
  return y * 10000 + m * 100 + d;
}

/** 20230109 → '2023-01-09'. */
export function isoFromDateNumber(n: number): string {
  const y = Math.floor(n / 10000);
  const m = Math.floor(n / 100) % 100;
  const d = n % 100;
  return `${y}-${m < 10 ? '0' : ''}${m}-${d < 10 ? '0' : ''}${d}`;
}

/**
 * Reads the Sens column: `D` or `+1` (or `1`) for a debit → 1, `C` or `-1` for a credit → -1,
 * anything else → 0.
 */
export function parseSens(buf: Uint8Array, s: number, e: number): number {
  while (s < e && buf[s] === SPACE) s++;
  while (e > s && buf[e - 1] === SPACE) e--;
  const n = e - s;
  const b = buf[s];
  if (n === 1) {
    if (b === 0x44 || b === 0x64 || b === ZERO + 1) return 1;
    if (b === 0x43 || b === 0x63) return -1;
  } else if (n === 2 && buf[s + 1] === ZERO + 1) {
    if (b === PLUS) return 1;
    if (b === MINUS) return -1;
  }
  return 0;
}
