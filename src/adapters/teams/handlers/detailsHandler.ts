import { translator } from '../../../core/i18n';
import { isReportError, reportErrorMessage } from '../../../core/reports/reportErrors';
import { CARD_ACTION } from '../cards/cardActions';
import { detailsCard } from '../cards/detailsCard';
import { noticeMessage } from '../cards/noticeMessage';
import type { CardHandler } from './handler';
import { replyPrivately } from './privateReply';

/**
 * "Details": the full report as a card, only for those the service lets see it (it checks and records every
 * view, refusals included, and several views in a short while are one entry); anyone else gets the
 * service's translated refusal. The card goes to the person's personal chat, never to a channel.
 */
export const detailsHandler: CardHandler<typeof CARD_ACTION.details> = {
  action: CARD_ACTION.details,
  async handle(context, facts, data, deps) {
    const t = translator(facts.lang);
    if (!facts.person) {
      await context.sendActivity(noticeMessage(t('teams:notInDirectory')));
      return;
    }
    let view;
    try {
      view = await deps.bot.reporting.service.view(data.reference, facts.person.id);
    } catch (err) {
      if (!isReportError(err)) throw err;
      await context.sendActivity(noticeMessage(reportErrorMessage(err, facts.lang)));
      return;
    }
    await replyPrivately(context, facts, deps, detailsCard(view, facts.lang, deps.bot.config.timeZone));
  },
};
