import type { Directory, OutboundMessage } from '../ports';
import { isUiLang, type UiLang } from '../language/lang';
import { translator } from '../i18n';
import { viewAccess } from '../reports/access';
import { detailsSteps, reportDetailsOf } from '../reports/detailsCopy';
import type { StoredReport, TimelineEntry } from '../reports/records';
import { latestStep, stateLine } from '../reports/reportState';
import type { RenderedRow } from './renderMessage';
import { MESSAGE_ACTIONS } from './messageKinds';
import { reportFacts } from './reportFacts';

/**
 * A report's details shown to one viewer on request (kind 'details_card'), as the report is now, in the
 * language they were asked in (data.lang): drawn only after the same access check as a view (viewAccess), so a
 * redraw never shows the report to someone who may no longer see it; after the retention purge, or without
 * access, it says only that (no content, no buttons). Otherwise it carries the details, the latest step as the
 * state line, and only the steps that apply to this viewer now (detailsSteps). A redraw is not a new view: it
 * is not audited (the view that showed it first was).
 */
export async function detailsMessage(
  row: RenderedRow,
  report: StoredReport,
  ctx: { to: OutboundMessage['to']; lang: UiLang; directory: Directory; timeline?: readonly TimelineEntry[]; timeZone: string; now?: Date },
): Promise<OutboundMessage> {
  const lang = isUiLang(row.data.lang) ? row.data.lang : ctx.lang;
  const t = translator(lang);
  const reference = report.reference;
  const viewer = ctx.to.kind === 'person' ? ctx.to.person : undefined;
  const access = viewer && report.purgedAt === null ? viewAccess(report, viewer) : undefined;
  const subject = t('detailsCopy:subject', { reference });
  const base = { idempotencyKey: row.idempotencyKey, kind: row.kind, to: ctx.to, lang, subject };
  if (!viewer || !access) {
    const text = report.purgedAt !== null ? t('notifications:alert_copy_purged.body', { reference }) : t('detailsCopy:unavailable', { reference });
    return { ...base, text, report: reportFacts(report, t), actions: [] };
  }
  const line = ctx.timeline ? await stateLine(report, latestStep(ctx.timeline), { directory: ctx.directory, t, timeZone: ctx.timeZone, now: ctx.now ?? new Date() }) : undefined;
  const labels = { withdraw: t('teamsParity:action.withdraw'), resolve: t('teamsParity:action.resolve') };
  return {
    ...base,
    text: [subject, line].filter(Boolean).join('\n\n'),
    report: { ...reportFacts(report, t), ...(line ? { stateLine: line } : {}) },
    details: await reportDetailsOf(report, access, ctx.directory),
    actions: detailsSteps(report, access, viewer.id).map((step) => ({ id: MESSAGE_ACTIONS[step], label: labels[step], reference })),
  };
}
