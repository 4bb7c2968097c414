import type { Clock } from './ports';
import { dateTimeFormat } from './text/intlFormats';

/** The real clock. Tests use test/helpers/fakeClock.ts instead. */
export const systemClock: Clock = { now: () => new Date() };

/**
 * The calendar year of an instant in a time zone (the reference sequence restarts on 1 January local time).
 */
export function yearIn(instant: Date, timeZone: string): number {
  const year = dateTimeFormat('en-US', { timeZone, year: 'numeric' }).format(instant);
  return Number(year);
}

/** `2026-03-05 14:07` in the time zone, for people reading CLI output and messages. */
export function formatLocalDateTime(instant: Date, timeZone: string): string {
  return dateTimeFormat('sv-SE', { timeZone, dateStyle: 'short', timeStyle: 'short' }).format(instant);
}

/** True when the runtime knows the IANA time zone name. */
export function isKnownTimeZone(timeZone: string): boolean {
  try {
    dateTimeFormat('en-US', { timeZone });
    return true;
  } catch {
    return false;
  }
}
