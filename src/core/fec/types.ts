// The contract between the FEC reader (core/fec) and what consumes its lines
// (core/purchases, the CLI, the web worker). Raw text fields are trimmed strings.

/**
 * One data line of a FEC, mapped to the 18 standard fields, amounts in cents. The reader hands each
 * line as a view valid during its `onLine` call only (fields decoded on first access, the object
 * reused for the next line): keep the values you need, or a `copyFecLine`, never the object.
 */
export interface FecLine {
  /** 1-based physical line number in the file (the header is line 1). */
  line: number;
  journalCode: string;
  journalLib: string;
  ecritureNum: string;
  /** ISO date YYYY-MM-DD, or '' when the field could not be read (reported as an anomaly). */
  ecritureDate: string;
  compteNum: string;
  compteLib: string;
  compAuxNum: string;
  compAuxLib: string;
  pieceRef: string;
  /** ISO date YYYY-MM-DD or ''. */
  pieceDate: string;
  ecritureLib: string;
  /** Debit in cents (>= 0 in a well-formed file). With Montant+Sens files, derived from them. */
  debitCents: number;
  creditCents: number;
  /** Amount in the foreign currency, in its cents, when given. */
  montantDeviseCents: number | null;
  /** ISO 4217 currency code of montantDevise ('' when absent). */
  idevise: string;
}

export type FecAnomalySeverity = 'error' | 'warning' | 'info';

/** A problem found while reading, precise enough for a person to find it in the file. */
export interface FecAnomaly {
  /** 1-based line number (0 for the file as a whole). */
  line: number;
  /** Header name of the column concerned, when one is. */
  column?: string;
  code: string;
  severity: FecAnomalySeverity;
  /** In French: what is wrong, where, and what to do. */
  message: string;
}

export interface FecReadSummary {
  encoding: 'utf-8' | 'windows-1252' | 'iso-8859-15';
  separator: '\t' | '|' | ';' | ',';
  /**
   * The header's columns in file order: the official name of each recognised column (`EcrtureLet`,
   * `ECRITURE DATE` → `EcritureLet`, `EcritureDate`), unknown ones as found.
   */
  columns: string[];
  /** 'debit-credit' (standard) or 'montant-sens'. */
  amountLayout: 'debit-credit' | 'montant-sens';
  bytesRead: number;
  /** Data lines read (header and blank lines excluded). */
  lineCount: number;
  /** Earliest and latest EcritureDate seen (ISO), or null for an empty file. */
  period: { from: string; to: string } | null;
  totalDebitCents: number;
  totalCreditCents: number;
  /** The first anomalies, capped (see anomalyCount for the full count). */
  anomalies: FecAnomaly[];
  anomalyCount: number;
  /** Counts per anomaly code, uncapped. */
  anomalyCounts: Record<string, number>;
  /** SIREN and closing date (ISO) read from a `<SIREN>FEC<AAAAMMJJ>` file name, when given. */
  fileNameHint?: { siren: string; closingDate: string };
  /**
   * False when the file cannot be read at all (no header, a missing essential column, UTF-16...):
   * the error anomalies say why. Always set by the reader.
   */
  readable?: boolean;
  /** Data lines left out (wrong field count, too long); they are not in lineCount. */
  skippedLineCount?: number;
}

export interface FecProgress {
  bytesRead: number;
  linesRead: number;
}
