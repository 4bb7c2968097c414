import { LogLevel, type Logger as BoltLogger } from '@slack/bolt';
import type { Logger } from '../../../core/logger';
import { errorFields } from '../../../core/logger';

/** Longest text kept from a Bolt log line (Bolt's own sentences; never a payload). */
const MAX_DETAIL = 200;

/**
 * Bolt's and the Web API client's logger, writing to the bot's logger as event `slack_bolt`. Debug lines are
 * dropped whatever the level: the Web API client logs request bodies (message text) at debug. Errors are
 * logged by name and code only; other lines keep their first text, cut short.
 */
export function boltLogger(logger: Logger): BoltLogger {
  let level = LogLevel.INFO;
  let name = 'bolt';
  const detail = (msg: unknown[]) => {
    const first = msg[0];
    if (first instanceof Error) return errorFields(first);
    return { detail: typeof first === 'string' ? first.slice(0, MAX_DETAIL) : typeof first };
  };
  return {
    debug: () => undefined,
    info: (...msg: unknown[]) => logger.info('slack_bolt', { source: name, ...detail(msg) }),
    warn: (...msg: unknown[]) => logger.warn('slack_bolt', { source: name, ...detail(msg) }),
    error: (...msg: unknown[]) => logger.error('slack_bolt', { source: name, ...detail(msg) }),
    setLevel: (next: LogLevel) => {
      level = next;
    },
    getLevel: () => level,
    setName: (next: string) => {
      name = next;
    },
  };
}
