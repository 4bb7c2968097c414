import type { ContentLang } from '../language/lang';

/**
 * The terms of the index in one language, for expanding a question's word to the index terms that count as
 * it: the word itself, longer forms of it (Finnish "salas" → "salasan"), and a one-letter typo away
 * ("lösenrod" → "lösenord"). Replaces lunr's wildcard and fuzzy clauses, which cost milliseconds a query.
 */
export class TermLookup {
  private readonly sorted: string[];
  private readonly set: Set<string>;
  /** Deletion variants → terms (built on first use: most questions need no typo correction). */
  private deletions: Map<string, string[]> | undefined;

  constructor(terms: Iterable<string>) {
    this.set = new Set(terms);
    this.sorted = [...this.set].sort();
  }

  has(term: string): boolean {
    return this.set.has(term);
  }

  /** Terms that start with `prefix` (at most `limit`, shortest first). */
  withPrefix(prefix: string, limit = 12): string[] {
    let lo = 0;
    let hi = this.sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.sorted[mid]! < prefix) lo = mid + 1;
      else hi = mid;
    }
    const out: string[] = [];
    for (let i = lo; i < this.sorted.length && this.sorted[i]!.startsWith(prefix); i++) out.push(this.sorted[i]!);
    return out.sort((a, b) => a.length - b.length || (a < b ? -1 : 1)).slice(0, limit);
  }

  /** Terms one insertion, deletion, substitution or swap away from `term` (not `term` itself). */
  typoNeighbours(term: string): string[] {
    const deletions = (this.deletions ??= this.buildDeletions());
    const found = new Set<string>();
    for (const variant of [term, ...deletionsOf(term)]) {
      for (const t of deletions.get(variant) ?? []) if (t !== term && withinOneEdit(term, t)) found.add(t);
    }
    return [...found];
  }

  private buildDeletions(): Map<string, string[]> {
    const map = new Map<string, string[]>();
    const add = (key: string, term: string) => {
      const list = map.get(key);
      if (list) list.push(term);
      else map.set(key, [term]);
    };
    for (const t of this.sorted) {
      if (t.length < 5) continue;
      add(t, t);
      for (const d of deletionsOf(t)) add(d, t);
    }
    return map;
  }
}

function deletionsOf(term: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < term.length; i++) out.push(term.slice(0, i) + term.slice(i + 1));
  return out;
}

/** True when a and b differ by at most one insertion, deletion, substitution or swap of neighbours. */
export function withinOneEdit(a: string, b: string): boolean {
  if (a === b) return true;
  if (Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  if (a.length === b.length) {
    if (a.slice(i + 1) === b.slice(i + 1)) return true;
    return a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2);
  }
  return a.length > b.length ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
}

export type TermLookups = Record<ContentLang, TermLookup>;
