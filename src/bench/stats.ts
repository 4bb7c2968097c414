/** Small timing helpers for the benchmark. */

/** Nanoseconds elapsed since `start` (a process.hrtime.bigint() reading), as a number. */
export function elapsedNs(start: bigint): number {
  return Number(process.hrtime.bigint() - start);
}

/** Runs `fn` once and returns its result with the wall time in milliseconds. */
export function timeMs<T>(fn: () => T): { value: T; ms: number } {
  const start = process.hrtime.bigint();
  const value = fn();
  return { value, ms: elapsedNs(start) / 1e6 };
}

/**
 * Nearest-rank percentile (`p` from 0 to 100) of `values`; NaN for an empty list. The p99 of fewer than
 * 100 samples is their maximum.
 */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil((p / 100) * sorted.length)));
  return sorted[rank - 1]!;
}

/** The median (p50, nearest rank) of `values`. */
export function median(values: readonly number[]): number {
  return percentile(values, 50);
}

/** Runs `fn` `runs` times; returns the last result and the median wall time in milliseconds. */
export function timeMedianMs<T>(fn: () => T, runs: number): { value: T; ms: number } {
  let last = timeMs(fn);
  const times = [last.ms];
  for (let i = 1; i < runs; i++) {
    last = timeMs(fn);
    times.push(last.ms);
  }
  return { value: last.value, ms: median(times) };
}
