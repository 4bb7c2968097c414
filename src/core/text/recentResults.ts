/**
 * The results of a pure function of a string for the last `size` distinct inputs, newest kept longest. For
 * work one answer repeats on the same text; a small bound keeps memory flat whatever the traffic.
 *
 * Two fixed arrays, least recently used first, instead of a Map: a Map's delete-and-set on every hit leaves
 * deleted entries that make it allocate a new table now and then, and a promoted table then holds its young
 * successor through every scavenge, so each answer's tables reached the old generation.
 */
export class RecentResults<T> {
  private readonly inputs: (string | undefined)[];
  private readonly results: (T | undefined)[];
  private count = 0;

  constructor(private readonly size: number) {
    this.inputs = new Array<string | undefined>(size).fill(undefined);
    this.results = new Array<T | undefined>(size).fill(undefined);
  }

  get(input: string, compute: (input: string) => T): T {
    if (this.size <= 0) return compute(input);
    const { inputs, results } = this;
    for (let i = this.count - 1; i >= 0; i--) {
      if (inputs[i] !== input) continue;
      const known = results[i] as T;
      // A hit becomes the newest: the entries after it move one place towards the front.
      for (let k = i; k < this.count - 1; k++) {
        inputs[k] = inputs[k + 1];
        results[k] = results[k + 1];
      }
      inputs[this.count - 1] = input;
      results[this.count - 1] = known;
      return known;
    }
    const result = compute(input);
    if (this.count === this.size) {
      // Full: the least recently used (the first) goes.
      for (let k = 0; k < this.size - 1; k++) {
        inputs[k] = inputs[k + 1];
        results[k] = results[k + 1];
      }
      this.count -= 1;
    }
    inputs[this.count] = input;
    results[this.count] = result;
    this.count += 1;
    return result;
  }
}
