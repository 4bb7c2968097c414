import { canTransition } from './lifecycle';
import type { StoredReport } from './records';

type WithdrawFacts = Pick<StoredReport, 'reporterId' | 'status' | 'purgedAt'>;

/**
 * Why a person may not withdraw a report now: `not_reporter` (only the reporter withdraws; refused as
 * AccessDenied, audited), `closed` (the report is resolved or withdrawn, or its content purged; refused as
 * NotAllowedNow with the current state).
 */
export type WithdrawBar = 'not_reporter' | 'closed';

/**
 * The withdraw rule, once for the service's steps and every door's Withdraw button: the reporter, while the
 * report is open and not purged. Undefined when `personId` may withdraw it now.
 */
export function withdrawBar(report: WithdrawFacts, personId: string): WithdrawBar | undefined {
  if (report.reporterId === null || report.reporterId !== personId) return 'not_reporter';
  if (report.purgedAt !== null || !canTransition(report.status, 'withdraw')) return 'closed';
  return undefined;
}

/** Whether `personId` may still withdraw the report: a door offers Withdraw (or its question) only then. */
export function mayWithdraw(report: WithdrawFacts, personId: string): boolean {
  return withdrawBar(report, personId) === undefined;
}

/** Whether a view of the report offers its viewer Withdraw: the viewer sees it as its reporter and may withdraw. */
export function viewOffersWithdraw(view: { access: string; report: WithdrawFacts }): boolean {
  return view.access === 'reporter' && view.report.reporterId !== null && mayWithdraw(view.report, view.report.reporterId);
}
