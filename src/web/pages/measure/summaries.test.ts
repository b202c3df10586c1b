import { describe, expect, it } from 'vitest';
import type { FecReadSummary } from '../../../core/fec/types.ts';
import { frDate, groupAnomalies } from './anomalies-summary.tsx';
import { progressSentence } from './read-progress.tsx';

const summary = (over: Partial<FecReadSummary>): FecReadSummary => ({
  encoding: 'iso-8859-15',
  separator: '\t',
  columns: [],
  amountLayout: 'debit-credit',
  bytesRead: 0,
  lineCount: 0,
  period: null,
  totalDebitCents: 0,
  totalCreditCents: 0,
  anomalies: [],
  anomalyCount: 0,
  anomalyCounts: {},
  ...over,
});

describe('what the page says while and after reading', () => {
  it('announces the share read and the lines, French-formatted', () => {
    expect(
      progressSentence({
        type: 'progress',
        bytesRead: 4_500_000,
        totalBytes: 10_000_000,
        linesRead: 123_456,
        elapsedMs: 900,
      }),
    ).toBe('Lecture : 45 %, 123\u202f456 lignes lues.');
    expect(
      progressSentence({ type: 'progress', bytesRead: 2048, totalBytes: null, linesRead: 12, elapsedMs: 1 }),
    ).toBe('Lecture : 2 Ko, 12 lignes lues.');
  });

  it('counts anomalies per kind from the uncapped counts, with the first three examples', () => {
    const bad = (line: number) => ({
      line,
      column: 'EcritureDate',
      code: 'bad-date',
      severity: 'warning' as const,
      message: `Date illisible ligne ${line}`,
    });
    const groups = groupAnomalies(
      summary({
        anomalies: [bad(10), bad(11), bad(12), bad(13)],
        anomalyCount: 1_204,
        anomalyCounts: { 'bad-date': 1_200, 'unbalanced-entry': 4 },
      }),
      [{ line: 0, code: 'entry-split', message: 'Écriture coupée' }],
    );
    expect(groups.map((g) => [g.code, g.count, g.examples.map((e) => e.line)])).toEqual([
      ['bad-date', 1_200, [10, 11, 12]],
      ['unbalanced-entry', 4, []],
      ['entry-split', 1, [0]],
    ]);
  });

  it('writes ISO dates the French way', () => {
    expect(frDate('2025-12-31')).toBe('31/12/2025');
  });
});
