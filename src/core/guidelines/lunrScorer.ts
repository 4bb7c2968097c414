import type { lunr } from '../language/lunrLanguages';

/** One optional, exact-term query clause on one field (what search.ts asks lunr for). */
export interface TermClause {
  term: string;
  field: string;
  boost: number;
  /**
   * Clauses of one group are alternatives for one word of the question (its stem, synonyms, translations):
   * `scoreGrouped` counts only the best of them per document and field.
   */
  group?: number;
}

interface LunrInternals {
  invertedIndex: Record<string, { _index: number } & Record<string, Record<string, unknown>>>;
  fieldVectors: Record<string, { elements: number[] }>;
}

/** Share of a group's other matching clauses added to its best one (Lucene's dis-max tie breaker). */
const GROUP_TIE_BREAKER = 0.3;

/**
 * Scores a lunr index for optional exact-term clauses exactly as `lunr.Index.query` does — per field, the
 * query vector (boosts summed per term) dotted with the document's stored BM25 field vector and divided by the
 * query vector's length; fields summed — but without lunr's per-clause token sets and match data, whose
 * allocations made the slowest answers wait for garbage collection. Wildcards, fuzzy terms and required or
 * prohibited clauses are not supported (search.ts uses none). test/core/guidelines/lunrScorer.test.ts
 * compares it with lunr's own query on every question of the fixtures.
 */
/**
 * The postings of one field, packed: the documents (by number) and BM25 weights of term `t` are
 * `docs`/`weights` from `start[slot]` to `start[slot + 1]`, where `slot = slots.get(t)`. Two typed arrays per
 * field instead of two per term and field: small typed arrays cost more in headers than in data.
 */
interface FieldPostings {
  slots: Map<string, number>;
  start: Int32Array;
  docs: Int32Array;
  weights: Float64Array;
}

/** One field's share of an accumulate call. */
interface FieldWork {
  field: string;
  /** Group number of the query → dense number within this field. */
  groups: Map<number, number>;
  clauses: TermClause[];
  groupOf: number[];
}

export class LunrScorer {
  private readonly index: LunrInternals;
  /** field → docRef → term index → BM25 weight; built on the first `score` call only (see fieldWeights). */
  private weights?: Map<string, Map<string, Map<number, number>>>;
  /** Document refs by dense number (lunr's document order), and each field's packed postings. */
  private readonly refs: string[] = [];
  private readonly postings = new Map<string, FieldPostings>();
  /** Scratch arrays of accumulate, kept zeroed between uses (allocating them per query fed the GC). */
  private scratch = {
    best: new Float64Array(0),
    sum: new Float64Array(0),
    inField: new Uint8Array(0),
    loose: new Float64Array(0),
    totals: new Float64Array(0),
    matched: new Uint8Array(0),
    /** The matching documents of the last accumulate, in first-match order: `order[0 .. count)`. */
    order: new Int32Array(0),
  };
  /** The documents a field's clauses matched (reused per field and call). */
  private seen = new Int32Array(0);
  /** bestByKey's key of each document, built when it is first called with a `keyOf` (rebuilt for another). */
  private keyed?: { keyOf: (ref: string) => string; keys: string[]; ofDoc: Int32Array; best: Float64Array };

  constructor(idx: lunr.Index) {
    this.index = idx as unknown as LunrInternals;
    const termOf: string[] = [];
    for (const [term, posting] of Object.entries(this.index.invertedIndex)) termOf[posting._index] = term;
    // A term's documents are listed in document order, as in lunr's inverted index (whose postings are keyed
    // by ref in the order documents were added; refs are never integer-like, so key order is that order).
    const number = new Map<string, number>();
    const byField = new Map<string, { docs: number[][]; weights: number[][] }>();
    for (const [fieldRef, vector] of Object.entries(this.index.fieldVectors)) {
      // lunr's field refs are `field/docRef`; field names have no slash.
      const slash = fieldRef.indexOf('/');
      const field = fieldRef.slice(0, slash);
      const ref = fieldRef.slice(slash + 1);
      let doc = number.get(ref);
      if (doc === undefined) number.set(ref, (doc = this.refs.push(ref) - 1));
      let lists = byField.get(field);
      if (!lists) byField.set(field, (lists = { docs: [], weights: [] }));
      const elements = vector.elements;
      for (let i = 0; i + 1 < elements.length; i += 2) {
        const termIndex = elements[i]!;
        (lists.docs[termIndex] ??= []).push(doc);
        (lists.weights[termIndex] ??= []).push(elements[i + 1]!);
      }
    }
    for (const [field, lists] of byField) {
      const slots = new Map<string, number>();
      let total = 0;
      for (const docs of lists.docs) if (docs) total += docs.length;
      const packed: FieldPostings = { slots, start: new Int32Array(0), docs: new Int32Array(total), weights: new Float64Array(total) };
      const starts: number[] = [];
      let at = 0;
      lists.docs.forEach((docs, termIndex) => {
        if (!docs) return;
        slots.set(termOf[termIndex]!, starts.push(at) - 1);
        packed.docs.set(docs, at);
        packed.weights.set(lists.weights[termIndex]!, at);
        at += docs.length;
      });
      starts.push(at);
      packed.start = Int32Array.from(starts);
      this.postings.set(field, packed);
    }
    const n = this.refs.length;
    this.scratch = { ...this.scratch, inField: new Uint8Array(n), loose: new Float64Array(n), totals: new Float64Array(n), matched: new Uint8Array(n), order: new Int32Array(n) };
  }

  /** field → docRef → term index → weight, as lunr's query reads them (only `score` needs them). */
  private fieldWeights(): Map<string, Map<string, Map<number, number>>> {
    if (this.weights) return this.weights;
    const all = new Map<string, Map<string, Map<number, number>>>();
    for (const [fieldRef, vector] of Object.entries(this.index.fieldVectors)) {
      const slash = fieldRef.indexOf('/');
      const field = fieldRef.slice(0, slash);
      let byRef = all.get(field);
      if (!byRef) all.set(field, (byRef = new Map()));
      const weights = new Map<number, number>();
      const elements = vector.elements;
      for (let i = 0; i + 1 < elements.length; i += 2) weights.set(elements[i]!, elements[i + 1]!);
      byRef.set(fieldRef.slice(slash + 1), weights);
    }
    return (this.weights = all);
  }

  /** Whether any document has `term` in `field`. */
  has(field: string, term: string): boolean {
    return this.postings.get(field)?.slots.has(term) ?? false;
  }

  /** Passages with a positive match, best first (ties in first-match order, as lunr). */
  score(clauses: TermClause[]): { ref: string; score: number }[] {
    // Query vector per field: term index → summed boost. A term in the index counts toward the vector's
    // length even in a field where no document has it (as in lunr).
    const queries = new Map<string, Map<number, number>>();
    const termOf = new Map<number, string>();
    for (const c of clauses) {
      const posting = this.index.invertedIndex[c.term];
      if (!posting) continue;
      let q = queries.get(c.field);
      if (!q) queries.set(c.field, (q = new Map()));
      q.set(posting._index, (q.get(posting._index) ?? 0) + c.boost);
      termOf.set(posting._index, c.term);
    }
    const order: string[] = [];
    const totals = new Map<string, number>();
    for (const [field, q] of queries) {
      let sumOfSquares = 0;
      for (const boost of q.values()) sumOfSquares += boost * boost;
      const magnitude = Math.sqrt(sumOfSquares);
      if (magnitude === 0) continue;
      const dots = new Map<string, number>();
      const fieldWeights = this.fieldWeights().get(field);
      for (const [termIndex, boost] of q) {
        const docs = this.index.invertedIndex[termOf.get(termIndex)!]![field];
        if (!docs) continue;
        for (const ref in docs) {
          const w = fieldWeights?.get(ref)?.get(termIndex) ?? 0;
          dots.set(ref, (dots.get(ref) ?? 0) + boost * w);
        }
      }
      for (const [ref, dot] of dots) {
        if (!totals.has(ref)) order.push(ref);
        totals.set(ref, (totals.get(ref) ?? 0) + dot / magnitude);
      }
    }
    return order.map((ref) => ({ ref, score: totals.get(ref)! })).sort((a, b) => b.score - a.score);
  }

  /**
   * Like `score`, but a document earns each group once per field — its best-matching clause — instead of the
   * sum of all (Lucene's "dis-max" for synonyms): a document that repeats three synonyms of one question word
   * must not outrank one that matches every word of the question once; the group's other matches add
   * `tieBreaker` of their score. Clauses without a group count alone.
   */
  scoreGrouped(clauses: TermClause[], tieBreaker = GROUP_TIE_BREAKER): { ref: string; score: number }[] {
    return this.groupedScores(clauses, tieBreaker).sort((a, b) => b.score - a.score);
  }

  /** The same scores as `scoreGrouped`, in first-match order (for a caller that sorts them its own way). */
  groupedScores(clauses: TermClause[], tieBreaker = GROUP_TIE_BREAKER): { ref: string; score: number }[] {
    const count = this.accumulate(clauses, tieBreaker);
    const { order, totals } = this.scratch;
    const scored: { ref: string; score: number }[] = new Array(count);
    for (let i = 0; i < count; i++) scored[i] = { ref: this.refs[order[i]!]!, score: totals[order[i]!]! };
    this.release(count);
    return scored;
  }

  /**
   * The best `scoreGrouped` score among the documents of each key, keys given by `keyOf(ref)` (an example
   * question's passage): without a result object per matching document.
   */
  bestByKey(clauses: TermClause[], keyOf: (ref: string) => string): Map<string, number> {
    if (this.keyed?.keyOf !== keyOf) {
      const keys: string[] = [];
      const number = new Map<string, number>();
      const ofDoc = Int32Array.from(this.refs, (ref) => {
        const key = keyOf(ref);
        let k = number.get(key);
        if (k === undefined) number.set(key, (k = keys.push(key) - 1));
        return k;
      });
      this.keyed = { keyOf, keys, ofDoc, best: new Float64Array(keys.length) };
    }
    const { keys, ofDoc, best } = this.keyed;
    const count = this.accumulate(clauses, GROUP_TIE_BREAKER);
    const { order, totals } = this.scratch;
    const touched: number[] = [];
    for (let i = 0; i < count; i++) {
      const doc = order[i]!;
      const k = ofDoc[doc]!;
      if (best[k] === 0) touched.push(k);
      if (totals[doc]! > best[k]!) best[k] = totals[doc]!;
    }
    this.release(count);
    const result = new Map<string, number>();
    for (const k of touched) {
      result.set(keys[k]!, best[k]!);
      best[k] = 0;
    }
    return result;
  }

  /**
   * Per-document grouped scores into the scratch arrays: `order[0 .. count)` lists the matching documents,
   * `totals` holds their scores; returns `count`. The caller reads them, then hands them back with release().
   */
  private accumulate(clauses: TermClause[], tieBreaker: number): number {
    // Per field, dense numbers for the groups that have clauses in it, so that the per-document, per-group
    // bests live in flat arrays; a clause without a group is a group of its own, so it simply adds its score.
    // (Fresh maps per call: a reused Map's clear() leaves its old table, once promoted, holding the new young one
    // alive through every scavenge, so each query's tables were promoted; the heap grew about 15 KB per answer.)
    const byField = new Map<string, FieldWork>();
    for (const clause of clauses) {
      if (!this.index.invertedIndex[clause.term]) continue;
      let entry = byField.get(clause.field);
      if (!entry) byField.set(clause.field, (entry = { field: clause.field, groups: new Map(), clauses: [], groupOf: [] }));
      let group = -1;
      if (clause.group !== undefined) {
        const known = entry.groups.get(clause.group);
        if (known === undefined) entry.groups.set(clause.group, (group = entry.groups.size));
        else group = known;
      }
      entry.clauses.push(clause);
      entry.groupOf.push(group);
    }
    const n = this.refs.length;
    // Zero between calls: the caller hands them back with release().
    const { totals, matched, order } = this.scratch;
    let count = 0;
    for (const { field, groups: groupNumbers, clauses: list, groupOf } of byField.values()) {
      // Query vector length as lunr computes it: boosts summed per term.
      const perTerm = new Map<string, number>();
      for (const clause of list) perTerm.set(clause.term, (perTerm.get(clause.term) ?? 0) + clause.boost);
      let sumOfSquares = 0;
      for (const boost of perTerm.values()) sumOfSquares += boost * boost;
      const magnitude = Math.sqrt(sumOfSquares);
      if (magnitude === 0) continue;
      const postings = this.postings.get(field);
      const groups = groupNumbers.size;
      const { best, sum, inField, loose } = this.buffers(n * groups);
      // (A typed array: emptying a JS array by `length = 0` drops its storage, and it grew again for every field.)
      if (this.seen.length < n) this.seen = new Int32Array(n);
      const seen = this.seen;
      let seenCount = 0;
      for (let c = 0; c < list.length; c++) {
        const clause = list[c]!;
        const group = groupOf[c]!;
        const slot = postings?.slots.get(clause.term);
        if (slot === undefined) continue;
        const { docs, weights } = postings!;
        for (let j = postings!.start[slot]!, end = postings!.start[slot + 1]!; j < end; j++) {
          const doc = docs[j]!;
          if (inField[doc] === 0) {
            inField[doc] = 1;
            seen[seenCount++] = doc;
          }
          const w = weights[j]! * clause.boost;
          if (group < 0) {
            loose[doc] = loose[doc]! + w;
            continue;
          }
          const k = doc * groups + group;
          if (w > best[k]!) best[k] = w;
          sum[k] = sum[k]! + w;
        }
      }
      for (let s = 0; s < seenCount; s++) {
        const doc = seen[s]!;
        let dot = loose[doc]!;
        loose[doc] = 0;
        for (let k = doc * groups; k < (doc + 1) * groups; k++) {
          dot += best[k]! + tieBreaker * (sum[k]! - best[k]!);
          best[k] = 0;
          sum[k] = 0;
        }
        inField[doc] = 0;
        if (matched[doc] === 0) {
          matched[doc] = 1;
          order[count++] = doc;
        }
        totals[doc] = totals[doc]! + dot / magnitude;
      }
    }
    return count;
  }

  private buffers(size: number): { best: Float64Array; sum: Float64Array; inField: Uint8Array; loose: Float64Array } {
    if (this.scratch.best.length < size) {
      this.scratch = { ...this.scratch, best: new Float64Array(size), sum: new Float64Array(size) };
    }
    return this.scratch;
  }

  /** Zeroes the per-document totals of the first `count` documents of `order` (see accumulate). */
  private release(count: number): void {
    const { totals, matched, order } = this.scratch;
    for (let i = 0; i < count; i++) {
      const doc = order[i]!;
      totals[doc] = 0;
      matched[doc] = 0;
    }
  }
}
