import { MESSAGE_ACTIONS } from '../../core/delivery/messageKinds';
import type { ReportAction } from '../../core/reports/lifecycle';

/**
 * What the page's buttons send back, declared once. Report actions reuse the message action ids of the
 * alerts (report.acknowledge, report.start_progress) and add the two the web chat offers in a report's view.
 */
export const REPORT_ACTIONS = {
  ...MESSAGE_ACTIONS,
  resolve: 'report.resolve',
  withdraw: 'report.withdraw',
} as const;
export type WebReportAction = (typeof REPORT_ACTIONS)[keyof typeof REPORT_ACTIONS];

/** The service step each report button performs. */
export const ACTION_OF: Record<WebReportAction, ReportAction> = {
  [REPORT_ACTIONS.acknowledge]: 'acknowledge',
  [REPORT_ACTIONS.startProgress]: 'start_progress',
  [REPORT_ACTIONS.resolve]: 'resolve',
  [REPORT_ACTIONS.withdraw]: 'withdraw',
};

export function isWebReportAction(value: unknown): value is WebReportAction {
  return typeof value === 'string' && (Object.values(REPORT_ACTIONS) as string[]).includes(value);
}

/** Verdicts of the feedback buttons under an answer. */
export const FEEDBACK = { helpful: 'helpful', notHelpful: 'not_helpful' } as const;
export type FeedbackVerdict = (typeof FEEDBACK)[keyof typeof FEEDBACK];
