import { MESSAGE_ACTIONS } from '../../core/delivery/messageKinds';
import type { ReportAction } from '../../core/reports/lifecycle';
import { WITHDRAW_ACTION } from '../../core/reports/withdrawal';

/**
 * What the page's buttons send back, declared once. Report actions reuse the message action ids of the
 * alerts (report.acknowledge, report.start_progress) and add those the web chat offers in a report's view:
 * resolve, and the reporter's withdraw with its confirmation (the core's WITHDRAW_ACTION ids).
 */
export const REPORT_ACTIONS = {
  ...MESSAGE_ACTIONS,
  resolve: 'report.resolve',
  withdraw: WITHDRAW_ACTION.ask,
  withdrawConfirm: WITHDRAW_ACTION.confirm,
  withdrawCancel: WITHDRAW_ACTION.cancel,
} as const;
export type WebReportAction = (typeof REPORT_ACTIONS)[keyof typeof REPORT_ACTIONS];

/** The service step each report button performs at once (the withdraw buttons go through the confirmation). */
export const ACTION_OF: Partial<Record<WebReportAction, Exclude<ReportAction, 'withdraw'>>> = {
  [REPORT_ACTIONS.acknowledge]: 'acknowledge',
  [REPORT_ACTIONS.startProgress]: 'start_progress',
  [REPORT_ACTIONS.resolve]: 'resolve',
};

export function isWebReportAction(value: unknown): value is WebReportAction {
  return typeof value === 'string' && (Object.values(REPORT_ACTIONS) as string[]).includes(value);
}

/** Verdicts of the feedback buttons under an answer. */
export const FEEDBACK = { helpful: 'helpful', notHelpful: 'not_helpful' } as const;
export type FeedbackVerdict = (typeof FEEDBACK)[keyof typeof FEEDBACK];
