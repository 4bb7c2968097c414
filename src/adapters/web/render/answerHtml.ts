import { citationLine, passageNotes, renderAnswerText } from '../../../core/guidelines/answerText';
import { invitesFeedback } from '../../../core/guidelines/feedbackInvite';
import type { GuidelineAnswer } from '../../../core/guidelines/guidelineAnswerer';
import { translator } from '../../../core/i18n';
import { reportOfferChoiceId } from '../../../core/conversation/reportOffer';
import { FEEDBACK } from '../webActions';
import { html, paragraphs, type Html } from './html';

/**
 * A guideline answer as HTML, in the answer's language: each quoted passage verbatim (in the passage's own
 * language) with its citation and notes, or the "the guidelines do not answer" sentence; then the feedback
 * buttons where the core invites feedback (`invitesFeedback`). `answerId` identifies the answer when feedback comes back.
 */
export function answerHtml(answer: GuidelineAnswer, answerId: string, contact: string): Html {
  const t = translator(answer.lang);
  const body = answer.answered ? quotes(answer) : paragraphs(renderAnswerText(answer, contact));
  return html`<div class="bot answer" lang="${answer.lang}">
${answer.answered && answer.truncated ? html`<p class="note">${t('guidelines:truncated')}</p>` : ''}${body}
${invitesFeedback(answer) ? feedback(answer, answerId) : ''}
${answer.reportOffer ? reportOffer(answer) : ''}
</div>`;
}

/** "Var svaret till hjälp?" with its two buttons. */
function feedback(answer: GuidelineAnswer, answerId: string): Html {
  const t = translator(answer.lang);
  const passageId = answer.quoted[0]?.passage.id ?? '';
  return html`<div class="feedback" role="group" aria-label="${t('web:feedback.question')}" data-answer="${answerId}" data-passage="${passageId}" data-answered="${String(answer.answered)}" data-lang="${answer.lang}">
<span aria-hidden="true">${t('web:feedback.question')}</span>
<button type="button" data-feedback="${FEEDBACK.helpful}">${t('web:feedback.helpful')}</button>
<button type="button" data-feedback="${FEEDBACK.notHelpful}">${t('web:feedback.notHelpful')}</button>
</div>`;
}

/** "Vill du göra en anmälan?" with a button that starts the report dialog (sent back as a choice). */
function reportOffer(answer: GuidelineAnswer): Html {
  const t = translator(answer.lang);
  const question = t('dialog:offer.question');
  return html`<div class="report-offer"><p>${question}</p><div class="choices" role="group" aria-label="${question}"><button type="button" data-choice="${reportOfferChoiceId(answer.reportOffer?.category)}">${t('dialog:offer.button')}</button></div></div>`;
}

function quotes(answer: GuidelineAnswer): Html {
  const t = translator(answer.lang);
  const [best, ...related] = answer.quoted;
  const figure = (hit: NonNullable<typeof best>) => {
    const { source } = hit.passage;
    const notes = passageNotes(hit, answer);
    return html`<figure class="quote">
<blockquote lang="${source.lang}">${paragraphs(hit.passage.text)}</blockquote>
<figcaption><span class="source">— ${citationLine(hit, answer)}</span>${notes.map((n) => html`<span class="note">${n}</span>`)}</figcaption>
</figure>`;
  };
  return html`${best ? figure(best) : ''}${related.length > 0 ? html`<p class="related">${t('guidelines:related')}</p>${related.map(figure)}` : ''}`;
}
