import type { Clock, Store } from '../ports';
import type { DialogState } from './dialog/types';

/**
 * The normalised id of a conversation, `platform:channel:thread`, so the store and the dialog stay blind to
 * the platform. Each part is URI-encoded (Teams ids contain ':'); a missing thread is `-`.
 */
export function conversationId(platform: string, channel: string, thread?: string): string {
  return [platform, channel, thread && thread.length > 0 ? thread : '-'].map(encodeURIComponent).join(':');
}

export interface DialogSessionsDeps {
  store: Store;
  clock: Clock;
  /** A state last saved longer ago than this is treated as gone (and purged by retention). */
  ttlHours: number;
}

/**
 * Unfinished report dialogs, one JSON state per conversation, kept in the store (encrypted: a draft holds
 * report text) so a dialog survives a restart. `exclusive` runs one message at a time per conversation, in
 * this process and across every process sharing the database (see exclusive()).
 */
export class DialogSessions<S = DialogState> {
  private readonly queues = new Map<string, Promise<unknown>>();

  constructor(private readonly deps: DialogSessionsDeps) {}

  /** The conversation's saved state, or undefined (none, or expired). */
  async load(conversation: string): Promise<S | undefined> {
    const notBefore = new Date(this.deps.clock.now().getTime() - this.deps.ttlHours * 60 * 60 * 1000);
    return (await this.deps.store.loadDialog(conversation, notBefore)) as S | undefined;
  }

  /** Saves the state; `undefined` clears it (the dialog finished or was cancelled). */
  async save(conversation: string, state: S | undefined): Promise<void> {
    if (state === undefined) return this.clear(conversation);
    await this.deps.store.saveDialog(conversation, state, this.deps.clock.now());
  }

  /** Forgets the conversation's state. */
  async clear(conversation: string): Promise<void> {
    await this.deps.store.clearDialog(conversation);
  }

  /**
   * Runs `fn` after every earlier `exclusive` call for the same conversation has finished: in this process
   * by a queue per conversation, and across processes by Store.exclusive (on PostgreSQL an advisory lock
   * keyed by the conversation id, so two bot processes sharing the database never interleave the load–step–
   * save of one conversation; PGlite has only one process). `fn` must not call exclusive for the same
   * conversation.
   */
  exclusive<T>(conversation: string, fn: () => Promise<T>): Promise<T> {
    const previous = this.queues.get(conversation) ?? Promise.resolve();
    const next = previous.catch(() => undefined).then(() => this.deps.store.exclusive(`dialog:${conversation}`, fn));
    const tail = next.catch(() => undefined);
    this.queues.set(conversation, tail);
    void tail.then(() => {
      if (this.queues.get(conversation) === tail) this.queues.delete(conversation);
    });
    return next;
  }
}
