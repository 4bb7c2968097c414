import type { AnalyzedWord } from '../language/analyzer';
import type { ContentLang } from '../language/lang';
import { lunr } from '../language/lunrLanguages';
import { FIELDS, type GuidelineIndex } from './guidelineIndex';
import type { Passage } from './passage';

/** One ranked passage. */
export interface SearchHit {
  passage: Passage;
  /** Final ranking score (lunr BM25 weighted by how much of the question the passage covers). */
  score: number;
  /** Share (0..1) of the question's words, weighted by rarity, that this passage matches. */
  coverage: number;
  /** The question's words this passage does not match (for diagnosis and the answer decision). */
  missing: string[];
}

export interface SearchResult {
  hits: SearchHit[];
  /** The question's words with their rarity weights. */
  words: { surface: string; weight: number; known: boolean }[];
  /** The question's content words found nowhere in the guidelines (not even by spelling tolerance). */
  unknownWords: string[];
}

/** A word of the question and the alternatives it is searched with. */
interface Concept {
  word: AnalyzedWord;
  /** Stems per language that count as this word being present. */
  forms: Record<ContentLang, Set<string>>;
  weight: number;
}

const OTHER: Record<ContentLang, ContentLang> = { sv: 'fi', fi: 'sv' };
const FIELD_BOOST = { body: 1, context: 0.5, terms: 1.4 };
/** How much a word counts toward coverage when a passage has it only through its section. */
const SHARED_MATCH = 0.5;
/** Ranking weighs lunr's BM25 score by coverage: a passage that matches every word beats one that repeats one. */
const COVERAGE_FLOOR = Number(process.env.SOMEBOT_TUNE_FLOOR ?? 0.35);
/**
 * Document frequency assumed for a word the guidelines never use (neither its stem nor a translation): it
 * weighs like the rarest words, since a question about something the guidelines never mention is
 * usually a question they do not answer.
 */
const UNKNOWN_DF = 0;

/**
 * How many passages use a word: its own stem in its own language when the guidelines use it, else the
 * least common of its translations, else UNKNOWN_DF.
 */
function wordFrequency(index: GuidelineIndex, lang: ContentLang, word: AnalyzedWord, forms: Record<ContentLang, Set<string>>): number {
  const own = index.df[lang].get(word.stem) ?? 0;
  if (own > 0) return own;
  const known = (['sv', 'fi'] as const).flatMap((l) => [...forms[l]].map((s) => index.df[l].get(s) ?? 0)).filter((d) => d > 0);
  return known.length > 0 ? Math.min(...known) : UNKNOWN_DF;
}

/**
 * Searches the index with the question in language `lang`. User text never reaches lunr's query parser:
 * queries are built term by term with `idx.query`, so `:` `^` `~` `*` `-` `+` are just separators.
 */
export function searchGuidelines(index: GuidelineIndex, question: string, lang: ContentLang, limit = 10): SearchResult {
  const other = OTHER[lang];
  const words = index.analyzer.analyze(question, lang);
  if (words.length === 0) return { hits: [], words: [], unknownWords: [] };
  const expansions = index.glossary.expand(
    words.flatMap((w) => [w.stem, ...w.partStems]),
    lang,
  );
  const n = Math.max(1, index.size);
  const concepts: Concept[] = words.map((word) => {
    const forms: Record<ContentLang, Set<string>> = { sv: new Set(), fi: new Set() };
    forms[lang].add(word.stem);
    // A compound means what its last part means ("lunch|restaurang" is a restaurant): only that part, not
    // the modifiers before it, makes the word count as present in a passage.
    const head = word.partStems[word.partStems.length - 1];
    if (head && head.length >= 4) forms[lang].add(head);
    for (const stem of head && head.length >= 4 ? [word.stem, head] : [word.stem]) {
      const exp = expansions.get(stem);
      if (!exp) continue;
      for (const l of ['sv', 'fi'] as const) for (const phrase of exp[l]) for (const s of phrase) forms[l].add(s);
    }
    const df = wordFrequency(index, lang, word, forms);
    // Short words say little; a word the guidelines never use weighs like a rare one.
    const weight = Math.log(1 + n / (1 + df)) * (word.surface.length <= 2 ? 0.3 : 1);
    return { word, forms, weight };
  });

  const raw = index.lunr.query((q) => {
    const add = (term: string, l: ContentLang, boost: number, extra: Partial<lunr.Query.Clause> = {}) => {
      for (const [kind, field] of Object.entries(FIELDS[l]) as [keyof typeof FIELD_BOOST, string][]) {
        q.term(term, { fields: [field], boost: boost * FIELD_BOOST[kind], usePipeline: false, ...extra });
      }
    };
    for (const c of concepts) {
      const w = c.weight;
      add(c.word.stem, lang, w);
      for (const part of c.word.partStems) if (part !== c.word.stem) add(part, lang, 0.5 * w);
      if (c.word.stem.length >= 5) {
        add(c.word.stem, lang, 0.3 * w, { wildcard: lunr.Query.wildcard.TRAILING });
      }
      if (c.word.stem.length >= 6) add(c.word.stem, lang, 0.2 * w, { editDistance: 1 });
      for (const l of ['sv', 'fi'] as const) {
        for (const s of c.forms[l]) {
          if (l === lang && s === c.word.stem) continue;
          add(s, l, (l === lang ? 0.6 : 0.8) * w);
        }
      }
    }
    // The same words read as the other language: names (Facebook, LinkedIn) and mis-detected text.
    for (const word of index.analyzer.analyze(question, other)) add(word.stem, other, 0.3);
  });

  const hits: SearchHit[] = [];
  const total = concepts.reduce((s, c) => s + c.weight, 0) || 1;
  for (const r of raw.slice(0, Math.max(limit * 3, 30))) {
    const passage = index.passages.get(r.ref);
    const terms = index.passageTerms.get(r.ref);
    if (!passage || !terms) continue;
    let covered = 0;
    const missing: string[] = [];
    for (const c of concepts) {
      // A word found only in what the passage shares with its section (its heading, lead-in, section
      // terms) counts half: it tells the section, not this passage within it.
      if (matches(c, terms.own)) covered += c.weight;
      else if (matches(c, terms.shared)) covered += SHARED_MATCH * c.weight;
      else missing.push(c.word.surface);
    }
    const coverage = covered / total;
    hits.push({ passage, score: r.score * (COVERAGE_FLOOR + (1 - COVERAGE_FLOOR) * coverage), coverage, missing });
  }
  hits.sort((a, b) => b.score - a.score || a.passage.id.localeCompare(b.passage.id));

  const known = concepts.map((c) => [...index.passageTerms.values()].some((t) => matches(c, t.own) || matches(c, t.shared)));
  return {
    hits: hits.slice(0, limit),
    words: concepts.map((c, i) => ({ surface: c.word.surface, weight: c.weight, known: known[i]! })),
    unknownWords: concepts.filter((_, i) => !known[i]).map((c) => c.word.surface),
  };
}

/** Whether a passage's terms contain a concept: an exact stem, a longer form of it, or a one-letter typo. */
function matches(c: Concept, terms: Record<ContentLang, Set<string>>): boolean {
  for (const l of ['sv', 'fi'] as const) {
    for (const form of c.forms[l]) {
      if (terms[l].has(form)) return true;
      if (form.length >= 5) for (const t of terms[l]) if (t.startsWith(form) || (t.length >= 6 && withinOneEdit(form, t))) return true;
    }
  }
  return false;
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
