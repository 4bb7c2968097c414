/** How many words' splits are kept per depth: a long-running bot meets ever new words. */
const MEMO_WORDS = 50_000;

/**
 * Splits Swedish and Finnish compounds against a vocabulary of known words: "somekanava" → "some" + "kanava",
 * "tvåfaktorsautentisering" → "två" + "faktors" + "autentisering". A split is taken only when every part is a
 * known word (a Swedish linking "s" may end a part), so unknown words stay whole.
 */
export class CompoundSplitter {
  /** Splits already worked out, per depth (see splitRec); bounded: cleared past MEMO_WORDS words. */
  private readonly memo: Map<string, string[] | null>[] = [new Map(), new Map(), new Map(), new Map()];

  /**
   * `known(word)` says whether a word (or its stem) is in the vocabulary. A head has at least `minPart`
   * letters, a tail at least `minTail`: shorter tails are mostly inflection endings ("kommun|ens").
   */
  constructor(
    private readonly known: (word: string) => boolean,
    private readonly minPart = 3,
    private readonly minTail = 4,
    /** Known only by its stem (an inflected form, "kanavan"): accepted as a tail from this length on. */
    private readonly knownByStem: (word: string) => boolean = () => false,
    private readonly minStemTail = 6,
  ) {}

  /** The parts of a compound, or an empty list when the word does not split into known parts. */
  split(word: string): string[] {
    if (word.length < this.minPart + this.minTail) return [];
    return this.splitRec(word, 0) ?? [];
  }

  private splitRec(word: string, depth: number): string[] | null {
    const memo = this.memo[depth]!;
    const known = memo.get(word);
    if (known !== undefined) return known;
    let best: string[] | null = null;
    if (depth < 3) {
      // Longest head first: "kommunikationsenhet" → "kommunikations" + "enhet" before shorter heads.
      for (let cut = word.length - this.minTail; cut >= this.minPart; cut--) {
        const head = word.slice(0, cut);
        const tail = word.slice(cut);
        if (!this.isPart(head)) continue;
        const tailKnown = this.known(tail) || (tail.length >= this.minStemTail && this.knownByStem(tail));
        if (tailKnown && tail.length >= this.minTail) {
          best = [head, tail];
          break;
        }
        const rest = this.splitRec(tail, depth + 1);
        if (rest && rest.length > 0) {
          best = [head, ...rest];
          break;
        }
      }
    }
    if (memo.size >= MEMO_WORDS) memo.clear();
    memo.set(word, best);
    return best;
  }

  private isPart(head: string): boolean {
    if (this.known(head)) return true;
    // Swedish linking s: "faktors" in "tvåfaktorsautentisering", "kommentars" in "kommentarsfunktion".
    return head.length > this.minPart && head.endsWith('s') && this.known(head.slice(0, -1));
  }
}
