// core/fec: the streaming FEC reader (bytes → FecLine + anomalies). See reader.ts for the design.
export type { FecAnomaly, FecAnomalySeverity, FecLine, FecProgress, FecReadSummary } from './types.ts';
export { createFecReader, readFecChunks, readFecStream } from './reader.ts';
export type { FecReader, FecReaderOptions } from './reader.ts';
export { copyFecLine } from './line-view.ts';
export { FecAnomalyCode } from './anomalies.ts';
export { parseFecFileName } from './file-name.ts';
export { FEC_STANDARD_HEADER } from './columns.ts';
export type { FecFileNameHint } from './file-name.ts';
export { encodeText } from './encoding.ts';
export type { FecEncoding } from './encoding.ts';
