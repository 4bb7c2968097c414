/** Slack accepts about one message a second per channel (chat.postMessage, "special" rate limit). */
export const DEFAULT_POST_INTERVAL_MS = 1000;

interface Turn {
  /** Resolves with the time the post finished. */
  done: Promise<number>;
  finishedAt?: number;
}

/**
 * Posts to one channel one after another, each starting at least `intervalMs` after the previous one
 * finished (so Slack sees them at least that far apart, whatever the network did), in the order they were
 * asked for; posts to different channels do not wait for each other. Within one process only (Slack's
 * limit is per app, so a second process shares the budget; the 429 handling covers that case).
 */
export class ChannelPacer {
  private readonly last = new Map<string, Turn>();

  constructor(
    private readonly intervalMs: number = DEFAULT_POST_INTERVAL_MS,
    private readonly now: () => number = Date.now,
    private readonly sleep: (ms: number) => Promise<void> = (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  ) {}

  /** Runs `post` once this channel's turn has come. */
  async run<T>(channel: string, post: () => Promise<T>): Promise<T> {
    const previous = this.last.get(channel);
    let finish!: (at: number) => void;
    const turn: Turn = { done: new Promise<number>((resolve) => (finish = resolve)) };
    this.last.set(channel, turn);
    if (this.last.size > 1000) this.forgetPast();
    try {
      if (previous) {
        const wait = (await previous.done) + this.intervalMs - this.now();
        if (wait > 0) await this.sleep(wait);
      }
      return await post();
    } finally {
      turn.finishedAt = this.now();
      finish(turn.finishedAt);
    }
  }

  /** Drops channels whose last post finished more than an interval ago. */
  private forgetPast(): void {
    const now = this.now();
    for (const [channel, turn] of this.last) {
      if (turn.finishedAt !== undefined && turn.finishedAt + this.intervalMs <= now) this.last.delete(channel);
    }
  }
}
