/**
 * Work still running after Slack was answered (Bolt acknowledges first, then the listener continues).
 * Shutdown waits for it, so no answer or store write is cut off when the server stops.
 */
export class InFlight {
  private readonly running = new Set<Promise<unknown>>();

  /** Runs `work`, remembering it until it settles. */
  run<T>(work: () => Promise<T>): Promise<T> {
    const promise = work();
    this.running.add(promise);
    const forget = () => this.running.delete(promise);
    promise.then(forget, forget);
    return promise;
  }

  /** Resolves when everything running now (and whatever it starts meanwhile) has settled. */
  async drain(): Promise<void> {
    while (this.running.size > 0) await Promise.allSettled([...this.running]);
  }
}
