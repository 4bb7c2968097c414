import type { Activity } from 'botbuilder';
import { formatLocalDateTime } from '../../../core/clock';
import type { ReportListName } from '../../../core/conversation/listCommand';
import { translator } from '../../../core/i18n';
import type { UiLang } from '../../../core/language/lang';
import type { ReportSummary } from '../../../core/reports/records';
import { adaptiveCard, cardMessage, submitAction, textBlock, type CardElement } from './adaptiveCard';
import { CARD_ACTION } from './cardActions';

/**
 * "My reports" or "Assigned to me" as a card: one line per report (reference, category, status, when it was
 * sent), each with a Details button that opens the full report through the service's access check. Lists
 * carry no report content (listing is not a view).
 */
export function reportListCard(list: ReportListName, reports: readonly ReportSummary[], lang: UiLang, timeZone: string): Partial<Activity> {
  const t = translator(lang);
  const title = t(`teamsParity:list.${list}`);
  const body: CardElement[] = [textBlock(title, { weight: 'bolder', size: 'medium' })];
  if (reports.length === 0) body.push(textBlock(t('teamsParity:list.empty')));
  for (const report of reports) {
    const line = t('teamsParity:list.item', {
      reference: report.reference,
      category: t(`notifications:category.${report.category}`),
      status: t(`notifications:status.${report.status}`),
      date: formatLocalDateTime(report.submittedAt, timeZone),
    });
    body.push({
      type: 'ColumnSet',
      spacing: 'small',
      columns: [
        { type: 'Column', width: 'stretch', verticalContentAlignment: 'center', items: [textBlock(line)] },
        {
          type: 'Column',
          width: 'auto',
          items: [{ type: 'ActionSet', actions: [submitAction(t('teamsParity:action.details'), { action: CARD_ACTION.details, reference: report.reference })] }],
        },
      ],
    });
  }
  body.push(textBlock(t('teamsParity:list.hint'), { subtle: true, size: 'small', spacing: 'medium' }));
  return cardMessage(adaptiveCard(body), title);
}
