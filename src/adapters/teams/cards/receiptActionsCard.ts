import type { Activity } from 'botbuilder';
import { translator } from '../../../core/i18n';
import type { UiLang } from '../../../core/language/lang';
import { MESSAGE_ACTIONS } from '../../../core/delivery/messageKinds';
import type { OutboundMessage } from '../../../core/ports';
import { adaptiveCard, cardMessage, submitAction, textBlock } from './adaptiveCard';
import { CARD_ACTION, RECEIPT_CARD } from './cardActions';
import { plainTextLines } from './plainText';
import type { WithdrawQuestion } from '../../../core/reports/withdrawal';
import { withdrawQuestionActions, withdrawQuestionBody } from './withdrawQuestion';

/**
 * The reporter's buttons under the receipt: Details, and Withdraw while the report is open (`open`), or in its
 * place the withdraw `question` with its two answers. `state`: the report's state once something happened.
 */
export function receiptActionsCard(reference: string, lang: UiLang, open: boolean, question?: WithdrawQuestion, state?: string): Partial<Activity> {
  const t = translator(lang);
  const text = t('teamsParity:receiptActions', { reference });
  const body = [textBlock(text, { subtle: true, size: 'small' }), ...(state ? plainTextLines(state) : [])];
  const actions = [submitAction(t('teamsParity:action.details'), { action: CARD_ACTION.details, reference })];
  // Withdraw asks first: the question takes the button's place until it is answered.
  if (open && question) {
    body.push(...withdrawQuestionBody(question));
    actions.push(...withdrawQuestionActions(question, RECEIPT_CARD));
  } else if (open) {
    actions.push(submitAction(t('teamsParity:action.withdraw'), { action: CARD_ACTION.withdraw, reference, from: RECEIPT_CARD }, { style: 'destructive' }));
  }
  return cardMessage(adaptiveCard(body, actions), text);
}

/**
 * The receipt's card as the core rendered the receipt copy (core receiptMessage), first sent and every redraw
 * alike: Withdraw only while the core offers it, the state once something happened (a redraw after a change
 * made on any door), and the withdraw `question` in its place when the reporter asked on this card.
 */
export function receiptCard(copy: OutboundMessage, question?: WithdrawQuestion): Partial<Activity> {
  const report = copy.report!;
  const t = translator(copy.lang);
  const open = copy.actions.some((a) => a.id === MESSAGE_ACTIONS.withdraw);
  const state = report.status === 'submitted' && !report.stateLine ? undefined : [`${t('teams:card.status')}: ${t(`notifications:status.${report.status}`)}`, report.stateLine].filter(Boolean).join(' · ');
  return receiptActionsCard(report.reference, copy.lang, open, question, state);
}
