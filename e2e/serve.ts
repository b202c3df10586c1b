// Starts the real platform for the browser tests: builds the web front end into a
// folder of its own (parallel runs do not overwrite each other), then `start` on a
// fresh PGlite directory (or DATABASE_URL), demo data included.
import { execSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const work = mkdtempSync(join(tmpdir(), 'relocalisons-e2e-'));
const webDist = join(work, 'web');
execSync(`npx vite build --logLevel warn --outDir ${webDist}`, { stdio: 'inherit' });
execSync('node --import tsx src/cli/main.ts start', {
  stdio: 'inherit',
  env: { ...process.env, DATA_DIR: process.env.E2E_DATA_DIR ?? join(work, 'data'), WEB_DIST_DIR: webDist },
});
