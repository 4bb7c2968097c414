import { foldCase } from '../text/normalize';
import { RecentResults } from '../text/recentResults';

/** A word as typed, plus the pieces of a hyphenated form ("e-post" → "epost", parts "e", "post"). */
export interface Word {
  /** NFC lower-case word with hyphens removed. */
  text: string;
  /** The hyphen-separated pieces, when there were several. */
  pieces: string[];
}

const WORD = /[\p{L}\p{N}]+(?:[-‐‑'’][\p{L}\p{N}]+)*/gu;
/** The hyphens and apostrophes that join a word's pieces. */
const JOINER = /[-‐‑'’]/;
const JOINERS = /[-‐‑'’]/g;

/**
 * Splits text into words. Unicode-aware: å, ä, ö and every other letter stay whole (lunr's default trimmer
 * would turn "på" into "p"). Punctuation, emoji and lunr's query operators (`:` `^` `~` `*` `+` `-`) are
 * separators here, so no user text can act as query syntax.
 */
export function splitWords(text: string): readonly Word[] {
  return recentlySplit.get(text, splitWordsOf);
}

function splitWordsOf(text: string): Word[] {
  const words: Word[] = [];
  for (const match of foldCase(text).matchAll(WORD)) {
    const raw = match[0];
    if (!JOINER.test(raw)) {
      words.push({ text: raw, pieces: [] });
      continue;
    }
    const pieces = raw.split(JOINERS).filter((p) => p.length > 0);
    words.push({ text: pieces.join(''), pieces: pieces.length > 1 ? pieces : [] });
  }
  return words;
}

/**
 * One answer splits the same message (and its sentences) a dozen times: language detection, analysis, intent
 * cues and features. The last few results are kept, so the rest of an answer reuses them instead of
 * allocating them again. Results are shared: callers must not change them (the type says so).
 */
const recentlySplit = new RecentResults<Word[]>(16);
