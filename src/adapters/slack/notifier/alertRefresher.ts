import { renderMessage } from '../../../core/delivery/renderMessage';
import type { Directory, Store } from '../../../core/ports';
import type { Logger } from '../../../core/logger';
import { errorFields } from '../../../core/logger';
import type { UiLang } from '../../../core/language/lang';
import { ALERT_KINDS, notificationBlocks } from '../blocks/alertBlocks';
import type { SlackApi } from '../slackApi';

export interface AlertRefresherDeps {
  store: Store;
  directory: Directory;
  api: SlackApi;
  defaultLang: UiLang;
  timeZone: string;
  logger: Logger;
}

/**
 * Keeps the Slack alerts about a report in step with it: each posted alert (new report, reminder,
 * escalation) is rendered again from its outbox row and the report as they are now — the same rendering
 * the relay used — and replaced in place with chat.update, so its status line and buttons follow the
 * report (Acknowledge disappears once someone took it; Resolve once it is closed).
 */
export class AlertRefresher {
  constructor(private readonly deps: AlertRefresherDeps) {}

  /** Redraws every Slack alert about `reference`; best effort (failures are logged). Returns how many were updated. */
  async refresh(reference: string): Promise<number> {
    const { store, directory, api, logger } = this.deps;
    try {
      const posted = await store.slackMessagesFor(reference);
      if (posted.length === 0) return 0;
      const report = await store.getReport(reference);
      if (!report) return 0;
      const rows = new Map((await store.outboxFor(reference)).map((row) => [row.idempotencyKey, row]));
      const acknowledger = report.acknowledgedBy ? await directory.person(report.acknowledgedBy) : undefined;
      let updated = 0;
      for (const message of posted) {
        const row = rows.get(message.idempotencyKey);
        if (!row || !ALERT_KINDS.includes(row.kind)) continue;
        try {
          const rendered = await renderMessage(row, { report, directory, defaultLang: this.deps.defaultLang, timeZone: this.deps.timeZone });
          await api.update(message.channelId, message.ts, notificationBlocks(rendered, acknowledger ? { acknowledgedBy: acknowledger.name } : {}));
          updated++;
        } catch (err) {
          logger.warn('slack_alert_update_failed', { reference, ...errorFields(err) });
        }
      }
      return updated;
    } catch (err) {
      logger.warn('slack_alert_refresh_failed', { reference, ...errorFields(err) });
      return 0;
    }
  }
}
