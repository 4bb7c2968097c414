import type { UiLang } from '../language/lang';

/**
 * The language of a person's copies of a report's messages (alerts, receipts, news), and so of any reply about
 * them: the reporter reads in the language they reported in, anyone else in their directory language, else the
 * deployment's default.
 */
export function copyLangOf(person: { lang?: UiLang | undefined }, asReporter: boolean, report: { reporterLang: UiLang } | undefined, defaultLang: UiLang): UiLang {
  return asReporter && report ? report.reporterLang : (person.lang ?? defaultLang);
}
