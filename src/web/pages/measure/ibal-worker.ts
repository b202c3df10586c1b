/// <reference lib="webworker" />
// The measure page's worker: reads a FEC as a stream (never whole), turns its lines into
// purchase spend per supplier with the very same core the CLI runs, and posts progress
// about every 100 ms. The page cancels by terminating the worker.
import { readFecStream } from '../../../core/fec/index.ts';
import { createPurchaseAggregator } from '../../../core/purchases/index.ts';
import type { FromWorker, InputKind, ReadRequest } from './worker-protocol.ts';
import { readSupplierListBytes, SupplierListError } from './supplier-list.ts';

declare const self: DedicatedWorkerGlobalScope;

const post = (message: FromWorker) => self.postMessage(message);

/** An error whose message is meant for the user as it is. */
export class UserFacingError extends Error {}

async function open(
  request: ReadRequest,
): Promise<{ stream: ReadableStream<Uint8Array>; name: string; size: number | null }> {
  const { source } = request;
  if (source.kind === 'file')
    return { stream: source.file.stream(), name: source.file.name, size: source.file.size };
  const response = await fetch(source.url);
  if (!response.ok || !response.body) {
    let message = `Le fichier de démonstration n'a pas pu être chargé (erreur ${response.status}).`;
    try {
      const body = (await response.json()) as { error?: { message?: string } };
      if (body.error?.message) message = body.error.message;
    } catch {
      // not JSON: keep the generic message
    }
    throw new UserFacingError(message);
  }
  const length = Number(response.headers.get('content-length'));
  return {
    stream: response.body,
    name: source.name,
    size: Number.isFinite(length) && length > 0 ? length : null,
  };
}

/** A FEC starts with its header line (JournalCode...); an XLSX is a zip ("PK"); the rest is a CSV list. */
export function sniffInput(firstBytes: Uint8Array, fileName: string): InputKind {
  if (firstBytes[0] === 0x50 && firstBytes[1] === 0x4b) return 'supplier-list';
  const head = new TextDecoder('windows-1252').decode(firstBytes.subarray(0, 512)).toUpperCase();
  if (/JOURNALCODE|ECRITURENUM|COMPTENUM/.test(head)) return 'fec';
  if (/FEC\d{8}/i.test(fileName)) return 'fec';
  return 'supplier-list';
}

async function read(request: ReadRequest): Promise<void> {
  const started = performance.now();
  const { stream, name, size } = await open(request);
  let bytesRead = 0;
  let linesRead = 0;
  let lastPost = 0;
  const progress = (force = false) => {
    const now = performance.now();
    if (!force && now - lastPost < 100) return;
    lastPost = now;
    post({ type: 'progress', bytesRead, totalBytes: size, linesRead, elapsedMs: now - started });
  };

  // Peek at the first chunk to tell a FEC from a supplier list, then put it back.
  const reader = stream.getReader();
  const first = await reader.read();
  const firstChunk = first.value ?? new Uint8Array();
  const kind = sniffInput(firstChunk, name);
  let pendingFirst: Uint8Array | null = firstChunk;
  const counted = new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (pendingFirst) {
        const chunk = pendingFirst;
        pendingFirst = null;
        if (first.done) {
          if (chunk.byteLength) controller.enqueue(chunk);
          bytesRead += chunk.byteLength;
          controller.close();
          return;
        }
        bytesRead += chunk.byteLength;
        controller.enqueue(chunk);
        progress();
        return;
      }
      const { done, value } = await reader.read();
      if (done) {
        controller.close();
        return;
      }
      bytesRead += value.byteLength;
      controller.enqueue(value);
      progress();
    },
    cancel(reason) {
      return reader.cancel(reason);
    },
  });

  if (kind === 'supplier-list') {
    const chunks: Uint8Array[] = [];
    const r = counted.getReader();
    for (;;) {
      const { done, value } = await r.read();
      if (done) break;
      chunks.push(value);
    }
    const all = new Uint8Array(bytesRead);
    let at = 0;
    for (const c of chunks) {
      all.set(c, at);
      at += c.byteLength;
    }
    const list = await readSupplierListBytes(all, name, request.mapping);
    linesRead = list.rowsRead;
    progress(true);
    post({
      type: 'done',
      input: 'supplier-list',
      fileName: name,
      fec: null,
      purchases: list.purchases,
      list: { headers: list.headers, mapping: list.mapping, headerLine: list.headerLine },
      bytesRead,
      elapsedMs: performance.now() - started,
    });
    return;
  }

  const aggregator = createPurchaseAggregator(request.settings ? { settings: request.settings } : {});
  const summary = await readFecStream(counted, {
    fileName: name,
    onLine(line) {
      linesRead++;
      aggregator.add(line);
    },
  });
  progress(true);
  if (summary.readable === false || summary.lineCount === 0) {
    const reason = summary.anomalies.find((a) => a.severity === 'error') ?? summary.anomalies[0];
    throw new UserFacingError(
      `Aucune ligne d'écriture n'a pu être lue dans « ${name} »${reason ? ` : ${reason.message}` : '.'} Vérifiez qu'il s'agit bien du FEC exporté par votre logiciel comptable (fichier texte, une ligne d'en-tête puis une écriture par ligne).`,
    );
  }
  post({
    type: 'done',
    input: 'fec',
    fileName: name,
    fec: summary,
    purchases: aggregator.result(),
    list: null,
    bytesRead,
    elapsedMs: performance.now() - started,
  });
}

self.onmessage = (event: MessageEvent<ReadRequest>) => {
  if (event.data?.type !== 'read') return;
  read(event.data).catch((error: unknown) => {
    const message =
      error instanceof UserFacingError || error instanceof SupplierListError
        ? error.message
        : `Le fichier n'a pas pu être lu : ${error instanceof Error ? error.message : String(error)}. Vérifiez qu'il s'agit bien d'un FEC (texte, 18 colonnes) ou d'une liste de fournisseurs (CSV ou XLSX).`;
    post({
      type: 'error',
      message,
      ...(error instanceof SupplierListError && error.headers ? { headers: error.headers } : {}),
    });
  });
};
