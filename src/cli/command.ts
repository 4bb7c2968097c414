import { parseArgs as nodeParseArgs } from 'node:util';

/** One `somebot <name>` sub-command. `run` returns the process exit code. */
export interface CliCommand {
  /** First word after `somebot`, e.g. `ask`. */
  name: string;
  /** One line for `somebot help`. */
  summary: string;
  run(args: string[], io: CliIo): Promise<number>;
}

/** Where a command writes; tests pass buffers, the real CLI passes the process streams. */
export interface CliIo {
  out(text: string): void;
  err(text: string): void;
  /** Standard input, for interactive commands (`chat`). */
  stdin: NodeJS.ReadableStream;
}

export const processIo: CliIo = {
  out: (text) => process.stdout.write(text.endsWith('\n') ? text : `${text}\n`),
  err: (text) => process.stderr.write(text.endsWith('\n') ? text : `${text}\n`),
  stdin: process.stdin,
};

/** Why the command line was refused: an option it does not know, a missing or unwanted value, a stray word. */
export type CliUsageProblem = 'unknownOption' | 'missingValue' | 'noValue' | 'unexpectedArgument' | 'badOption';

/** A command line that does not fit the command's options; `somebot` prints it translated and exits 2. */
export class CliUsageError extends Error {
  override readonly name = 'CliUsageError';
  readonly code = 'cli_usage';
  constructor(
    readonly problem: CliUsageProblem,
    /** The option or argument at fault, as typed (`--foo`). */
    readonly subject: string,
  ) {
    super(`${problem}: ${subject}`);
  }
}

export function isCliUsageError(value: unknown): value is CliUsageError {
  return value instanceof CliUsageError;
}

/** The refusal as a sentence in the language of `t`. */
export function cliUsageMessage(err: CliUsageError, t: (key: string, values: Record<string, string>) => string): string {
  return t(`security:cli.${err.problem}`, { option: err.subject, argument: err.subject, detail: err.subject });
}

/** The options a command accepts: those taking a value (`--out FILE`, `--out=FILE`) and plain switches. */
export interface OptionSpec {
  valued?: readonly string[];
  switches?: readonly string[];
  /** Whether words other than options are allowed (default true). */
  positionals?: boolean;
}

/**
 * Splits the command line with Node's util.parseArgs in strict mode: an option the command does not know,
 * a valued option without its value, or a value given to a switch throws CliUsageError. `--` ends the
 * options. Values are strings, switches `true`.
 */
export function parseArgs(args: string[], spec: OptionSpec = {}): { flags: Record<string, string | true>; rest: string[] } {
  const options: Record<string, { type: 'string' | 'boolean' }> = {};
  for (const name of spec.valued ?? []) options[name] = { type: 'string' };
  for (const name of spec.switches ?? []) options[name] = { type: 'boolean' };
  let parsed;
  try {
    parsed = nodeParseArgs({ args, options, strict: true, allowPositionals: spec.positionals !== false });
  } catch (err) {
    throw usageError(err);
  }
  const flags: Record<string, string | true> = {};
  for (const [name, value] of Object.entries(parsed.values)) {
    if (value === true || typeof value === 'string') flags[name] = value;
  }
  return { flags, rest: parsed.positionals };
}

/** Node's parse error as a CliUsageError (its code says which problem; its text names the option). */
function usageError(err: unknown): CliUsageError {
  const code = (err as NodeJS.ErrnoException).code;
  const message = err instanceof Error ? err.message : String(err);
  const quoted = /'(-{1,2}[^'\s=]+)/.exec(message)?.[1] ?? /'([^']+)'/.exec(message)?.[1] ?? '';
  switch (code) {
    case 'ERR_PARSE_ARGS_UNKNOWN_OPTION':
      return new CliUsageError('unknownOption', quoted);
    case 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL':
      return new CliUsageError('unexpectedArgument', quoted);
    case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE':
      return new CliUsageError(/does not take an argument/.test(message) ? 'noValue' : 'missingValue', quoted);
    default:
      return new CliUsageError('badOption', message);
  }
}
