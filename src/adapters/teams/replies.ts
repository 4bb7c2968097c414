import type { Activity, TurnContext } from 'botbuilder';
import type { ConversationReply } from '../../core/conversation/conversation';
import { translator } from '../../core/i18n';
import type { UiLang } from '../../core/language/lang';
import { CHOICE, REPLY_KIND, type BotReply } from '../../core/reports/dialog';
import { adaptiveCard, cardMessage, submitAction, textLines } from './cards/adaptiveCard';
import { answerCard } from './cards/answerCard';
import { CARD_ACTION } from './cards/cardActions';
import { dialogCard } from './cards/dialogCard';
import { receiptActionsCard, receiptCard } from './cards/receiptActionsCard';
import { userKey } from './conversationKeys';
import type { OutboundMessage } from '../../core/ports';
import { errorFields } from '../../core/logger';
import type { TurnFacts } from './turnFacts';
import type { TeamsTurnDeps } from './turnDeps';

/** The card that moves a report out of a channel: reports are made in the personal chat. */
export function privateReportCard(lang: UiLang): Partial<Activity> {
  const t = translator(lang);
  const text = t('teams:reportPrivately');
  return cardMessage(adaptiveCard(textLines(text), [submitAction(t('teams:action.report'), { action: CARD_ACTION.openForm, lang }, { style: 'positive' })]), text);
}

/** Whether a dialog card should also offer the form: only while questions are asked one by one. */
function offersForm(replies: BotReply[]): boolean {
  return replies.some((r) => r.kind === REPLY_KIND.prompt) && !replies.some((r) => r.kind === REPLY_KIND.preview || r.choices?.some((c) => c.id === CHOICE.confirm));
}

/**
 * The core's replies as Teams activities: each answer a card, consecutive dialog replies one card. In a
 * channel or group chat a report dialog is never shown (others would read it): it becomes a pointer to the
 * personal chat. Returns the activities and the index of the card that asks a question, if any.
 */
export function renderReplies(
  replies: ConversationReply[],
  facts: Pick<TurnFacts, 'personal'>,
  contact: string,
): { activities: Partial<Activity>[]; questionAt?: number; receipt?: { at: number; reference: string } } {
  const activities: Partial<Activity>[] = [];
  let questionAt: number | undefined;
  let receiptCardOf: { at: number; reference: string } | undefined;
  let pending: { lang: UiLang; replies: BotReply[] } | undefined;
  const flush = () => {
    if (!pending) return;
    if (facts.personal) {
      if (pending.replies.some((r) => r.choices && r.choices.length > 0)) questionAt = activities.length;
      activities.push(dialogCard(pending.replies, pending.lang, { offerForm: offersForm(pending.replies) }));
      // Under the receipt: the reporter's Details and Withdraw.
      const receipt = pending.replies.find((r) => r.reference !== undefined);
      if (receipt?.reference) {
        receiptCardOf = { at: activities.length, reference: receipt.reference };
        activities.push(receiptActionsCard(receipt.reference, pending.lang, true));
      }
    } else {
      activities.push(privateReportCard(pending.lang));
    }
    pending = undefined;
  };
  for (const reply of replies) {
    if (reply.type === 'answer') {
      flush();
      activities.push(answerCard(reply.answer, { contact, offerReport: reply.answer.intent.startsWith('report:') || reply.answer.reportOffer !== undefined }));
    } else {
      if (pending && pending.lang !== reply.lang) flush();
      pending ??= { lang: reply.lang, replies: [] };
      pending.replies.push(reply.reply);
    }
  }
  flush();
  return { activities, ...(questionAt !== undefined ? { questionAt } : {}), ...(receiptCardOf ? { receipt: receiptCardOf } : {}) };
}

/** Sends the core's replies in this turn and remembers which card asks the current question. */
export async function sendReplies(context: TurnContext, replies: ConversationReply[], facts: TurnFacts, deps: TeamsTurnDeps): Promise<void> {
  const { activities, questionAt, receipt } = renderReplies(replies, facts, deps.bot.guidelines.settings.contact);
  if (activities.length === 0) return;
  // The receipt's card is the core's receipt copy, recorded once sent so that every change redraws it in place.
  const copy = receipt && facts.person ? await receiptCopyOf(receipt.reference, facts.person.id, deps) : undefined;
  if (receipt && copy) activities[receipt.at] = receiptCard(copy);
  const sent = await context.sendActivities(activities);
  if (facts.personal && replies.some((r) => r.type === 'dialog')) {
    deps.prompts.set(facts.conversationId, questionAt !== undefined ? sent[questionAt]?.id : undefined);
  }
  const activityId = receipt ? sent[receipt.at]?.id : undefined;
  if (copy && activityId && facts.aadObjectId) await recordReceipt(copy, activityId, userKey(facts.aadObjectId), deps);
}

/** The core's receipt copy for the reporter, or undefined (logged) when it cannot be read now. */
async function receiptCopyOf(reference: string, personId: string, deps: TeamsTurnDeps): Promise<OutboundMessage | undefined> {
  try {
    return await deps.bot.reporting.service.receiptCopy(reference, personId, 'teams');
  } catch (err) {
    deps.bot.logger.warn('teams_receipt_failed', { reference, ...errorFields(err) });
    return undefined;
  }
}

/**
 * Records the sent receipt card as the receipt's copy on Teams, with where Teams shows it, in one transaction;
 * while the store is away, the relay records it once the store is back (the receipt was shown all the same).
 */
async function recordReceipt(copy: OutboundMessage, activityId: string, conversationKey: string, deps: TeamsTurnDeps): Promise<void> {
  const reference = copy.report!.reference;
  const cardStatus = copy.report!.status;
  await deps.bot.reporting.receipts.record({
    copy,
    door: 'teams',
    shownAs: activityId,
    where: (tx, key) => tx.recordTeamsMessage({ idempotencyKey: key, reference, conversationKey, activityId, cardStatus, sentAt: deps.bot.clock.now() }),
  });
}
