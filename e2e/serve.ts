// Starts the real platform for the browser tests: builds the web front end, then
// `start` on a fresh PGlite directory (or DATABASE_URL), demo data included.
import { execSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

execSync('npx vite build --logLevel warn', { stdio: 'inherit' });
process.env.DATA_DIR ??= mkdtempSync(join(tmpdir(), 'relocalisons-e2e-'));
execSync('node --import tsx src/cli/main.ts start', { stdio: 'inherit', env: process.env });
