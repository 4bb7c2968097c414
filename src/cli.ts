import { configProblemText, isConfigError } from './config';
import { isContentError } from './core/errors';
import { cliUsageMessage, isCliUsageError, processIo, type CliIo } from './cli/command';
import { COMMANDS } from './cli/commands';
import { cliT } from './cli/cliLang';

/**
 * Entry point of the `somebot` command: finds the sub-command and runs it. Invalid configuration or
 * content ends the command with a translated sentence naming the variable or file, never a stack trace;
 * an unknown option or one missing its value ends it with exit code 2.
 */
export async function main(argv: string[], io: CliIo = processIo): Promise<number> {
  const t = cliT();
  const [name, ...args] = argv;
  const entry = COMMANDS.find((c) => c.name === name);
  if (!entry) {
    const lines = COMMANDS.map((c) => `  ${c.name.padEnd(10)} ${t(`cli:summary.${c.name}`)}`);
    const usage = [t('cli:usage'), '', ...lines].join('\n');
    if (name && name !== 'help' && name !== '--help') {
      io.err(`${t('cli:unknownCommand', { name })}\n\n${usage}`);
      return 2;
    }
    io.out(usage);
    return 0;
  }
  try {
    return await entry.load().run(args, io);
  } catch (err) {
    if (isCliUsageError(err)) {
      io.err(`${cliUsageMessage(err, t)}\n${t('cli:usage')}\n  ${entry.name.padEnd(10)} ${t(`cli:summary.${entry.name}`)}`);
      return 2;
    }
    if (isConfigError(err)) {
      io.err(t('cli:invalidConfig', { variable: err.variable, problem: configProblemText(err.problem, err.given, t) }));
      return 2;
    }
    if (isContentError(err)) {
      io.err(t('cli:invalidContent', { message: err.message }));
      return 1;
    }
    throw err;
  }
}
