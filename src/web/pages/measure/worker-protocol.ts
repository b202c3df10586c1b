// Messages between the measure page and its Web Worker. The worker reads the file
// (File.stream() or the demo FEC's response body) through core/fec and core/purchases;
// only aggregates come back, never the lines.
import type { FecReadSummary } from '../../../core/fec/types.ts';
import type { PurchaseSettings, PurchasesResult } from '../../../core/purchases/index.ts';
import type { ColumnMapping, MappingOverride } from '../../../core/suppliers/index.ts';

export type ReadSource = { kind: 'file'; file: File } | { kind: 'url'; url: string; name: string };

export interface ReadRequest {
  type: 'read';
  source: ReadSource;
  settings?: Partial<PurchaseSettings>;
  /** For a supplier list: which column holds which field, when the headers are not recognised. */
  mapping?: MappingOverride;
}

export interface ReadProgress {
  type: 'progress';
  bytesRead: number;
  /** null when the size is not known in advance. */
  totalBytes: number | null;
  linesRead: number;
  elapsedMs: number;
}

export type InputKind = 'fec' | 'supplier-list';

export interface ReadDone {
  type: 'done';
  input: InputKind;
  fileName: string;
  /** The FEC reader's summary (encoding, separator, anomalies...); null for a supplier list. */
  fec: FecReadSummary | null;
  purchases: PurchasesResult;
  /** For a supplier list: its headers and the columns used. */
  list: { headers: string[]; mapping: ColumnMapping; headerLine: number } | null;
  bytesRead: number;
  elapsedMs: number;
}

export interface ReadFailed {
  type: 'error';
  /** In French, what is wrong and what to do. */
  message: string;
  /** A supplier list whose columns were not recognised: its headers, to map them by hand. */
  headers?: string[];
}

export type FromWorker = ReadProgress | ReadDone | ReadFailed;
