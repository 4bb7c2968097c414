import type { Activity, TurnContext } from 'botbuilder';
import { translator } from '../../../core/i18n';
import { noticeMessage } from '../cards/noticeMessage';
import { userKey } from '../conversationKeys';
import type { TurnFacts } from '../turnFacts';
import type { TeamsTurnDeps } from '../turnDeps';

/** Where a private card was shown: its activity id and the conversation (ConversationBook key) it is in. */
export interface ShownCard {
  activityId: string;
  conversationKey: string;
}

/**
 * Sends a card that only its reader may see (a report's details, a person's lists): in the personal chat
 * as a reply; asked for in a channel or group chat, in the person's personal chat, and the channel only
 * hears that it was sent there (or how to open the personal chat). Returns where the card was shown, when
 * Teams said so.
 */
export async function replyPrivately(context: TurnContext, facts: TurnFacts, deps: TeamsTurnDeps, activity: Partial<Activity>): Promise<ShownCard | undefined> {
  const ownChat = facts.aadObjectId ? userKey(facts.aadObjectId) : undefined;
  if (facts.personal) {
    const sent = await context.sendActivity(activity);
    return sent?.id && ownChat ? { activityId: sent.id, conversationKey: ownChat } : undefined;
  }
  const t = translator(facts.lang);
  const personalChat = ownChat ? deps.book.reference(ownChat) : undefined;
  if (!ownChat || !personalChat) {
    await context.sendActivity(noticeMessage(t('teams:openPrivateChat')));
    return undefined;
  }
  const activityId = await deps.sender.send(personalChat, activity);
  await context.sendActivity(noticeMessage(t('teamsParity:sentPrivately')));
  return { activityId, conversationKey: ownChat };
}
