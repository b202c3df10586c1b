import type { Command } from '../command.ts';
import { describeDatabase, loadConfig, openDatabase } from '../context.ts';

export const migrateCommand: Command = {
  name: 'migrate',
  summary: 'applique les migrations de la base de données',
  usage: 'migrate\n\nApplique les migrations SQL en attente (src/db/migrations) sur la base configurée.',
  async run() {
    const config = loadConfig();
    console.log(`Base : ${describeDatabase(config)}`);
    const db = await openDatabase(config, console.log);
    await db.close();
    console.log('Base à jour.');
  },
};
