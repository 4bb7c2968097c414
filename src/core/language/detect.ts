import type { ContentLang, UiLang } from './lang';
import { splitWords } from './words';

/** Marker words per language, from content/languages.yaml. */
export interface LanguageMarkers {
  sv: string[];
  fi: string[];
  en: string[];
  /** Chat words that carry no topic, left out of the search besides the standard stop words. */
  stopwords: { sv: string[]; fi: string[] };
  /** Messages that are not questions (greetings, thanks, chat commands), per kind and language. */
  small_talk?: SmallTalkLists;
  /** Words of both languages ("ja": yes in Swedish, and in Finnish): a message of only these tells no language. */
  shared?: string[];
}

/** content/languages.yaml `small_talk`: greetings, thanks, commands (cancel, stop) and asking for help, each per language. */
export type SmallTalkLists = Record<'greeting' | 'thanks' | 'command' | 'help', { sv: string[]; fi: string[]; en: string[] }>;

/** Trigram counts per language: the trained model, saved with the index. */
export type LanguageModel = Record<ContentLang, Record<string, number>>;

export interface DetectedLanguage {
  lang: UiLang;
  /** 0..1: how clearly the text itself decided (low for very short or mixed text). */
  confidence: number;
}

/** A message with at most this many letters ("ja", "ok", "no") is too short to tell a language by. */
export const TOO_SHORT_LETTERS = 2;

/**
 * Tells Swedish from Finnish (and English, which gets English UI text). A character-trigram model trained on
 * the guideline texts and vocabulary of each language decides, helped by marker words; for very short messages
 * ("lösenord?", "moi") a platform locale hint wins when the text is not clear. The hint — the language of the
 * page, the client or the conversation — always wins for a message that cannot tell: only words of both
 * languages (content/languages.yaml `shared`: "ja" is Swedish yes and Finnish and), or TOO_SHORT_LETTERS letters.
 */
export class LanguageDetector {
  /** log P(gram | sv) − log P(gram | fi) for every trigram either language has; `unseen` for the others. */
  private readonly logRatio: Map<string, number>;
  private readonly unseen: number;
  private readonly markers: Record<UiLang, Set<string>>;
  private readonly shared: Set<string>;

  /** Counts the trigrams of each language's training text (done once, when the index is built). */
  static train(training: Record<ContentLang, string>): LanguageModel {
    const model: LanguageModel = { sv: {}, fi: {} };
    for (const lang of ['sv', 'fi'] as const) {
      for (const gram of trigrams(training[lang])) model[lang][gram] = (model[lang][gram] ?? 0) + 1;
    }
    return model;
  }

  constructor(model: LanguageModel, markers: LanguageMarkers) {
    const totals = { sv: 0, fi: 0 };
    for (const lang of ['sv', 'fi'] as const) for (const n of Object.values(model[lang])) totals[lang] += n;
    // Add-one smoothing over a nominal vocabulary of 20 000 trigrams.
    const logProb = (lang: ContentLang, count: number) => Math.log((count + 1) / (totals[lang] + 20_000));
    this.unseen = logProb('sv', 0) - logProb('fi', 0);
    this.logRatio = new Map();
    for (const gram of new Set([...Object.keys(model.sv), ...Object.keys(model.fi)])) {
      this.logRatio.set(gram, logProb('sv', model.sv[gram] ?? 0) - logProb('fi', model.fi[gram] ?? 0));
    }
    this.shared = new Set((markers.shared ?? []).map((w) => w.toLowerCase()));
    this.markers = {
      sv: new Set(markers.sv.map((w) => w.toLowerCase())),
      fi: new Set(markers.fi.map((w) => w.toLowerCase())),
      en: new Set(markers.en.map((w) => w.toLowerCase())),
    };
  }

  detect(text: string, hint?: UiLang): DetectedLanguage {
    const words = splitWords(text).map((w) => w.text);
    if (words.length === 0) return { lang: hint ?? 'sv', confidence: 0 };
    if (hint && (words.every((w) => this.shared.has(w)) || words.join('').length <= TOO_SHORT_LETTERS)) return { lang: hint, confidence: 0 };
    const marks = { sv: 0, fi: 0, en: 0 };
    for (const w of words) for (const l of ['sv', 'fi', 'en'] as const) if (this.markers[l].has(w)) marks[l] += 1;
    if (marks.en >= 2 && marks.en > marks.sv + marks.fi) return { lang: 'en', confidence: Math.min(1, marks.en / words.length + 0.3) };

    const grams = trigramsOf(words);
    let diff = 0; // log P(sv) - log P(fi)
    for (const g of grams) diff += this.logRatio.get(g) ?? this.unseen;
    diff += 2.5 * (marks.sv - marks.fi);
    if (/å/.test(text.toLowerCase())) diff += 3;
    const perGram = grams.length > 0 ? Math.abs(diff) / grams.length : 0;
    const confidence = Math.max(0, Math.min(1, (perGram * Math.min(grams.length, 20)) / 10));
    const lang: ContentLang = diff >= 0 ? 'sv' : 'fi';
    if (hint && confidence < 0.35 && hint !== lang) return { lang: hint, confidence };
    return { lang, confidence };
  }
}

function trigrams(text: string): string[] {
  return trigramsOf(splitWords(text).map((w) => w.text));
}

/** The letter trigrams of words (each padded with a space on both sides). */
function trigramsOf(words: readonly string[]): string[] {
  const grams: string[] = [];
  for (const word of words) {
    const padded = ` ${word} `;
    for (let i = 0; i + 3 <= padded.length; i++) grams.push(padded.slice(i, i + 3));
  }
  return grams;
}
