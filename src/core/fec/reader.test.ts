import { describe, expect, it } from 'vitest';
import { encodeText } from './encoding.ts';
import { STANDARD_HEADER, fecText, readBytes, readText, row } from './test-helpers.ts';

// A purchase invoice as every accounting package books it: the expense (class 6), the deductible
// VAT (445), the supplier (401 with its auxiliary account).
const invoice = [
  row('AC', '12', '20240115', '60610000', 'Électricité janvier', '1000,00', '0,00'),
  row('AC', '12', '20240115', '44566000', 'TVA déductible', '200,00', '0,00'),
  row('AC', '12', '20240115', '40100000', 'Fournisseurs', '0,00', '1200,00', ['FEDF', 'EDF Entreprises']),
];

describe('reading a FEC excerpt', () => {
  it('gives each line with its fields and its amounts in cents', () => {
    const { lines, summary } = readText(fecText(invoice));
    expect(
      lines.map((l) => [l.line, l.compteNum, l.compteLib, l.compAuxNum, l.debitCents, l.creditCents]),
    ).toEqual([
      [2, '60610000', 'Électricité janvier', '', 100000, 0],
      [3, '44566000', 'TVA déductible', '', 20000, 0],
      [4, '40100000', 'Fournisseurs', 'FEDF', 0, 120000],
    ]);
    expect(lines[2]).toEqual({
      line: 4,
      journalCode: 'AC',
      journalLib: 'Achats',
      ecritureNum: '12',
      ecritureDate: '2024-01-15',
      compteNum: '40100000',
      compteLib: 'Fournisseurs',
      compAuxNum: 'FEDF',
      compAuxLib: 'EDF Entreprises',
      pieceRef: 'P12',
      pieceDate: '2024-01-15',
      ecritureLib: 'Fournisseurs',
      debitCents: 0,
      creditCents: 120000,
      montantDeviseCents: null,
      idevise: '',
    });
    expect(summary).toMatchObject({
      encoding: 'utf-8',
      separator: '\t',
      amountLayout: 'debit-credit',
      lineCount: 3,
      period: { from: '2024-01-15', to: '2024-01-15' },
      totalDebitCents: 120000,
      totalCreditCents: 120000,
      anomalyCount: 0,
      readable: true,
    });
  });

  it('reads an invoice in US dollars with its foreign amount', () => {
    const r = row('AC', '7', '20240301', '60700000', 'Composants', '920,00', '0,00');
    r[16] = '1000,00';
    r[17] = 'USD';
    const { lines } = readText(fecText([r]));
    expect(lines[0]).toMatchObject({ debitCents: 92000, montantDeviseCents: 100000, idevise: 'USD' });
  });

  it('gives the period from the earliest to the latest entry date', () => {
    const { summary } = readText(
      fecText([
        row('AC', '1', '20230901', '606', 'A', '10,00', '0,00'),
        row('AC', '1', '20230901', '401', 'A', '0,00', '10,00'),
        row('AC', '2', '20240831', '606', 'B', '10,00', '0,00'),
        row('AC', '2', '20240831', '401', 'B', '0,00', '10,00'),
      ]),
    );
    expect(summary.period).toEqual({ from: '2023-09-01', to: '2024-08-31' });
  });

  it('reports progress in bytes and lines', () => {
    const text = fecText(
      Array.from({ length: 200 }, (_, k) => row('AC', `${k}`, '20240101', '606', 'x', '0,00', '0,00')),
    );
    const bytes = encodeText(text, 'utf-8');
    const seen: Array<{ bytesRead: number; linesRead: number }> = [];
    const cuts = Array.from({ length: 20 }, (_, k) => Math.floor((bytes.length * k) / 20));
    readBytes(bytes, { progressEveryBytes: 1000, onProgress: (p) => seen.push(p) }, cuts);
    expect(seen.length).toBeGreaterThan(3);
    expect(seen.at(-1)).toEqual({ bytesRead: bytes.length, linesRead: 201 });
    for (let k = 1; k < seen.length; k++)
      expect(seen[k]!.bytesRead).toBeGreaterThanOrEqual(seen[k - 1]!.bytesRead);
  });

  it('reads the SIREN and closing date from a regulatory file name', () => {
    const { summary } = readText(fecText(invoice), 'utf-8', { fileName: 'exports/552100554FEC20241231.txt' });
    expect(summary.fileNameHint).toEqual({ siren: '552100554', closingDate: '2024-12-31' });
    expect(
      readText(fecText(invoice), 'utf-8', { fileName: 'grand-livre.txt' }).summary.fileNameHint,
    ).toBeUndefined();
  });

  it('says when the closing date in the file name does not end the period of the entries', () => {
    const { summary } = readText(fecText(invoice), 'utf-8', { fileName: '552100554FEC20231231.txt' });
    expect(summary.anomalies).toEqual([
      expect.objectContaining({ code: 'file-name-period', severity: 'info', line: 0 }),
    ]);
    expect(summary.anomalies[0]!.message).toMatch(
      /clôture au 2023-12-31, mais les écritures vont du 2024-01-15/,
    );
  });

  it('keeps the header names as found, mapped to the official ones', () => {
    const header = STANDARD_HEADER.map((h) => h.toUpperCase());
    const { summary } = readText(fecText(invoice, { header }));
    expect(summary.columns).toEqual(STANDARD_HEADER);
  });
});
