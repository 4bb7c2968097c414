import { getI18n } from '../i18n';
import { UI_LANGS } from '../language/lang';
import { splitWords } from '../language/words';

/**
 * True when the whole message (at most `maxWords` words) is one of the commands listed under `listKey` in the
 * locales, in any language, compared word by word as splitWords reads them.
 */
export function isCommandOf(text: string, listKey: string, maxWords: number): boolean {
  const words = splitWords(text).map((w) => w.text);
  if (words.length === 0 || words.length > maxWords) return false;
  const typed = words.join(' ');
  const i18n = getI18n();
  return UI_LANGS.some((lng) => {
    const list = i18n.t(listKey, { lng, returnObjects: true }) as unknown;
    return Array.isArray(list) && list.some((c) => splitWords(String(c)).map((w) => w.text).join(' ') === typed);
  });
}

/**
 * True when the whole message asks to start a report ("anmäl", "ilmoita", "report"), in any language.
 * The words are the `conversation:reportCommands` lists of the locales.
 */
export function isReportCommand(text: string): boolean {
  return isCommandOf(text, 'conversation:reportCommands', 3);
}
