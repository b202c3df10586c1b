// Instant recomputation: the deterministic result is computed on the main thread right after
// a short pause in typing (no simulation: a few milliseconds), then the Monte Carlo runs in a
// Web Worker and its answer replaces the result when it is still the latest request.
import { useEffect, useRef, useState } from 'react';
import type { Problem } from '../../../core/shared/index.ts';
import { computeTco, type Scenario, type TcoResult } from '../../../core/tco/index.ts';
import type { WorkerAnswer, WorkerRequest } from './tco-worker.ts';

export interface TcoState {
  result: TcoResult | null;
  problems: Problem[];
  /** The simulation of the latest inputs is still running. */
  simulating: boolean;
  /** Time of the last simulation in the worker, ms. */
  simulationMs: number | null;
  /** The inputs `result` was computed from: another value means new inputs are still waiting. */
  computedFrom: Scenario | null;
}

const DEBOUNCE_MS = 120;

export function useTco(scenario: Scenario | null): TcoState {
  const [state, setState] = useState<TcoState>({
    result: null,
    problems: [],
    simulating: false,
    simulationMs: null,
    computedFrom: null,
  });
  const worker = useRef<Worker | null>(null);
  const latest = useRef(0);

  useEffect(() => {
    if (typeof Worker !== 'function') return;
    const w = new Worker(new URL('./tco-worker.ts', import.meta.url), { type: 'module' });
    w.onmessage = (event: MessageEvent<WorkerAnswer>) => {
      if (event.data.kind !== 'compute') return;
      const { id, outcome, ms } = event.data;
      if (id !== latest.current) return;
      setState((s) =>
        outcome.ok
          ? { ...s, result: outcome.value, problems: [], simulating: false, simulationMs: ms }
          : { ...s, problems: outcome.error, simulating: false },
      );
    };
    worker.current = w;
    return () => {
      w.terminate();
      worker.current = null;
    };
  }, []);

  useEffect(() => {
    if (!scenario) return;
    const timer = setTimeout(() => {
      const id = ++latest.current;
      // Flips and simulation are the slow parts: they come from the worker.
      const quick = computeTco(scenario, { draws: 0, skipFlips: true });
      if (!quick.ok) {
        setState((s) => ({ ...s, problems: quick.error, simulating: false, computedFrom: scenario }));
        return;
      }
      setState((s) => ({
        result: {
          ...quick.value,
          // Keep the previous simulation and flip values on screen until the new ones arrive
          // (marked as running).
          uncertainty: s.result?.uncertainty ?? null,
          comparisons: quick.value.comparisons.map((c, i) => ({
            ...c,
            flips: s.result?.comparisons[i]?.flips ?? [],
          })),
        },
        problems: [],
        simulating: true,
        simulationMs: s.simulationMs,
        computedFrom: scenario,
      }));
      // The worker always runs: it brings the flip values, and the simulation when there are ranges.
      const request: WorkerRequest = { kind: 'compute', id, scenario };
      if (worker.current) worker.current.postMessage(request);
      else {
        // No worker (old browser): simulate when the main thread is idle.
        setTimeout(() => {
          if (id !== latest.current) return;
          const start = performance.now();
          const full = computeTco(scenario);
          if (full.ok && id === latest.current) {
            setState({
              result: full.value,
              problems: [],
              simulating: false,
              simulationMs: performance.now() - start,
              computedFrom: scenario,
            });
          }
        }, 0);
      }
    }, DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [scenario]);

  return state;
}
