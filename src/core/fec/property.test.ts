// Property-based tests: whatever the bytes, the reader does not throw; a generated FEC with random
// quirks reads back to exactly what was generated; where the stream is cut changes nothing.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { encodeText, type FecEncoding } from './encoding.ts';
import { STANDARD_HEADER, readBytes } from './test-helpers.ts';
import type { FecLine } from './types.ts';

const cutsArb = (length: number) =>
  fc.array(fc.integer({ min: 0, max: Math.max(0, length) }), { maxLength: 12 });

describe('random bytes', () => {
  it('never make the reader throw, in one chunk or cut anywhere', () => {
    fc.assert(
      fc.property(
        fc.uint8Array({ maxLength: 600 }),
        fc.array(fc.nat(600), { maxLength: 8 }),
        (bytes, cuts) => {
          const { summary } = readBytes(bytes, {}, cuts);
          expect(summary.bytesRead).toBe(bytes.length);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('after a valid header, never make the reader throw either', () => {
    const header = encodeText(`${STANDARD_HEADER.join('|')}\r\n`, 'utf-8');
    const alphabet = fc.constantFrom(
      0x7c,
      0x0a,
      0x0d,
      0x2c,
      0x30,
      0x31,
      0x32,
      0x20,
      0x2d,
      0xe9,
      0x80,
      0xc3,
      0xa9,
      0xff,
    );
    fc.assert(
      fc.property(
        fc.array(alphabet, { maxLength: 800 }),
        fc.array(fc.nat(900), { maxLength: 8 }),
        (body, cuts) => {
          const bytes = new Uint8Array([...header, ...body]);
          const { summary } = readBytes(bytes, { sniffBytes: 64 }, cuts);
          expect(summary.columns).toEqual(STANDARD_HEADER);
        },
      ),
      { numRuns: 300 },
    );
  });
});

// ------------------------------------------------------------------ generated files

interface Quirks {
  encoding: FecEncoding;
  bom: boolean;
  separator: '\t' | '|' | ';';
  eol: '\n' | '\r\n' | '\r' | '\r\r\n';
  trailingSeparator: boolean;
  padWidth: number;
  zeroPad: boolean;
  decimal: ',' | '.';
  signAfter: boolean;
  dateForm: 'compact' | 'iso' | 'french';
}

const LETTERS: Record<FecEncoding, string> = {
  'utf-8': 'abcXYZ éèçàÉÀ’€Œœ–ß中',
  'iso-8859-15': 'abcXYZ éèçàÉÀ€ŒœŠšŽžŸ',
  'windows-1252': 'abcXYZ éèçàÉÀ€Œœ’–“”',
};

/**
 * The first line carries what tells its encoding apart, as any real file's first pages do: a
 * Windows-1252 byte 0x80–0x9F (’), an ISO-8859-15 byte that cannot be UTF-8 (é then a space), or
 * UTF-8's é. Without it a short Latin text can happen to be well-formed UTF-8 (E9 BC BE is 鼾).
 */
const MARKER: Record<FecEncoding, string> = {
  'utf-8': 'Journal é ',
  'iso-8859-15': 'Journal é ',
  'windows-1252': 'Journal’ ',
};

const quirksArb: fc.Arbitrary<Quirks> = fc.record({
  encoding: fc.constantFrom<FecEncoding>('utf-8', 'iso-8859-15', 'windows-1252'),
  bom: fc.boolean(),
  separator: fc.constantFrom('\t' as const, '|' as const, ';' as const),
  eol: fc.constantFrom('\n' as const, '\r\n' as const, '\r' as const, '\r\r\n' as const),
  trailingSeparator: fc.boolean(),
  padWidth: fc.constantFrom(0, 0, 12),
  zeroPad: fc.boolean(),
  decimal: fc.constantFrom(',' as const, '.' as const),
  signAfter: fc.boolean(),
  dateForm: fc.constantFrom('compact' as const, 'iso' as const, 'french' as const),
});

interface GenLine {
  journal: string;
  num: string;
  date: { y: number; m: number; d: number };
  account: string;
  label: string;
  aux: string;
  debit: number;
  credit: number;
}

function textArb(encoding: FecEncoding, maxLength: number): fc.Arbitrary<string> {
  return fc.array(fc.constantFrom(...LETTERS[encoding]), { maxLength }).map((chars) => chars.join('').trim());
}

const lineArb = (encoding: FecEncoding): fc.Arbitrary<GenLine> =>
  fc.record({
    journal: fc.constantFrom('AC', 'HA', 'BQ1', 'OD'),
    num: fc.nat(99999).map(String),
    date: fc.record({
      y: fc.integer({ min: 2000, max: 2099 }),
      m: fc.integer({ min: 1, max: 12 }),
      d: fc.integer({ min: 1, max: 28 }),
    }),
    account: fc.constantFrom('60110000', '6061', '44566', '401000', '4010012', '512000'),
    label: textArb(encoding, 30),
    aux: fc
      .constantFrom('', 'F001', 'FOURN-ÉTÉ'.normalize('NFC'))
      .filter((a) => encoding !== 'utf-8' || a !== 'x'),
    debit: fc.integer({ min: -5_000_000_00, max: 5_000_000_00 }),
    credit: fc.integer({ min: 0, max: 99_999_999_999 }),
  });

const two = (n: number): string => String(n).padStart(2, '0');

function formatDate(date: GenLine['date'], q: Quirks): string {
  if (q.dateForm === 'iso') return `${date.y}-${two(date.m)}-${two(date.d)}`;
  if (q.dateForm === 'french') return `${two(date.d)}/${two(date.m)}/${date.y}`;
  return `${date.y}${two(date.m)}${two(date.d)}`;
}

function formatAmount(cents: number, q: Quirks): string {
  const abs = Math.abs(cents);
  let text = `${Math.floor(abs / 100)}${q.decimal}${two(abs % 100)}`;
  if (q.zeroPad) text = text.padStart(13, '0');
  if (cents < 0) text = q.signAfter ? `${text}-` : `-${text}`;
  return text;
}

function generate(lines: GenLine[], q: Quirks): Uint8Array {
  const pad = (f: string): string => (q.padWidth > 0 ? f.padEnd(q.padWidth, ' ') : f);
  const tail = q.trailingSeparator ? q.separator : '';
  const rows = [STANDARD_HEADER.join(q.separator) + tail];
  for (const l of lines) {
    const date = formatDate(l.date, q);
    const fields = [
      l.journal,
      `Journal ${l.journal}`,
      l.num,
      date,
      l.account,
      l.label,
      l.aux,
      l.aux === '' ? '' : `Fournisseur ${l.aux}`,
      `P-${l.num}`,
      date,
      l.label,
      formatAmount(l.debit, q),
      formatAmount(l.credit, q),
      '',
      '',
      date,
      '',
      '',
    ];
    rows.push(fields.map(pad).join(q.separator) + tail);
  }
  const text = rows.join(q.eol) + q.eol;
  const body = text.replace('Journal ', MARKER[q.encoding]);
  const bytes = encodeText(body, q.encoding);
  if (!q.bom || q.encoding !== 'utf-8') return bytes;
  return new Uint8Array([0xef, 0xbb, 0xbf, ...bytes]);
}

function expected(l: GenLine, index: number): FecLine {
  const iso = `${l.date.y}-${two(l.date.m)}-${two(l.date.d)}`;
  return {
    line: index + 2,
    journalCode: l.journal,
    journalLib: `Journal ${l.journal}`,
    ecritureNum: l.num,
    ecritureDate: iso,
    compteNum: l.account,
    compteLib: l.label,
    compAuxNum: l.aux,
    compAuxLib: l.aux === '' ? '' : `Fournisseur ${l.aux}`,
    pieceRef: `P-${l.num}`,
    pieceDate: iso,
    ecritureLib: l.label,
    debitCents: l.debit,
    creditCents: l.credit,
    montantDeviseCents: null,
    idevise: '',
  };
}

const fileArb = quirksArb.chain((q) =>
  fc.tuple(fc.constant(q), fc.array(lineArb(q.encoding), { minLength: 1, maxLength: 25 })),
);

describe('a generated FEC', () => {
  it('reads back to exactly what was generated, whatever its quirks', () => {
    fc.assert(
      fc.property(fileArb, ([q, lines]) => {
        const { lines: read, summary } = readBytes(generate(lines, q));
        const want = lines.map(expected);
        want[0]!.journalLib = want[0]!.journalLib.replace('Journal ', MARKER[q.encoding]);
        expect(read).toEqual(want);
        expect(summary.separator).toBe(q.separator);
        expect(summary.lineCount).toBe(lines.length);
        expect(summary.totalDebitCents).toBe(lines.reduce((n, l) => n + l.debit, 0));
        expect(summary.encoding).toBe(q.encoding);
        const unexpected = Object.keys(summary.anomalyCounts).filter(
          (c) => c !== 'unbalanced-entry' && c !== 'debit-and-credit',
        );
        expect(unexpected).toEqual([]);
      }),
      { numRuns: 250 },
    );
  });

  it('gives the same lines and report wherever the stream is cut', () => {
    fc.assert(
      fc.property(
        fileArb.chain(([q, lines]) => {
          const bytes = generate(lines, q);
          return fc.tuple(fc.constant(bytes), cutsArb(bytes.length), fc.constantFrom(16, 64, 4 << 20));
        }),
        ([bytes, cuts, sniffBytes]) => {
          const whole = readBytes(bytes, { sniffBytes });
          const cut = readBytes(bytes, { sniffBytes }, cuts);
          expect(cut.lines).toEqual(whole.lines);
          expect(cut.summary).toEqual(whole.summary);
        },
      ),
      { numRuns: 250 },
    );
  });

  it('gives the same result when fed one byte at a time', () => {
    fc.assert(
      fc.property(fileArb, ([q, lines]) => {
        const bytes = generate(lines, q);
        const whole = readBytes(bytes);
        const cuts = Array.from({ length: bytes.length }, (_, k) => k);
        expect(readBytes(bytes, {}, cuts)).toEqual(whole);
      }),
      { numRuns: 40 },
    );
  });
});
