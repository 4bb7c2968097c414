import type { TurnContext } from 'botbuilder';
import { translator } from '../../../core/i18n';
import { isReportError } from '../../../core/reports/reportErrors';
import { Withdrawal, type WithdrawOutcome, type WithdrawQuestion } from '../../../core/reports/withdrawal';
import { CARD_ACTION, DETAILS_CARD, QUESTION_CARD, RECEIPT_CARD } from '../cards/cardActions';
import { detailsCard } from '../cards/detailsCard';
import { noticeMessage } from '../cards/noticeMessage';
import { receiptCard } from '../cards/receiptActionsCard';
import { withdrawQuestionCard } from '../cards/withdrawQuestion';
import type { TurnFacts } from '../turnFacts';
import type { TeamsTurnDeps } from '../turnDeps';
import type { CardHandler } from './handler';

type PressedCard = typeof DETAILS_CARD | typeof RECEIPT_CARD | typeof QUESTION_CARD;

/**
 * The reporter's Withdraw (on the details card or under the receipt): the core's question with [Withdraw]
 * [Cancel] drawn on the pressed card in the button's place (or sent as a card of its own when the pressed card
 * is unknown). Nothing changes yet; a click that no longer applies gets the translated explanation and state.
 */
export const withdrawHandler: CardHandler<typeof CARD_ACTION.withdraw> = {
  action: CARD_ACTION.withdraw,
  handle: (context, facts, data, deps) => answer(context, facts, deps, data.from, data.reference, (w, personId) => w.ask(data.reference, personId)),
};

/**
 * The question's [Withdraw]: the service's withdraw for the report and reporter the button carries, once (it
 * queues the news for the recipients and the refresh of every alert copy, delivered at once). The pressed card
 * is drawn again without the question; a late or second click gets the outdated-click explanation.
 */
export const withdrawConfirmHandler: CardHandler<typeof CARD_ACTION.withdrawConfirm> = {
  action: CARD_ACTION.withdrawConfirm,
  handle: (context, facts, data, deps) =>
    answer(context, facts, deps, data.from, data.reference, (w, personId) => w.confirm({ reference: data.reference, reporterId: data.reporter }, personId)),
};

/** The question's [Cancel]: nothing changes; the card gets its Withdraw back and the reply says so. */
export const withdrawCancelHandler: CardHandler<typeof CARD_ACTION.withdrawCancel> = {
  action: CARD_ACTION.withdrawCancel,
  handle: (context, facts, data, deps) => answer(context, facts, deps, data.from, data.reference, (w, personId) => w.cancel(data.reference, personId)),
};

async function answer(
  context: TurnContext,
  facts: TurnFacts,
  deps: TeamsTurnDeps,
  from: PressedCard | undefined,
  reference: string,
  step: (withdrawal: Withdrawal, personId: string) => Promise<WithdrawOutcome>,
): Promise<void> {
  if (!facts.person) {
    await context.sendActivity(noticeMessage(translator(facts.lang)('teams:notInDirectory')));
    return;
  }
  const outcome = await step(new Withdrawal(deps.bot.reporting), facts.person.id);
  const pressed = context.activity.replyToId && from ? { id: context.activity.replyToId, card: from } : undefined;
  switch (outcome.kind) {
    case 'question':
      if (pressed && pressed.card !== QUESTION_CARD && (await redraw(context, facts, deps, reference, pressed, outcome.question))) return;
      await context.sendActivity(withdrawQuestionCard(outcome.question));
      return;
    case 'withdrawn':
      // The pressed card redrawn shows what happened; when it cannot be, the answer comes as a message.
      if (!pressed || !(await redraw(context, facts, deps, outcome.result.reference, pressed, undefined, outcome.text))) await context.sendActivity(noticeMessage(outcome.text));
      await deps.bot.deliverDue();
      return;
    case 'cancelled':
    case 'refused': {
      const redrawn = pressed && (outcome.kind === 'cancelled' || outcome.outdated) ? await redraw(context, facts, deps, reference, pressed, undefined, outcome.text) : false;
      // A question card redrawn is the answer itself; any other card, or one that could not be redrawn, gets it as a message.
      const answered = redrawn && pressed?.card === QUESTION_CARD;
      if (!answered || (outcome.kind === 'refused' && !outcome.outdated)) await context.sendActivity(noticeMessage(outcome.text));
      return;
    }
  }
}

/**
 * Draws the pressed card again from the report as it is now: a details card or the receipt's buttons (with the
 * question when one is asked); a question card of its own becomes the answer's sentence. False when the card
 * could not be drawn (only logged: the step itself is recorded and told through the outbox).
 */
async function redraw(
  context: TurnContext,
  facts: TurnFacts,
  deps: TeamsTurnDeps,
  reference: string,
  pressed: { id: string; card: PressedCard },
  question?: WithdrawQuestion,
  sentence?: string,
): Promise<boolean> {
  const personId = facts.person!.id;
  try {
    const service = deps.bot.reporting.service;
    let activity;
    if (pressed.card === QUESTION_CARD) activity = noticeMessage(sentence ?? '');
    else if (pressed.card === DETAILS_CARD) activity = detailsCard(await service.detailsCopy(reference, personId, 'teams', facts.lang), deps.bot.config.timeZone, question);
    else activity = receiptCard(await service.receiptCopy(reference, personId, 'teams'), question);
    await context.updateActivity({ ...activity, id: pressed.id });
    return true;
  } catch (err) {
    deps.bot.logger.warn('teams_details_redraw_failed', { code: isReportError(err) ? err.code : 'update_failed' });
    return false;
  }
}

