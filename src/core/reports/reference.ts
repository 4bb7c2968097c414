/** Report references: `SOME-2026-0042` (prefix, calendar year, per-year sequence from the store). */
export const REFERENCE_PREFIX = 'SOME';

export function formatReference(year: number, sequence: number): string {
  return `${REFERENCE_PREFIX}-${year}-${String(sequence).padStart(4, '0')}`;
}

/** A reference as people type it: `some-2026-42`, `SOME-2026-0042` (year and sequence captured). */
const REFERENCE_PATTERN = `${REFERENCE_PREFIX}-(\\d{4})-0*(\\d{1,9})`;

/**
 * The canonical reference in what a person typed (`some-2026-42`, ` SOME-2026-0042 `), or undefined.
 */
export function parseReference(text: string): string | undefined {
  return canonical(new RegExp(`^\\s*${REFERENCE_PATTERN}\\s*$`, 'i').exec(text));
}

/**
 * The first reference written inside a longer text ("återkalla SOME-2026-0042"): the characters as typed, and
 * the canonical reference they stand for (undefined for a sequence 0), or undefined when there is none.
 */
export function findReference(text: string): { typed: string; reference: string | undefined } | undefined {
  const match = new RegExp(`\\b${REFERENCE_PATTERN}\\b`, 'i').exec(text);
  return match ? { typed: match[0], reference: canonical(match) } : undefined;
}

function canonical(match: RegExpExecArray | null): string | undefined {
  if (!match) return undefined;
  const sequence = Number(match[2]);
  if (sequence < 1) return undefined;
  return formatReference(Number(match[1]), sequence);
}
