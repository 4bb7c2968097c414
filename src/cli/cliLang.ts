import { translator } from '../core/i18n';
import type { UiLang } from '../core/language/lang';

/** The CLI's own language: SOMEBOT_LANG, else the POSIX locale (sv_FI.UTF-8 → sv), else English. */
export function cliLang(env: NodeJS.ProcessEnv = process.env): UiLang {
  const raw = (env.SOMEBOT_LANG || env.LC_ALL || env.LC_MESSAGES || env.LANG || '').toLowerCase();
  if (raw.startsWith('sv')) return 'sv';
  if (raw.startsWith('fi')) return 'fi';
  return 'en';
}

export function cliT() {
  return translator(cliLang());
}
