import { seedDemoData } from '../../db/seed.ts';
import type { Command } from '../command.ts';
import { describeDatabase, loadConfig, openDatabase } from '../context.ts';

export const seedCommand: Command = {
  name: 'seed',
  summary: 'charge les données de démonstration (une seule fois)',
  usage: 'seed\n\nCharge les données de démonstration qui ne le sont pas encore (annuaire, etc.).',
  async run() {
    const config = loadConfig();
    console.log(`Base : ${describeDatabase(config)}`);
    const db = await openDatabase(config, console.log);
    const ran = await seedDemoData(db, console.log);
    await db.close();
    console.log(
      ran.length ? `Chargé : ${ran.join(', ')}.` : 'Les données de démonstration sont déjà chargées.',
    );
  },
};
