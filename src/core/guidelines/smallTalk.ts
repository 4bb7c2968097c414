import type { SmallTalkLists } from '../language/detect';
import type { UiLang } from '../language/lang';

export type SmallTalkKind = keyof SmallTalkLists;
const KINDS: readonly SmallTalkKind[] = ['greeting', 'thanks', 'command', 'help'];
/** Words that may stand beside small talk without making it a question: the bot's own name. */
const FILLER = new Set(['somebot', 'bot', 'botti', 'boten']);

function words(text: string): string[] {
  return text
    .normalize('NFC')
    .toLocaleLowerCase('sv')
    .replace(/[^\p{L}\p{N}\s-]+/gu, ' ')
    .split(/\s+/u)
    .filter((w) => w.length > 0 && !FILLER.has(w));
}

/**
 * Tells a message that is not a question — "hej", "tack!", "kiitos paljon", "avbryt", "help" — from one that is:
 * the whole message must be made of small-talk phrases (content/languages.yaml `small_talk`). Which kind and
 * in which language the phrases were, so the reply can say what the bot does, in that language.
 */
export class SmallTalk {
  private readonly phrases: { words: string[]; kind: SmallTalkKind; lang: UiLang }[] = [];

  constructor(lists: SmallTalkLists | undefined) {
    if (!lists) return;
    for (const kind of KINDS) {
      // A saved index from before the `help` list existed has none: `?.` keeps it loadable.
      for (const lang of ['sv', 'fi', 'en'] as const) for (const phrase of lists[kind]?.[lang] ?? []) this.phrases.push({ words: words(phrase), kind, lang });
    }
    // Longest first, so "tack så mycket" is read whole before "tack".
    this.phrases.sort((a, b) => b.words.length - a.words.length);
  }

  /**
   * The kind of small talk (commands before help before thanks before greetings) and its language, or undefined
   * for anything else. A phrase both languages have ("ok", "jaa") is read in `lang` (the message's detected
   * language) when that language has it.
   */
  read(text: string, lang?: UiLang): { kind: SmallTalkKind; lang: UiLang } | undefined {
    const ws = words(text);
    if (ws.length === 0 || ws.length > 8) return undefined;
    const found: { kind: SmallTalkKind; lang: UiLang }[] = [];
    let i = 0;
    while (i < ws.length) {
      const fits = (p: { words: string[] }) => p.words.every((w, k) => ws[i + k] === w);
      const longest = this.phrases.find(fits);
      const match = longest && (this.phrases.find((p) => p.lang === lang && p.words.length === longest.words.length && fits(p)) ?? longest);
      if (!match) return undefined;
      found.push(match);
      i += match.words.length;
    }
    const rank = (k: SmallTalkKind) => ['command', 'help', 'thanks', 'greeting'].indexOf(k);
    return found.sort((a, b) => rank(a.kind) - rank(b.kind))[0];
  }
}
