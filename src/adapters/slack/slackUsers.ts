import type { Directory, Person } from '../../core/ports';
import type { Logger } from '../../core/logger';
import { errorFields } from '../../core/logger';
import type { UiLang } from '../../core/language/lang';
import type { SlackApi } from './slackApi';

/** How long a user's Slack locale is remembered. */
const LOCALE_CACHE_MS = 60 * 60 * 1000;

/** A Slack locale ("sv-SE", "fi-FI", "en-GB") as a UI language, or undefined for any other language. */
export function uiLangOfLocale(locale: string | undefined): UiLang | undefined {
  const lang = locale?.toLowerCase().split(/[-_]/)[0];
  return lang === 'sv' || lang === 'fi' || lang === 'en' ? lang : undefined;
}

/** Who a Slack user is for the bot, and which language suits them. */
export interface SlackUser {
  slackId: string;
  /** The directory person with this Slack identity; undefined = not in the directory (questions only). */
  person?: Person;
  /** The Slack locale's language: a hint for language detection, never a decision. */
  localeHint?: UiLang;
  /** Language for what the user sees before writing anything (App Home, forms, notices). */
  lang: UiLang;
}

/**
 * Resolves Slack users through the directory (`findByIdentity('slack', id)`) and their Slack locale
 * (`users.info` with `include_locale`, cached for an hour). When the locale cannot be read the user is
 * still served, in their directory language or the default.
 */
export class SlackUsers {
  private readonly locales = new Map<string, { lang: UiLang | undefined; until: number }>();

  constructor(
    private readonly deps: { api: SlackApi; directory: Directory; defaultLang: UiLang; logger: Logger; now?: () => number },
  ) {}

  async identify(slackId: string): Promise<SlackUser> {
    const [person, localeHint] = await Promise.all([this.deps.directory.findByIdentity('slack', slackId), this.locale(slackId)]);
    return { slackId, ...(person ? { person } : {}), ...(localeHint ? { localeHint } : {}), lang: chooseLang(localeHint, person, this.deps.defaultLang) };
  }

  private async locale(slackId: string): Promise<UiLang | undefined> {
    const now = (this.deps.now ?? Date.now)();
    const cached = this.locales.get(slackId);
    if (cached && cached.until > now) return cached.lang;
    try {
      const lang = uiLangOfLocale(await this.deps.api.userLocale(slackId));
      this.locales.set(slackId, { lang, until: now + LOCALE_CACHE_MS });
      return lang;
    } catch (err) {
      this.deps.logger.warn('slack_locale_unavailable', errorFields(err));
      return undefined;
    }
  }
}

/**
 * The language of text-free surfaces: a Swedish or Finnish Slack locale wins (the person chose it); an
 * English locale is Slack's default, so the directory's preference comes first then; else the default.
 */
export function chooseLang(locale: UiLang | undefined, person: Person | undefined, defaultLang: UiLang): UiLang {
  if (locale === 'sv' || locale === 'fi') return locale;
  return person?.lang ?? locale ?? defaultLang;
}
