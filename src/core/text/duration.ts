import type { UiLang } from '../language/lang';
import { listFormat, numberFormat } from './intlFormats';

const LOCALE: Record<UiLang, string> = { sv: 'sv-SE', fi: 'fi-FI', en: 'en-GB' };

/**
 * A duration in whole minutes as people say it, in their language: "4 timmar", "1 tunti ja 30 minuuttia",
 * "15 minutes" (Intl unit and list formats; hours and minutes only, never "240 minuter").
 */
export function formatDuration(totalMinutes: number, lang: UiLang): string {
  const locale = LOCALE[lang] ?? LOCALE.sv;
  const minutes = Math.max(0, Math.round(totalMinutes));
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  const unit = (value: number, name: 'hour' | 'minute') => numberFormat(locale, { style: 'unit', unit: name, unitDisplay: 'long' }).format(value);
  const parts = [...(hours > 0 ? [unit(hours, 'hour')] : []), ...(rest > 0 || hours === 0 ? [unit(rest, 'minute')] : [])];
  return listFormat(locale, { style: 'long', type: 'conjunction' }).format(parts);
}
