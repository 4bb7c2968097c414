import type { UiLang } from '../../core/language/lang';

/** The UI language of a Teams locale ("sv-SE", "sv-FI", "fi-FI", "en-US"), or undefined for any other. */
export function uiLangOfLocale(locale: unknown): UiLang | undefined {
  if (typeof locale !== 'string') return undefined;
  const primary = locale.trim().toLowerCase().split(/[-_]/)[0];
  return primary === 'sv' || primary === 'fi' || primary === 'en' ? primary : undefined;
}
