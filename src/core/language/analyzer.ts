import type { ContentLang } from './lang';
import { splitWords } from './words';
import { CompoundSplitter } from './compounds';
import { isStopWord, stem } from './lunrLanguages';

/** How many words' stems the analyzer keeps per language. */
const STEM_CACHE = 25_000;

/** One analysed word of a text: its stem and the stems of its compound parts. */
export interface AnalyzedWord {
  surface: string;
  stem: string;
  /** Stems of the compound parts and hyphen pieces (empty for a simple word). */
  partStems: string[];
  /** The compound parts and hyphen pieces as written (empty for a simple word). */
  parts: string[];
}

/**
 * Turns text into search terms for one language: Unicode words → stop words dropped → Snowball stem of that
 * language only, plus the stems of compound parts found in the vocabulary. Indexing and querying use the same
 * analyzer (same vocabulary), so the same word always yields the same terms.
 */
export class Analyzer {
  private readonly splitter: CompoundSplitter;
  private readonly vocabulary: Set<string>;
  /** Stems already computed, per language (bounded: cleared past STEM_CACHE words). */
  private readonly stemCache: Record<ContentLang, Map<string, string>> = { sv: new Map(), fi: new Map() };

  private readonly extraStopwords: Record<ContentLang, Set<string>>;
  /** Stems of the vocabulary per language (saved with the index, so loading does not stem them again). */
  readonly vocabularyStems: Record<ContentLang, string[]>;

  /**
   * `vocabulary`: the known surface words (NFC, lower case) that compounds may be split into;
   * `extraStopwords`: chat words to leave out besides the standard stop words of each language.
   */
  constructor(
    vocabulary: Iterable<string>,
    extraStopwords: { sv: string[]; fi: string[] } = { sv: [], fi: [] },
    vocabularyStems?: Record<ContentLang, string[]>,
  ) {
    this.vocabulary = new Set(vocabulary);
    this.extraStopwords = { sv: new Set(extraStopwords.sv), fi: new Set(extraStopwords.fi) };
    // A long tail is also known by its stem in either language ("kanavan" is known through "kanava").
    this.vocabularyStems = vocabularyStems ?? {
      sv: [...new Set([...this.vocabulary].map((w) => this.stem(w, 'sv')))],
      fi: [...new Set([...this.vocabulary].map((w) => this.stem(w, 'fi')))],
    };
    const stems = new Set<string>();
    for (const lang of ['sv', 'fi'] as const) for (const st of this.vocabularyStems[lang]) stems.add(`${lang}:${st}`);
    this.splitter = new CompoundSplitter(
      (w) => this.vocabulary.has(w),
      3,
      4,
      (w) => stems.has(`sv:${this.stem(w, 'sv')}`) || stems.has(`fi:${this.stem(w, 'fi')}`),
    );
  }

  stem(word: string, lang: ContentLang): string {
    const cache = this.stemCache[lang];
    let stemmed = cache.get(word);
    if (stemmed === undefined) {
      stemmed = stem(word, lang);
      if (cache.size > STEM_CACHE) cache.clear();
      cache.set(word, stemmed);
    }
    return stemmed;
  }

  isStopWord(word: string, lang: ContentLang): boolean {
    return isStopWord(word, lang) || this.extraStopwords[lang].has(word);
  }

  analyze(text: string, lang: ContentLang): AnalyzedWord[] {
    const result: AnalyzedWord[] = [];
    for (const word of splitWords(text)) {
      if (word.text.length < 2 && !/\p{N}/u.test(word.text)) continue;
      if (this.isStopWord(word.text, lang)) continue;
      const parts = (word.pieces.length > 0 ? word.pieces : this.splitter.split(word.text)).filter((p) => p.length >= 2 && !this.isStopWord(p, lang));
      const partStems = parts.map((p) => this.stem(p, lang));
      result.push({ surface: word.text, stem: this.stem(word.text, lang), partStems: [...new Set(partStems)], parts });
    }
    return result;
  }

  /** The flat list of index terms of a text (stems and part stems, repeated as often as they occur). */
  terms(text: string, lang: ContentLang): string[] {
    const terms: string[] = [];
    for (const w of this.analyze(text, lang)) {
      terms.push(w.stem);
      for (const p of w.partStems) if (p !== w.stem) terms.push(p);
    }
    return terms;
  }
}
