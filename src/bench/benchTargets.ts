import { SYSTEM } from './systemNames';

/**
 * The figures the benchmark issue sets. Printed beside the measurements as information; nothing here is
 * asserted (timings depend on the machine).
 */
export const BENCH_TARGETS = {
  /** somebot's whole in-process answer, 99th percentile, in microseconds (< 2 ms). */
  somebotAnswerP99Us: 2000,
  /** Wall time of a fresh `somebot ask` process, median, in milliseconds (< 1 s). */
  coldAskMs: 1000,
} as const;

/** Retrieval scores of the baselines as the author measured them (reference only). */
export const BASELINE_REFERENCE = {
  [SYSTEM.lunr]: { top1: 0.54, top3: 0.67 },
  [SYSTEM.miniSearch]: { top1: 0.52, top3: 0.67 },
} as const;

/** The question the cold-start measurement asks. */
export const COLD_ASK_QUESTION = 'Hur ofta ska lösenord bytas?';
