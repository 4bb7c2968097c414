import type { Analyzer } from '../language/analyzer';
import type { ContentLang } from '../language/lang';
import type { Passage } from './passage';
import type { GlossaryEntry, PassageTerms, TermLists } from './vocabulary';

const OTHER: Record<ContentLang, ContentLang> = { sv: 'fi', fi: 'sv' };

/** Whether a passage has no curated search terms at all (neither its own nor its section's, in either language). */
export function isUncurated(terms: PassageTerms | undefined): boolean {
  if (!terms) return true;
  return [terms.section.sv, terms.section.fi, terms.passage.sv, terms.passage.fi].every((l) => l.length === 0);
}

/**
 * Starter search terms for a passage that has no curated ones, built from what the corpus already knows, with no
 * hand work:
 * - the words of its heading trail (so the topic a heading names reaches each passage under it), with the
 *   glossary's translations and synonyms of the heading's and the lead-in's words;
 * - the glossary's translations into the other language and same-language synonyms of every glossary
 *   term its text uses, so a question in the other language finds a rule written in one.
 * Compound parts need no step of their own: the analyzer splits the text's and the heading's compounds by the
 * corpus vocabulary when they are indexed. Returns the passage's terms unchanged when it has curated ones.
 */
export function seedPassageTerms(passage: Passage, curated: PassageTerms, glossary: readonly AnalyzedGlossary[], analyzer: Analyzer): PassageTerms {
  if (!isUncurated(curated)) return curated;
  const lang = passage.source.lang;
  const heading = passage.trail.join('\n');
  const own: TermLists = { sv: [], fi: [] };
  own[lang].push(...passage.trail);
  addGlossaryTerms(own, new Set(analyzer.terms([heading, passage.lead ?? '', passage.body].join('\n'), lang)), lang, glossary);
  // All of it counts as the passage's own: with no curated words of its own, its heading is the most specific
  // description it has (measured on stripped documents: as section-level words, which count half, top-1 fell
  // from 0.458 to 0.442 on Enontekiö's questions and stayed 0.485 on Vimmerby's).
  return { section: { sv: [], fi: [] }, passage: own };
}

/** A glossary entry with each of its terms analysed to stems, for matching against a passage's stems. */
export interface AnalyzedGlossary {
  entry: GlossaryEntry;
  stems: Record<ContentLang, string[][]>;
}

export function analyzeGlossary(entries: readonly GlossaryEntry[], analyzer: Analyzer): AnalyzedGlossary[] {
  return entries.map((entry) => ({
    entry,
    stems: {
      sv: entry.sv.map((t) => analyzer.analyze(t, 'sv').map((w) => w.stem)).filter((s) => s.length > 0),
      fi: entry.fi.map((t) => analyzer.analyze(t, 'fi').map((w) => w.stem)).filter((s) => s.length > 0),
    },
  }));
}

/**
 * Adds every term of each glossary entry that the text (given as its stems, in `lang`) uses: a term of the
 * entry is used when all its words' stems occur in the text. The other language's terms are the translation;
 * the same language's are synonyms.
 */
function addGlossaryTerms(into: TermLists, stems: ReadonlySet<string>, lang: ContentLang, glossary: readonly AnalyzedGlossary[]): void {
  for (const g of glossary) {
    if (!g.stems[lang].some((term) => term.every((s) => stems.has(s)))) continue;
    into[OTHER[lang]].push(...g.entry[OTHER[lang]]);
    into[lang].push(...g.entry[lang]);
  }
}
