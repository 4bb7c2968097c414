import type { Directory, Person } from '../../core/ports';
import type { Logger } from '../../core/logger';
import { errorFields } from '../../core/logger';
import type { UiLang } from '../../core/language/lang';
import type { SlackApi } from './slackApi';

/** How long a user's Slack locale and e-mail address are remembered. */
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
 * Resolves Slack users through the directory: by their Slack id (`findByIdentity('slack', id)`, the YAML
 * directory's identities), else by the e-mail address Slack gives for them (`users.info` profile.email,
 * scope users:read.email) — how people from Microsoft Graph or LDAP are matched. One `users.info` call gives
 * the locale and the address; both are cached for an hour. When Slack cannot be asked the user is still
 * served: by Slack id only, in their directory language or the default. Addresses are never logged.
 */
export class SlackUsers {
  private readonly infos = new Map<string, { lang: UiLang | undefined; email: string | undefined; until: number }>();

  constructor(
    private readonly deps: { api: SlackApi; directory: Directory; defaultLang: UiLang; logger: Logger; now?: () => number },
  ) {}

  async identify(slackId: string): Promise<SlackUser> {
    const [bySlackId, info] = await Promise.all([this.deps.directory.findByIdentity('slack', slackId), this.info(slackId)]);
    let person = bySlackId;
    if (!person && info.email) {
      const byEmail = await this.deps.directory.findByIdentity('email', info.email);
      if (byEmail) person = { ...byEmail, identities: { ...byEmail.identities, slack: slackId } };
    }
    const localeHint = info.lang;
    return { slackId, ...(person ? { person } : {}), ...(localeHint ? { localeHint } : {}), lang: chooseLang(localeHint, person, this.deps.defaultLang) };
  }

  private async info(slackId: string): Promise<{ lang: UiLang | undefined; email: string | undefined }> {
    const now = (this.deps.now ?? Date.now)();
    const cached = this.infos.get(slackId);
    if (cached && cached.until > now) return cached;
    try {
      const { locale, email } = await this.deps.api.userInfo(slackId);
      const entry = { lang: uiLangOfLocale(locale), email, until: now + LOCALE_CACHE_MS };
      this.infos.set(slackId, entry);
      return entry;
    } catch (err) {
      this.deps.logger.warn('slack_locale_unavailable', errorFields(err));
      return { lang: undefined, email: undefined };
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
