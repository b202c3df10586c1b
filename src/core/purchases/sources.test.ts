// The aggregator reads the reader's lines through their symbols and code units, and plain FecLine
// objects through an interning adapter: both paths must give the same figures, whatever the file.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createFecReader, encodeText, FEC_STANDARD_HEADER, type FecEncoding } from '../fec/index.ts';
import { copyFecLine } from '../fec/line-view.ts';
import type { FecLine } from '../fec/types.ts';
import { createPurchaseAggregator, extendedAccountSet, purchasesFromLines } from './index.ts';

const rowArb = fc.record({
  journal: fc.constantFrom('AC', 'HA', 'BQ1', 'OD', '1'),
  num: fc.constantFrom('1', '2', '3', '17', ''),
  day: fc.integer({ min: 1, max: 4 }),
  account: fc.constantFrom(
    '601100',
    '606400',
    '603100',
    '622600',
    '651000',
    '215400',
    '445660',
    '512000',
    '401000',
    '4010012',
    '404000',
    '408000',
  ),
  accountLabel: fc.constantFrom('Fournisseurs', 'ACME SARL', 'Factures non parvenues', 'Électricité'),
  aux: fc.constantFrom('', '', 'F001', 'F002', 'Ø3'),
  auxLabel: fc.constantFrom('', 'Ateliers Œuvre', 'BREIZH'),
  piece: fc.constantFrom('FA1', 'FA2', 'AV-3', ''),
  label: fc.constantFrom('Facture', 'PRLV SEPA ORANGE 0612', 'PRLV SEPA ORANGE 0713', '', 'Réparation €'),
  cents: fc.integer({ min: 0, max: 500_000 }),
  credit: fc.boolean(),
  currency: fc.constantFrom('', '', 'EUR', 'usd'),
});

type Row = typeof rowArb extends fc.Arbitrary<infer T> ? T : never;

function fecBytes(rows: Row[], encoding: FecEncoding, separator: string): Uint8Array {
  const amount = (c: number): string => `${Math.floor(c / 100)},${String(c % 100).padStart(2, '0')}`;
  const lines = rows.map((r) => {
    const date = `202401${String(r.day).padStart(2, '0')}`;
    return [
      r.journal,
      `${r.journal} lib`,
      r.num,
      date,
      r.account,
      r.accountLabel,
      r.aux,
      r.aux === '' ? '' : r.auxLabel,
      r.piece,
      date,
      r.label,
      r.credit ? '0,00' : amount(r.cents),
      r.credit ? amount(r.cents) : '0,00',
      '',
      '',
      date,
      '',
      r.currency,
    ].join(separator);
  });
  return encodeText([FEC_STANDARD_HEADER.join(separator), ...lines].join('\r\n') + '\r\n', encoding);
}

describe('the reader’s lines and plain FecLine objects', () => {
  it('give the same purchases, whatever the encoding, the order, the window or the settings', () => {
    fc.assert(
      fc.property(
        fc.array(rowArb, { maxLength: 60 }),
        fc.constantFrom<FecEncoding>('utf-8', 'iso-8859-15', 'windows-1252'),
        fc.constantFrom('\t', '|', ';'),
        fc.integer({ min: 1, max: 6 }),
        fc.boolean(),
        (rows, encoding, separator, window, extended) => {
          const options = { window, ...(extended ? { settings: { accounts: extendedAccountSet } } : {}) };
          const aggregator = createPurchaseAggregator(options);
          const copies: FecLine[] = [];
          const reader = createFecReader({
            onLine: (line) => {
              aggregator.add(line);
              copies.push(copyFecLine(line));
            },
          });
          reader.push(fecBytes(rows, encoding, separator));
          reader.finish();
          expect(aggregator.result()).toEqual(purchasesFromLines(copies, options));
        },
      ),
      { numRuns: 300 },
    );
  });
});
