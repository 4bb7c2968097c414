import type { Activity } from 'botbuilder';
import type { WithdrawQuestion } from '../../../core/reports/withdrawal';
import { adaptiveCard, cardMessage, submitAction, textBlock, type CardElement } from './adaptiveCard';
import { CARD_ACTION, DETAILS_CARD, QUESTION_CARD, RECEIPT_CARD } from './cardActions';

type QuestionOn = typeof DETAILS_CARD | typeof RECEIPT_CARD | typeof QUESTION_CARD;

/** The core's withdraw question as a card's text: drawn where the Withdraw button was. */
export function withdrawQuestionBody(question: WithdrawQuestion): CardElement[] {
  return [textBlock(question.text, { weight: 'bolder', color: 'attention', spacing: 'medium' })];
}

/**
 * [Withdraw] [Cancel] of the question; both carry the report and the reporter it was asked of (the service
 * checks them again on click), and `from`, the card they are on, which is drawn again after the answer.
 */
export function withdrawQuestionActions(question: WithdrawQuestion, from: QuestionOn): CardElement[] {
  const { reference, reporterId } = question.binding;
  return [
    submitAction(question.confirm.label, { action: CARD_ACTION.withdrawConfirm, reference, reporter: reporterId, from }, { style: 'destructive' }),
    submitAction(question.cancel.label, { action: CARD_ACTION.withdrawCancel, reference, from }),
  ];
}

/** The question as a card of its own. */
export function withdrawQuestionCard(question: WithdrawQuestion): Partial<Activity> {
  return cardMessage(adaptiveCard(withdrawQuestionBody(question), withdrawQuestionActions(question, QUESTION_CARD)), question.text);
}
