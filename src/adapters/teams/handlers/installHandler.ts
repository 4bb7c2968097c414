import type { TurnContext } from 'botbuilder';
import { translator } from '../../../core/i18n';
import { noticeMessage } from '../cards/noticeMessage';
import { channelKey, channelOfConversation, userKey } from '../conversationKeys';
import type { TurnFacts } from '../turnFacts';
import type { TeamsTurnDeps } from '../turnDeps';

/**
 * The app was installed (its conversation reference is already saved by then): a short welcome in the
 * person's language, and for someone the directory does not know, the note that reports and alerts need
 * their Teams account in the directory. In a team the welcome says what the bot does in channels.
 */
export async function handleInstalled(context: TurnContext, facts: TurnFacts, deps: TeamsTurnDeps): Promise<void> {
  const t = translator(facts.lang);
  if (facts.personal) {
    const lines = [t('teams:welcome')];
    if (!facts.person) lines.push(t('teams:notInDirectory'));
    await context.sendActivity(noticeMessage(lines.join('\n\n')));
    return;
  }
  if (context.activity.conversation?.conversationType === 'channel') {
    await context.sendActivity(noticeMessage(translator(deps.bot.config.defaultLang)('teams:welcomeTeam')));
  }
}

/** The app was removed: alerts stop going to that chat or channel (they go elsewhere, or to IT security). */
export async function handleUninstalled(context: TurnContext, facts: TurnFacts, deps: TeamsTurnDeps): Promise<void> {
  const conversation = context.activity.conversation;
  if (facts.personal && facts.aadObjectId) await deps.book.block(userKey(facts.aadObjectId));
  else if (conversation?.conversationType === 'channel') await deps.book.block(channelKey(channelOfConversation(conversation.id)));
}
