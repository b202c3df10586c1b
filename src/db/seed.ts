// Demo data for `npm start` on an empty database. Each step is idempotent and
// recorded in app_settings, so a restart does not load anything twice.
import type { Db } from './connection.ts';
import { sireneSeedStep } from './sirene/seed-step.ts';

export interface SeedStep {
  /** Stable key recorded once the step is done. */
  key: string;
  describe: string;
  run(db: Db, log: (message: string) => void): Promise<void>;
}

/** The demo steps, in order. Areas add theirs here. */
export const demoSeedSteps: SeedStep[] = [sireneSeedStep];

export async function seedDemoData(
  db: Db,
  log: (message: string) => void = () => undefined,
  steps: SeedStep[] = demoSeedSteps,
): Promise<string[]> {
  const done = new Set(
    (await db.query<{ key: string }>(`select key from app_settings where key like 'seed:%'`)).rows.map(
      (r) => r.key,
    ),
  );
  const ran: string[] = [];
  for (const step of steps) {
    const key = `seed:${step.key}`;
    if (done.has(key)) continue;
    log(`Données de démonstration : ${step.describe}…`);
    await step.run(db, log);
    await db.query(`insert into app_settings (key, value) values ($1, $2) on conflict (key) do nothing`, [
      key,
      JSON.stringify({ at: new Date().toISOString() }),
    ]);
    ran.push(step.key);
  }
  return ran;
}
