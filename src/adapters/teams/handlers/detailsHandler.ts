import { translator } from '../../../core/i18n';
import { errorFields } from '../../../core/logger';
import type { OutboundMessage } from '../../../core/ports';
import { isReportError, reportErrorMessage } from '../../../core/reports/reportErrors';
import { CARD_ACTION } from '../cards/cardActions';
import { detailsCard } from '../cards/detailsCard';
import { noticeMessage } from '../cards/noticeMessage';
import type { TeamsTurnDeps } from '../turnDeps';
import type { CardHandler } from './handler';
import { replyPrivately, type ShownCard } from './privateReply';

/**
 * "Details": the full report as a card, only for those the service lets see it (it checks and records every
 * view, refusals included, and several views in a short while are one entry); anyone else gets the
 * service's translated refusal. The card goes to the person's personal chat, never to a channel. It is the
 * core's details copy for this viewer, recorded once shown, so every later change of the report redraws it in
 * place (the core's refresh through the outbox) with only the buttons that still apply.
 */
export const detailsHandler: CardHandler<typeof CARD_ACTION.details> = {
  action: CARD_ACTION.details,
  async handle(context, facts, data, deps) {
    const t = translator(facts.lang);
    if (!facts.person) {
      await context.sendActivity(noticeMessage(t('teams:notInDirectory')));
      return;
    }
    let copy;
    try {
      copy = await deps.bot.reporting.service.detailsCopy(data.reference, facts.person.id, 'teams', facts.lang);
    } catch (err) {
      if (!isReportError(err)) throw err;
      await context.sendActivity(noticeMessage(reportErrorMessage(err, facts.lang)));
      return;
    }
    const shown = await replyPrivately(context, facts, deps, detailsCard(copy, deps.bot.config.timeZone));
    if (shown) await recordDetails(copy, shown, deps);
  },
};

/**
 * Records the sent details card as the viewer's copy on Teams, with where Teams shows it, in one transaction
 * (best effort: the card was shown all the same), so a redraw the core queues as it records the copy finds it.
 */
async function recordDetails(copy: OutboundMessage, shown: ShownCard, deps: TeamsTurnDeps): Promise<void> {
  const reference = copy.report!.reference;
  const cardStatus = copy.report!.status;
  try {
    await deps.bot.reporting.service.recordDetailsCopy(copy, 'teams', shown.activityId, (tx, key) =>
      tx.recordTeamsMessage({ idempotencyKey: key, reference, ...shown, cardStatus, sentAt: deps.bot.clock.now() }),
    );
  } catch (err) {
    deps.bot.logger.warn('teams_details_record_failed', { reference, ...errorFields(err) });
  }
}
