import { splitWords } from '../language/words';
import { stripDiacritics } from './normalize';

/**
 * A cue: one or more words. A word ending in `*` matches by prefix (`lön*`: lönen, lönedag), a word starting
 * with `*` by ending (`*lönen`: julilönen, a compound's head), `*lön*` anywhere. Diacritics are ignored.
 */
export class Cue {
  private readonly parts: { text: string; prefix: boolean; suffix: boolean }[];
  constructor(source: string) {
    // Word splitting drops the asterisks, so they are read from each written word before it is split.
    this.parts = source
      .trim()
      .split(/\s+/)
      .flatMap((raw) =>
        cueWords(raw).map((text, i, all) => ({ text, prefix: raw.endsWith('*') && i === all.length - 1, suffix: raw.startsWith('*') && i === 0 })),
      );
  }
  /** Number of words of the cue (longer phrases weigh more). */
  get length(): number {
    return this.parts.length;
  }
  matches(message: string[]): boolean {
    if (this.parts.length === 0) return false;
    for (let i = 0; i + this.parts.length <= message.length; i++) {
      if (this.parts.every((p, k) => fits(p, message[i + k]!))) return true;
    }
    return false;
  }
}

/** A message as the lower-case, diacritic-free words cues are matched against. */
export function cueWords(text: string): string[] {
  return splitWords(stripDiacritics(text)).map((w) => w.text);
}

function fits(part: { text: string; prefix: boolean; suffix: boolean }, word: string): boolean {
  if (part.prefix && part.suffix) return word.includes(part.text);
  if (part.prefix) return word.startsWith(part.text);
  if (part.suffix) return word.endsWith(part.text);
  return word === part.text;
}
