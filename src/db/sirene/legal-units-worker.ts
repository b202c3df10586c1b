// Reads the legal-unit file on a thread of its own while the main thread reads the establishments
// (legal-units.ts starts it). Both files are sorted by SIREN as INSEE publishes them, so a unit
// is decided as soon as the establishments read have passed its SIREN: the main thread sends the
// SIRENs it keeps and how far it has read (`upTo`), and this thread keeps the units of those
// SIRENs and waits when it gets ahead. It sends COPY text of the kept units, a few MB at a time,
// at most `window` chunks not yet taken by the database (memory stays bounded).
import { parentPort, workerData } from 'node:worker_threads';
import { CopyBuffer } from './copy-buffer.ts';
import { legalUnitLayout, mapLegalUnit } from './layout.ts';
import { openCsv } from './source.ts';
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
  for await (const batch of source.batches(Object.values(layout))) {
    for (const row of batch) {
      const lu = mapLegalUnit(row, layout);
      if (!lu) continue;
      const siren = Number(lu.siren);
      while (siren > upTo) await news();
      if (kept && !kept.has(siren)) continue;
      const line = `${lu.siren}\t${copyValue(lu.legalName)}\t${copyValue(lu.personName)}\t${copyValue(lu.sigle)}\t${lu.diffusion}\n`;
      units.see(lu.siren);
      if (out.lines >= job.batchSize || !out.fits(line)) await send();
      out.add(line);
      loaded++;
    }
    rows += batch.length;
  }
  if (out.lines > 0) await send();
  while (pending > 0) await news();
  source.close();
  post({ kind: 'done', loaded, rows, sorted: units.sorted });
}

run().catch((e: unknown) => {
  post({ kind: 'error', message: e instanceof Error ? e.message : String(e) });
});
