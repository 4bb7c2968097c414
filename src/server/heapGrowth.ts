import v8 from 'node:v8';

/**
 * How far V8 lets its heap grow past what a full collection found alive, in percent, for the long-running
 * server. V8's own factor goes up to 4× under a high allocation rate: with about 65 MB alive, 500 concurrent
 * report dialogs on PostgreSQL grew the heap to 216 MB, most of it garbage waiting for a collection (peak
 * resident memory 306 MiB). At 1.3× the same run peaked at 222 MiB with the same throughput
 * (`npm run bench:load -- --steps reports`, README "Memory and load").
 */
export const HEAP_GROWING_PERCENT = 30;

const FLAG = '--heap-growing-percent';

/** The V8 flag to set, or undefined when the operator already chose one on node's command line. */
export function heapGrowthFlag(execArgv: readonly string[] = process.execArgv): string | undefined {
  return execArgv.some((arg) => arg === FLAG || arg.startsWith(`${FLAG}=`)) ? undefined : `${FLAG}=${HEAP_GROWING_PERCENT}`;
}

/**
 * Sets the heap growing factor (see HEAP_GROWING_PERCENT). V8 reads this flag each time it computes the next
 * heap limit after a collection, so setting it once the process runs takes effect from the next collection.
 */
export function limitHeapGrowth(execArgv: readonly string[] = process.execArgv): void {
  const flag = heapGrowthFlag(execArgv);
  if (flag) v8.setFlagsFromString(flag);
}
