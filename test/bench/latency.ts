/** Latency figures of a benchmark step: throughput and percentiles, from autocannon or from our own timings. */
export interface LoadFigures {
  requests: number;
  errors: number;
  /** Completed requests per second over the step. */
  throughput: number;
  p50: number;
  p99: number;
  max: number;
}

/** Percentile (0..100) of `sorted` (ascending), nearest rank. */
export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1]!;
}

export function figuresOf(latenciesMs: number[], errors: number, seconds: number): LoadFigures {
  const sorted = [...latenciesMs].sort((a, b) => a - b);
  return {
    requests: sorted.length,
    errors,
    throughput: sorted.length / seconds,
    p50: percentile(sorted, 50),
    p99: percentile(sorted, 99),
    max: sorted[sorted.length - 1] ?? 0,
  };
}
