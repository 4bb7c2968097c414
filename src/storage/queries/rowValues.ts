/** Normalises values as the two drivers return them (pg: Buffer, PGlite: Uint8Array; both: Date, parsed JSON). */

export function asDate(value: unknown): Date {
  if (value instanceof Date) return value;
  return new Date(value as string);
}

export function asDateOrNull(value: unknown): Date | null {
  return value === null || value === undefined ? null : asDate(value);
}

export function asBytesOrNull(value: unknown): Buffer | null {
  if (value === null || value === undefined) return null;
  return Buffer.from(value as Uint8Array);
}

export function asJson<T>(value: unknown): T {
  return (typeof value === 'string' ? JSON.parse(value) : value) as T;
}

/** JSON text for a `$n::jsonb` parameter (both drivers then store it unchanged). */
export function jsonParam(value: unknown): string {
  return JSON.stringify(value);
}
