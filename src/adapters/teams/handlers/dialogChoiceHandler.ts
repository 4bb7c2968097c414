import { translator } from '../../../core/i18n';
import { CARD_ACTION, CHOICE_INPUT_ID } from '../cards/cardActions';
import { noticeMessage } from '../cards/noticeMessage';
import { sendReplies } from '../replies';
import type { CardHandler } from './handler';

/** A button (or the drop-down) of a question card: the answer goes to the core's Conversation as a choice. */
export const dialogChoiceHandler: CardHandler<typeof CARD_ACTION.dialogChoice> = {
  action: CARD_ACTION.dialogChoice,
  async handle(context, facts, data, deps) {
    if (!facts.personal) return;
    if (deps.prompts.isStale(facts.conversationId, context.activity.replyToId)) {
      await context.sendActivity(noticeMessage(translator(facts.lang)('teams:staleChoice')));
      return;
    }
    const replies = await deps.bot.conversation.handle({
      conversationId: facts.conversationId,
      personId: facts.personId,
      choice: data[CHOICE_INPUT_ID],
      ...(facts.localeHint ? { localeHint: facts.localeHint } : {}),
    });
    await sendReplies(context, replies, facts, deps);
  },
};
