import { decodeWithdrawBinding, Withdrawal, type WithdrawOutcome } from '../../../../core/reports/withdrawal';
import { translator } from '../../../../core/i18n';
import { detailsView, withdrawQuestionBlocks, withdrawQuestionView, type ReporterPart } from '../../blocks/reportViews';
import { fallbackText } from '../../blocks/text';
import { textBlocks } from '../../blocks/textBlocks';
import type { SlackDeps } from '../../deps';
import { ACTION } from '../../ids';
import { tellUser } from '../../replies/tellUser';
import { inModal, messageRespond, type ButtonClick, type ButtonListener } from './buttonClick';

type Answer = (withdrawal: Withdrawal, value: string, personId: string) => Promise<WithdrawOutcome>;

/**
 * "Withdraw the report" on the reporter's receipt or in their report's details: the core's question with
 * [Withdraw] [Cancel] (privately under the receipt, or in place of the button in the details modal). Nothing
 * changes yet; a click that no longer applies gets the service's translated explanation and the state.
 */
export function withdrawAction(deps: SlackDeps): ButtonListener {
  return withdrawClick(deps, (w, value, personId) => w.ask(value, personId));
}

/**
 * The question's [Withdraw]: the service's withdraw for the report and reporter the button carries (the same
 * call as the web chat's), once. It records the step and queues the news for the recipients and the refresh of
 * every alert copy, delivered at once. The question is replaced by what happened, so its buttons do not outlive
 * it; a late or second click gets the outdated-click explanation.
 */
export function withdrawConfirmAction(deps: SlackDeps): ButtonListener {
  // A value that is not a binding carries nobody: the service refuses it as someone else's click.
  return withdrawClick(deps, (w, value, personId) => w.confirm(decodeWithdrawBinding(value) ?? { reference: value, reporterId: '' }, personId));
}

/** The question's [Cancel]: nothing changes, and the reply says so in place of the question. */
export function withdrawCancelAction(deps: SlackDeps): ButtonListener {
  return withdrawClick(deps, (w, value, personId) => w.cancel(decodeWithdrawBinding(value)?.reference ?? value, personId));
}

function withdrawClick(deps: SlackDeps, answer: Answer): ButtonListener {
  return async (args: ButtonClick) => {
    const { ack, body, action } = args;
    await ack();
    const { bot } = deps;
    const user = await deps.users.identify(body.user.id);
    const respond = messageRespond(args);
    const modalId = inModal(body) ? body.view?.id : undefined;
    const tell = (sentence: string) => tellUser(deps, { lang: user.lang, sentence, ...(respond ? { respond } : {}), triggerId: body.trigger_id, inModal: inModal(body) });
    if (!user.person) {
      await tell(translator(user.lang)('slack:alert.notInDirectory'));
      return;
    }
    const personId = user.person.id;
    const outcome = await answer(new Withdrawal(bot.reporting), action.value ?? '', personId);
    // In the details modal the view is redrawn from the report as it is now, with the question or the note.
    const redraw = async (reference: string, part: ReporterPart) => {
      await deps.api.updateView(modalId!, detailsView(await bot.reporting.service.view(reference, personId), user.lang, bot.config.timeZone, part));
    };
    // Under a message: the question is posted privately; an answer to it replaces it.
    const fromQuestion = action.action_id !== ACTION.withdraw;
    const say = async (text: string) => {
      if (respond && fromQuestion) await respond({ response_type: 'ephemeral', replace_original: true, text, blocks: textBlocks(text) });
      else await tell(text);
    };
    switch (outcome.kind) {
      case 'question':
        if (modalId) await redraw(outcome.question.binding.reference, { withdraw: outcome.question });
        else if (respond) await respond({ response_type: 'ephemeral', replace_original: false, text: outcome.question.text, blocks: withdrawQuestionBlocks(outcome.question) });
        // Neither a modal nor a message to answer under (App Home): the question with its buttons in a modal of its own.
        else if (body.trigger_id) await deps.api.openView(body.trigger_id, withdrawQuestionView(outcome.question));
        else await deps.api.dm(body.user.id, { text: fallbackText(outcome.question.text), blocks: withdrawQuestionBlocks(outcome.question) });
        return;
      case 'cancelled':
        if (modalId) await redraw(decodeWithdrawBinding(action.value ?? '')?.reference ?? action.value ?? '', { note: outcome.text });
        else await say(outcome.text);
        return;
      case 'refused':
        // An outdated click in the details modal: the modal is redrawn as the report is now (its Withdraw and the
        // question's buttons gone), with the explanation; any other refusal is only said.
        if (modalId && outcome.outdated) await redraw(decodeWithdrawBinding(action.value ?? '')?.reference ?? action.value ?? '', { note: outcome.text });
        else await say(outcome.text);
        return;
      case 'withdrawn':
        if (modalId) await redraw(outcome.result.reference, {});
        else await say(outcome.text);
        await bot.deliverDue();
        return;
    }
  };
}
