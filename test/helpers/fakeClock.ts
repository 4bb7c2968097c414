import type { Clock } from '../../src/core/ports';

/** A clock that only moves when told to. Starts on a fixed Monday morning (UTC). */
export class FakeClock implements Clock {
  private current: number;

  constructor(start: Date | string = '2026-03-16T08:00:00.000Z') {
    this.current = new Date(start).getTime();
  }

  now(): Date {
    return new Date(this.current);
  }

  /** Moves time forward by `ms` milliseconds. */
  advance(ms: number): void {
    this.current += ms;
  }

  advanceMinutes(minutes: number): void {
    this.advance(minutes * 60_000);
  }

  set(instant: Date | string): void {
    this.current = new Date(instant).getTime();
  }
}
