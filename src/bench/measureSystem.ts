import { evaluate, type EvalItem, type Scores } from '../core/guidelines/evaluation';
import type { BenchSystem } from './benchSystem';
import { elapsedNs, percentile } from './stats';

/** Query latency over every timed search, in microseconds. */
export interface Latency {
  p50Us: number;
  p99Us: number;
  samples: number;
}

/**
 * Scores a system as `eval` does (toBatchLine-style lines through `evaluate`) and times its searches:
 * the first pass over the questions gives the scored results; `warmups` untimed passes in all (that first one
 * included) let the JIT compile the code paths a long-running bot runs hot; then `iterations` timed passes,
 * each search timed on its own with process.hrtime.bigint.
 */
export function measureSystem<R>(
  system: BenchSystem<R>,
  items: readonly EvalItem[],
  iterations: number,
  warmups = 1,
): { scores: Scores; latency: Latency } {
  const lines = items.map((item) => system.toLine(item.id, system.search(item.q)));
  for (let pass = 1; pass < warmups; pass++) for (const item of items) system.search(item.q);
  const scores = evaluate([...items], lines).retrieval.all;
  const samplesUs: number[] = [];
  // The set-up (index build, JSON parse, three loads) leaves megabytes of garbage; collect it first when the
  // process allows (`npm run bench` runs node with --expose-gc), so the timings are of answering alone.
  (globalThis as { gc?: () => void }).gc?.();
  for (let pass = 0; pass < iterations; pass++) {
    for (const item of items) {
      const start = process.hrtime.bigint();
      system.search(item.q);
      samplesUs.push(elapsedNs(start) / 1e3);
    }
  }
  return { scores, latency: { p50Us: percentile(samplesUs, 50), p99Us: percentile(samplesUs, 99), samples: samplesUs.length } };
}
