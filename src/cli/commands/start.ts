import { parseArgs } from 'node:util';
import { ensureDemoData } from '../../db/demo/index.ts';
import { seedDemoData } from '../../db/seed.ts';
import { buildApp } from '../../server/app.ts';
import type { Command } from '../command.ts';
import { describeDatabase, loadConfig, openDatabase } from '../context.ts';

export const startCommand: Command = {
  name: 'start',
  summary: 'démarre la plateforme (web + API)',
  usage: `start [--no-seed]

Ouvre la base (PGlite dans DATA_DIR, ou PostgreSQL si DATABASE_URL est défini),
applique les migrations, charge les données de démonstration au premier démarrage
puis sert le site et l'API sur PORT (3000 par défaut).

  --no-seed   ne charge pas les données de démonstration`,
  async run(args) {
    const { values } = parseArgs({ args, options: { 'no-seed': { type: 'boolean' } } });
    const started = performance.now();
    const config = loadConfig();
    const log = (m: string) => console.log(m);
    log(`Base : ${describeDatabase(config)}`);
    const db = await openDatabase(config, log);
    if (!values['no-seed']) await ensureDemoData(undefined, log).then(() => seedDemoData(db, log));
    const app = await buildApp({
      config,
      db,
      logger: { level: config.LOG_LEVEL },
      ...(config.WEB_DIST_DIR ? { webRoot: config.WEB_DIST_DIR } : {}),
    });

    let closing = false;
    const shutdown = async (signal: string) => {
      if (closing) return;
      closing = true;
      app.log.info({ signal }, 'arrêt en cours');
      const force = setTimeout(() => process.exit(1), 10_000);
      force.unref();
      await app.close();
      await db.close();
      process.exit(0);
    };
    process.on('SIGINT', () => void shutdown('SIGINT'));
    process.on('SIGTERM', () => void shutdown('SIGTERM'));

    await app.listen({ port: config.PORT, host: config.HOST });
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    log(`\nRelocalisons est prêt en ${seconds} s : ${config.publicUrl}`);
    log(`  API : ${config.publicUrl}/api/v1 — documentation : ${config.publicUrl}/api/docs`);
    log(
      '  Aucun compte de démonstration : les pages publiques et les calculs ne demandent pas de connexion.',
    );
  },
};
