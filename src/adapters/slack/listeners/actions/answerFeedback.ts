import { parseFeedbackToken, withFeedbackThanks } from '../../blocks/feedback';
import type { KnownBlock, ModalView } from '../../slackTypes';
import type { SlackDeps } from '../../deps';
import { ACTION } from '../../ids';
import type { ButtonListener } from './buttonClick';

/**
 * "Helpful" / "Not helpful" under an answer: the verdict is stored for the content owners (the question only
 * when "Not helpful", never the person: QuestionLog), and the buttons give way to a thank-you line in place — in the message, the ephemeral
 * reply or the modal that showed the answer.
 */
export function answerFeedback(deps: SlackDeps): ButtonListener {
  return async ({ ack, body, action, respond }) => {
    await ack();
    const token = parseFeedbackToken(action.value);
    if (!token) return;
    const { bot } = deps;
    await bot.questionLog.recordFeedback({
      answerId: token.a,
      platform: 'slack',
      helpful: action.action_id === ACTION.helpful,
      lang: token.l,
      answered: token.d,
      passageId: token.p,
      at: bot.clock.now(),
    });
    const container = body.container as { type?: string; is_ephemeral?: boolean };
    if (body.view && body.view.type === 'modal') {
      const view: ModalView = {
        type: 'modal',
        callback_id: body.view.callback_id,
        title: body.view.title,
        ...(body.view.close ? { close: body.view.close } : {}),
        blocks: withFeedbackThanks(body.view.blocks as KnownBlock[], token.l),
      };
      await deps.api.updateView(body.view.id, view, body.view.hash);
    } else if (body.message) {
      const blocks = withFeedbackThanks((body.message.blocks ?? []) as KnownBlock[], token.l);
      const text = body.message.text ?? '';
      if (container.is_ephemeral || !body.channel) await respond({ replace_original: true, text, blocks });
      else await deps.api.update(body.channel.id, body.message.ts, { text, blocks });
    }
  };
}
