import type { Analyzer } from '../language/analyzer';
import type { ContentLang } from '../language/lang';
import type { GlossaryEntry } from './vocabulary';

/** A glossary term analysed into the stems of its words ("närmaste chef" → ["närmast", "chef"]). */
export interface AnalyzedTerm {
  lang: ContentLang;
  stems: string[];
}

/** What a query word expands to: stems per language, each list one alternative phrase. */
export interface Expansion {
  sv: string[][];
  fi: string[][];
}

/**
 * The Swedish–Finnish glossary, prepared for query expansion. A query word (or a multi-word term found in the
 * query) that is on one side of an entry brings in every term of the entry, in both languages.
 */
export class Glossary {
  private readonly entries: AnalyzedTerm[][];
  /** First stem of a term → entries that have a term starting with it. */
  private readonly byStem: Record<ContentLang, Map<string, Set<number>>> = { sv: new Map(), fi: new Map() };

  /** Analyses glossary entries into stems (done once, when the index is built). */
  static analyze(entries: GlossaryEntry[], analyzer: Analyzer): AnalyzedTerm[][] {
    return entries.map((entry) => {
      const terms: AnalyzedTerm[] = [];
      for (const lang of ['sv', 'fi'] as const) {
        for (const term of entry[lang]) {
          const stems = analyzer.analyze(term, lang).map((w) => w.stem);
          if (stems.length > 0) terms.push({ lang, stems });
        }
      }
      return terms;
    });
  }

  constructor(entries: AnalyzedTerm[][]) {
    this.entries = entries;
    this.entries.forEach((terms, i) => {
      for (const t of terms) {
        for (const key of variants(t.stems[0]!)) {
          let set = this.byStem[t.lang].get(key);
          if (!set) this.byStem[t.lang].set(key, (set = new Set()));
          set.add(i);
        }
      }
    });
  }

  /**
   * Expansions for a query given as stems of one language. A multi-word term matches only when all its stems
   * occur in the query; a single stem also matches a longer or shorter form of the same word
   * (Finnish "salasan" / "salas"), sharing at least five letters and at most three letters apart.
   */
  expand(queryStems: string[], lang: ContentLang): Map<string, Expansion> {
    const present = new Set(queryStems);
    const result = new Map<string, Expansion>();
    for (const stem of new Set(queryStems)) {
      const candidates = new Set<number>();
      for (const key of variants(stem)) for (const i of this.byStem[lang].get(key) ?? []) candidates.add(i);
      if (candidates.size === 0) continue;
      const expansion: Expansion = { sv: [], fi: [] };
      const mine = variants(stem);
      for (const i of candidates) {
        const terms = this.entries[i]!;
        // (The term's variants are built here on purpose: kept from the constructor, comparing them with the
        // question's fresh strings made V8 promote about 130 KB per scavenge, and the answer's p99 with it.)
        const matched = terms.some(
          (t) =>
            t.lang === lang &&
            variants(t.stems[0]!).some((v) => mine.includes(v)) &&
            t.stems.slice(1).every((s) => present.has(s)),
        );
        if (!matched) continue;
        for (const t of terms) expansion[t.lang].push(t.stems);
      }
      if (expansion.sv.length + expansion.fi.length > 0) result.set(stem, expansion);
    }
    return result;
  }
}

/** The stem itself and its prefixes down to five letters, at most three letters shorter. */
function variants(stem: string): string[] {
  const out = [stem];
  // At most three letters and 30 % shorter: "salasan" ~ "salas", but "tjänstled" is not "tjänst".
  for (let len = stem.length - 1; len >= Math.max(5, stem.length - 3, Math.ceil(stem.length * 0.7)); len--) out.push(stem.slice(0, len));
  return out;
}
