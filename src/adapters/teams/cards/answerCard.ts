import { randomUUID } from 'node:crypto';
import type { Activity } from 'botbuilder';
import { translator } from '../../../core/i18n';
import { citationLine, renderAnswerText } from '../../../core/guidelines/answerText';
import { invitesFeedback } from '../../../core/guidelines/feedbackInvite';
import type { GuidelineAnswer } from '../../../core/guidelines/guidelineAnswerer';
import type { SearchHit } from '../../../core/guidelines/search';
import { adaptiveCard, cardMessage, container, submitAction, textBlock, textLines, type CardElement } from './adaptiveCard';
import { CARD_ACTION } from './cardActions';

/** One quoted passage: the verbatim text, its citation, and notes on its language and kind. */
function quote(hit: SearchHit, answer: GuidelineAnswer): CardElement[] {
  const t = translator(answer.lang);
  const { source } = hit.passage;
  const notes: string[] = [];
  if (source.lang !== answer.lang && answer.lang !== 'en') notes.push(t(`guidelines:passageIn.${source.lang}`));
  if (source.kind === 'commentary') notes.push(t('guidelines:commentary'));
  return [
    container(textLines(hit.passage.text), 'emphasis'),
    textBlock(`— ${citationLine(hit, answer)}`, { subtle: true, size: 'small', spacing: 'small' }),
    ...notes.map((note) => textBlock(note, { subtle: true, size: 'small', italic: true, spacing: 'none' })),
  ];
}

/**
 * A guideline answer as a card: each quoted passage verbatim with its citation (or the core's sentence that
 * the guidelines do not answer), "Helpful" / "Not helpful" buttons, and "Report" when the message sounds
 * like an incident. `contact` is whom to ask when nothing answers.
 */
export function answerCard(answer: GuidelineAnswer, options: { contact: string; offerReport: boolean }): Partial<Activity> {
  const t = translator(answer.lang);
  const body: CardElement[] = [];
  if (answer.truncated) body.push(textBlock(t('guidelines:truncated'), { subtle: true, italic: true }));
  if (answer.answered) {
    const [best, ...related] = answer.quoted;
    body.push(...quote(best!, answer));
    if (related.length > 0) {
      body.push(textBlock(t('guidelines:related'), { weight: 'bolder', spacing: 'medium' }));
      for (const hit of related) body.push(...quote(hit, answer));
    }
  } else {
    body.push(...textLines(renderAnswerText({ ...answer, truncated: false }, options.contact)));
  }
  const actions: CardElement[] = [];
  if (invitesFeedback(answer)) {
    const feedback = { answerId: answer.answerId ?? randomUUID(), lang: answer.lang, answered: answer.answered, passageId: answer.quoted[0]?.passage.id ?? null };
    actions.push(
      submitAction(t('teams:action.helpful'), { action: CARD_ACTION.feedback, helpful: true, ...feedback }),
      submitAction(t('teams:action.notHelpful'), { action: CARD_ACTION.feedback, helpful: false, ...feedback }),
    );
  }
  if (answer.reportOffer) body.push(textBlock(t('dialog:offer.question'), { weight: 'bolder', spacing: 'medium' }));
  if (options.offerReport) {
    const category = answer.intent.startsWith('report:') ? answer.intent.slice('report:'.length) : answer.reportOffer?.category;
    actions.push(submitAction(t('teams:action.report'), { action: CARD_ACTION.openForm, lang: answer.lang, ...(category ? { category } : {}) }, { style: 'positive' }));
  }
  const summary = answer.answered ? citationLine(answer.quoted[0]!, answer) : t('teams:summary.noAnswer');
  return cardMessage(adaptiveCard(body, actions), summary);
}
