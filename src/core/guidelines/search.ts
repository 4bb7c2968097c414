import type { AnalyzedWord } from '../language/analyzer';
import type { ContentLang } from '../language/lang';
import type { TermClause } from './lunrScorer';
import { askedKeyOf, FIELD_BOOST, FIELDS, questionPassage, type GuidelineIndex, type PassageTermSets } from './guidelineIndex';
import type { Passage } from './passage';
import type { Readers } from './guidelineDocument';

/** One ranked passage. */
export interface SearchHit {
  passage: Passage;
  /** Final ranking score (lunr BM25 weighted by how much of the question the passage covers). */
  score: number;
  /**
   * The passage index's BM25 (text, curated terms and example questions' words, without the closest-question
   * bonus) weighted once by coverage: how strongly the passage matches, for the answer decision.
   */
  evidence: number;
  /** Share (0..1) of the question's words, weighted by rarity, that this passage matches. */
  coverage: number;
  /** The question's words this passage does not match (for diagnosis and the answer decision). */
  missing: string[];
  /**
   * Present (true) when the question is, word for word, one of this passage's example questions (see askedKey):
   * a question content owners taught, asked again. It ranks first and is answered.
   */
  exact?: true;
}

export interface SearchResult {
  hits: SearchHit[];
  /** The question's words with their rarity weights, and whether the guidelines use them at all. */
  words: { surface: string; weight: number; known: boolean }[];
  /** The question's content words found nowhere in the guidelines (not even by spelling tolerance). */
  unknownWords: string[];
}

export interface SearchOptions {
  /** false: rank by the words alone, without putting an example question's own passage first (see SearchHit.exact). */
  exact?: boolean;
}

/** Index terms per language with their query boosts. */
type TermBoosts = Record<ContentLang, Map<string, number>>;

/** A word of the question: the index terms it is searched with, and those that count as it being present. */
interface Concept {
  word: AnalyzedWord;
  /** Everything the query searches for this word (with its compound modifiers). */
  terms: TermBoosts;
  /** The terms that count as the word being present in a passage, with the credit (0..1) each gives. */
  counted: TermBoosts;
  /** `counted` as flat lists, for the per-passage checks (iterating Maps there allocated an entry per term). */
  countedList: CountedTerm[];
  weight: number;
}

interface CountedTerm {
  lang: ContentLang;
  term: string;
  credit: number;
}

const OTHER: Record<ContentLang, ContentLang> = { sv: 'fi', fi: 'sv' };
/** Relative boosts of the ways a question word reaches an index term. */
const BOOST = { stem: 1, head: 0.6, part: 0.4, synonym: 0.6, translation: 0.8, prefix: 0.3, typo: 0.5, otherReading: 0.3 };
/** How much a compound counts toward coverage when a passage has only its head ("kommunikation"). */
const HEAD_CREDIT = 0.5;
/** How much a word counts toward coverage when a passage has it only through its section. */
const SHARED_MATCH = 0.5;
/**
 * Ranking weighs lunr's BM25 score twice by coverage (floor + (1 - floor) × coverage, squared): a passage that
 * matches every word of the question beats one that repeats one of them often.
 */
const COVERAGE_FLOOR = 0.35;
/** A term in more than this share of passages is left out of the lunr query (see searchGuidelines). */
const COMMON_SHARE = 0.3;
/** Query terms per question word and language (see strongest). */
const MAX_TERMS_PER_WORD = 5;
/**
 * Ranking factor for a passage in the question's language: every passage carries search terms and example
 * questions in both languages (so a question finds a rule written only in the other one), and where a passage
 * in the asker's language answers as well, it is the one to quote. Was 1.1 for Swedish questions until the
 * Finnish example questions made Enontekiö's passages win Swedish questions that Swedish rules answer (1.5
 * for both: 0.884 -> 0.892 top-1 over the sample and the question sets).
 */
const SAME_LANGUAGE_BONUS = 1.5;
/** Ranking factor for a blogger's commentary (SKL): between equal matches, a municipality's own rule reads better. */
const COMMENTARY_FACTOR = 0.9;
/**
 * Ranking bonus for the share of the question found in the passage's own wording (not only in its curated
 * search terms): between passages that cover a question equally, the one whose text says it is the answer.
 * Was 0.8; with the questions content owners taught (content/learned.yaml) a passage's askers' wording says
 * more, and 0.5 ranked best over every question set of test/fixtures and the development set (top-1 summed: 0.8 → 1106,
 * 0.7 → 1107, 0.6 → 1107, 0.5 → 1110, 0.4 → 1108, 0.3 → 1108; no set worse at 0.5).
 */
const WORDING_BONUS = 0.5;
/**
 * Ranking factor for a passage of a document whose rules bind only some readers (Kimitoön's rules for elected
 * officials): × this when the question does not name them (staff ask about their own rules), ÷ this when it
 * does (the rule written for them is the more specific answer).
 */
const OTHER_READERS_FACTOR = 0.6;
/**
 * Weight of the best-matching example question's score added to a passage's lunr score (measured over the
 * sample and the question sets in test/fixtures: 1 to 5 all help, 2 to 3 most).
 */
const QUESTION_MATCH_WEIGHT = 2;
/** How far ahead of the next passage a passage goes whose example question the question repeats word for word. */
const EXACT_FACTOR = 1.5;
/** How many of lunr's results are re-ranked by coverage. */
const RERANK = 20;

/**
 * Searches the index with the question in language `lang`. User text never reaches lunr's query parser:
 * the query is a list of exact-term clauses scored against lunr's index (see LunrScorer, which scores as
 * `idx.query` would), so `:` `^` `~` `*` `-` `+` are just separators.
 */
export function searchGuidelines(index: GuidelineIndex, question: string, lang: ContentLang, limit = 10, options: SearchOptions = {}): SearchResult {
  const analyzed = index.analyzer.analyze(question, lang);
  const words = separateUnknownCompounds(index, analyzed, lang);
  if (words.length === 0) return { hits: [], words: [], unknownWords: [] };
  const concepts = buildConcepts(index, words, lang);
  const otherReading = index.analyzer.analyze(question, OTHER[lang]).filter((w) => index.terms[OTHER[lang]].has(w.stem));

  // Terms in most passages barely move BM25 but make lunr score every passage: they are left to coverage,
  // unless the question has nothing else.
  const n = Math.max(1, index.size);
  const rare = (l: ContentLang, term: string) => (index.df[l].get(term) ?? 0) <= n * COMMON_SHARE;
  const anyRare = concepts.some((c) => LANGS.some((l) => someKey(c.terms[l], (t) => rare(l, t))));
  const clauses: TermClause[] = [];
  // The clauses on the example-question fields, which the example-question index scores too.
  const askedClauses: TermClause[] = [];
  concepts.forEach((c, group) => {
    for (const l of LANGS) {
      for (const [term, boost] of c.terms[l]) {
        if (anyRare && !rare(l, term)) continue;
        for (const { field, boost: fieldBoost, asked } of FIELD_LIST[l]) {
          const clause = { term, field, boost: c.weight * boost * fieldBoost, group };
          clauses.push(clause);
          if (asked) askedClauses.push(clause);
        }
      }
    }
  });
  // The same words read as the other language: names (Facebook, LinkedIn) and mis-detected text.
  for (const w of otherReading) {
    for (const { field, asked } of FIELD_LIST[OTHER[lang]]) {
      const clause = { term: w.stem, field, boost: BOOST.otherReading };
      clauses.push(clause);
      if (asked) askedClauses.push(clause);
    }
  }
  // A passage also scores by the example question most like the question (each example question a lunr
  // document of its own): one close paraphrase says more than many loose words spread over a passage's list.
  const raw = addClosestQuestions(index.scorer.groupedScores(clauses), index.questionScorer.bestByKey(askedClauses, questionPassage));

  const total = concepts.reduce((s, c) => s + c.weight, 0) || 1;
  const readers = index.scope.readersNamed(question);
  // A question asked in exactly the words of an example question gets that question's passage first.
  const taught = options.exact === false ? undefined : index.askedExactly(askedKeyOf(analyzed, lang));
  const candidates = rerankCandidates(raw, Math.max(limit, RERANK));
  if (taught !== undefined && !candidates.some((r) => r.ref === taught)) candidates.push(raw.find((r) => r.ref === taught) ?? { ref: taught, score: 0, matched: 0 });
  const hits: SearchHit[] = [];
  for (const r of candidates) {
    const passage = index.passages.get(r.ref);
    const sets = index.passageTerms.get(r.ref);
    if (!passage || !sets) continue;
    let covered = 0;
    let inText = 0;
    const missing: string[] = [];
    for (const c of concepts) {
      // A word found only in what the passage shares with its section (heading, lead-in, section terms)
      // counts half: it tells the section, not this passage within it.
      const credit = present(c, sets);
      covered += credit * c.weight;
      if (credit === 0) missing.push(c.word.surface);
      else if (inWording(c, sets)) inText += c.weight;
    }
    const coverage = covered / total;
    const coverageFactor = COVERAGE_FLOOR + (1 - COVERAGE_FLOOR) * coverage;
    const weighted = r.score * coverageFactor;
    // Between passages that answer equally well, one in the question's own language reads better.
    const own = passage.source.lang === lang ? SAME_LANGUAGE_BONUS : 1;
    const authority = (passage.source.kind === 'commentary' ? COMMENTARY_FACTOR : 1) * readersFactor(passage.source.readers, readers);
    const wording = 1 + WORDING_BONUS * (inText / total);
    hits.push({ passage, score: weighted * (COVERAGE_FLOOR + (1 - COVERAGE_FLOOR) * coverage) * own * authority * wording, evidence: r.matched * coverageFactor, coverage, missing });
  }
  const exact = taught === undefined ? undefined : hits.find((h) => h.passage.id === taught);
  if (exact) {
    exact.exact = true;
    exact.score = Math.max(exact.score, ...hits.map((h) => h.score)) * EXACT_FACTOR;
  }
  hits.sort((a, b) => b.score - a.score || a.passage.id.localeCompare(b.passage.id));

  const known = concepts.map((c) => c.counted.sv.size + c.counted.fi.size > 0);
  return {
    hits: hits.slice(0, limit),
    words: concepts.map((c, i) => ({ surface: c.word.surface, weight: c.weight, known: known[i]! })),
    unknownWords: concepts.filter((_, i) => !known[i]).map((c) => c.word.surface),
  };
}

/** Whether the guidelines' text or curated search terms use a term (example questions are askers' words). */
function inGuidelineWording(index: GuidelineIndex, term: string, lang: ContentLang): boolean {
  return index.scorer.has(FIELDS[lang].body, term) || index.scorer.has(FIELDS[lang].terms, term);
}

/** See OTHER_READERS_FACTOR: `named` are the readers the question names ('everyone' always). */
function readersFactor(readers: Readers, named: ReadonlySet<Readers>): number {
  if (readers === 'everyone') return 1;
  return named.has(readers) ? 1 / OTHER_READERS_FACTOR : OTHER_READERS_FACTOR;
}

const LANGS = ['sv', 'fi'] as const;

/** Each language's fields with their query boosts, in FIELDS' order; `asked`: the example-question field, which the example-question index has too. */
const FIELD_LIST: Record<ContentLang, { field: string; boost: number; asked: boolean }[]> = {
  sv: fieldList('sv'),
  fi: fieldList('fi'),
};

function fieldList(lang: ContentLang): { field: string; boost: number; asked: boolean }[] {
  return (Object.entries(FIELDS[lang]) as [keyof typeof FIELD_BOOST, string][]).map(([kind, field]) => ({ field, boost: FIELD_BOOST[kind], asked: kind === 'asked' }));
}

/** Whether some key of `map` passes `test` (without copying the keys). */
function someKey<K>(map: Map<K, unknown>, test: (key: K) => boolean): boolean {
  for (const key of map.keys()) if (test(key)) return true;
  return false;
}

/**
 * Adds to each passage's score QUESTION_MATCH_WEIGHT × the score of its best-matching example question
 * (`closest`, by passage id); a passage reached only through an example question joins the ranking.
 * `matched` keeps the passage index's score alone: the answer thresholds are not set on the bonus's scale
 * (with it in the evidence, unanswerable questions close to some example question were answered).
 * `passages` in any order; the result is sorted by score, ties by ref.
 */
function addClosestQuestions(passages: { ref: string; score: number }[], closest: Map<string, number>): { ref: string; score: number; matched: number }[] {
  const scored = passages.map((r) => ({ ref: r.ref, score: r.score + QUESTION_MATCH_WEIGHT * (closest.get(r.ref) ?? 0), matched: r.score }));
  for (const r of passages) closest.delete(r.ref);
  for (const [ref, score] of closest) scored.push({ ref, score: QUESTION_MATCH_WEIGHT * score, matched: 0 });
  return scored.sort((a, b) => b.score - a.score || a.ref.localeCompare(b.ref));
}

/**
 * The passages re-ranked by coverage: the best `n` by the full score, and the best `n` by the passage index's
 * score alone. The closest-question bonus only lifts passages that have example questions; without the second
 * list a passage that has none (a newly imported document) could be pushed out of the candidates by the bonus
 * of others even when the question repeats its own words. `raw` is sorted by score.
 */
function rerankCandidates<T extends { ref: string; score: number; matched: number }>(raw: T[], n: number): T[] {
  const top = raw.slice(0, n);
  if (raw.length <= n) return top;
  // The n-th best passage-index score (a numeric typed-array sort, ascending).
  const threshold = Float64Array.from(raw, (r) => r.matched).sort()[raw.length - n]!;
  // Only what is among the best n by the passage index alone joins.
  for (const r of raw.slice(n)) if (r.matched > 0 && r.matched >= threshold) top.push(r);
  return top;
}

/**
 * A compound the guidelines never use ("LinkedIn-konto", "Facebook-sivua", "lösenordsbyte") is searched as its
 * separate words, each weighing by its own rarity. Read as one word it would mean its head ("konto"), and the
 * rare name in it would count only as a modifier. A compound that the guidelines' text or curated terms use,
 * or that the glossary knows, stays whole; example questions do not count (one asker's "LinkedIn-konto" must not
 * make the word whole again). The answer's word list then shows the parts.
 */
function separateUnknownCompounds(index: GuidelineIndex, words: AnalyzedWord[], lang: ContentLang): AnalyzedWord[] {
  return words.flatMap((w) => {
    if (w.parts.length < 2 || inGuidelineWording(index, w.stem, lang) || index.glossary.expand([w.stem], lang).has(w.stem)) return [w];
    return w.parts.flatMap((part) => index.analyzer.analyze(part, lang));
  });
}

/**
 * Expands each question word to the index terms that count as it: its stem, its compound head (a compound
 * means what its last part means: "lunch|restaurang" is a restaurant), glossary synonyms and translations,
 * longer forms (prefix) and one-letter typos. Only terms the index has are kept.
 */
function buildConcepts(index: GuidelineIndex, words: AnalyzedWord[], lang: ContentLang): Concept[] {
  const expansions = index.glossary.expand(
    words.flatMap((w) => [w.stem, ...w.partStems]),
    lang,
  );
  const n = Math.max(1, index.size);
  return words.map((word) => {
    const terms: TermBoosts = { sv: new Map(), fi: new Map() };
    const put = (l: ContentLang, term: string, boost: number) => {
      if (!index.terms[l].has(term)) return;
      if ((terms[l].get(term) ?? 0) < boost) terms[l].set(term, boost);
    };
    const head = word.partStems.length > 0 ? word.partStems[word.partStems.length - 1]! : undefined;
    const meaningful = head !== undefined && head.length >= 4 ? [word.stem, head] : [word.stem];
    put(lang, word.stem, BOOST.stem);
    // A compound's parts are searched with their own rarity: "kris|kommunikation" must not make
    // "kommunikation" weigh like the rare whole word.
    const partWeight = (part: string) => Math.min(1, idf(n, index.df[lang].get(part) ?? 0) / Math.max(idf(n, index.df[lang].get(word.stem) ?? 0), 1e-9));
    if (meaningful.length > 1) put(lang, head!, BOOST.head * partWeight(head!));
    for (const stem of meaningful) {
      const exp = expansions.get(stem);
      if (!exp) continue;
      for (const l of ['sv', 'fi'] as const) {
        // A multi-word term stands for the word by its most specific part: "komma överens" by "överens",
        // never by "över", which would match everything with a preposition in it.
        for (const phrase of exp[l]) {
          const term = mostSpecific(index, l, phrase);
          if (term !== undefined) put(l, term, l === lang ? BOOST.synonym : BOOST.translation);
        }
      }
    }
    // Longer forms and typos only for words that are not everywhere (expanding "medier" helps no ranking).
    const common = (index.df[lang].get(word.stem) ?? 0) > n / 4;
    for (const stem of common ? [] : meaningful) {
      if (stem.length >= 5) for (const t of index.terms[lang].withPrefix(stem, 6)) put(lang, t, BOOST.prefix);
      if (stem.length >= 6 && !index.terms[lang].has(stem)) for (const t of index.terms[lang].typoNeighbours(stem)) put(lang, t, BOOST.typo);
    }
    // What counts toward coverage is fixed now; the modifiers of a compound only help ranking.
    // Coverage credit: the whole word or its equivalents count fully, the compound's head alone half
    // ("kommunikation" in a passage is only part of "kriskommunikation").
    const counted: TermBoosts = { sv: new Map(), fi: new Map() };
    for (const l of ['sv', 'fi'] as const) for (const t of terms[l].keys()) counted[l].set(t, 1);
    if (meaningful.length > 1) {
      if (counted[lang].has(head!) && !isEquivalent(terms, lang, head!, word.stem)) counted[lang].set(head!, HEAD_CREDIT);
    }
    for (const part of word.partStems) if (part !== head && part.length >= 3) put(lang, part, BOOST.part * partWeight(part));
    const weight = Math.log(1 + n / (1 + frequency(index, lang, word, counted))) * (word.surface.length <= 2 ? 0.3 : 1);
    const countedList: CountedTerm[] = [];
    for (const l of ['sv', 'fi'] as const) for (const [term, credit] of counted[l]) countedList.push({ lang: l, term, credit });
    return { word, terms: strongest(index, terms), counted, countedList, weight };
  });
}

/** The rarest of a phrase's stems that the index has (a single stem is itself). */
function mostSpecific(index: GuidelineIndex, lang: ContentLang, stems: string[]): string | undefined {
  if (stems.length === 1) return stems[0];
  let best: string | undefined;
  for (const s of stems) {
    const df = index.df[lang].get(s) ?? 0;
    if (df > 0 && (best === undefined || df < (index.df[lang].get(best) ?? 0))) best = s;
  }
  return best;
}

function idf(n: number, df: number): number {
  return Math.log(1 + n / (1 + df));
}

/**
 * The query keeps the strongest few terms of a word per language (highest boost, then rarest): every clause
 * costs lunr a pass over its postings, and a broad glossary entry would otherwise add dozens.
 */
function strongest(index: GuidelineIndex, terms: TermBoosts): TermBoosts {
  const out: TermBoosts = { sv: new Map(), fi: new Map() };
  for (const l of LANGS) {
    // One term or none needs no ranking (most words): the map itself is kept.
    if (terms[l].size <= 1) {
      out[l] = terms[l];
      continue;
    }
    const ranked = [...terms[l]].sort((a, b) => b[1] - a[1] || (index.df[l].get(a[0]) ?? 0) - (index.df[l].get(b[0]) ?? 0));
    for (const [term, boost] of ranked.slice(0, MAX_TERMS_PER_WORD)) out[l].set(term, boost);
  }
  return out;
}

/**
 * How many passages use a word: its own stem when the guidelines use it, else the least common of the terms
 * that count as it, else 0 (a word the guidelines never use weighs like the rarest: a question about
 * something they never mention is usually one they do not answer).
 */
function frequency(index: GuidelineIndex, lang: ContentLang, word: AnalyzedWord, counted: TermBoosts): number {
  const own = index.df[lang].get(word.stem) ?? 0;
  if (own > 0) return own;
  const dfs = (['sv', 'fi'] as const).flatMap((l) => [...counted[l].keys()].map((t) => index.df[l].get(t) ?? 0)).filter((d) => d > 0);
  return dfs.length > 0 ? Math.min(...dfs) : 0;
}

/** Whether a passage has a concept among its own terms, only among those shared with its section, or not at all. */
function present(c: Concept, sets: PassageTermSets): number {
  let credit = 0;
  const list = c.countedList;
  for (let i = 0; i < list.length; i++) {
    const { lang, term, credit: value } = list[i]!;
    if (sets.own[lang].has(term)) {
      if (value === 1) return 1;
      credit = Math.max(credit, value);
    } else if (sets.shared[lang].has(term)) credit = Math.max(credit, SHARED_MATCH * value);
  }
  return credit;
}

/** Whether the passage's own wording (not its curated terms) has the concept. */
function inWording(c: Concept, sets: PassageTermSets): boolean {
  const list = c.countedList;
  for (let i = 0; i < list.length; i++) {
    const { lang, term, credit } = list[i]!;
    if (credit === 1 && sets.text[lang].has(term)) return true;
  }
  return false;
}

/** True when a term also reached the word some other way than as its head (a glossary or prefix form). */
function isEquivalent(terms: TermBoosts, lang: ContentLang, term: string, stem: string): boolean {
  return term === stem || (terms[lang].get(term) ?? 0) > BOOST.head;
}
