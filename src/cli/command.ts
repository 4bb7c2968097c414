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

/** Splits `--flag value` / `--flag` options from positional words. Flags named in `valued` take a value. */
export function parseArgs(args: string[], valued: string[] = []): { flags: Record<string, string | true>; rest: string[] } {
  const flags: Record<string, string | true> = {};
  const rest: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '--') {
      rest.push(...args.slice(i + 1));
      break;
    }
    if (arg.startsWith('--')) {
      const [name, inline] = arg.slice(2).split('=', 2) as [string, string | undefined];
      if (inline !== undefined) flags[name] = inline;
      else if (valued.includes(name) && i + 1 < args.length) flags[name] = args[++i]!;
      else flags[name] = true;
    } else rest.push(arg);
  }
  return { flags, rest };
}
