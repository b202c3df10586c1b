// The anomaly report: every anomaly is counted, the first ones are kept (capped overall and per
// code, so one repeated problem cannot hide the others).
import type { FecAnomaly, FecAnomalySeverity } from './types.ts';

/** Codes of the anomalies the reader reports. */
export const FecAnomalyCode = {
  emptyFile: 'empty-file',
  noHeader: 'no-header',
  missingColumn: 'missing-column',
  unknownColumn: 'unknown-column',
  duplicateColumn: 'duplicate-column',
  unsupportedEncoding: 'unsupported-encoding',
  encodingReplaced: 'encoding-replaced',
  encodingLateEvidence: 'encoding-late-evidence',
  fieldCount: 'field-count',
  lineTooLong: 'line-too-long',
  badDate: 'bad-date',
  badAmount: 'bad-amount',
  amountRounded: 'amount-rounded',
  badSens: 'bad-sens',
  debitAndCredit: 'debit-and-credit',
  unbalancedEntry: 'unbalanced-entry',
  fileNamePeriod: 'file-name-period',
} as const;
export type FecAnomalyCode = (typeof FecAnomalyCode)[keyof typeof FecAnomalyCode];

export class AnomalyLog {
  readonly kept: FecAnomaly[] = [];
  readonly counts: Record<string, number> = {};
  total = 0;
  private readonly keptPerCode: Record<string, number> = {};

  constructor(
    private readonly max: number,
    private readonly maxPerCode: number,
  ) {}

  /** Counts one anomaly and says whether it will be kept (build its message only then). */
  count(code: FecAnomalyCode, n = 1): boolean {
    this.total += n;
    this.counts[code] = (this.counts[code] ?? 0) + n;
    return this.kept.length < this.max && (this.keptPerCode[code] ?? 0) < this.maxPerCode;
  }

  keep(anomaly: FecAnomaly): void {
    this.kept.push(anomaly);
    this.keptPerCode[anomaly.code] = (this.keptPerCode[anomaly.code] ?? 0) + 1;
  }

  add(
    code: FecAnomalyCode,
    severity: FecAnomalySeverity,
    line: number,
    column: string | undefined,
    message: () => string,
  ): void {
    if (!this.count(code)) return;
    const anomaly: FecAnomaly = { line, code, severity, message: message() };
    if (column !== undefined) anomaly.column = column;
    this.keep(anomaly);
  }
}

const euro = new Intl.NumberFormat('fr-FR', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

/** 123456 → "1 234,56 €" (for messages). */
export function euros(cents: number): string {
  return `${euro.format(cents / 100)} €`;
}

/** Shows a raw field in a message, shortened and with invisible characters made visible. */
export function quote(text: string): string {
  const shown = text.length > 40 ? `${text.slice(0, 40)}…` : text;
  return `« ${shown.replace(/\t/g, '⇥')} »`;
}

export function separatorName(sep: string): string {
  if (sep === '\t') return 'tabulation';
  if (sep === '|') return 'barre verticale « | »';
  if (sep === ';') return 'point-virgule « ; »';
  return 'virgule « , »';
}
