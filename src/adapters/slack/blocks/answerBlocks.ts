import type { KnownBlock } from '../slackTypes';
import { citationLine, renderAnswerText } from '../../../core/guidelines/answerText';
import { invitesFeedback } from '../../../core/guidelines/feedbackInvite';
import type { GuidelineAnswer } from '../../../core/guidelines/guidelineAnswerer';
import type { SearchHit } from '../../../core/guidelines/search';
import { translator } from '../../../core/i18n';
import type { UiLang } from '../../../core/language/lang';
import type { ReportCategory } from '../../../core/reports/categories';
import { ACTION } from '../ids';
import { feedbackButtons } from './feedback';
import { textBlocks } from './textBlocks';
import { escapeMrkdwn, fallbackText, LIMIT, mrkdwn, plain, quoteMrkdwn, truncate } from './text';

/** A message as Slack takes it: blocks, and the short text shown in notifications and by screen readers. */
export interface SlackMessageBody {
  text: string;
  blocks: KnownBlock[];
}

/**
 * A guideline answer in Block Kit: each quoted passage verbatim as a quote, its citation (and notes on its
 * language or kind) in a context block under it, then "Helpful" / "Not helpful". When the guidelines do not
 * answer, the core's sentence saying so (with the contact), and the same buttons.
 */
export function answerBlocks(answer: GuidelineAnswer, contact: string): SlackMessageBody {
  const t = translator(answer.lang);
  const text = truncate(renderAnswerText(answer, contact), LIMIT.fallbackText);
  const blocks: KnownBlock[] = [];
  if (answer.truncated) blocks.push({ type: 'context', elements: [plain(t('guidelines:truncated'))] });
  if (!answer.answered) {
    blocks.push(...textBlocks(renderAnswerText({ ...answer, truncated: false }, contact)));
  } else {
    const [best, ...related] = answer.quoted;
    blocks.push(...quoteBlocks(best!, answer));
    if (related.length > 0) {
      blocks.push({ type: 'section', text: mrkdwn(escapeMrkdwn(t('guidelines:related'))) });
      for (const hit of related) blocks.push(...quoteBlocks(hit, answer));
    }
  }
  if (invitesFeedback(answer)) blocks.push(feedbackButtons(answer));
  if (answer.reportOffer) blocks.push(...reportOfferBlocks(answer.lang, answer.reportOffer.category, translator(answer.lang)('dialog:offer.question')).blocks);
  return { text, blocks };
}

/** One passage: the verbatim quote, then its citation with notes on language and kind. */
function quoteBlocks(hit: SearchHit, answer: GuidelineAnswer): KnownBlock[] {
  const t = translator(answer.lang);
  const { source } = hit.passage;
  const notes = [citationLine(hit, answer)];
  if (source.lang !== answer.lang && answer.lang !== 'en') notes.push(t(`guidelines:passageIn.${source.lang}`));
  if (source.kind === 'commentary') notes.push(t('guidelines:commentary'));
  return [
    { type: 'section', text: mrkdwn(quoteMrkdwn(hit.passage.text)) },
    { type: 'context', elements: notes.map((note) => mrkdwn(escapeMrkdwn(note), LIMIT.sectionText)) },
  ];
}

/**
 * The reply when the message is (or asks for) a report: the core's offer, and a "Report" button that opens
 * the report form with the detected category already chosen.
 */
export function reportOfferBlocks(lang: UiLang, category: ReportCategory | undefined, sentence?: string): SlackMessageBody {
  const t = translator(lang);
  const offer = sentence ?? t('guidelines:reportOffer');
  return {
    text: offer,
    blocks: [
      { type: 'section', text: mrkdwn(escapeMrkdwn(offer)) },
      {
        type: 'actions',
        elements: [
          { type: 'button', style: 'primary', action_id: ACTION.openReport, value: category ?? '', text: plain(t('slack:report.button'), LIMIT.buttonText) },
        ],
      },
    ],
  };
}

/** One translated sentence as a message. */
export function sentenceBlocks(sentence: string): SlackMessageBody {
  return { text: fallbackText(sentence), blocks: textBlocks(sentence) };
}
