/** Report references: `SOME-2026-0042` (prefix, calendar year, per-year sequence from the store). */
export const REFERENCE_PREFIX = 'SOME';

export function formatReference(year: number, sequence: number): string {
  return `${REFERENCE_PREFIX}-${year}-${String(sequence).padStart(4, '0')}`;
}

/**
 * The canonical reference in what a person typed (`some-2026-42`, ` SOME-2026-0042 `), or undefined.
 */
export function parseReference(text: string): string | undefined {
  const match = /^\s*some-(\d{4})-0*(\d{1,9})\s*$/i.exec(text);
  if (!match) return undefined;
  const sequence = Number(match[2]);
  if (sequence < 1) return undefined;
  return formatReference(Number(match[1]), sequence);
}
