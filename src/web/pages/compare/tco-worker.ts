// Web Worker: runs the full computation (with the Monte Carlo) and batch screenings off the
// main thread so typing stays fluid. Messages carry a request id; the page ignores answers to
// outdated requests.
import {
  computeTco,
  parseBatchCsv,
  screenBatch,
  type BatchResult,
  type Scenario,
} from '../../../core/tco/index.ts';

export type WorkerRequest =
  | { kind: 'compute'; id: number; scenario: Scenario }
  | { kind: 'batch'; id: number; csv: string; localCity?: string };

export type WorkerAnswer =
  | { kind: 'compute'; id: number; outcome: ReturnType<typeof computeTco>; ms: number }
  | { kind: 'batch'; id: number; result: BatchResult; ms: number };

/** Parses and screens a batch CSV: parse problems and computed rows together. */
export function runBatch(csv: string, localCity?: string): BatchResult {
  const parsed = parseBatchCsv(csv);
  const screened = screenBatch(parsed.rows, localCity ? { localCity } : {});
  return { ...screened, problems: [...parsed.problems, ...screened.problems] };
}

const post = (answer: WorkerAnswer) => self.postMessage(answer);

self.onmessage = (event: MessageEvent<WorkerRequest>) => {
  const start = performance.now();
  const req = event.data;
  if (req.kind === 'compute') {
    const outcome = computeTco(req.scenario);
    post({ kind: 'compute', id: req.id, outcome, ms: performance.now() - start });
  } else {
    const result = runBatch(req.csv, req.localCity);
    post({ kind: 'batch', id: req.id, result, ms: performance.now() - start });
  }
};
