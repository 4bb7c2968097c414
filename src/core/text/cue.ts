import { z } from 'zod';
import { splitWords } from '../language/words';
import { stripDiacritics } from './normalize';
import { RecentResults } from './recentResults';

/**
 * A cue: one or more words. A word ending in `*` matches by prefix (`lön*`: lönen, lönedag), a word starting
 * with `*` by ending (`*lönen`: julilönen, a compound's head), `*lön*` anywhere. Diacritics are ignored.
 */
export class Cue {
  private readonly parts: { text: string; prefix: boolean; suffix: boolean }[];
  /** `toWords` splits the cue as messages are split: `cueWords` (diacritics ignored) unless told otherwise. */
  constructor(source: string, toWords: (text: string) => string[] = cueWords) {
    // Word splitting drops the asterisks, so they are read from each written word before it is split.
    this.parts = source
      .trim()
      .split(/\s+/)
      .flatMap((raw) =>
        toWords(raw).map((text, i, all) => ({ text, prefix: raw.endsWith('*') && i === all.length - 1, suffix: raw.startsWith('*') && i === 0 })),
      );
  }
  /** Number of words of the cue (longer phrases weigh more). */
  get length(): number {
    return this.parts.length;
  }
  /** The first word of the cue, or undefined for a cue with no words. */
  get first(): { text: string; prefix: boolean; suffix: boolean } | undefined {
    return this.parts[0];
  }
  matches(message: readonly string[]): boolean {
    for (let i = 0; i + this.parts.length <= message.length; i++) if (this.matchesAt(message, i)) return true;
    return false;
  }
  /** Whether the cue occurs in `message` starting at word `i`. */
  matchesAt(message: readonly string[], i: number): boolean {
    if (this.parts.length === 0 || i + this.parts.length > message.length) return false;
    for (let k = 0; k < this.parts.length; k++) if (!fits(this.parts[k]!, message[i + k]!)) return false;
    return true;
  }
}

/** A message as the lower-case, diacritic-free words cues are matched against. Shared with other callers (see RecentResults): never change it. */
export function cueWords(text: string): string[] {
  return recentCueWords.get(text, (t) => splitWords(stripDiacritics(t)).map((w) => w.text));
}
const recentCueWords = new RecentResults<string[]>(16);

/** A message as lower-case words that keep their diacritics ("vår" is not "var"), for cues that must tell them apart. Shared: never change it. */
export function exactWords(text: string): string[] {
  return recentExactWords.get(text, (t) => splitWords(t).map((w) => w.text));
}
const recentExactWords = new RecentResults<string[]>(16);

function fits(part: { text: string; prefix: boolean; suffix: boolean }, word: string): boolean {
  if (part.prefix && part.suffix) return word.includes(part.text);
  if (part.prefix) return word.startsWith(part.text);
  if (part.suffix) return word.endsWith(part.text);
  return word === part.text;
}

/** Cue lists per language, as content files write them (content/intents.yaml, content/scope.yaml). */
export const cueListsSchema = z.object({ sv: z.array(z.string().min(1)).default([]), fi: z.array(z.string().min(1)).default([]) });
export type CueLists = z.infer<typeof cueListsSchema>;

/** The cues of both languages' lists, each carrying `value` (for a CueSet). */
export function cueEntries<T>(lists: CueLists, value: T, toWords: (text: string) => string[] = cueWords): { cue: Cue; value: T }[] {
  return [...lists.sv, ...lists.fi].map((source) => ({ cue: new Cue(source, toWords), value }));
}

/**
 * Many cues matched against one message at once: each cue is filed under what its first word must look like
 * (the word itself, the first three letters of a prefix, the last three of an ending), so a message only tries
 * the cues its words could start. Returns what was attached to each matching cue, every cue at most once.
 */
export class CueSet<T> {
  private readonly byWord = new Map<string, { cue: Cue; value: T }[]>();
  private readonly byPrefix = new Map<string, { cue: Cue; value: T }[]>();
  private readonly bySuffix = new Map<string, { cue: Cue; value: T }[]>();
  /** Cues whose first word is matched anywhere in a word, or is a prefix or ending shorter than three letters: tried at every word. */
  private readonly anywhere: { cue: Cue; value: T }[] = [];

  constructor(entries: Iterable<{ cue: Cue; value: T }>) {
    for (const entry of entries) {
      const first = entry.cue.first;
      if (!first) continue;
      if ((first.prefix && first.suffix) || ((first.prefix || first.suffix) && first.text.length < AFFIX_KEY)) this.anywhere.push(entry);
      else if (first.prefix) file(this.byPrefix, first.text.slice(0, AFFIX_KEY), entry);
      else if (first.suffix) file(this.bySuffix, first.text.slice(-AFFIX_KEY), entry);
      else file(this.byWord, first.text, entry);
    }
  }

  /** Values of the cues that occur in `words` (see cueWords), in no particular order. */
  matches(words: readonly string[]): T[] {
    const hit: { cue: Cue; value: T }[] = [];
    for (let i = 0; i < words.length; i++) {
      const word = words[i]!;
      collect(this.byWord.get(word), words, i, hit);
      if (word.length >= AFFIX_KEY) {
        collect(this.byPrefix.get(word.slice(0, AFFIX_KEY)), words, i, hit);
        collect(this.bySuffix.get(word.slice(-AFFIX_KEY)), words, i, hit);
      }
      collect(this.anywhere, words, i, hit);
    }
    return hit.map((e) => e.value);
  }

  /** True when any cue occurs in `words`. */
  some(words: readonly string[]): boolean {
    for (let i = 0; i < words.length; i++) if (this.someAt(words, i)) return true;
    return false;
  }

  /** True when a cue occurs in `words` starting at word `i` (`0`: the message opens with one). */
  someAt(words: readonly string[], i: number): boolean {
    const word = words[i];
    if (word === undefined) return false;
    if (anyAt(this.byWord.get(word), words, i) || anyAt(this.anywhere, words, i)) return true;
    return word.length >= AFFIX_KEY && (anyAt(this.byPrefix.get(word.slice(0, AFFIX_KEY)), words, i) || anyAt(this.bySuffix.get(word.slice(-AFFIX_KEY)), words, i));
  }
}

function collect<T>(list: { cue: Cue; value: T }[] | undefined, words: readonly string[], i: number, hit: { cue: Cue; value: T }[]): void {
  if (!list) return;
  for (let k = 0; k < list.length; k++) {
    const entry = list[k]!;
    if (entry.cue.matchesAt(words, i) && !hit.includes(entry)) hit.push(entry);
  }
}

function anyAt<T>(list: { cue: Cue; value: T }[] | undefined, words: readonly string[], i: number): boolean {
  if (!list) return false;
  for (let k = 0; k < list.length; k++) if (list[k]!.cue.matchesAt(words, i)) return true;
  return false;
}

/** Letters of a prefix or an ending by which its cues are filed (a word shorter than this cannot fit such a cue). */
const AFFIX_KEY = 3;

function file<T>(map: Map<string, T[]>, key: string, value: T): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
