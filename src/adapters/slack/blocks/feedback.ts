import { randomUUID } from 'node:crypto';
import type { ActionsBlock, KnownBlock } from '../slackTypes';
import { z } from 'zod';
import type { GuidelineAnswer } from '../../../core/guidelines/guidelineAnswerer';
import { translator } from '../../../core/i18n';
import { UI_LANGS, type UiLang } from '../../../core/language/lang';
import { ACTION } from '../ids';
import { LIMIT, plain } from './text';

/** block_id of the feedback buttons under an answer (replaced by a thank-you line once clicked). */
export const FEEDBACK_BLOCK = 'answer_feedback';

/**
 * What a feedback button carries back: which answer (a random id, unique per answer shown), its language,
 * whether it answered, and the passage it quoted first. Never the question or who asked.
 */
const feedbackTokenSchema = z.object({
  a: z.string().min(1).max(100),
  l: z.enum(UI_LANGS),
  d: z.boolean(),
  p: z.string().max(300).nullable(),
});
export type FeedbackToken = z.infer<typeof feedbackTokenSchema>;

export function feedbackToken(answer: GuidelineAnswer): FeedbackToken {
  return { a: answer.answerId ?? randomUUID(), l: answer.lang, d: answer.answered, p: answer.quoted[0]?.passage.id ?? null };
}

/** The token of a clicked button, or undefined when the value is not one of ours. */
export function parseFeedbackToken(value: string | undefined): FeedbackToken | undefined {
  if (!value) return undefined;
  try {
    const parsed = feedbackTokenSchema.safeParse(JSON.parse(value));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

/** "Helpful" / "Not helpful" under an answer. */
export function feedbackButtons(answer: GuidelineAnswer): ActionsBlock {
  const t = translator(answer.lang);
  const value = JSON.stringify(feedbackToken(answer)).slice(0, LIMIT.buttonValue);
  return {
    type: 'actions',
    block_id: FEEDBACK_BLOCK,
    elements: [
      { type: 'button', action_id: ACTION.helpful, text: plain(t('slack:answer.helpful'), LIMIT.buttonText), value },
      { type: 'button', action_id: ACTION.notHelpful, text: plain(t('slack:answer.notHelpful'), LIMIT.buttonText), value },
    ],
  };
}

/** The same blocks with the feedback buttons replaced by a thank-you line (so a verdict is given once). */
export function withFeedbackThanks(blocks: readonly KnownBlock[], lang: UiLang): KnownBlock[] {
  const t = translator(lang);
  return blocks.map((block) =>
    block.block_id === FEEDBACK_BLOCK
      ? { type: 'context', block_id: FEEDBACK_BLOCK, elements: [plain(t('slack:answer.thanks'))] }
      : block,
  );
}
