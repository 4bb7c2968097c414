/** Calendar dates as reports store them: YYYY-MM-DD, a day that exists. */

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** YYYY-MM-DD of a calendar date, or undefined when it does not exist (31.2.2026, 2026-13-45). */
export function isoDate(year: number, month: number, day: number): string | undefined {
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return undefined;
  return date.toISOString().slice(0, 10);
}

/** True when `text` is YYYY-MM-DD and names a day that exists. */
export function isCalendarDate(text: string): boolean {
  const match = ISO_DATE.exec(text);
  return match !== null && isoDate(Number(match[1]), Number(match[2]), Number(match[3])) === text;
}
