import type { HomeView, KnownBlock } from '../slackTypes';
import { formatLocalDateTime } from '../../../core/clock';
import { translator } from '../../../core/i18n';
import type { UiLang } from '../../../core/language/lang';
import type { ReportSummary } from '../../../core/reports/records';
import { ACTION } from '../ids';
import { escapeMrkdwn, LIMIT, mrkdwn, plain } from './text';

/** How many reports each list shows (newest first). */
export const HOME_LIST_SIZE = 10;

export interface HomeContent {
  lang: UiLang;
  timeZone: string;
  /** False when the Slack user is not in the organisation directory (questions only). */
  inDirectory: boolean;
  /** Reports this person made. */
  mine: readonly ReportSummary[];
  /** Reports this person receives (as a recipient, or as IT security). */
  assigned: readonly ReportSummary[];
}

/** App Home: ask a question, start a report, my reports, reports assigned to me (each with Details). */
export function homeView(content: HomeContent): HomeView {
  const t = translator(content.lang);
  const blocks: KnownBlock[] = [
    { type: 'header', text: plain(t('slack:home.title'), LIMIT.headerText) },
    { type: 'section', text: mrkdwn(escapeMrkdwn(t('slack:home.intro'))) },
    {
      type: 'actions',
      elements: [
        { type: 'button', action_id: ACTION.ask, text: plain(t('slack:home.ask'), LIMIT.buttonText), style: 'primary' },
        { type: 'button', action_id: ACTION.openReport, value: '', text: plain(t('slack:report.button'), LIMIT.buttonText) },
      ],
    },
  ];
  if (!content.inDirectory) {
    blocks.push({ type: 'context', elements: [plain(t('slack:report.notInDirectory'))] });
  } else {
    blocks.push(...reportList(t('slack:home.mine'), content.mine, content));
    blocks.push(...reportList(t('slack:home.assigned'), content.assigned, content));
  }
  return { type: 'home', blocks };
}

function reportList(title: string, reports: readonly ReportSummary[], content: HomeContent): KnownBlock[] {
  const t = translator(content.lang);
  const blocks: KnownBlock[] = [{ type: 'divider' }, { type: 'header', text: plain(title, LIMIT.headerText) }];
  if (reports.length === 0) {
    blocks.push({ type: 'context', elements: [plain(t('slack:home.none'))] });
    return blocks;
  }
  for (const report of reports.slice(0, HOME_LIST_SIZE)) {
    const line = t('slack:home.line', {
      category: t(`notifications:category.${report.category}`),
      status: t(`notifications:status.${report.status}`),
      submitted: formatLocalDateTime(report.submittedAt, content.timeZone),
    });
    blocks.push({
      type: 'section',
      text: mrkdwn(`*${escapeMrkdwn(report.reference)}*\n${escapeMrkdwn(line)}`),
      accessory: { type: 'button', action_id: ACTION.details, value: report.reference, text: plain(t('slack:alert.details'), LIMIT.buttonText) },
    });
  }
  if (reports.length > HOME_LIST_SIZE) blocks.push({ type: 'context', elements: [plain(t('slack:home.more', { count: reports.length - HOME_LIST_SIZE }))] });
  return blocks;
}
