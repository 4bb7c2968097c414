import type { Logger } from '../logger';
import type { Store } from '../ports';
import { learnedFromItems, type LearnedContent } from './learnedContent';

export interface ContentReloaderDeps {
  store: Store;
  logger: Logger;
  /** Rebuilds and swaps in the index with what was taught; returns how many teachings could not be applied. */
  apply(learned: LearnedContent): { skipped: number };
  pollMs: number;
}

/**
 * Keeps this process's index in step with what content owners taught (in the database, shared by every process):
 * polls a version that changes on every teaching or undo and rebuilds when it changed. A failed poll (database
 * away) is logged and tried again at the next one.
 */
export class ContentReloader {
  private version: string | undefined;
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;

  constructor(private readonly deps: ContentReloaderDeps) {}

  /** Applies what was taught now, then checks every `pollMs`. */
  async start(): Promise<void> {
    await this.check();
    this.timer = setInterval(() => void this.check(), this.deps.pollMs);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
  }

  /** Rebuilds when the taught content changed since the last check. One check at a time. */
  check(): Promise<void> {
    this.running ??= this.reload().finally(() => (this.running = undefined));
    return this.running;
  }

  private async reload(): Promise<void> {
    const { store, logger } = this.deps;
    try {
      const version = await store.learnedVersion();
      if (version === this.version) return;
      const items = await store.learnedItems();
      if (items.length === 0 && this.version === undefined) {
        this.version = version;
        return;
      }
      const started = Date.now();
      const { skipped } = this.deps.apply(learnedFromItems(items));
      this.version = version;
      logger.info('content_reloaded', { teachings: items.length, skipped, ms: Date.now() - started });
    } catch (err) {
      logger.warn('content_reload_failed', { error: err instanceof Error ? err.name : 'unknown' });
    }
  }
}
