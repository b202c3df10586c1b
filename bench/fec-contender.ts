// One contender of the FEC benchmark, run in its own process so that its peak memory is its own:
//   node fec-contender.mjs <ours|udsv|papaparse|ours-full|udsv-full|stream> <file>
// Prints one JSON line: wall and CPU time (user + system, all threads: GC included), peak RSS and
// the aggregation's result (to check they agree). The file is read as the CLI reads it (fileChunks:
// one reused 512 KiB buffer), except for papaparse, whose streaming API takes a Node stream.
import { createReadStream } from 'node:fs';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import Papa from 'papaparse';
import { inferSchema, initParser } from 'udsv';
import { createFecReader } from '../src/core/fec/index.ts';
import { createPurchaseAggregator } from '../src/core/purchases/index.ts';
import { fileChunks } from '../src/cli/ibal/file-chunks.ts';

/**
 * Net spend per supplier, the attribution rule simplified: per entry (consecutive lines with the
 * same JournalCode and EcritureNum), the class-6 amounts go to the CompAuxNum of the entry's 401 line.
 */
class SpendBySupplier {
  readonly spend = new Map<string, number>();
  unattributed = 0;
  lines = 0;
  private journal = '';
  private num = '';
  private net = 0;
  private supplier = '';

  add(journal: string, num: string, account: string, aux: string, debit: number, credit: number): void {
    this.lines++;
    if (journal !== this.journal || num !== this.num) {
      this.close();
      this.journal = journal;
      this.num = num;
    }
    if (account.charCodeAt(0) === 54) this.net += debit - credit;
    else if (aux !== '' && account.startsWith('401')) this.supplier = aux;
  }

  close(): void {
    if (this.net !== 0) {
      if (this.supplier === '') this.unattributed += this.net;
      else this.spend.set(this.supplier, (this.spend.get(this.supplier) ?? 0) + this.net);
    }
    this.net = 0;
    this.supplier = '';
  }

  result(): { lines: number; suppliers: number; attributedCents: number; unattributedCents: number } {
    this.close();
    let attributed = 0;
    for (const v of this.spend.values()) attributed += v;
    return {
      lines: this.lines,
      suppliers: this.spend.size,
      attributedCents: attributed,
      unattributedCents: this.unattributed,
    };
  }
}

/** What a generic CSV user writes: "1234,56" → cents through a float, rounded. */
function cents(text: string): number {
  return text === '' ? 0 : Math.round(Number.parseFloat(text.replace(',', '.')) * 100);
}

const CHUNK = 1 << 20;

async function ours(file: string, agg: SpendBySupplier): Promise<void> {
  const reader = createFecReader({
    onLine: (l) =>
      agg.add(l.journalCode, l.ecritureNum, l.compteNum, l.compAuxNum, l.debitCents, l.creditCents),
  });
  for await (const chunk of fileChunks(file)) reader.push(chunk);
  const summary = reader.finish();
  if (summary.encoding !== 'iso-8859-15' || summary.anomalyCount !== 0) {
    throw new Error(`unexpected reading: ${summary.encoding}, ${JSON.stringify(summary.anomalyCounts)}`);
  }
}

/** What both complete-rule contenders report: the same figures as SpendBySupplier's. */
function fullOutcome(
  lines: number,
  aggregator: ReturnType<typeof createPurchaseAggregator>,
): ReturnType<SpendBySupplier['result']> {
  const r = aggregator.result();
  return {
    lines,
    suppliers: r.suppliers.length,
    attributedCents: r.attributedCents,
    unattributedCents: r.unattributedCents,
  };
}

/** The judged contender: the reader with the application's complete attribution rule (core/purchases). */
async function oursFull(file: string): Promise<ReturnType<SpendBySupplier['result']>> {
  const aggregator = createPurchaseAggregator();
  let lines = 0;
  const reader = createFecReader({
    onLine: (l) => {
      lines++;
      aggregator.add(l);
    },
  });
  for await (const chunk of fileChunks(file)) reader.push(chunk);
  reader.finish();
  return fullOutcome(lines, aggregator);
}

/** ISO date from the FEC's AAAAMMJJ, as a generic CSV user would convert it ('' when not 8 digits). */
function isoDate(text: string): string {
  return /^\d{8}$/.test(text) ? `${text.slice(0, 4)}-${text.slice(4, 6)}-${text.slice(6, 8)}` : '';
}

/**
 * The complete attribution rule fed by udsv: what a developer who picked the fastest generic parser
 * would write (rows of strings → FecLine, then core/purchases). Same rule, same result as ours-full.
 */
async function udsvFull(file: string): Promise<ReturnType<SpendBySupplier['result']>> {
  const aggregator = createPurchaseAggregator();
  const decoder = new TextDecoder('iso-8859-15');
  let parser: ReturnType<typeof initParser> | null = null;
  let lines = 0;
  const onRow = (row: string[]): void => {
    lines++;
    const montantDevise = row[16]!.trim();
    aggregator.add({
      line: lines + 1,
      journalCode: row[0]!.trim(),
      journalLib: row[1]!.trim(),
      ecritureNum: row[2]!.trim(),
      ecritureDate: isoDate(row[3]!.trim()),
      compteNum: row[4]!.trim(),
      compteLib: row[5]!.trim(),
      compAuxNum: row[6]!.trim(),
      compAuxLib: row[7]!.trim(),
      pieceRef: row[8]!.trim(),
      pieceDate: isoDate(row[9]!.trim()),
      ecritureLib: row[10]!.trim(),
      debitCents: cents(row[11]!.trim()),
      creditCents: cents(row[12]!.trim()),
      montantDeviseCents: montantDevise === '' ? null : cents(montantDevise),
      idevise: row[17]!.trim(),
    });
  };
  for await (const chunk of fileChunks(file)) {
    const text = decoder.decode(chunk, { stream: true });
    parser ??= initParser(inferSchema(text, { col: '\t', row: '\r\n' }));
    parser.chunk<string[]>(text, parser.stringArrs, onRow);
  }
  parser?.end();
  return fullOutcome(lines, aggregator);
}

async function udsv(file: string, agg: SpendBySupplier): Promise<void> {
  const decoder = new TextDecoder('iso-8859-15');
  let parser: ReturnType<typeof initParser> | null = null;
  const onRow = (row: string[]): void => {
    agg.add(row[0]!, row[2]!, row[4]!, row[6]!, cents(row[11]!), cents(row[12]!));
  };
  for await (const chunk of fileChunks(file)) {
    const text = decoder.decode(chunk, { stream: true });
    parser ??= initParser(inferSchema(text, { col: '\t', row: '\r\n' }));
    parser.chunk<string[]>(text, parser.stringArrs, onRow);
  }
  parser?.end();
}

async function papaparse(file: string, agg: SpendBySupplier): Promise<void> {
  const decoder = new TextDecoder('iso-8859-15');
  const decode = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      done(null, decoder.decode(chunk, { stream: true }));
    },
  });
  const parse = Papa.parse(Papa.NODE_STREAM_INPUT, { delimiter: '\t', newline: '\r\n', header: false });
  let header = true;
  parse.on('data', (row: string[]) => {
    if (header) {
      header = false;
      return;
    }
    if (row.length < 13) return;
    agg.add(row[0]!, row[2]!, row[4]!, row[6]!, cents(row[11]!), cents(row[12]!));
  });
  await pipeline(createReadStream(file, { highWaterMark: CHUNK }), decode, parse);
}

/** Not a parser: only reads the file as the others do, for the floor of peak RSS. */
async function stream(file: string): Promise<void> {
  let bytes = 0;
  for await (const chunk of fileChunks(file)) bytes += chunk.length;
  if (bytes === 0) throw new Error(`${file} is empty`);
}

const contenders = { ours, udsv, papaparse, stream };
const fullContenders = { 'ours-full': oursFull, 'udsv-full': udsvFull };
const [name, file] = process.argv.slice(2);
const run = contenders[name as keyof typeof contenders];
const runFull = fullContenders[name as keyof typeof fullContenders];
if ((!run && !runFull) || !file)
  throw new Error('usage: fec-contender <ours|udsv|papaparse|ours-full|udsv-full|stream> <file>');
const agg = new SpendBySupplier();
const start = performance.now();
const cpuStart = process.cpuUsage();
const result = run ? (await run(file, agg), agg.result()) : await runFull!(file);
const cpu = process.cpuUsage(cpuStart);
const ms = performance.now() - start;
const cpuMs = (cpu.user + cpu.system) / 1000;
console.log(JSON.stringify({ ms, cpuMs, maxRssKb: process.resourceUsage().maxRSS, ...result }));
