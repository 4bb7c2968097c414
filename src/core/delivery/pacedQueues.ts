/** Sleeps `ms` milliseconds (tests pass a fake). */
export type Sleep = (ms: number) => Promise<void>;

const realSleep: Sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

interface Lane {
  /** Settles when the last turn asked for has started. */
  tail: Promise<void>;
  /** When the latest turn started (-Infinity: none yet). */
  lastStart: number;
  /** Turns asked for that have not started yet. */
  waiting: number;
}

/**
 * One queue per chat: turns for the same key start one after another, in the order they were asked for,
 * each at least `intervalMs` after the previous one actually started (a busy event loop only makes them
 * later, never closer); different keys never wait for each other. The waiting happens here, before a
 * delivery's time limit starts. Within one process only: processes sharing a chat share the platform's
 * budget, which the relay's Retry-After handling covers.
 */
export class PacedQueues {
  private readonly lanes = new Map<string, Lane>();

  constructor(
    private readonly now: () => number = Date.now,
    private readonly sleep: Sleep = realSleep,
  ) {}

  /** Resolves when this key's turn has come (and counts it as started). */
  turn(key: string, intervalMs: number): Promise<void> {
    const lane = this.lane(key);
    lane.waiting++;
    const mine = lane.tail.then(async () => {
      for (;;) {
        const wait = lane.lastStart + intervalMs - this.now();
        if (wait <= 0) break;
        await this.sleep(wait);
      }
      lane.lastStart = this.now();
      lane.waiting--;
    });
    lane.tail = mine;
    return mine;
  }

  /** Roughly how long a turn asked for now would wait (turns queued × interval). */
  waitMs(key: string, intervalMs: number): number {
    const lane = this.lanes.get(key);
    if (!lane) return 0;
    return Math.max(0, lane.lastStart + intervalMs * (lane.waiting + 1) - this.now());
  }

  private lane(key: string): Lane {
    let lane = this.lanes.get(key);
    if (!lane) {
      if (this.lanes.size >= 1000) this.forgetIdle();
      lane = { tail: Promise.resolve(), lastStart: Number.NEGATIVE_INFINITY, waiting: 0 };
      this.lanes.set(key, lane);
    }
    return lane;
  }

  /** Drops keys with nobody waiting whose last turn is long past. */
  private forgetIdle(): void {
    const now = this.now();
    for (const [key, lane] of this.lanes) if (lane.waiting === 0 && lane.lastStart < now - 60_000) this.lanes.delete(key);
  }
}
