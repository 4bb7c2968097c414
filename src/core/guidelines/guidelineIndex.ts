import { Analyzer, type AnalyzedWord } from '../language/analyzer';
import { LanguageDetector, type LanguageMarkers, type LanguageModel } from '../language/detect';
import type { ContentLang } from '../language/lang';
import { lunr } from '../language/lunrLanguages';
import { splitWords } from '../language/words';
import { ContentError } from '../errors';
import type { IntentCues } from '../intents/intentCues';
import { trainIntentModel, type SavedIntentModel } from '../intents/intentModel';
import { QuestionScope, type ScopeCues } from './scope';
import { Glossary, type AnalyzedTerm } from './glossary';
import type { GuidelineContent } from './guidelineContent';
import type { LearnedContent } from '../content/learnedContent';
import type { Passage } from './passage';
import { TermLookup, type TermLookups } from './termLookup';
import { LunrScorer } from './lunrScorer';
import { analyzeGlossary, isUncurated, seedPassageTerms } from './starterVocabulary';
import type { PassageTerms } from './vocabulary';
import type { TermClause } from './lunrScorer';

/**
 * Index fields, one set per language: stems of one language never mix with the other's. Headings and
 * lead-ins are not indexed for ranking (a heading would make every passage under it match); they count
 * toward a passage's coverage at half weight (see search.ts).
 */
export const FIELDS = {
  sv: { body: 'body_sv', terms: 'terms_sv', asked: 'asked_sv' },
  fi: { body: 'body_fi', terms: 'terms_fi', asked: 'asked_fi' },
} as const;

/**
 * Weight of each field in a query clause. lunr divides each field's score by the length of that field's query
 * vector, so these hardly weigh one field against another (measured: terms at 1 or 3 rank alike); they mainly
 * weigh a field's clauses against the other-reading clauses in the same field (see search.ts).
 */
export const FIELD_BOOST = { body: 1, terms: 1.4, asked: 1 } as const;

/** Bumped whenever the analysis changes, so an index saved by an older build counts as stale. */
export const INDEX_FORMAT = 21;

/** The saved form of an index (`somebot index` writes it, start-up loads it). */
export interface SavedGuidelineIndex {
  format: number;
  contentHash: string;
  passages: Passage[];
  /**
   * Terms of each passage per language, for answer confidence: `own` from its text and its own curated
   * terms, `shared` from what it shares with its section (headings, lead-in, section terms).
   */
  passageTerms: Record<string, { own: Record<ContentLang, string[]>; shared: Record<ContentLang, string[]>; text: Record<ContentLang, string[]> }>;
  vocabulary: string[];
  vocabularyStems: Record<ContentLang, string[]>;
  glossary: AnalyzedTerm[][];
  markers: LanguageMarkers;
  languageModel: LanguageModel;
  intentCues: IntentCues;
  /** The intent model trained from content/intent-examples; null when the content has no examples. */
  intentModel: SavedIntentModel | null;
  scope: ScopeCues;
  /** Whom to name when nothing answers, as taught (content/learned.yaml, and the database when rebuilt by teaching). */
  learnedContacts: LearnedContent['contacts'];
  lunr: object;
  /** One lunr document per example question (ref `passageId\u0000n`), fields asked_sv / asked_fi. */
  questions: object;
  /**
   * Each passage-level example question by its words (see askedKey) → its passage: a question asked in exactly
   * an example question's words gets that passage first. Words that example questions of two passages share
   * are left out.
   */
  askedExactly: Record<string, string>;
}

/** A passage's terms per language: its own, and those it shares with its section. */
export interface PassageTermSets {
  own: Record<ContentLang, Set<string>>;
  shared: Record<ContentLang, Set<string>>;
  /** Terms of the passage's own wording only (no curated search terms). */
  text: Record<ContentLang, Set<string>>;
}

/** The built search index with what querying it needs (analyzer, glossary, language detector). */
export class GuidelineIndex {
  readonly analyzer: Analyzer;
  readonly glossary: Glossary;
  readonly detector: LanguageDetector;
  readonly scope: QuestionScope;
  readonly lunr: lunr.Index;
  /** Scores query clauses against `lunr` without lunr's per-query allocations. */
  readonly scorer: LunrScorer;
  /** Scores query clauses against the example questions, one document each. */
  readonly questionScorer: LunrScorer;
  readonly passages: Map<string, Passage>;
  readonly passageTerms: Map<string, PassageTermSets>;
  /** Document frequency of each stem per language (over passages), for weighting query words. */
  readonly df: Record<ContentLang, Map<string, number>>;
  /** Every term of the index per language, for prefix and typo expansion. */
  readonly terms: TermLookups;

  constructor(readonly saved: SavedGuidelineIndex) {
    if (saved.format !== INDEX_FORMAT) {
      throw new ContentError('INDEX_STALE', `index format ${saved.format} is not ${INDEX_FORMAT}: rebuild it`);
    }
    this.analyzer = new Analyzer(saved.vocabulary, saved.markers.stopwords, saved.vocabularyStems);
    this.glossary = new Glossary(saved.glossary);
    this.detector = new LanguageDetector(saved.languageModel, saved.markers);
    this.scope = new QuestionScope(saved.scope);
    this.lunr = lunr.Index.load(saved.lunr);
    this.scorer = new LunrScorer(this.lunr);
    this.questionScorer = new LunrScorer(lunr.Index.load(saved.questions));
    this.passages = new Map(saved.passages.map((p) => [p.id, p]));
    this.passageTerms = new Map();
    this.df = { sv: new Map(), fi: new Map() };
    for (const [id, terms] of Object.entries(saved.passageTerms)) {
      const sets: PassageTermSets = {
        own: { sv: new Set(terms.own.sv), fi: new Set(terms.own.fi) },
        shared: { sv: new Set(terms.shared.sv), fi: new Set(terms.shared.fi) },
        text: { sv: new Set(terms.text.sv), fi: new Set(terms.text.fi) },
      };
      this.passageTerms.set(id, sets);
      for (const lang of ['sv', 'fi'] as const) {
        for (const t of new Set([...sets.own[lang], ...sets.shared[lang]])) this.df[lang].set(t, (this.df[lang].get(t) ?? 0) + 1);
      }
    }
    this.terms = { sv: new TermLookup(this.df.sv.keys()), fi: new TermLookup(this.df.fi.keys()) };
  }

  get contentHash(): string {
    return this.saved.contentHash;
  }

  /** The passage whose example question has exactly these words (see askedKey), if one passage's has. */
  askedExactly(key: string): string | undefined {
    // Keys start with the language ("sv:"), so no key is an Object.prototype name.
    return Object.hasOwn(this.saved.askedExactly, key) ? this.saved.askedExactly[key] : undefined;
  }

  get size(): number {
    return this.passages.size;
  }
}

/** Surface words the compound splitter may split into: every word of the guidelines and the vocabulary. */
function buildVocabulary(content: GuidelineContent): string[] {
  const words = new Set<string>();
  const add = (text: string) => {
    for (const w of splitWords(text)) {
      if (w.text.length >= 3 && !/\p{N}/u.test(w.text)) words.add(w.text);
      for (const piece of w.pieces) if (piece.length >= 3) words.add(piece);
    }
  };
  for (const p of content.passages) add(p.text);
  for (const terms of [...content.searchTerms.values(), ...content.exampleQuestions.values()]) {
    for (const list of [terms.section.sv, terms.section.fi, terms.passage.sv, terms.passage.fi]) list.forEach(add);
  }
  for (const entry of content.glossary) [...entry.sv, ...entry.fi].forEach(add);
  return [...words].sort();
}

/**
 * A question's words as the index reads them (stems in order, stop words left out), with its language: the same
 * question typed with other case, punctuation, inflection or filler words has the same key.
 */
export function askedKey(analyzer: Analyzer, text: string, lang: ContentLang): string {
  return askedKeyOf(analyzer.analyze(text, lang), lang);
}

/** askedKey from the text's words as `analyzer.analyze(text, lang)` gave them. */
export function askedKeyOf(words: readonly AnalyzedWord[], lang: ContentLang): string {
  return `${lang}:${words.map((w) => w.stem).join(' ')}`;
}

/** See SavedGuidelineIndex.askedExactly. */
function exampleQuestionKeys(content: GuidelineContent, analyzer: Analyzer): Record<string, string> {
  const keys = new Map<string, string | null>();
  for (const p of content.passages) {
    const asked = content.exampleQuestions.get(p.id)!;
    for (const lang of ['sv', 'fi'] as const) {
      for (const q of asked.passage[lang]) {
        const key = askedKey(analyzer, q, lang);
        if (key === `${lang}:`) continue;
        const known = keys.get(key);
        keys.set(key, known === undefined || known === p.id ? p.id : null);
      }
    }
  }
  const result: Record<string, string> = {};
  for (const [key, passageId] of keys) if (passageId !== null) result[key] = passageId;
  return result;
}

/** The lunr ref of a passage's n-th example question in the question index. */
function questionRef(passageId: string, n: number): string {
  return `${passageId}\u0000${n}`;
}

/** The passage an example question belongs to, from its ref in the question index (see questionRef). */
export function questionPassage(ref: string): string {
  const end = ref.indexOf('\u0000');
  if (end < 0) throw new Error(`not an example question's ref: ${ref}`);
  return ref.slice(0, end);
}

/** Every example question as its own lunr document, so a question can be matched to the one most like it. */
function buildQuestionIndex(content: GuidelineContent, analyzer: Analyzer): lunr.Index {
  return lunr(function () {
    this.pipeline.reset();
    this.searchPipeline.reset();
    this.ref('id');
    for (const lang of ['sv', 'fi'] as const) this.field(FIELDS[lang].asked);
    this.metadataWhitelist = [];
    let n = 0;
    for (const p of content.passages) {
      const asked = content.exampleQuestions.get(p.id)!;
      for (const lang of ['sv', 'fi'] as const) {
        // Passage-level questions only: a section-level one would be copied into every passage of the section
        // (it still counts among the section's shared words, see buildGuidelineIndex).
        for (const q of asked.passage[lang]) {
          this.add({ id: questionRef(p.id, n++), [FIELDS.sv.asked]: lang === 'sv' ? analyzer.terms(q, lang) : [], [FIELDS.fi.asked]: lang === 'fi' ? analyzer.terms(q, lang) : [] });
        }
      }
    }
  });
}

export interface BuildOptions {
  /**
   * Seed starter search terms for passages without curated ones (see starterVocabulary.ts). Default true;
   * false only to measure what seeding gives (src/bench/seedingMeasure.ts).
   */
  seed?: boolean;
  /** Terms an uncurated passage borrows from its curated neighbours (see borrowFromNeighbours); internal. */
  borrowed?: Map<string, PassageTerms>;
}

/** Builds the index from validated content. Deterministic: the same content gives the same index. */
export function buildGuidelineIndex(content: GuidelineContent, options: BuildOptions = {}): GuidelineIndex {
  const first = buildOnce(content, options);
  if (options.seed === false || options.borrowed) return first;
  const borrowed = borrowFromNeighbours(content, first);
  return borrowed.size === 0 ? first : buildOnce(content, { ...options, borrowed });
}

/**
 * How many curated passages an uncurated one borrows search terms from (measured on stripped documents, top-1 /
 * top-3 over their fixture questions: none 0.485 / 0.687 and 0.455 / 0.706 on Vimmerby's and Enontekiö's,
 * 1 → 0.493 / 0.722 and 0.499 / 0.721, 3 → 0.515 / 0.749 and 0.504 / 0.721, 5 → 0.533 / 0.767 and
 * 0.522 / 0.747, 8 → 0.559 / 0.775 and 0.517 / 0.757).
 */
const NEIGHBOURS = 5;

/**
 * Nearest-neighbour borrowing: each passage without curated search terms takes the passage-level curated terms
 * of the NEIGHBOURS curated passages whose wording is most like its own (its words and seeded terms, both
 * languages, scored by BM25 against `first`'s text and terms fields). What staff call a topic in one document
 * is what they call it in another. Only passage-level terms: a section's terms describe another document's
 * section. Empty when every passage is curated.
 */
function borrowFromNeighbours(content: GuidelineContent, first: GuidelineIndex): Map<string, PassageTerms> {
  const borrowed = new Map<string, PassageTerms>();
  const curated = (id: string) => !isUncurated(content.searchTerms.get(id));
  for (const p of content.passages) {
    if (curated(p.id)) continue;
    const own = first.passageTerms.get(p.id)!.own;
    const clauses: TermClause[] = [];
    let group = 0;
    for (const l of ['sv', 'fi'] as const) {
      for (const term of own[l]) {
        clauses.push({ term, field: FIELDS[l].body, boost: 1, group }, { term, field: FIELDS[l].terms, boost: 1, group });
        group += 1;
      }
    }
    const lent: PassageTerms = { section: { sv: [], fi: [] }, passage: { sv: [], fi: [] } };
    for (const near of first.scorer.scoreGrouped(clauses).filter((r) => curated(r.ref)).slice(0, NEIGHBOURS)) {
      const terms = content.searchTerms.get(near.ref)!.passage;
      lent.passage.sv.push(...terms.sv);
      lent.passage.fi.push(...terms.fi);
    }
    borrowed.set(p.id, lent);
  }
  return borrowed;
}

/** One build: with `options.borrowed`, the borrowed terms are added to the seeded ones. */
function buildOnce(content: GuidelineContent, options: BuildOptions): GuidelineIndex {
  const vocabulary = buildVocabulary(content);
  const analyzer = new Analyzer(vocabulary, content.markers.stopwords);
  const seed = options.seed ?? true;
  const glossaryStems = seed ? analyzeGlossary(content.glossary, analyzer) : [];
  const passageTerms: SavedGuidelineIndex['passageTerms'] = {};
  const training: Record<ContentLang, string[]> = { sv: [], fi: [] };

  const docs = content.passages.map((p) => {
    const lang = p.source.lang;
    const curated = content.searchTerms.get(p.id)!;
    const terms = seed ? seedPassageTerms(p, curated, glossaryStems, analyzer) : curated;
    const seeded = terms !== curated;
    const lent = seeded ? options.borrowed?.get(p.id) : undefined;
    if (lent) for (const l of ['sv', 'fi'] as const) terms.passage[l].push(...lent.passage[l]);
    const fields: Record<string, string[]> = {};
    const own: Record<ContentLang, string[]> = { sv: [], fi: [] };
    const shared: Record<ContentLang, string[]> = { sv: [], fi: [] };
    const put = (l: ContentLang, kind: keyof typeof FIELD_BOOST | 'context', text: string, into: Record<ContentLang, string[]>) => {
      const t = analyzer.terms(text, l);
      if (kind !== 'context') (fields[FIELDS[l][kind]] ??= []).push(...t);
      into[l].push(...t);
    };
    put(lang, 'body', p.body, own);
    put(lang, 'context', [...p.trail, p.lead ?? ''].join('\n'), shared);
    for (const l of ['sv', 'fi'] as const) {
      // Passage-level terms count double: they describe this rule, section terms its whole topic.
      put(l, 'terms', [...terms.passage[l], ...terms.passage[l]].join('\n'), own);
      put(l, 'terms', terms.section[l].join('\n'), shared);
      // Seeded terms are the corpus's words, not a person's: they do not teach the language detector.
      if (!seeded) training[l].push(...terms.passage[l], ...terms.section[l]);
      // Example questions have a field of their own: their wording is the askers', not the writers' of terms.
      const asked = content.exampleQuestions.get(p.id)!;
      put(l, 'asked', asked.passage[l].join('\n'), own);
      put(l, 'asked', asked.section[l].join('\n'), shared);
      training[l].push(...asked.passage[l]);
    }
    training[lang].push(p.text);
    const text: Record<ContentLang, string[]> = { sv: [], fi: [] };
    text[lang] = [...new Set(analyzer.terms(p.body, lang))];
    passageTerms[p.id] = {
      own: { sv: [...new Set(own.sv)], fi: [...new Set(own.fi)] },
      text,
      shared: { sv: [...new Set(shared.sv)], fi: [...new Set(shared.fi)] },
    };
    return { id: p.id, fields };
  });
  for (const entry of content.glossary) {
    training.sv.push(...entry.sv);
    training.fi.push(...entry.fi);
  }

  const idx = lunr(function () {
    // The analysis happens before lunr sees the text (see Analyzer): its own pipeline stays empty, so a
    // saved index needs no registered pipeline functions to load and no stemmer runs twice.
    this.pipeline.reset();
    this.searchPipeline.reset();
    this.ref('id');
    // Field weights are applied per query clause (see search.ts): as lunr build-time boosts they scale the
    // document vectors and measured worse.
    for (const lang of ['sv', 'fi'] as const) for (const field of Object.values(FIELDS[lang])) this.field(field);
    this.metadataWhitelist = [];
    for (const d of docs) {
      const doc: Record<string, unknown> = { id: d.id };
      for (const lang of ['sv', 'fi'] as const) {
        for (const field of Object.values(FIELDS[lang])) doc[field] = d.fields[field] ?? [];
      }
      this.add(doc);
    }
  });

  return new GuidelineIndex({
    format: INDEX_FORMAT,
    contentHash: content.hash,
    passages: content.passages,
    passageTerms,
    vocabulary,
    vocabularyStems: analyzer.vocabularyStems,
    glossary: Glossary.analyze(content.glossary, analyzer),
    markers: content.markers,
    languageModel: LanguageDetector.train({ sv: training.sv.join('\n'), fi: training.fi.join('\n') }),
    intentCues: content.intentCues,
    intentModel: content.intentExamples.reports.length > 0 ? trainIntentModel(content.intentExamples) : null,
    scope: content.scope,
    learnedContacts: content.contacts,
    lunr: idx.toJSON(),
    questions: buildQuestionIndex(content, analyzer).toJSON(),
    askedExactly: exampleQuestionKeys(content, analyzer),
  });
}
