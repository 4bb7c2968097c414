/**
 * Runs the turns of one conversation one after another, within this process. Only ordering: the core's
 * DialogSessions takes its own (cross-process) lock inside each step, which must not be nested under a
 * lock for the same conversation, so this queue holds none.
 */
export class TurnQueue {
  private readonly tails = new Map<string, Promise<unknown>>();

  run<T>(key: string, fn: () => Promise<T>): Promise<T> {
    const previous = this.tails.get(key) ?? Promise.resolve();
    const next = previous.catch(() => undefined).then(fn);
    const tail = next.catch(() => undefined);
    this.tails.set(key, tail);
    void tail.then(() => {
      if (this.tails.get(key) === tail) this.tails.delete(key);
    });
    return next;
  }
}
