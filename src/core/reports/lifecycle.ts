/**
 * The life of a report: submitted → acknowledged → in_progress → resolved, or withdrawn by the reporter
 * while it is still open. Closed reports (resolved, withdrawn) never change again, except the retention purge.
 */
export const REPORT_STATUSES = ['submitted', 'acknowledged', 'in_progress', 'resolved', 'withdrawn'] as const;
export type ReportStatus = (typeof REPORT_STATUSES)[number];

/** Steps a person can take on a report, declared once. */
export const REPORT_ACTIONS = ['acknowledge', 'start_progress', 'resolve', 'withdraw'] as const;
export type ReportAction = (typeof REPORT_ACTIONS)[number];

/** Statuses each action may start from. */
const ALLOWED_FROM: Record<ReportAction, readonly ReportStatus[]> = {
  acknowledge: ['submitted'],
  start_progress: ['submitted', 'acknowledged'],
  resolve: ['submitted', 'acknowledged', 'in_progress'],
  withdraw: ['submitted', 'acknowledged', 'in_progress'],
};

/** The status an action leads to. */
export const ACTION_RESULT: Record<ReportAction, ReportStatus> = {
  acknowledge: 'acknowledged',
  start_progress: 'in_progress',
  resolve: 'resolved',
  withdraw: 'withdrawn',
};

export const CLOSED_STATUSES: readonly ReportStatus[] = ['resolved', 'withdrawn'];

export function isReportStatus(value: unknown): value is ReportStatus {
  return typeof value === 'string' && (REPORT_STATUSES as readonly string[]).includes(value);
}

export function isClosed(status: ReportStatus): boolean {
  return CLOSED_STATUSES.includes(status);
}

/** True when `action` may be taken on a report in `status`. */
export function canTransition(status: ReportStatus, action: ReportAction): boolean {
  return ALLOWED_FROM[action].includes(status);
}

/** True once someone has taken responsibility (escalation stops at this point). */
export function isAcknowledged(status: ReportStatus): boolean {
  return status !== 'submitted';
}
