import type { BatchLine } from '../core/guidelines/evaluation';
import type { SystemName } from './systemNames';

/**
 * One search system under benchmark, already built and loaded. `search` is the timed operation; `toLine`
 * turns its result into the line `evaluate` scores (outside the timing).
 */
export interface BenchSystem<R> {
  name: SystemName;
  search(question: string): R;
  toLine(id: string, result: R): BatchLine;
}
