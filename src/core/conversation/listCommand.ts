import { getI18n } from '../i18n';
import { UI_LANGS } from '../language/lang';
import { splitWords } from '../language/words';

/** The two lists a person can ask for by typing their name. */
export type ReportListName = 'mine' | 'assigned';

const LIST_NAMES: readonly ReportListName[] = ['mine', 'assigned'];

/**
 * Which list the whole message asks for ("mina anmälningar", "minulle osoitetut", "assigned to me"), in any
 * language, or undefined. The words are the `teamsParity:listCommands.<list>` lists of the locales; the
 * message must be one of them (case and punctuation aside), so a sentence that merely mentions reports is
 * still a question or a report.
 */
export function reportListCommand(text: string): ReportListName | undefined {
  const typed = splitWords(text).map((w) => w.text).join(' ');
  if (typed === '' || typed.split(' ').length > 5) return undefined;
  const i18n = getI18n();
  return LIST_NAMES.find((name) =>
    UI_LANGS.some((lng) => {
      const list = i18n.t(`teamsParity:listCommands.${name}`, { lng, returnObjects: true }) as unknown;
      return Array.isArray(list) && list.some((c) => splitWords(String(c)).map((w) => w.text).join(' ') === typed);
    }),
  );
}
