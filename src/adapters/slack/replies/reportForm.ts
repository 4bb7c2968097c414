import { translator } from '../../../core/i18n';
import type { UiLang } from '../../../core/language/lang';
import type { Person } from '../../../core/ports';
import type { ReportCategory } from '../../../core/reports/categories';
import { buildDialogContext, describeReportForm, todayIn, type DialogContext } from '../../../core/reports/dialog';
import { noticeView } from '../blocks/modal';
import { reportFormView } from '../blocks/reportForm';
import type { ModalView } from '../slackTypes';
import type { SlackDeps } from '../deps';

/** The dialog context for a reporter, as the core builds it (directory, routing table, today). */
export function dialogContext(deps: SlackDeps, person: Person, lang: UiLang): Promise<DialogContext> {
  const { bot } = deps;
  return buildDialogContext({
    lang,
    reporterId: person.id,
    directory: bot.reporting.directory,
    table: bot.reporting.routingTable,
    today: todayIn(bot.config.timeZone, bot.clock.now()),
  });
}

/**
 * Opens the report modal for a Slack user (on top of an open modal when `stacked`): the fields the core
 * describes for this reporter, the category pre-selected, the evidence pre-filled. A user missing from the
 * directory gets a notice instead. Must run within 3 s of the click that gave `triggerId`.
 */
export async function openReportForm(
  deps: SlackDeps,
  input: { triggerId: string; slackId: string; stacked: boolean; category?: ReportCategory; evidence?: string },
): Promise<void> {
  const user = await deps.users.identify(input.slackId);
  const show = (view: ModalView) => (input.stacked ? deps.api.pushView(input.triggerId, view) : deps.api.openView(input.triggerId, view));
  if (!user.person) {
    await show(noticeView(user.lang, translator(user.lang)('slack:report.notInDirectory')));
    return;
  }
  const ctx = await dialogContext(deps, user.person, user.lang);
  await show(reportFormView({ fields: describeReportForm(ctx, input.category), ctx, ...(input.evidence ? { evidence: input.evidence } : {}) }));
}
