// Reads the legal-unit file on a thread of its own while the main thread reads the establishments
// (legal-units.ts starts it). Both files are sorted by SIREN as INSEE publishes them, so a unit
// is decided as soon as the establishments read have passed its SIREN: the main thread sends the
// SIRENs it keeps and how far it has read (`upTo`), and this thread keeps the units of those
// SIRENs and waits when it gets ahead. It sends COPY text of the kept units, a few MB at a time,
// at most `window` chunks not yet taken by the database (memory stays bounded).
import { parentPort, workerData } from 'node:worker_threads';
import { CopyBuffer } from './copy-buffer.ts';
import { legalUnitLayout, mapLegalUnit } from './layout.ts';
import { openCsv, type CsvSource } from './source.ts';
import { csvRecordEnd, CsvReader } from './csv.ts';
import { copyValue } from '../copy-text.ts';
import { increasing, SirenSet } from './sorted-keys.ts';
import type { ToLegalUnits, FromLegalUnits, LegalUnitsJob } from './legal-units.ts';

const port = parentPort!;
const job = workerData as LegalUnitsJob;

/** SIRENs kept by the main thread, or undefined when every unit is kept. */
const kept = job.filtered ? new SirenSet() : undefined;
let upTo = job.filtered ? -1 : Infinity;
/** COPY chunks sent and not yet taken by the database. */
let pending = 0;
let wake: (() => void) | undefined;

port.on('message', (m: ToLegalUnits) => {
  if (m.kind === 'kept') {
    if (kept) {
      for (const s of m.sirens) kept.add(s);
      upTo = m.upTo;
    }
  } else {
    pending--;
    // Written into again: a new 4 MB buffer per chunk, handed to the main thread, made its
    // garbage collector run for the external memory.
    out.reuse(m.bytes);
  }
  const w = wake;
  wake = undefined;
  w?.();
});
const news = () => new Promise<void>((resolve) => (wake = resolve));
const post = (m: FromLegalUnits, transfer: ArrayBuffer[] = []) => port.postMessage(m, transfer);

const out = new CopyBuffer();

async function run() {
  const source = await openCsv(job.path);
  const layout = legalUnitLayout(source.header, source.file);
  const units = increasing();
  let rows = 0;
  let loaded = 0;
  const send = async () => {
    // In file order, one at a time, once the units are no longer sorted (see dedupeSql).
    while (pending >= (units.sorted ? job.window : 1)) await news();
    if (!units.sorted) while (pending > 0) await news();
    const lines = out.lines;
    const bytes = out.take();
    pending++;
    post({ kind: 'copy', bytes, lines, rows, bytesRead: source.bytesRead() }, [bytes.buffer as ArrayBuffer]);
  };
  const handle = async (batch: readonly string[][]) => {
    for (const row of batch) {
      const lu = mapLegalUnit(row, layout);
      if (!lu) continue;
      const siren = Number(lu.siren);
      while (siren > upTo) await news();
      if (kept && !kept.has(siren)) continue;
      // Last, its number among the units copied: the dedupe keeps the one numbered last.
      const line = `${lu.siren}\t${copyValue(lu.legalName)}\t${copyValue(lu.personName)}\t${copyValue(lu.sigle)}\t${lu.diffusion}\t${loaded + 1}\n`;
      units.see(siren);
      if (out.lines >= job.batchSize || !out.fits(line)) await send();
      out.add(line);
      loaded++;
    }
    rows += batch.length;
  };
  const columns = Object.values(layout);
  if (kept) {
    rows += await readKept(source, layout.siren, kept, columns, handle);
  } else {
    for await (const batch of source.batches(columns)) await handle(batch);
  }
  if (out.lines > 0) await send();
  while (pending > 0) await news();
  source.close();
  post({ kind: 'done', loaded, rows, sorted: units.sorted });
}

/** The SIREN in field `k` of line b[s, e) when it is nine digits, else -1. */
function sirenAt(b: Buffer, s: number, e: number, k: number, sep: number): number {
  let i = s;
  for (let f = 0; f < k; f++) {
    while (i < e && b[i] !== sep) i++;
    if (i === e) return -1;
    i++;
  }
  let siren = 0;
  let j = i;
  for (; j < e && b[j] !== sep; j++) {
    const d = b[j]! - 48;
    if (d < 0 || d > 9) return -1;
    siren = siren * 10 + d;
  }
  return j - i === 9 ? siren : -1;
}

/**
 * Reads the units of the SIRENs kept: a unit of another SIREN is skipped from its bytes, no
 * string made (a full stock file has some 28 million units, a few percent of them in a region);
 * every other record goes the string way (`handle`, in file order), as batches() would give it.
 * Answers the number of units skipped.
 */
async function readKept(
  source: CsvSource,
  sirenColumn: number,
  kept: SirenSet,
  columns: readonly number[],
  handle: (batch: readonly string[][]) => Promise<void>,
): Promise<number> {
  const sep = source.separator.charCodeAt(0);
  const csv = new CsvReader(
    source.separator,
    source.header.map((_, i) => columns.includes(i)),
  );
  const decoder = new TextDecoder('utf-8', { ignoreBOM: true });
  let pass = Buffer.allocUnsafe(1 << 20);
  let passed = 0;
  let skipped = 0;
  const keepBytes = (b: Buffer, s: number, e: number) => {
    if (passed + e - s > pass.length) {
      const bigger = Buffer.allocUnsafe(2 * (passed + e - s));
      pass.copy(bigger, 0, 0, passed);
      pass = bigger;
    }
    b.copy(pass, passed, s, e);
    passed += e - s;
  };
  const flush = async (final: boolean) => {
    const batch: string[][] = [];
    if (passed > 0) csv.push(decoder.decode(pass.subarray(0, passed)), batch);
    passed = 0;
    if (final) csv.end(batch);
    if (batch.length > 0) await handle(batch);
  };
  /** Reads data's complete records; answers where it stopped. */
  const step = async (data: Buffer, final: boolean): Promise<number> => {
    const n = data.length;
    let pos = 0;
    let quote = -1;
    let cr = -1;
    while (pos < n) {
      if (quote < pos) {
        quote = data.indexOf(34, pos);
        if (quote === -1) quote = n;
      }
      if (cr < pos) {
        cr = data.indexOf(13, pos);
        if (cr === -1) cr = n;
      }
      const lf = data.indexOf(10, pos);
      if (lf !== -1 && lf < quote && lf < cr) {
        // A line split on separators alone: its SIREN decides.
        const siren = sirenAt(data, pos, lf, sirenColumn, sep);
        if (siren >= 0) {
          if (siren > upTo) {
            await flush(false);
            while (siren > upTo) await news();
          }
          if (!kept.has(siren)) {
            skipped++;
            pos = lf + 1;
            continue;
          }
        }
        keepBytes(data, pos, lf + 1);
        pos = lf + 1;
        continue;
      }
      const end = csvRecordEnd(data, pos, sep, final);
      if (end === -1) break;
      keepBytes(data, pos, end);
      pos = end;
    }
    return pos;
  };
  let rest = Buffer.alloc(0);
  for await (const chunk of source.chunks()) {
    const data = rest.length > 0 ? Buffer.concat([rest, chunk]) : chunk;
    const pos = await step(data, false);
    // A copy: the chunk's buffer is read into again.
    rest = Buffer.from(data.subarray(pos));
    await flush(false);
  }
  await step(rest, true);
  await flush(true);
  return skipped;
}

run().catch((e: unknown) => {
  post({ kind: 'error', message: e instanceof Error ? e.message : String(e) });
});
