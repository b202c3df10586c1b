// `npm run cli -- <command> [options]`: the platform's command line.
import type { Command } from './command.ts';
import { CliError } from './command.ts';
import { migrateCommand } from './commands/migrate.ts';
import { demoDataCommand } from './commands/demo-data.ts';
import { seedCommand } from './commands/seed.ts';
import { startCommand } from './commands/start.ts';
import { importSireneCommand } from './commands/import-sirene.ts';
import { tcoCommand } from './commands/tco.ts';
import { ibalCommand } from './commands/ibal.ts';
import { checkCorpusCommand } from './commands/check-corpus.ts';
import { ConfigError } from '../server/config.ts';

const commands: Command[] = [
  startCommand,
  migrateCommand,
  seedCommand,
  importSireneCommand,
  tcoCommand,
  demoDataCommand,
  ibalCommand,
  checkCorpusCommand,
];

function help(): string {
  const width = Math.max(...commands.map((c) => c.name.length));
  return [
    'Relocalisons — ligne de commande',
    '',
    'Usage : npm run cli -- <commande> [options]',
    '',
    'Commandes :',
    ...commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    "Aide d'une commande : npm run cli -- help <commande>",
  ].join('\n');
}

async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === 'help' || name === '--help' || name === '-h') {
    const topic = rest[0] && commands.find((c) => c.name === rest[0]);
    console.log(topic ? `Usage : npm run cli -- ${topic.usage}` : help());
    return 0;
  }
  const command = commands.find((c) => c.name === name);
  if (!command) {
    console.error(`Commande inconnue « ${name} ».\n\n${help()}`);
    return 2;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    console.log(`Usage : npm run cli -- ${command.usage}`);
    return 0;
  }
  return (await command.run(rest)) ?? 0;
}

main(process.argv.slice(2)).then(
  (code) => {
    if (code !== 0) process.exit(code);
  },
  (error: unknown) => {
    if (error instanceof ConfigError || error instanceof CliError) {
      console.error(error.message);
    } else if (error instanceof Error && 'code' in error && String(error.code).startsWith('ERR_PARSE_ARGS')) {
      console.error(`Option invalide : ${error.message}`);
    } else {
      console.error(error);
    }
    process.exit(1);
  },
);
