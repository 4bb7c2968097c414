import type { TurnContext } from 'botbuilder';
import { translator } from '../../../core/i18n';
import { isReportError } from '../../../core/reports/reportErrors';
import type { ActionResult } from '../../../core/reports/service';
import { CARD_ACTION, DETAILS_CARD, OUTCOME_INPUT_ID, RECEIPT_CARD } from '../cards/cardActions';
import { receiptActionsCard } from '../cards/receiptActionsCard';
import { detailsCard } from '../cards/detailsCard';
import { noticeMessage } from '../cards/noticeMessage';
import type { TurnFacts } from '../turnFacts';
import type { TeamsTurnDeps } from '../turnDeps';
import type { CardHandler } from './handler';

/**
 * A report button (Acknowledge, Start handling, Resolve with its note on an alert or details card; the
 * reporter's Withdraw is in withdrawHandlers.ts): the service call of the same name, which checks access and audits, and queues what
 * the change causes: news for the reporter (or the recipients) and a refresh of every alert copy on every
 * door, delivered at once. A refusal, or a step someone else took first, is answered with the core's
 * translated sentence and the report's current state. Cards the core does not know (`redraw`) are drawn
 * again here.
 */
async function runReportAction(
  context: TurnContext,
  facts: TurnFacts,
  reference: string,
  call: (personId: string) => Promise<ActionResult>,
  deps: TeamsTurnDeps,
  options: { redraw?: typeof DETAILS_CARD | typeof RECEIPT_CARD | undefined } = {},
): Promise<void> {
  const t = translator(facts.lang);
  if (!facts.person) {
    await context.sendActivity(noticeMessage(t('teams:notInDirectory')));
    return;
  }
  const service = deps.bot.reporting.service;
  let result: ActionResult;
  try {
    result = await call(facts.person.id);
  } catch (err) {
    if (!isReportError(err)) throw err;
    await context.sendActivity(noticeMessage(await service.explainRefusal(err, reference, await service.copyLangFor(reference, facts.person))));
    return;
  }
  // Someone else was first: say what the report's state is now (the card itself is redrawn by the core's refresh).
  // Explained in the language of the person's copies of the report (see copyLangOf), as on every door.
  if (!result.changed) await context.sendActivity(noticeMessage(await service.describeState(result.reference, await service.copyLangFor(result.reference, facts.person))));
  else if (options.redraw) await redrawPressedCard(context, facts, reference, options.redraw, deps);
  await deps.bot.deliverDue();
}

/**
 * After a step taken on a details card or the receipt's buttons, the pressed card is drawn again from the
 * report as it is now at once, in this turn, so its buttons never outlive the step (the core's refresh of the
 * recorded copy follows through the outbox and draws the same).
 */
async function redrawPressedCard(context: TurnContext, facts: TurnFacts, reference: string, card: typeof DETAILS_CARD | typeof RECEIPT_CARD, deps: TeamsTurnDeps): Promise<void> {
  const cardId = context.activity.replyToId;
  if (!cardId || !facts.person) return;
  try {
    const service = deps.bot.reporting.service;
    const activity =
      card === DETAILS_CARD
        ? detailsCard(await service.detailsCopy(reference, facts.person.id, 'teams', facts.lang), deps.bot.config.timeZone)
        : receiptActionsCard(reference, facts.lang, false);
    await context.updateActivity({ ...activity, id: cardId });
  } catch (err) {
    // The step is recorded and told through the outbox; a card that cannot be redrawn is only logged.
    deps.bot.logger.warn('teams_details_redraw_failed', { code: isReportError(err) ? err.code : 'update_failed' });
  }
}

export const acknowledgeHandler: CardHandler<typeof CARD_ACTION.acknowledge> = {
  action: CARD_ACTION.acknowledge,
  handle: (context, facts, data, deps) =>
    runReportAction(context, facts, data.reference, (personId) => deps.bot.reporting.service.acknowledge(data.reference, personId), deps),
};

export const startProgressHandler: CardHandler<typeof CARD_ACTION.startProgress> = {
  action: CARD_ACTION.startProgress,
  handle: (context, facts, data, deps) =>
    runReportAction(context, facts, data.reference, (personId) => deps.bot.reporting.service.startProgress(data.reference, personId), deps),
};

/** Resolve with the outcome note typed into the card; the core sends the note to the reporter. */
export const resolveHandler: CardHandler<typeof CARD_ACTION.resolve> = {
  action: CARD_ACTION.resolve,
  handle: (context, facts, data, deps) =>
    runReportAction(
      context,
      facts,
      data.reference,
      (personId) => deps.bot.reporting.service.resolve(data.reference, personId, data[OUTCOME_INPUT_ID] ?? ''),
      deps,
      { redraw: data.from },
    ),
};
