// One fixture per quirk of real FEC files (DESIGN.md §5), written here as bytes.
import { describe, expect, it } from 'vitest';
import { encodeText } from './encoding.ts';
import { STANDARD_HEADER, codes, fecText, readBytes, readText, row } from './test-helpers.ts';

const entry = [
  row('AC', '1', '20240105', '60110000', 'Matières premières', '150,00', '0,00'),
  row('AC', '1', '20240105', '40100000', 'Fournisseurs', '0,00', '150,00', ['F001', 'Coopérative de l’Oust']),
];
const concat = (...parts: Uint8Array[]): Uint8Array => {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.length;
  }
  return out;
};
const ascii = (text: string): Uint8Array => encodeText(text, 'iso-8859-15');
const headerLine = `${STANDARD_HEADER.join('\t')}\n`;
/** Cut every 100 bytes, as a stream would deliver a large file. */
const every100 = (bytes: Uint8Array): number[] =>
  Array.from({ length: bytes.length / 100 }, (_, k) => k * 100);
const dataLine = (label: string): string =>
  `${row('AC', '1', '20240105', '60110000', label, '0,00', '0,00').join('\t')}\n`;

describe('encodings', () => {
  it('strips a UTF-8 byte order mark', () => {
    const bytes = concat(new Uint8Array([0xef, 0xbb, 0xbf]), encodeText(fecText(entry), 'utf-8'));
    const { lines, summary } = readBytes(bytes);
    expect(summary.encoding).toBe('utf-8');
    expect(summary.columns[0]).toBe('JournalCode');
    expect(lines[1]!.compAuxLib).toBe('Coopérative de l’Oust');
  });

  it('reads ISO-8859-15 with its own characters: 0xA4 is €, 0xBC/0xBD are Œ/œ, 0xA6/0xA8 Š/š, 0xB4/0xB8 Ž/ž, 0xBE Ÿ', () => {
    const bytes = concat(ascii(headerLine), ascii(dataLine('Facture XXXXXXXXXXXXXX')));
    // The label's bytes, written by hand: "Facture " then the eight differing bytes and é, è, ç.
    const label = [0xa4, 0xbc, 0xbd, 0xa6, 0xa8, 0xb4, 0xb8, 0xbe, 0xe9, 0xe8, 0xe7, 0x20, 0x20, 0x20];
    const start = bytes.indexOf(0x58); // first 'X'
    label.forEach((b, k) => (bytes[start + k] = b));
    const { lines, summary } = readBytes(bytes);
    expect(summary.encoding).toBe('iso-8859-15');
    expect(lines[0]!.compteLib).toBe('Facture €ŒœŠšŽžŸéèç');
  });

  it('reads Windows-1252 when bytes 0x80–0x9F appear (’ is 0x92, € is 0x80)', () => {
    const text = fecText([row('AC', '1', '20240105', '60110000', 'Achat d’œufs – 12 €', '0,00', '0,00')]);
    const { lines, summary } = readBytes(encodeText(text, 'windows-1252'));
    expect(summary.encoding).toBe('windows-1252');
    expect(lines[0]!.compteLib).toBe('Achat d’œufs – 12 €');
  });

  it('switches to Windows-1252 when a byte 0x80–0x9F shows up after the window the encoding was chosen on', () => {
    const early = Array.from({ length: 30 }, () => dataLine('Électricité')).join('');
    const text = headerLine + early + dataLine('Achat d’œufs');
    const bytes = encodeText(text, 'windows-1252');
    const { lines, summary } = readBytes(bytes, { sniffBytes: 256 }, every100(bytes));
    expect(summary.encoding).toBe('windows-1252');
    expect(lines[0]!.compteLib).toBe('Électricité');
    expect(lines[30]!.compteLib).toBe('Achat d’œufs');
    const note = summary.anomalies.find((a) => a.code === 'encoding-late-evidence');
    expect(note).toMatchObject({ line: 32, severity: 'info' });
  });

  it('warns that earlier lines may hold a wrong € when the switch to Windows-1252 comes after an 0xA4 byte', () => {
    const early = Array.from({ length: 30 }, () => dataLine('Électricité')).join('');
    const bytes = encodeText(
      headerLine + dataLine('Prix ¤') + early + dataLine('Achat d’œufs'),
      'windows-1252',
    );
    const { lines, summary } = readBytes(bytes, { sniffBytes: 256 }, every100(bytes));
    expect(lines[0]!.compteLib).toBe('Prix €'); // read as ISO-8859-15 before the evidence came
    const note = summary.anomalies.find((a) => a.code === 'encoding-late-evidence');
    expect(note).toMatchObject({ line: 33, severity: 'warning' });
    expect(note!.message).toMatch(/€/);
  });

  it('replaces a byte that is not UTF-8 in a file read as UTF-8, and says where it is', () => {
    const early = Array.from({ length: 30 }, () => dataLine('Électricité')).join('');
    const bytes = concat(
      encodeText(headerLine + early, 'utf-8'),
      encodeText(dataLine('Créance'), 'iso-8859-15'),
    );
    const { lines, summary } = readBytes(bytes, { sniffBytes: 256 }, every100(bytes));
    expect(summary.encoding).toBe('utf-8');
    expect(lines[30]!.compteLib).toBe('Cr\ufffdance');
    const bad = summary.anomalies.find((a) => a.code === 'encoding-replaced');
    expect(bad).toMatchObject({ line: 32, column: 'CompteLib', severity: 'warning' });
    expect(bad!.message).toMatch(/0xE9/);
    expect(codes(summary)).toContain('encoding-late-evidence');
  });

  it('does not call a bad byte in a file with a UTF-8 BOM late evidence', () => {
    const bytes = concat(
      new Uint8Array([0xef, 0xbb, 0xbf]),
      encodeText(headerLine, 'utf-8'),
      encodeText(dataLine('Créance'), 'iso-8859-15'),
    );
    const { lines, summary } = readBytes(bytes);
    expect(lines[0]!.compteLib).toBe('Cr\ufffdance');
    expect(summary.anomalyCounts).toEqual({ 'encoding-replaced': 2 }); // CompteLib and EcritureLib
  });

  it('refuses a UTF-16 file with a clear message', () => {
    const { lines, summary } = readBytes(new Uint8Array([0xff, 0xfe, 0x4a, 0x00, 0x6f, 0x00]));
    expect(lines).toEqual([]);
    expect(summary.readable).toBe(false);
    expect(summary.anomalies[0]).toMatchObject({ code: 'unsupported-encoding', severity: 'error' });
  });
});

describe('line ends', () => {
  it.each([
    ['LF', '\n'],
    ['CRLF', '\r\n'],
    ['CR', '\r'],
    ['CR CR LF', '\r\r\n'],
  ])('reads %s line ends with the same lines and line numbers', (_name, eol) => {
    const { lines, summary } = readText(fecText(entry, { eol }));
    expect(lines.map((l) => [l.line, l.compteNum, l.debitCents, l.creditCents])).toEqual([
      [2, '60110000', 15000, 0],
      [3, '40100000', 0, 15000],
    ]);
    expect(summary.anomalyCount).toBe(0);
  });

  it('reads a last line without a line end, and counts blank lines in line numbers', () => {
    const text = fecText(entry).replace(/\n$/, '').replace('\n', '\n\n');
    const { lines } = readText(text);
    expect(lines.map((l) => l.line)).toEqual([3, 4]);
  });
});

describe('separators', () => {
  it.each([
    ['tab', '\t'],
    ['pipe', '|'],
    ['semicolon', ';'],
  ])('detects the %s on the header', (_name, separator) => {
    const { lines, summary } = readText(fecText(entry, { separator }));
    expect(summary.separator).toBe(separator);
    expect(lines[1]!.creditCents).toBe(15000);
  });

  it('detects a comma, with amounts written with a dot', () => {
    const rows = entry.map((r) => r.map((f) => f.replace(/^(\d+),(\d\d)$/, '$1.$2')));
    const { lines, summary } = readText(fecText(rows, { separator: ',' }));
    expect(summary.separator).toBe(',');
    expect(lines[0]!.debitCents).toBe(15000);
  });

  it('accepts a trailing separator on every line, with fixed-width blank padding and zero-padded amounts', () => {
    const pad = (f: string, k: number): string =>
      k === 11 || k === 12 ? f.padStart(13, '0') : f.padEnd(12, ' ');
    const rows = entry.map((r) => r.map(pad));
    const { lines, summary } = readText(fecText(rows, { separator: '|', trailingSeparator: true }));
    expect(summary.anomalyCount).toBe(0);
    expect(lines[1]).toMatchObject({
      journalCode: 'AC',
      compAuxNum: 'F001',
      creditCents: 15000,
      pieceRef: 'P1',
    });
  });

  it('reports a data line written with another separator than the header', () => {
    const text = fecText(entry) + `${row('AC', '2', '20240105', '606', 'x', '1,00', '0,00').join(';')}\n`;
    const { lines, summary } = readText(text);
    expect(lines).toHaveLength(2);
    expect(summary.skippedLineCount).toBe(1);
    const a = summary.anomalies.find((x) => x.code === 'field-count');
    expect(a).toMatchObject({ line: 4, severity: 'error' });
    expect(a!.message).toMatch(/point-virgule/);
  });
});

describe('headers', () => {
  it('normalises names and knows the aliases (IdDevise, MontantDevise, the typo EcrtureLet)', () => {
    const header = [
      'journal code',
      'Journal_Lib',
      'ÉcritureNum',
      'ECRITUREDATE',
      'CompteNum',
      'CompteLib',
      'CompAuxNum',
      'CompAuxLib',
      'PieceRef',
      'PieceDate',
      'EcritureLib',
      'Débit',
      'Crédit',
      'EcrtureLet',
      'DateLet',
      'ValidDate',
      'MontantDevise',
      'IdDevise',
    ];
    const { lines, summary } = readText(fecText(entry, { header }));
    expect(summary.anomalyCount).toBe(0);
    expect(summary.columns).toEqual(STANDARD_HEADER);
    expect(lines[0]).toMatchObject({ journalCode: 'AC', ecritureNum: '1', debitCents: 15000 });
  });

  it('reads Montant + Sens (D/C or +1/-1) instead of Debit and Credit', () => {
    const header = STANDARD_HEADER.map((h) => (h === 'Debit' ? 'Montant' : h === 'Credit' ? 'Sens' : h));
    const rows = [
      row('AC', '1', '20240105', '60110000', 'Matières', '150,00', 'D'),
      row('AC', '1', '20240105', '44566000', 'TVA', '30,00', '+1'),
      row('AC', '1', '20240105', '40100000', 'Fournisseurs', '180,00', '-1'),
      row('AC', '2', '20240105', '40100000', 'Fournisseurs', '10,00', 'C'),
      row('AC', '2', '20240105', '60110000', 'Matières', '10,00', 'X'),
    ];
    const { lines, summary } = readText(fecText(rows, { header }));
    expect(summary.amountLayout).toBe('montant-sens');
    expect(lines.map((l) => [l.debitCents, l.creditCents])).toEqual([
      [15000, 0],
      [3000, 0],
      [0, 18000],
      [0, 1000],
      [0, 0],
    ]);
    expect(summary.anomalies.find((a) => a.code === 'bad-sens')).toMatchObject({ line: 6, column: 'Sens' });
  });

  it('accepts the 22-column cash-basis variant (DateRglt, ModeRglt, NatOp, IdClient) without complaint', () => {
    const header = [...STANDARD_HEADER, 'DateRglt', 'ModeRglt', 'NatOp', 'IdClient'];
    const rows = entry.map((r) => [...r, '20240110', 'VIR', 'Achat', '']);
    const { lines, summary } = readText(fecText(rows, { header }));
    expect(summary.anomalyCount).toBe(0);
    expect(lines[1]!.creditCents).toBe(15000);
    expect(
      readText(
        fecText(
          rows.map((r) => r.slice(0, 21)),
          { header: header.slice(0, 21) },
        ),
      ).summary.anomalyCount,
    ).toBe(0);
  });

  it('reports an unknown column once and reads the rest', () => {
    const header = [...STANDARD_HEADER, 'CodeAnalytique'];
    const rows = entry.map((r) => [...r, 'A12']);
    const { lines, summary } = readText(fecText(rows, { header }));
    expect(lines).toHaveLength(2);
    expect(summary.anomalies).toEqual([
      expect.objectContaining({ code: 'unknown-column', line: 1, severity: 'info' }),
    ]);
  });

  it('cannot read a file without EcritureDate, and says so in French', () => {
    const header = STANDARD_HEADER.filter((h) => h !== 'EcritureDate');
    const rows = entry.map((r) => r.filter((_, k) => k !== 3));
    const { lines, summary } = readText(fecText(rows, { header }));
    expect(lines).toEqual([]);
    expect(summary.readable).toBe(false);
    expect(summary.anomalies[0]).toMatchObject({
      code: 'missing-column',
      severity: 'error',
      column: 'EcritureDate',
    });
    expect(summary.anomalies[0]!.message).toMatch(/ne peut pas être lu/);
  });

  it('goes on without a regulatory column that IBAL does not need, with a warning', () => {
    const header = STANDARD_HEADER.filter((h) => h !== 'ValidDate');
    const rows = entry.map((r) => r.filter((_, k) => k !== 15));
    const { lines, summary } = readText(fecText(rows, { header }));
    expect(lines).toHaveLength(2);
    expect(summary.anomalies).toEqual([
      expect.objectContaining({ code: 'missing-column', severity: 'warning' }),
    ]);
  });

  it('reads a file without header in the standard order, with a warning', () => {
    const text = fecText(entry).split('\n').slice(1).join('\n');
    const { lines, summary } = readText(text);
    expect(lines.map((l) => [l.line, l.compteNum, l.creditCents])).toEqual([
      [1, '60110000', 0],
      [2, '40100000', 15000],
    ]);
    expect(summary.anomalies[0]).toMatchObject({ code: 'no-header', severity: 'warning' });
  });

  it('cannot read a file that is not a FEC', () => {
    const { summary } = readText('Nom;Prénom\nDupont;Jean\n');
    expect(summary.readable).toBe(false);
    expect(summary.anomalies[0]).toMatchObject({ code: 'no-header', severity: 'error', line: 1 });
  });

  it('reports an empty file', () => {
    const { summary } = readBytes(new Uint8Array(0));
    expect(summary).toMatchObject({ readable: false, lineCount: 0, period: null });
    expect(summary.anomalies[0]).toMatchObject({ code: 'empty-file', severity: 'error', line: 0 });
  });
});

describe('amounts and dates in the file', () => {
  it('reads padded, signed, dotted and grouped amounts on the lines', () => {
    const rows = [
      row('AC', '1', '20240105', '60110000', 'a', '   1200,00', '0'),
      row('AC', '1', '20240105', '60110000', 'b', '0000000069,60', ''),
      row('AC', '1', '20240105', '60110000', 'c', '12.5-', '0,00'),
      row('AC', '1', '20240105', '40100000', 'd', '0,00', '1 257,10'),
    ];
    const { lines, summary } = readText(fecText(rows));
    expect(lines.map((l) => l.debitCents - l.creditCents)).toEqual([120000, 6960, -1250, -125710]);
    expect(summary.anomalyCount).toBe(0);
  });

  it('reads tolerated date forms as ISO dates', () => {
    const rows = [
      row('AC', '1', '2024-01-05', '60110000', 'a', '1,00', '0,00'),
      row('AC', '1', '05/01/2024', '40100000', 'b', '0,00', '1,00'),
    ];
    const { lines } = readText(fecText(rows));
    expect(lines.map((l) => [l.ecritureDate, l.pieceDate])).toEqual([
      ['2024-01-05', '2024-01-05'],
      ['2024-01-05', '2024-01-05'],
    ]);
  });
});

describe('encoding choice and chunk boundaries', () => {
  it('does not take a Latin-9 letter cut at the end of the sniffing window for UTF-8', () => {
    const text = fecText([row('AC', '1', '20240105', '60110000', 'Été', '150,00', '0,00')]);
    const bytes = encodeText(text, 'iso-8859-15');
    const e9 = bytes.indexOf(0xc9); // 'É' in ISO-8859-15, the first non-ASCII byte
    // The data line starts a chunk that ends right after 'É': the sniffing window (16 bytes and
    // more) ends on a byte that, alone, could start a UTF-8 sequence.
    const lineStart = bytes.indexOf(0x0a) + 1;
    const cut = readBytes(bytes, { sniffBytes: 16 }, [lineStart, e9 + 1]);
    const whole = readBytes(bytes, { sniffBytes: 16 });
    expect(cut.summary.encoding).toBe('iso-8859-15');
    expect(cut.lines[0]?.compteLib).toBe('Été');
    expect(cut.lines).toEqual(whole.lines);
  });
});
