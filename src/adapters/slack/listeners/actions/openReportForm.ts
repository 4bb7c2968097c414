import { isReportCategory } from '../../../../core/reports/categories';
import type { SlackDeps } from '../../deps';
import { openReportForm } from '../../replies/reportForm';
import { inModal, type ButtonListener } from './buttonClick';

/** "Report" (under an answer, in App Home): opens the report modal with the button's category chosen. */
export function openReportFormAction(deps: SlackDeps): ButtonListener {
  return async ({ ack, body, action }) => {
    await ack();
    const category = action.value ?? '';
    await openReportForm(deps, {
      triggerId: body.trigger_id,
      slackId: body.user.id,
      stacked: inModal(body),
      ...(isReportCategory(category) ? { category } : {}),
    });
  };
}
