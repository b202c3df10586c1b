// TCO calculator speed (issue 5, point 8): model evaluations per second, and the time of a
// 10,000-draw Monte Carlo for two offers (target ≤ 100 ms, so that the browser stays interactive).
// Two builds are measured: the core as the server runs it (tsx loader) and the core bundled by
// esbuild, which is how it ships to the browser (Vite). The target applies to the bundle. The
// machine is shared: the load average is printed, and medians of 15 runs are reported with the min.
import { readFileSync, writeFileSync, mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import type { Benchmark } from './run.ts';
import type * as Tco from '../src/core/tco/index.ts';

const scenarioUrl = new URL('../examples/tco-scenario.json', import.meta.url);
const TARGET_MS = 100;

async function loadBundled(): Promise<{ mod: typeof Tco; cleanup: () => void }> {
  const result = await build({
    entryPoints: [new URL('../src/core/tco/index.ts', import.meta.url).pathname],
    bundle: true,
    format: 'esm',
    platform: 'neutral',
    write: false,
    logLevel: 'silent',
  });
  const dir = mkdtempSync(join(tmpdir(), 'tco-bench-'));
  const file = join(dir, 'tco.mjs');
  writeFileSync(file, result.outputFiles[0]!.contents);
  return {
    mod: (await import(pathToFileURL(file).href)) as typeof Tco,
    cleanup: () => rmSync(dir, { recursive: true }),
  };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

function measure(tco: typeof Tco, label: string): number {
  const scenario = JSON.parse(readFileSync(scenarioUrl, 'utf8')) as Tco.Scenario;
  const compiled = tco.compileScenario(scenario);
  if (!compiled.ok) throw new Error(compiled.error.map((p) => p.message).join(' '));
  const c = compiled.value;
  // Evaluations per second (two offers per evaluation), for about half a second.
  const vecs = c.base.map((v) => new Float64Array(v));
  const outs = vecs.map(() => new Float64Array(tco.NOUT));
  for (let i = 0; i < 20_000; i++) tco.evaluateOffers(vecs, outs); // warm-up
  let evals = 0;
  const t0 = performance.now();
  while (performance.now() - t0 < 500) {
    for (let i = 0; i < 1000; i++) tco.evaluateOffers(vecs, outs);
    evals += 1000;
  }
  const perSecond = (evals / (performance.now() - t0)) * 1000;
  // Monte Carlo 10,000 draws × 2 offers (11 uncertain inputs in the example), 15 runs.
  tco.simulate(c, 10_000, 1); // warm-up
  const times: number[] = [];
  for (let run = 0; run < 15; run++) {
    const t = performance.now();
    tco.simulate(c, 10_000, run);
    times.push(performance.now() - t);
  }
  // The whole answer of POST /tco/compute: explanation, break-even, flips, tornado, Monte Carlo.
  const full: number[] = [];
  for (let run = 0; run < 3; run++) {
    const t = performance.now();
    tco.computeTco(scenario, { draws: 10_000, seed: run });
    full.push(performance.now() - t);
  }
  const mc = median(times);
  console.log(
    `${label.padEnd(28)} ${Math.round(perSecond).toLocaleString('fr-FR').padStart(12)} évaluations/s (2 offres)` +
      ` | Monte Carlo 10 000 tirages : médiane ${mc.toFixed(1)} ms (min ${Math.min(...times).toFixed(1)})` +
      ` | calcul complet : ${median(full).toFixed(0)} ms`,
  );
  return mc;
}

export const benchmark: Benchmark = {
  name: 'tco',
  describe: `calculateur de TCO : évaluations/s et Monte Carlo 10 000 tirages × 2 offres (objectif ≤ ${TARGET_MS} ms, core groupé)`,
  async run() {
    console.log(`charge de la machine (moyenne 1 min) : ${loadavg()[0]!.toFixed(1)}`);
    const dev = await import('../src/core/tco/index.ts');
    measure(dev, 'chargeur tsx (dev, API)');
    const { mod, cleanup } = await loadBundled();
    try {
      const mc = measure(mod, 'core groupé (esbuild)');
      const ok = mc <= TARGET_MS;
      console.log(
        ok
          ? `objectif atteint (${mc.toFixed(1)} ms ≤ ${TARGET_MS} ms)`
          : `objectif manqué : ${mc.toFixed(1)} ms > ${TARGET_MS} ms`,
      );
      return ok;
    } finally {
      cleanup();
    }
  },
};
