import { isReportCommand } from '../../../core/conversation/reportCommand';
import { translator } from '../../../core/i18n';
import { isReportCategory, type ReportCategory } from '../../../core/reports/categories';
import { renderPlainText } from '../../../core/reports/dialog';
import { answerBlocks, reportOfferBlocks, sentenceBlocks, type SlackMessageBody } from '../blocks/answerBlocks';
import { fallbackText } from '../blocks/text';
import { textBlocks } from '../blocks/textBlocks';
import type { SlackDeps } from '../deps';
import type { SlackUser } from '../slackUsers';
import { withdrawCommand } from '../../../core/conversation/withdrawCommand';
import { Withdrawal } from '../../../core/reports/withdrawal';
import { withdrawQuestionBlocks } from '../blocks/reportViews';

/**
 * The reply to something a person wrote (a DM, a mention, /somebot, App Home's question). The core decides
 * everything: its answerer detects the language (the Slack locale only hints) and the intent. A report, or
 * a request to make one, gets the offer with a "Report" button that opens the modal with the detected
 * category (on Slack reports are made in the modal, not typed into a thread); a person missing from the
 * directory is told, in their language, that reports cannot be taken from them. Anything else goes through
 * the bot's Conversation (so every channel's answers are counted alike) and comes back as cited answers.
 * A typed withdraw of a report gets the core's question with the Slack buttons (answered by withdrawAction.ts).
 */
export async function replyToText(deps: SlackDeps, user: SlackUser, text: string, conversation: string): Promise<SlackMessageBody> {
  const { bot } = deps;
  const question = text.trim();
  const hint = user.localeHint;
  const decided = bot.guidelines.answerer.answer(question, hint);
  const detected = decided.intent.startsWith('report:') ? decided.intent.slice('report:'.length) : undefined;
  const category: ReportCategory | undefined = isReportCategory(detected) ? detected : undefined;
  if (category || isReportCommand(question)) {
    return user.person ? reportOfferBlocks(decided.lang, category) : sentenceBlocks(translator(decided.lang)('slack:report.notInDirectory'));
  }
  // A typed withdraw ("återkalla SOME-2026-0042") gets the same question and buttons as the receipt's Withdraw.
  const withdraw = user.person ? withdrawCommand(question) : undefined;
  if (withdraw?.reference && user.person) {
    const outcome = await new Withdrawal(bot.reporting).ask(withdraw.reference, user.person.id);
    if (outcome.kind === 'question') return { text: fallbackText(outcome.question.text), blocks: withdrawQuestionBlocks(outcome.question) };
    if (outcome.kind === 'refused') return sentenceBlocks(outcome.text);
  }
  const replies = await bot.conversation.handle({
    conversationId: conversation,
    personId: user.person?.id ?? `slack:${user.slackId}`,
    text: question,
    ...(hint ? { localeHint: hint } : {}),
  });
  const bodies: SlackMessageBody[] = [];
  for (const reply of replies) {
    if (reply.type === 'answer') bodies.push(answerBlocks(reply.answer, bot.guidelines.settings.contact));
    else {
      // Not expected (Slack never starts the typed dialog); shown as text, and the dialog is not kept.
      const plain = renderPlainText(reply.reply);
      bodies.push({ text: fallbackText(plain), blocks: textBlocks(plain) });
      await bot.reporting.sessions.clear(conversation);
    }
  }
  return { text: bodies[0]?.text ?? '', blocks: bodies.flatMap((b) => b.blocks) };
}
