import { translator } from '../../../core/i18n';
import { CARD_ACTION } from '../cards/cardActions';
import { noticeMessage } from '../cards/noticeMessage';
import type { CardHandler } from './handler';

/** "Helpful" / "Not helpful" on an answer card: stored (no question, no person), then thanked. */
export const feedbackHandler: CardHandler<typeof CARD_ACTION.feedback> = {
  action: CARD_ACTION.feedback,
  async handle(context, _facts, data, deps) {
    await deps.bot.questionLog.recordFeedback({
      answerId: data.answerId,
      platform: 'teams',
      helpful: data.helpful,
      lang: data.lang,
      answered: data.answered,
      passageId: data.passageId,
      at: deps.bot.clock.now(),
    });
    await context.sendActivity(noticeMessage(translator(data.lang)('teams:feedbackThanks')));
  },
};
