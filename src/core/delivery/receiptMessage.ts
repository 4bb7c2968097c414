import type { TFunction } from 'i18next';
import type { Directory, OutboundMessage } from '../ports';
import type { UiLang } from '../language/lang';
import { formatReceipt } from '../reports/dialog/receipt';
import { receiptOfReport } from '../reports/receiptCopy';
import type { StoredReport, TimelineEntry } from '../reports/records';
import type { RenderedRow } from './renderMessage';
import { latestStep, stateLine } from '../reports/reportState';
import type { RoutingTable } from '../reports/routingTable';
import { mayWithdraw } from '../reports/withdrawRule';
import { MESSAGE_ACTIONS } from './messageKinds';
import { reportFacts } from './reportFacts';

/**
 * The reporter's receipt (kind 'reporter_receipt') as the report is now, in `lang`: the receipt's text (who was
 * told, the advice), the latest step as the report's state line, and Withdraw only while the reporter may
 * still withdraw (withdrawRule), so a receipt redrawn after a change loses a Withdraw that no longer applies.
 * After the retention purge it says only that the content is gone.
 */
export async function receiptMessage(
  row: RenderedRow,
  report: StoredReport,
  ctx: { to: OutboundMessage['to']; lang: UiLang; t: TFunction; directory: Directory; routingTable?: RoutingTable; timeline?: readonly TimelineEntry[]; timeZone: string; now?: Date },
): Promise<OutboundMessage> {
  const { t, lang } = ctx;
  const reference = report.reference;
  const line = ctx.timeline ? await stateLine(report, latestStep(ctx.timeline), { directory: ctx.directory, t, timeZone: ctx.timeZone, now: ctx.now ?? new Date() }) : undefined;
  const text =
    report.purgedAt !== null
      ? t('notifications:alert_copy_purged.body', { reference })
      : formatReceipt(await receiptOfReport(report, { directory: ctx.directory, ...(ctx.routingTable ? { routingTable: ctx.routingTable } : {}) }, lang, false), lang).text;
  const reporterId = row.addressee.kind === 'person' ? row.addressee.personId : '';
  return {
    idempotencyKey: row.idempotencyKey,
    kind: row.kind,
    to: ctx.to,
    lang,
    subject: t('notifications:reporter_receipt.subject', { reference }),
    text,
    report: { ...reportFacts(report, t), ...(line ? { stateLine: line } : {}) },
    actions: mayWithdraw(report, reporterId) ? [{ id: MESSAGE_ACTIONS.withdraw, label: t('teamsParity:action.withdraw'), reference }] : [],
  };
}
