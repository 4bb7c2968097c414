import type { Directory, Logger, Store } from '../../../core/ports';
import type { UiLang } from '../../../core/language/lang';
import { errorFields } from '../../../core/logger';
import { renderMessage } from '../../../core/delivery/renderMessage';
import { alertCard } from '../cards/alertCard';
import type { ConversationBook } from '../conversationBook';
import type { ProactiveSender } from './proactiveSender';

export interface ReportCardsDeps {
  store: Store;
  directory: Directory;
  book: ConversationBook;
  sender: ProactiveSender;
  logger: Logger;
  defaultLang: UiLang;
  timeZone: string;
}

/**
 * Keeps the report cards the bot posted on Teams (alerts, reminders, escalations) in step with the report:
 * each card whose recorded status differs from the report's is rendered again by the core (same outbox row,
 * so the same addressee, language and buttons) and replaces the old card in place.
 */
export class ReportCards {
  constructor(private readonly deps: ReportCardsDeps) {}

  /** Updates the stale cards of a report; returns how many were updated. Failures are logged, never thrown. */
  async refresh(reference: string): Promise<number> {
    const { store, directory, book, sender, logger } = this.deps;
    try {
      const cards = await store.teamsReportCards(reference);
      if (cards.length === 0) return 0;
      const report = await store.getReport(reference);
      if (!report) return 0;
      const stale = cards.filter((c) => c.cardStatus !== report.status);
      if (stale.length === 0) return 0;
      const rows = await store.outboxFor(reference);
      const acknowledger = report.acknowledgedBy ? await directory.person(report.acknowledgedBy) : undefined;
      let updated = 0;
      for (const card of stale) {
        const row = rows.find((r) => r.idempotencyKey === card.idempotencyKey);
        const target = book.reference(card.conversationKey);
        if (!row || !target) continue;
        try {
          const message = await renderMessage(row, { report, directory, defaultLang: this.deps.defaultLang, timeZone: this.deps.timeZone });
          await sender.update(target, card.activityId, alertCard(message, acknowledger ? { acknowledgedBy: acknowledger.name } : {}));
          await store.setTeamsCardStatus(card.idempotencyKey, report.status);
          updated++;
        } catch (err) {
          logger.warn('teams_card_update_failed', { reference, ...errorFields(err) });
        }
      }
      if (updated > 0) logger.info('teams_cards_updated', { reference, status: report.status, cards: updated });
      return updated;
    } catch (err) {
      logger.warn('teams_card_refresh_failed', { reference, ...errorFields(err) });
      return 0;
    }
  }
}
