import type { TurnContext } from 'botbuilder';
import { sendReplies } from '../replies';
import { answerListCommand } from './listCommandHandler';
import { textWithoutMention, type TurnFacts } from '../turnFacts';
import type { TeamsTurnDeps } from '../turnDeps';

/**
 * Typed text: a request for one of the person's report lists (listCommandHandler), a question, the next answer of a report dialog, or the start of a report, as the core's
 * Conversation decides. In a channel each message stands alone; if it starts a report, the dialog the core
 * opened is dropped at once (it would be read by everyone) and the person is pointed to the personal chat.
 */
export async function handleText(context: TurnContext, facts: TurnFacts, deps: TeamsTurnDeps): Promise<void> {
  const text = textWithoutMention(context);
  if (await answerListCommand(context, facts, deps, text)) return;
  const replies = await deps.bot.conversation.handle({
    conversationId: facts.conversationId,
    personId: facts.personId,
    text,
    ...(facts.localeHint ? { localeHint: facts.localeHint } : {}),
  });
  if (!facts.personal && replies.some((r) => r.type === 'dialog')) await deps.sessions.clear(facts.conversationId);
  await sendReplies(context, replies, facts, deps);
}
