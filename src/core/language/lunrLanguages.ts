import lunr from 'lunr';
import type { ContentLang } from './lang';

/* lunr-languages registers its stemmers, stop-word filters and trimmers on the lunr object it is given. */
// eslint-disable-next-line @typescript-eslint/no-require-imports
require('lunr-languages/lunr.stemmer.support')(lunr);
// eslint-disable-next-line @typescript-eslint/no-require-imports
require('lunr-languages/lunr.sv')(lunr);
// eslint-disable-next-line @typescript-eslint/no-require-imports
require('lunr-languages/lunr.fi')(lunr);

type PipelineFn = (token: lunr.Token) => lunr.Token | undefined;
interface LanguagePlugin {
  stemmer: PipelineFn;
  stopWordFilter: PipelineFn;
}

const plugins = lunr as unknown as Record<ContentLang, LanguagePlugin>;

/** The Snowball stemmer of one language (never chained with the other: that breaks both). */
export function stem(word: string, lang: ContentLang): string {
  return String(plugins[lang].stemmer(new lunr.Token(word, {})) ?? word);
}

/** True when lunr-languages lists the word as a stop word of the language. */
export function isStopWord(word: string, lang: ContentLang): boolean {
  return plugins[lang].stopWordFilter(new lunr.Token(word, {})) === undefined;
}

export { lunr };
