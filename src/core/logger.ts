/**
 * A tiny structured logger. Contract: a log line is an event name plus primitive fields (ids, counts, codes).
 * Never pass the text of a report, an outcome note, evidence or a dialog message as a field: logs leave the
 * encrypted store. The Logger type makes that harder (no objects, no free-form message), not impossible.
 */
export type LogLevel = 'debug' | 'info' | 'warn' | 'error';
export const LOG_LEVELS: readonly LogLevel[] = ['debug', 'info', 'warn', 'error'];

/** Primitive values only: references, ids, codes, counts, durations. */
export type LogFields = Record<string, string | number | boolean | null | undefined>;

export interface Logger {
  /** Detail for troubleshooting. */
  debug(event: string, fields?: LogFields): void;
  /** Normal operation worth recording (a report committed, a relay started). */
  info(event: string, fields?: LogFields): void;
  /** Something went wrong but will be retried or was refused as intended. */
  warn(event: string, fields?: LogFields): void;
  /** Something needs a person (a message dead-lettered, a store failure). */
  error(event: string, fields?: LogFields): void;
}

/** A logger that drops everything (library default). */
export const silentLogger: Logger = { debug() {}, info() {}, warn() {}, error() {} };

/** JSON lines (`{"time","level","event",...fields}`) to `write` (stderr by default), from `minLevel` up. */
export function createJsonLogger(
  minLevel: LogLevel = 'info',
  write: (line: string) => void = (line) => process.stderr.write(`${line}\n`),
  now: () => Date = () => new Date(),
): Logger {
  const threshold = LOG_LEVELS.indexOf(minLevel);
  const emit =
    (level: LogLevel) =>
    (event: string, fields: LogFields = {}): void => {
      if (LOG_LEVELS.indexOf(level) < threshold) return;
      write(JSON.stringify({ time: now().toISOString(), level, event, ...fields }));
    };
  return { debug: emit('debug'), info: emit('info'), warn: emit('warn'), error: emit('error') };
}

/** The name of an error (and its code when it has one) — safe to log, unlike its message. */
export function errorFields(err: unknown): LogFields {
  if (err && typeof err === 'object') {
    const e = err as { name?: unknown; code?: unknown };
    return {
      errorName: typeof e.name === 'string' ? e.name : 'Error',
      errorCode: typeof e.code === 'string' || typeof e.code === 'number' ? e.code : undefined,
    };
  }
  return { errorName: typeof err };
}
