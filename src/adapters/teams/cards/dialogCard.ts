import type { Activity } from 'botbuilder';
import { translator } from '../../../core/i18n';
import type { UiLang } from '../../../core/language/lang';
import { CHOICE, REPLY_KIND, type BotReply, type Choice } from '../../../core/reports/dialog';
import { adaptiveCard, cardMessage, container, submitAction, type CardElement } from './adaptiveCard';
import { fitCard } from './cardSize';
import { plainTextLines } from './plainText';
import { CARD_ACTION, CHOICE_INPUT_ID } from './cardActions';

/** Teams shows at most this many buttons in a row comfortably; more choices become a drop-down. */
export const MAX_CHOICE_BUTTONS = 5;

/** Dialog texts quote what the person typed (the summary, "now: …"), so they are never read as Markdown. */
function replyBody(reply: BotReply): CardElement[] {
  switch (reply.kind) {
    case REPLY_KIND.emergency:
      return [container(plainTextLines(reply.text, { weight: 'bolder' }), 'attention')];
    case REPLY_KIND.error:
      return plainTextLines(reply.text, { color: 'attention' });
    case REPLY_KIND.done:
      return [container(plainTextLines(reply.text), 'good')];
    default:
      return plainTextLines(reply.text);
  }
}

function choiceControls(choices: Choice[], lang: UiLang): { body: CardElement[]; actions: CardElement[] } {
  const t = translator(lang);
  if (choices.length <= MAX_CHOICE_BUTTONS) {
    return { body: [], actions: choices.map((c) => submitAction(c.label, { action: CARD_ACTION.dialogChoice, [CHOICE_INPUT_ID]: c.id })) };
  }
  return {
    body: [
      {
        type: 'Input.ChoiceSet',
        id: CHOICE_INPUT_ID,
        style: 'compact',
        isRequired: true,
        label: t('teams:form.choose'),
        errorMessage: t('teams:form.chooseError'),
        choices: choices.map((c) => ({ title: c.label, value: c.id })),
      },
    ],
    actions: [submitAction(t('teams:action.answer'), { action: CARD_ACTION.dialogChoice }, { validateInputs: true, style: 'positive' })],
  };
}

/**
 * The dialog replies of one turn as one card: the texts in order (the 112 message highlighted, errors in
 * red, the receipt in green), then the choices of the last question as buttons (or a drop-down when there
 * are many), and Cancel while a question is open (the core ends the dialog on the `cancel` choice at any
 * step). While a report is typed question by question, `offerForm` adds "Fill in the form instead".
 */
export function dialogCard(replies: BotReply[], lang: UiLang, options: { offerForm: boolean }): Partial<Activity> {
  const t = translator(lang);
  const body = replies.flatMap(replyBody);
  const asking = [...replies].reverse().find((r) => r.choices && r.choices.length > 0);
  const controls = asking ? choiceControls(asking.choices!, lang) : { body: [], actions: [] };
  body.push(...controls.body);
  const actions = [...controls.actions];
  const changes = [...replies].reverse().find((r) => r.changes && r.changes.length > 0)?.changes;
  if (changes) {
    // The summary's answers to change: a drop-down and its button, apart from Send / Cancel.
    body.push({
      type: 'Input.ChoiceSet',
      id: CHOICE_INPUT_ID,
      style: 'compact',
      isRequired: true,
      errorMessage: t('teams:form.chooseError'),
      label: t('dialog:summary.changeGroup'),
      choices: changes.map((c) => ({ title: c.label, value: c.id })),
    });
    actions.push(submitAction(t('dialog:summary.changeGroup'), { action: CARD_ACTION.dialogChoice }, { validateInputs: true }));
  }
  const asksQuestion = replies.some((r) => r.kind === REPLY_KIND.prompt || r.kind === REPLY_KIND.preview);
  if (asksQuestion && !asking?.choices?.some((c) => c.id === CHOICE.cancel)) {
    actions.push(submitAction(t('teams:action.cancel'), { action: CARD_ACTION.dialogChoice, [CHOICE_INPUT_ID]: CHOICE.cancel }, { style: 'destructive' }));
  }
  if (options.offerForm) actions.push(submitAction(t('teams:action.useForm'), { action: CARD_ACTION.openForm, lang }));
  const last = replies[replies.length - 1];
  const summary = (last?.text.split('\n').find((line) => line.trim() !== '') ?? '').slice(0, 200);
  return cardMessage(fitCard(adaptiveCard(body, actions), t('dialog:teams.shortened')), summary);
}
