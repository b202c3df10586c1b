// Adds up the JSON reports of the CI steps and prints the closing line
// `N passed, N failed` (vitest and Playwright reports, plus step results).
import { existsSync, readFileSync } from 'node:fs';

let passed = 0;
let failed = 0;
const lines = [];
for (const file of process.argv.slice(2)) {
  if (!existsSync(file)) {
    failed++;
    lines.push(`${file}: no report (the step did not run to the end)`);
    continue;
  }
  const r = JSON.parse(readFileSync(file, 'utf8'));
  let p = 0;
  let f = 0;
  if ('numPassedTests' in r) {
    // vitest
    p = r.numPassedTests;
    f = r.numFailedTests + (r.numFailedTestSuites ?? 0);
  } else if (r.stats && 'expected' in r.stats) {
    // Playwright
    p = r.stats.expected + (r.stats.flaky ?? 0);
    f = r.stats.unexpected + (r.errors?.length ?? 0);
  } else if ('passed' in r) {
    // our own step reports
    p = r.passed;
    f = r.failed;
  }
  passed += p;
  failed += f;
  lines.push(`${file}: ${p} passed, ${f} failed`);
}
console.log(lines.join('\n'));
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
