// The anomaly report: what a user sees about a messy file — precise, in French, never blocking.
import { describe, expect, it } from 'vitest';
import { encodeText } from './encoding.ts';
import { codes, fecText, readBytes, readText, row } from './test-helpers.ts';

describe('anomalies on lines', () => {
  it('reports a bad entry date with its line and column, and still gives the line', () => {
    const rows = [
      row('AC', '1', '20230230', '60110000', 'a', '10,00', '0,00'),
      row('AC', '1', '20230228', '40100000', 'b', '0,00', '10,00'),
    ];
    const { lines, summary } = readText(fecText(rows));
    expect(lines.map((l) => l.ecritureDate)).toEqual(['', '2023-02-28']);
    const a = summary.anomalies.find((x) => x.code === 'bad-date' && x.column === 'EcritureDate');
    expect(a).toMatchObject({ line: 2, severity: 'error' });
    expect(a!.message).toBe(
      "Ligne 2, colonne EcritureDate : « 20230230 » n'est pas une date valide (attendu AAAAMMJJ, par exemple 20240131). La ligne est lue sans date : corrigez-la dans le logiciel comptable.",
    );
    expect(summary.period).toEqual({ from: '2023-02-28', to: '2023-02-28' });
  });

  it('counts an unreadable amount as 0 and says so', () => {
    const rows = [
      row('AC', '1', '20240105', '60110000', 'a', '12,3,4', '0,00'),
      row('AC', '1', '20240105', '40100000', 'b', '0,00', '0,00'),
    ];
    const { lines, summary } = readText(fecText(rows));
    expect(lines[0]!.debitCents).toBe(0);
    expect(summary.anomalies[0]).toMatchObject({
      code: 'bad-amount',
      line: 2,
      column: 'Debit',
      severity: 'error',
    });
    expect(summary.anomalies[0]!.message).toMatch(/« 12,3,4 » n'est pas un montant/);
  });

  it('reports a line with both a debit and a credit', () => {
    const rows = [row('AC', '1', '20240105', '60110000', 'a', '10,00', '10,00')];
    const { summary } = readText(fecText(rows));
    expect(codes(summary)).toEqual(['debit-and-credit']);
  });

  it('reports an unbalanced entry once, at its first line, with the gap in euros', () => {
    const rows = [
      row('AC', '1', '20240105', '60110000', 'a', '100,00', '0,00'),
      row('AC', '1', '20240105', '44566000', 'b', '20,00', '0,00'),
      row('AC', '1', '20240105', '40100000', 'c', '0,00', '119,99'),
      row('AC', '2', '20240105', '60110000', 'a', '5,00', '0,00'),
      row('AC', '2', '20240105', '40100000', 'c', '0,00', '5,00'),
    ];
    const { summary } = readText(fecText(rows));
    expect(summary.anomalies).toHaveLength(1);
    expect(summary.anomalies[0]).toMatchObject({ code: 'unbalanced-entry', line: 2, severity: 'warning' });
    expect(summary.anomalies[0]!.message).toMatch(/AC n° 1 \(lignes 2 à 4\).*écart 0,01/);
  });

  it('does not report an entry whose lines are apart in the file but balance', () => {
    const rows = [
      row('AC', '1', '20240105', '60110000', 'a', '100,00', '0,00'),
      row('BQ', '1', '20240105', '51200000', 'x', '0,00', '30,00'),
      row('AC', '1', '20240105', '40100000', 'c', '0,00', '100,00'),
      row('BQ', '1', '20240105', '40100000', 'y', '30,00', '0,00'),
    ];
    expect(readText(fecText(rows)).summary.anomalyCount).toBe(0);
  });

  it('tells apart the same entry number in two journals', () => {
    const rows = [
      row('AC', '1', '20240105', '60110000', 'a', '100,00', '0,00'),
      row('VE', '1', '20240105', '41100000', 'x', '0,00', '100,00'),
    ];
    expect(readText(fecText(rows)).summary.anomalyCounts).toEqual({ 'unbalanced-entry': 2 });
  });

  it('reports a label holding the separator as a line with too many fields', () => {
    const rows = [row('AC', '1', '20240105', '60110000', 'Achat\tdivers', '1,00', '0,00')];
    const { lines, summary } = readText(fecText(rows));
    expect(lines).toEqual([]);
    expect(summary.anomalies[0]).toMatchObject({ code: 'field-count', line: 2 });
    expect(summary.anomalies[0]!.message).toMatch(/20 champs au lieu de 18.*Un libellé contient peut-être/);
  });

  it('cuts a line longer than 1 MB and goes on', () => {
    const long = row('AC', '1', '20240105', '60110000', 'x'.repeat(1_100_000), '1,00', '0,00');
    const text = fecText([long, row('AC', '2', '20240105', '60110000', 'ok', '0,00', '0,00')]);
    const bytes = encodeText(text, 'utf-8');
    const cuts = Array.from({ length: 40 }, (_, k) => k * 65536);
    const { lines, summary } = readBytes(bytes, {}, cuts);
    expect(lines.map((l) => [l.line, l.compteLib])).toEqual([[3, 'ok']]);
    expect(summary.anomalies[0]).toMatchObject({ code: 'line-too-long', line: 2 });
  });
});

describe('the report stays small on a very messy file', () => {
  it('keeps the first anomalies but counts them all', () => {
    const rows = Array.from({ length: 50 }, (_, k) =>
      row('AC', `${k}`, 'hier', '60110000', 'a', '0,00', '0,00'),
    );
    const { lines, summary } = readText(fecText(rows), 'utf-8', { maxAnomalies: 10 });
    expect(lines).toHaveLength(50);
    expect(summary.anomalies).toHaveLength(10);
    expect(summary.anomalyCount).toBe(100); // EcritureDate and PieceDate on every line
    expect(summary.anomalyCounts).toEqual({ 'bad-date': 100 });
  });

  it('keeps room for other problems when one repeats (per-code cap)', () => {
    const rows = [
      ...Array.from({ length: 20 }, (_, k) => row('AC', `${k}`, 'hier', '60110000', 'a', '0,00', '0,00')),
      row('AC', 'x', '20240105', '60110000', 'a', '1,00', '0,00'),
    ];
    const { summary } = readText(fecText(rows), 'utf-8', { maxAnomalies: 10, maxAnomaliesPerCode: 5 });
    expect(codes(summary)).toEqual([...Array<string>(5).fill('bad-date'), 'unbalanced-entry']);
    expect(summary.anomalyCounts).toEqual({ 'bad-date': 40, 'unbalanced-entry': 1 });
  });
});
