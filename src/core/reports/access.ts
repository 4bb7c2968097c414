import type { Person } from '../directory/directory';
import type { StoredReport } from './records';

/**
 * Who may see and handle a report (pure rules; the service audits every decision, refusals included):
 * - first of all, the person the report is about (the reporter's manager, when subjectIsManager) may never
 *   see, list, acknowledge, handle or resolve it, whatever else they are (recipient, IT security);
 * - the reporter may see their report (and withdraw it);
 * - every recipient, including those added by escalation, may see and handle it;
 * - IT security may see and handle reports routed to IT security (any recipient with the it_security role);
 * - nobody else. An administrator at the server is a separate, audited path: ReportService.view, list and
 *   exportReports with an admin Viewer (CLI `--admin`), which these rules do not restrict.
 * The SQL of Store.listReports (filter.visibleTo) applies the same rules.
 */
export type AccessReason = 'reporter' | 'recipient' | 'it_security' | 'admin';

type AccessFacts = Pick<StoredReport, 'reporterId' | 'recipients' | 'subjectPersonId'>;

/** True when the report went to IT security (at submission or by escalation). */
export function routedToItSecurity(report: AccessFacts): boolean {
  return report.recipients.some((r) => r.role === 'it_security');
}

/** True when `person` is the one the report is about. */
export function isSubject(report: AccessFacts, person: Person): boolean {
  return report.subjectPersonId !== null && report.subjectPersonId === person.id;
}

function isRecipient(report: AccessFacts, personId: string): boolean {
  return report.recipients.some((r) => r.addressee?.kind === 'person' && r.addressee.personId === personId);
}

/** Why `viewer` may see the report, or undefined when they may not. */
export function viewAccess(report: AccessFacts, viewer: Person): AccessReason | undefined {
  if (isSubject(report, viewer)) return undefined;
  if (report.reporterId !== null && report.reporterId === viewer.id) return 'reporter';
  return handleAccess(report, viewer);
}

/** Why `actor` may acknowledge, handle and resolve the report, or undefined. The reporter and the subject may not. */
export function handleAccess(report: AccessFacts, actor: Person): AccessReason | undefined {
  if (isSubject(report, actor)) return undefined;
  if (isRecipient(report, actor.id)) return 'recipient';
  if (actor.roles.includes('it_security') && routedToItSecurity(report)) return 'it_security';
  return undefined;
}
