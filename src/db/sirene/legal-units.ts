// The legal-unit file read beside the establishments, on a thread of its own (see
// legal-units-worker.ts): reading the two files one after the other left a core idle while the
// establishments were read (the database takes their COPY in a fraction of the time JavaScript
// takes to map them), then made the database wait for the units. This side passes on the SIRENs
// kept and sends the units' COPY text to the database as it comes.
import { Worker } from 'node:worker_threads';

export interface LegalUnitsJob {
  path: string;
  /** false: every unit is kept (no department filter), without waiting for the establishments. */
  filtered: boolean;
  /** Units per COPY. */
  batchSize: number;
  /** COPY chunks the database may be taking at once while the units come sorted. */
  window: number;
}

export type ToLegalUnits =
  | { kind: 'kept'; sirens: Int32Array; upTo: number }
  /** A COPY chunk taken by the database, its bytes given back to be written into again. */
  | { kind: 'taken'; bytes: Uint8Array };

export type FromLegalUnits =
  | { kind: 'copy'; bytes: Uint8Array; lines: number; rows: number; bytesRead: number }
  | { kind: 'done'; loaded: number; rows: number; sorted: boolean }
  | { kind: 'error'; message: string };

export interface LegalUnitsRead {
  /** Units copied. */
  loaded: number;
  /** Rows of the file. */
  rows: number;
  /** Whether the units came in strictly increasing SIREN order (no duplicate). */
  sorted: boolean;
}

export interface LegalUnitsAside {
  /**
   * SIRENs kept since the last call, and the highest SIREN under which the establishments are
   * all read (Infinity at the end of the file).
   */
  keep(sirens: readonly number[], upTo: number): void;
  /** Every unit copied; rejected on the first failure of the file or of a COPY. */
  readonly done: Promise<LegalUnitsRead>;
  /** Stops reading; resolves once no COPY of this reader is running any more. */
  stop(): Promise<void>;
}

/**
 * Starts reading `job.path` on a worker thread; `copy` sends one chunk of COPY text to the
 * database (called in file order, at most `job.window` at once), `progress` hears of the rows read.
 */
export function readLegalUnitsAside(
  job: LegalUnitsJob,
  copy: (bytes: Uint8Array) => Promise<void>,
  progress: (rows: number, bytesRead: number) => void,
): LegalUnitsAside {
  // The thread runs TypeScript like the rest of the application, through tsx (a runtime
  // dependency) registered in the thread itself: a loader given by --import reaches a worker's
  // hooks only after its first module is loaded (« Unknown file extension ".ts" »).
  const api = import.meta.resolve('tsx/esm/api');
  const entry = new URL('./legal-units-worker.ts', import.meta.url).href;
  const worker = new Worker(
    `import(${JSON.stringify(api)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(entry)}); })`,
    { eval: true, workerData: job },
  );
  const copies = new Set<Promise<void>>();
  let failed = false;
  let resolveDone!: (r: LegalUnitsRead) => void;
  let rejectDone!: (e: Error) => void;
  const done = new Promise<LegalUnitsRead>((resolve, reject) => {
    resolveDone = resolve;
    rejectDone = reject;
  });
  // Surface a failure where it is awaited, never as an unhandled rejection.
  done.catch(() => undefined);
  const fail = (e: Error) => {
    if (failed) return;
    failed = true;
    rejectDone(e);
    void worker.terminate();
  };
  worker.on('message', (m: FromLegalUnits) => {
    if (m.kind === 'copy') {
      progress(m.rows, m.bytesRead);
      const c = copy(m.bytes).then(
        () => {
          copies.delete(c);
          if (!failed) {
            worker.postMessage({ kind: 'taken', bytes: m.bytes } satisfies ToLegalUnits, [
              m.bytes.buffer as ArrayBuffer,
            ]);
          }
        },
        (e: unknown) => {
          copies.delete(c);
          fail(e instanceof Error ? e : new Error(String(e)));
        },
      );
      copies.add(c);
    } else if (m.kind === 'done') {
      resolveDone(m);
      void worker.terminate();
    } else fail(new Error(m.message));
  });
  worker.on('error', fail);
  worker.on('exit', () => fail(new Error('Lecture des unités légales interrompue.')));
  return {
    keep(sirens, upTo) {
      if (!failed) {
        const list = Int32Array.from(sirens);
        worker.postMessage({ kind: 'kept', sirens: list, upTo } satisfies ToLegalUnits, [list.buffer]);
      }
    },
    done,
    async stop() {
      fail(new Error('Lecture des unités légales arrêtée.'));
      await worker.terminate();
      await Promise.allSettled([...copies]);
    },
  };
}
