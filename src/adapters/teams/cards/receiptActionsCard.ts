import type { Activity } from 'botbuilder';
import { translator } from '../../../core/i18n';
import type { UiLang } from '../../../core/language/lang';
import { adaptiveCard, cardMessage, submitAction, textBlock } from './adaptiveCard';
import { CARD_ACTION, RECEIPT_CARD } from './cardActions';
import type { WithdrawQuestion } from '../../../core/reports/withdrawal';
import { withdrawQuestionActions, withdrawQuestionBody } from './withdrawQuestion';

/**
 * The reporter's buttons under the receipt: Details, and Withdraw while the report is open (`open`), or in its
 * place the withdraw `question` with its two answers. After a
 * withdraw from here the card is drawn again without it; if the report closes another way, a click on the
 * old button gets the service's translated explanation and the report's state.
 */
export function receiptActionsCard(reference: string, lang: UiLang, open: boolean, question?: WithdrawQuestion): Partial<Activity> {
  const t = translator(lang);
  const text = t('teamsParity:receiptActions', { reference });
  const body = [textBlock(text, { subtle: true, size: 'small' })];
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
