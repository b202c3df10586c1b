// An application over a fresh test database, driven through HTTP with app.inject().
import { buildApp, type App } from '../../src/server/app.ts';
import { loadConfig } from '../../src/server/config.ts';
import type { Db } from '../../src/db/connection.ts';
import { createTestDb } from './db.ts';

export interface TestContext {
  app: App;
  db: Db;
  close(): Promise<void>;
}

export async function createTestApp(): Promise<TestContext> {
  const db = await createTestDb();
  const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent' });
  // No web root in API tests: the built front end is the browser tests' business.
  const app = await buildApp({ config, db, webRoot: '/nonexistent' });
  await app.ready();
  return {
    app,
    db,
    async close() {
      await app.close();
      await db.close();
    },
  };
}
