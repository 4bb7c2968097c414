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
 * the first pass over the questions is the warm-up and gives the scored results; then `iterations` timed
 * passes, each search timed on its own with process.hrtime.bigint.
 */
export function measureSystem<R>(system: BenchSystem<R>, items: readonly EvalItem[], iterations: number): { scores: Scores; latency: Latency } {
  const lines = items.map((item) => system.toLine(item.id, system.search(item.q)));
  const scores = evaluate([...items], lines).retrieval.all;
  const samplesUs: number[] = [];
  for (let pass = 0; pass < iterations; pass++) {
    for (const item of items) {
      const start = process.hrtime.bigint();
      system.search(item.q);
      samplesUs.push(elapsedNs(start) / 1e3);
    }
  }
  return { scores, latency: { p50Us: percentile(samplesUs, 50), p99Us: percentile(samplesUs, 99), samples: samplesUs.length } };
}
