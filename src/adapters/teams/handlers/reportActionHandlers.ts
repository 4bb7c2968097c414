import type { TurnContext } from 'botbuilder';
import { translator } from '../../../core/i18n';
import { isReportError } from '../../../core/reports/reportErrors';
import type { ActionResult } from '../../../core/reports/service';
import { CARD_ACTION } from '../cards/cardActions';
import { noticeMessage } from '../cards/noticeMessage';
import type { TurnFacts } from '../turnFacts';
import type { TeamsTurnDeps } from '../turnDeps';
import type { CardHandler } from './handler';

/**
 * A report button on an alert card (Acknowledge, Start handling): the service call of the same name, which
 * checks access and audits, and queues what the change causes: news for the reporter and a refresh of every
 * alert copy on every door (this card included), delivered at once. A refusal, or a step someone else took
 * first, is answered with the core's translated sentence and the report's current state.
 */
async function runReportAction(
  context: TurnContext,
  facts: TurnFacts,
  reference: string,
  call: (personId: string) => Promise<ActionResult>,
  deps: TeamsTurnDeps,
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
    await context.sendActivity(noticeMessage(await service.explainRefusal(err, reference, facts.lang)));
    return;
  }
  // Someone else was first: say what the report's state is now (the card itself is redrawn by the core's refresh).
  if (!result.changed) await context.sendActivity(noticeMessage(await service.describeState(result.reference, facts.lang)));
  await deps.bot.deliverDue();
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
