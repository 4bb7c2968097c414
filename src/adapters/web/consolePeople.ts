import type { Logger, Store } from '../../core/ports';
import { errorFields } from '../../core/logger';

/** How often the list is read again (someone may have signed in through another process). */
const REFRESH_MS = 30_000;

/**
 * Who has ever signed in to the web console, as this process knows it: read from the store at start and
 * every 30 s, and added to at once when someone signs in here. The list only grows, so a stale copy can
 * only under-count: an alert then waits for its next attempt (or another door), never lands unseen.
 */
export class ConsolePeople {
  private readonly ids = new Set<string>();
  private timer: NodeJS.Timeout | undefined;

  constructor(private readonly deps: { store: Pick<Store, 'consolePeople'>; logger: Logger }) {}

  async start(): Promise<void> {
    await this.refresh();
    this.timer = setInterval(() => void this.refresh(), REFRESH_MS);
    this.timer.unref();
  }

  has(personId: string): boolean {
    return this.ids.has(personId);
  }

  add(personId: string): void {
    this.ids.add(personId);
  }

  close(): void {
    clearInterval(this.timer);
  }

  private async refresh(): Promise<void> {
    try {
      for (const id of await this.deps.store.consolePeople()) this.ids.add(id);
    } catch (err) {
      this.deps.logger.warn('web_console_people_unavailable', errorFields(err));
    }
  }
}
