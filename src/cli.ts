import { processIo, type CliIo } from './cli/command';
import { COMMANDS } from './cli/commands';
import { cliT } from './cli/cliLang';

/** Entry point of the `somebot` command: finds the sub-command and runs it. No logic here. */
export async function main(argv: string[], io: CliIo = processIo): Promise<number> {
  const [name, ...args] = argv;
  const command = COMMANDS.find((c) => c.name === name);
  if (!command) {
    const lines = COMMANDS.map((c) => `  ${c.name.padEnd(10)} ${c.summary}`);
    const t = cliT();
    const usage = [t('cli:usage'), '', ...lines].join('\n');
    if (name && name !== 'help' && name !== '--help') {
      io.err(`${t('cli:unknownCommand', { name })}\n\n${usage}`);
      return 2;
    }
    io.out(usage);
    return 0;
  }
  return command.run(args, io);
}
