/**
 * The results of a pure function of a string for the last `size` distinct inputs, newest kept longest. For
 * work one answer repeats on the same text; a small bound keeps memory flat whatever the traffic.
 */
export class RecentResults<T> {
  private readonly results = new Map<string, T>();

  constructor(private readonly size: number) {}

  get(input: string, compute: (input: string) => T): T {
    const known = this.results.get(input);
    if (known !== undefined) {
      // Map keeps insertion order: moving a hit to the end makes the first key the least recently used.
      this.results.delete(input);
      this.results.set(input, known);
      return known;
    }
    const result = compute(input);
    this.results.set(input, result);
    if (this.results.size > this.size) this.results.delete(this.results.keys().next().value as string);
    return result;
  }
}
