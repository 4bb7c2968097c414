import { translator } from '../i18n';
import type { UiLang } from '../language/lang';
import type { RuleSource } from './routingTable';

/**
 * The note for a reader of the other language that a quoted rule exists only in its own ("Teksti on vain
 * ruotsiksi."), as guideline answers say of a passage; undefined when the reader reads the rule's language,
 * reads English, or the rule's language is not known (a routing table without `lang`, an older report).
 */
export function ruleLanguageNote(source: RuleSource, lang: UiLang): string | undefined {
  if (!source.lang || lang === 'en' || source.lang === lang) return undefined;
  return translator(lang)(`guidelines:passageIn.${source.lang}`);
}

/** Where a quoted rule comes from, as every door shows it under the quote, with the language note when one applies. */
export function ruleSourceLine(source: RuleSource, lang: UiLang): string {
  const where = `${source.organisation}: ${source.document}, ${source.section}`;
  const note = ruleLanguageNote(source, lang);
  return note ? `${where} · ${note}` : where;
}
