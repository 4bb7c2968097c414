import type { Activity, TurnContext } from 'botbuilder';
import { translator } from '../../../core/i18n';
import { noticeMessage } from '../cards/noticeMessage';
import { userKey } from '../conversationKeys';
import type { TurnFacts } from '../turnFacts';
import type { TeamsTurnDeps } from '../turnDeps';

/**
 * Sends a card that only its reader may see (a report's details, a person's lists): in the personal chat
 * as a reply; asked for in a channel or group chat, in the person's personal chat, and the channel only
 * hears that it was sent there (or how to open the personal chat).
 */
export async function replyPrivately(context: TurnContext, facts: TurnFacts, deps: TeamsTurnDeps, activity: Partial<Activity>): Promise<void> {
  if (facts.personal) {
    await context.sendActivity(activity);
    return;
  }
  const t = translator(facts.lang);
  const personalChat = facts.aadObjectId ? deps.book.reference(userKey(facts.aadObjectId)) : undefined;
  if (!personalChat) {
    await context.sendActivity(noticeMessage(t('teams:openPrivateChat')));
    return;
  }
  await deps.sender.send(personalChat, activity);
  await context.sendActivity(noticeMessage(t('teamsParity:sentPrivately')));
}
