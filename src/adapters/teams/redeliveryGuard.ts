import type { Activity } from 'botbuilder';

/** How long an activity id is remembered: well beyond Teams' redelivery after 15 s. */
export const DEFAULT_REDELIVERY_WINDOW_MS = 10 * 60_000;
const MAX_REMEMBERED = 20_000;

/**
 * Drops a redelivered activity. Teams sends an activity again when the bot has not answered within 15 s;
 * the copy has the same conversation and activity id. The first copy is handled, every later copy within
 * the window is answered 200 without being handled, even while the first is still running. When handling
 * fails, the id is forgotten, so a redelivery gets its chance. Kept in memory (one process): after a
 * restart a redelivered report submission is still a single report, thanks to the core's submission key.
 */
export class RedeliveryGuard {
  private readonly seen = new Map<string, number>();

  constructor(
    private readonly windowMs: number = DEFAULT_REDELIVERY_WINDOW_MS,
    private readonly now: () => number = Date.now,
  ) {}

  /** Runs `handle` for the first copy of this activity; resolves to false (not run) for a redelivery. */
  async once(activity: Pick<Activity, 'id' | 'conversation'>, handle: () => Promise<void>): Promise<boolean> {
    const key = `${activity.conversation?.id ?? ''}\u0000${activity.id ?? ''}`;
    const at = this.now();
    this.forgetOld(at);
    const earlier = this.seen.get(key);
    if (earlier !== undefined && at - earlier < this.windowMs) return false;
    this.seen.delete(key);
    this.seen.set(key, at);
    try {
      await handle();
      return true;
    } catch (err) {
      this.seen.delete(key);
      throw err;
    }
  }

  private forgetOld(at: number): void {
    for (const [key, when] of this.seen) {
      if (at - when < this.windowMs && this.seen.size <= MAX_REMEMBERED) break;
      this.seen.delete(key);
    }
  }
}
