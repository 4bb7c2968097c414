import { TurnContext, type Activity } from 'botbuilder';
import type { Person } from '../../core/ports';
import type { UiLang } from '../../core/language/lang';
import { conversationId } from '../../core/reports/dialogSessions';
import { channelOfConversation } from './conversationKeys';
import { uiLangOfLocale } from './teamsLocale';
import type { TeamsTurnDeps } from './turnDeps';

/** What every handler needs to know about the turn, read once from the activity and the directory. */
export interface TurnFacts {
  activity: Activity;
  /** A one-to-one chat with the bot (reports, forms and alerts live only there). */
  personal: boolean;
  /** The sender's AAD object id (the Teams identity in the directory), when Teams sent one. */
  aadObjectId?: string;
  /** The sender in the directory; undefined for people the directory does not know. */
  person?: Person;
  /** The id the core knows the sender by: the directory id, else a marker no directory id can match. */
  personId: string;
  /** The locale Teams reports, as a UI language (a hint for short messages). */
  localeHint?: UiLang;
  /** Language of the adapter's own messages: the person's, else the client's, else the organisation's. */
  lang: UiLang;
  /**
   * The core's conversation id: the personal chat as a whole; in a channel or group chat each message is a
   * conversation of its own, so no report dialog ever continues in a shared conversation.
   */
  conversationId: string;
}

export async function turnFacts(context: TurnContext, deps: TeamsTurnDeps): Promise<TurnFacts> {
  const activity = context.activity;
  // Teams always names the conversation type; the Bot Framework Emulator (SOMEBOT_DEV) sends a 1:1 chat without it.
  const type = activity.conversation?.conversationType;
  const personal = type === 'personal' || (type === undefined && !activity.conversation?.isGroup);
  const aadObjectId = activity.from?.aadObjectId || undefined;
  const person = aadObjectId ? await deps.bot.reporting.directory.findByIdentity('teams', aadObjectId) : undefined;
  const localeHint = uiLangOfLocale(activity.locale);
  const conversation = personal
    ? conversationId('teams', activity.conversation.id)
    : conversationId('teams', channelOfConversation(activity.conversation.id), activity.id);
  return {
    activity,
    personal,
    ...(aadObjectId ? { aadObjectId } : {}),
    ...(person ? { person } : {}),
    personId: person?.id ?? `teams-unknown:${aadObjectId ?? activity.from?.id ?? ''}`,
    ...(localeHint ? { localeHint } : {}),
    lang: person?.lang ?? localeHint ?? deps.bot.config.defaultLang,
    conversationId: conversation,
  };
}

/** The message text without the @mention of the bot (channels and group chats). */
export function textWithoutMention(context: TurnContext): string {
  const text = TurnContext.removeRecipientMention(context.activity) ?? context.activity.text ?? '';
  return text.replace(/<at>[^<]*<\/at>/g, '').trim();
}
