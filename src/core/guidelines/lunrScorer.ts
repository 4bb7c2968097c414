import type { lunr } from '../language/lunrLanguages';

/** One optional, exact-term query clause on one field (what search.ts asks lunr for). */
export interface TermClause {
  term: string;
  field: string;
  boost: number;
  /**
   * Clauses of one group are alternatives for one word of the question (its stem, synonyms, translations):
   * `scoreGrouped` counts only the best of them per passage and field.
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
export class LunrScorer {
  private readonly index: LunrInternals;
  /** field → docRef → term index → BM25 weight. */
  private readonly weights = new Map<string, Map<string, Map<number, number>>>();

  constructor(idx: lunr.Index) {
    this.index = idx as unknown as LunrInternals;
    for (const [fieldRef, vector] of Object.entries(this.index.fieldVectors)) {
      // lunr's field refs are `field/docRef`; field names have no slash.
      const slash = fieldRef.indexOf('/');
      const field = fieldRef.slice(0, slash);
      let byRef = this.weights.get(field);
      if (!byRef) this.weights.set(field, (byRef = new Map()));
      const weights = new Map<number, number>();
      const elements = vector.elements;
      for (let i = 0; i + 1 < elements.length; i += 2) weights.set(elements[i]!, elements[i + 1]!);
      byRef.set(fieldRef.slice(slash + 1), weights);
    }
  }

  /** Passages with a positive match, best first (ties in first-match order, as lunr). */
  score(clauses: TermClause[]): { ref: string; score: number }[] {
    // Query vector per field: term index → summed boost. A term in the index counts toward the vector's
    // length even in a field where no passage has it (as in lunr).
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
      const fieldWeights = this.weights.get(field);
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
   * Like `score`, but a passage earns each group once per field — its best-matching clause — instead of the
   * sum of all (Lucene's "dis-max" for synonyms): a passage that repeats three synonyms of one question word
   * must not outrank one that matches every word of the question once; the group's other matches add
   * `tieBreaker` of their score. Clauses without a group count alone.
   */
  scoreGrouped(clauses: TermClause[], tieBreaker = GROUP_TIE_BREAKER): { ref: string; score: number }[] {
    const byField = new Map<string, TermClause[]>();
    for (const c of clauses) {
      if (!this.index.invertedIndex[c.term]) continue;
      let list = byField.get(c.field);
      if (!list) byField.set(c.field, (list = []));
      list.push(c);
    }
    const order: string[] = [];
    const totals = new Map<string, number>();
    for (const [field, list] of byField) {
      // Query vector length as lunr computes it: boosts summed per term.
      const perTerm = new Map<string, number>();
      for (const c of list) perTerm.set(c.term, (perTerm.get(c.term) ?? 0) + c.boost);
      let sumOfSquares = 0;
      for (const boost of perTerm.values()) sumOfSquares += boost * boost;
      const magnitude = Math.sqrt(sumOfSquares);
      if (magnitude === 0) continue;
      const fieldWeights = this.weights.get(field);
      // ref → group → [best clause score, sum of the group's clause scores]
      const best = new Map<string, Map<number, [number, number]>>();
      list.forEach((c, i) => {
        const posting = this.index.invertedIndex[c.term]!;
        const docs = posting[field];
        if (!docs) return;
        const group = c.group ?? -1 - i;
        for (const ref in docs) {
          const w = (fieldWeights?.get(ref)?.get(posting._index) ?? 0) * c.boost;
          let groups = best.get(ref);
          if (!groups) best.set(ref, (groups = new Map()));
          const seen = groups.get(group);
          if (seen) {
            seen[0] = Math.max(seen[0], w);
            seen[1] += w;
          } else groups.set(group, [w, w]);
        }
      });
      for (const [ref, groups] of best) {
        let dot = 0;
        for (const [max, sum] of groups.values()) dot += max + tieBreaker * (sum - max);
        if (!totals.has(ref)) order.push(ref);
        totals.set(ref, (totals.get(ref) ?? 0) + dot / magnitude);
      }
    }
    return order.map((ref) => ({ ref, score: totals.get(ref)! })).sort((a, b) => b.score - a.score);
  }
}
