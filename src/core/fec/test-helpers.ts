// Helpers for the reader's tests: build FEC bytes from text, read them back in chunks.
import { encodeText, type FecEncoding } from './encoding.ts';
import { FEC_STANDARD_HEADER } from './columns.ts';
import { createFecReader, type FecReaderOptions } from './reader.ts';
import { copyFecLine } from './line-view.ts';
import type { FecLine, FecReadSummary } from './types.ts';

export const STANDARD_HEADER = [...FEC_STANDARD_HEADER];

export interface FecTextOptions {
  separator?: string;
  eol?: string;
  header?: string[];
  /** Adds a separator at the end of every line, header included. */
  trailingSeparator?: boolean;
}

/** Joins rows of fields into FEC text (header first). */
export function fecText(rows: string[][], options: FecTextOptions = {}): string {
  const sep = options.separator ?? '\t';
  const eol = options.eol ?? '\n';
  const tail = options.trailingSeparator ? sep : '';
  return [options.header ?? STANDARD_HEADER, ...rows].map((r) => r.join(sep) + tail + eol).join('');
}

/** One standard 18-field row. */
export function row(
  journal: string,
  num: string,
  date: string,
  account: string,
  label: string,
  debit: string,
  credit: string,
  aux: [string, string] = ['', ''],
): string[] {
  return [
    journal,
    journal === 'AC' ? 'Achats' : journal,
    num,
    date,
    account,
    label,
    aux[0],
    aux[1],
    `P${num}`,
    date,
    label,
    debit,
    credit,
    '',
    '',
    date,
    '',
    '',
  ];
}

export interface ReadResult {
  lines: FecLine[];
  summary: FecReadSummary;
}

/** Reads bytes through the reader, cut at the given offsets (or in one chunk). */
export function readBytes(
  bytes: Uint8Array,
  options: Omit<FecReaderOptions, 'onLine'> = {},
  cuts: number[] = [],
): ReadResult {
  const lines: FecLine[] = [];
  const reader = createFecReader({ ...options, onLine: (l) => lines.push(copyFecLine(l)) });
  let from = 0;
  for (const cut of [...cuts].sort((a, b) => a - b)) {
    if (cut <= from || cut >= bytes.length) continue;
    reader.push(bytes.subarray(from, cut));
    from = cut;
  }
  reader.push(bytes.subarray(from));
  return { lines, summary: reader.finish() };
}

export function readText(
  text: string,
  encoding: FecEncoding = 'utf-8',
  options: Omit<FecReaderOptions, 'onLine'> = {},
): ReadResult {
  return readBytes(encodeText(text, encoding), options);
}

export function codes(summary: FecReadSummary): string[] {
  return summary.anomalies.map((a) => a.code);
}
