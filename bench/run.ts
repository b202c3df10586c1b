// `npm run bench [-- name…]`: runs the benchmarks and prints their figures.
// Speed and memory targets live here, not in timed tests. Each benchmark is a module
// in bench/ exporting `benchmark: Benchmark`; add it to the list below.
export interface Benchmark {
  name: string;
  describe: string;
  /** Runs and prints its own figures; returns false when a target is missed. */
  run(): Promise<boolean>;
}

const modules: Record<string, () => Promise<{ benchmark: Benchmark }>> = {
  fec: () => import('./fec.bench.ts'),
  sirene: () => import('./sirene.bench.ts'),
  search: () => import('./search.bench.ts'),
  tco: () => import('./tco.bench.ts'),
};

const wanted = process.argv.slice(2).filter((a) => !a.startsWith('-'));
let missed = 0;
for (const [name, load] of Object.entries(modules)) {
  if (wanted.length > 0 && !wanted.includes(name)) continue;
  const { benchmark } = await load();
  console.log(`\n=== ${benchmark.name} — ${benchmark.describe}`);
  if (!(await benchmark.run())) missed++;
}
if (missed > 0) {
  console.log(`\n${missed} benchmark(s) below target.`);
  process.exitCode = 1;
}
