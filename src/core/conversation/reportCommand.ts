import { getI18n } from '../i18n';
import { UI_LANGS } from '../language/lang';
import { splitWords } from '../language/words';

/**
 * True when the whole message asks to start a report ("anmäl", "ilmoita", "report"), in any language.
 * The words are the `conversation:reportCommands` lists of the locales.
 */
export function isReportCommand(text: string): boolean {
  const words = splitWords(text).map((w) => w.text);
  if (words.length === 0 || words.length > 3) return false;
  const typed = words.join(' ');
  const i18n = getI18n();
  return UI_LANGS.some((lng) => {
    const list = i18n.t('conversation:reportCommands', { lng, returnObjects: true }) as unknown;
    return Array.isArray(list) && list.some((c) => splitWords(String(c)).map((w) => w.text).join(' ') === typed);
  });
}
