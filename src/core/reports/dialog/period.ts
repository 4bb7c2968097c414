import { translator } from '../../i18n';
import type { UiLang } from '../../language/lang';
import { displayDate } from './recipientLines';

/** When it happened: one day, a period that ended, or since a day and still going on. */
export interface Period {
  occurredOn: string;
  occurredUntil?: string | undefined;
  ongoing?: boolean | undefined;
}

/** The period as people write it, in `lang`: "15.3.2026", "9.3.2026–15.3.2026", "sedan 2026-03-01, pågår fortfarande". */
export function displayPeriod(period: Period, lang: UiLang): string {
  const t = translator(lang);
  const from = displayDate(period.occurredOn, lang);
  if (period.ongoing) return t('dialog:period.ongoing', { from });
  if (period.occurredUntil && period.occurredUntil !== period.occurredOn) return t('dialog:period.range', { from, to: displayDate(period.occurredUntil, lang) });
  return from;
}
