import pino, { type DestinationStream } from 'pino';
import type { LogFields, Logger, LogLevel } from '../../core/logger';

/**
 * Field names that could carry personal text. The Logger contract already forbids passing such text; pino
 * replaces these fields anyway, should a caller ever break the contract.
 */
export const REDACTED_FIELDS = ['description', 'text', 'note', 'outcomeNote', 'outcome', 'evidence', 'quote', 'quotes', 'body', 'subject'];

/**
 * The production Logger: one JSON line per event on stderr (pino), `{"level":"info","time":"…","event":"…",
 * "service":"somebot",…fields}`. `destination` is for tests (any object with write(line)).
 */
export function createPinoLogger(level: LogLevel = 'info', destination?: DestinationStream): Logger {
  const base = pino(
    {
      level,
      base: { service: 'somebot' },
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
      redact: { paths: REDACTED_FIELDS, censor: '[redacted]' },
    },
    destination ?? pino.destination({ dest: 2, sync: true }),
  );
  const emit =
    (method: LogLevel) =>
    (event: string, fields: LogFields = {}): void => {
      base[method]({ ...fields, event });
    };
  return { debug: emit('debug'), info: emit('info'), warn: emit('warn'), error: emit('error') };
}
