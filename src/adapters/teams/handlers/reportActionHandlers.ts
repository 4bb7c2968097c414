import type { TurnContext } from 'botbuilder';
import { translator } from '../../../core/i18n';
import { isReportError, reportErrorMessage } from '../../../core/reports/reportErrors';
import type { ActionResult } from '../../../core/reports/service';
import { CARD_ACTION } from '../cards/cardActions';
import { noticeMessage } from '../cards/noticeMessage';
import type { TurnFacts } from '../turnFacts';
import type { TeamsTurnDeps } from '../turnDeps';
import type { CardHandler } from './handler';

/**
 * A report button on an alert card (Acknowledge, Start handling): the service call of the same name, which
 * checks access and audits. Then every Teams card of the report is brought up to date (this one included);
 * the core tells the reporter through the outbox. A refusal is answered with the core's translated sentence.
 */
async function runReportAction(
  context: TurnContext,
  facts: TurnFacts,
  call: (personId: string) => Promise<ActionResult>,
  deps: TeamsTurnDeps,
): Promise<void> {
  const t = translator(facts.lang);
  if (!facts.person) {
    await context.sendActivity(noticeMessage(t('teams:notInDirectory')));
    return;
  }
  let result: ActionResult;
  try {
    result = await call(facts.person.id);
  } catch (err) {
    if (!isReportError(err)) throw err;
    await context.sendActivity(noticeMessage(reportErrorMessage(err, facts.lang)));
    return;
  }
  await deps.cards.refresh(result.reference);
  if (!result.changed) {
    await context.sendActivity(noticeMessage(t('teams:alreadyDone', { reference: result.reference, status: t(`notifications:status.${result.status}`) })));
  }
}

export const acknowledgeHandler: CardHandler<typeof CARD_ACTION.acknowledge> = {
  action: CARD_ACTION.acknowledge,
  handle: (context, facts, data, deps) =>
    runReportAction(context, facts, (personId) => deps.bot.reporting.service.acknowledge(data.reference, personId), deps),
};

export const startProgressHandler: CardHandler<typeof CARD_ACTION.startProgress> = {
  action: CARD_ACTION.startProgress,
  handle: (context, facts, data, deps) =>
    runReportAction(context, facts, (personId) => deps.bot.reporting.service.startProgress(data.reference, personId), deps),
};
