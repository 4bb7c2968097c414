import type { Person } from '../directory/directory';
import type { StoredReport } from './records';

/**
 * Who may see and handle a report (pure rules; the service audits every decision):
 * - the reporter may see their report (and withdraw it);
 * - every recipient, including those added by escalation, may see and handle it;
 * - IT security may see and handle reports routed to IT security (any recipient with the it_security role);
 * - nobody else. An administrator at the server is a separate, audited path (service.viewAs with an admin).
 */
export type AccessReason = 'reporter' | 'recipient' | 'it_security' | 'admin';

type AccessFacts = Pick<StoredReport, 'reporterId' | 'recipients'>;

/** True when the report went to IT security (at submission or by escalation). */
export function routedToItSecurity(report: AccessFacts): boolean {
  return report.recipients.some((r) => r.role === 'it_security');
}

function isRecipient(report: AccessFacts, personId: string): boolean {
  return report.recipients.some((r) => r.addressee?.kind === 'person' && r.addressee.personId === personId);
}

/** Why `viewer` may see the report, or undefined when they may not. */
export function viewAccess(report: AccessFacts, viewer: Person): AccessReason | undefined {
  if (report.reporterId !== null && report.reporterId === viewer.id) return 'reporter';
  return handleAccess(report, viewer);
}

/** Why `actor` may acknowledge, handle and resolve the report, or undefined. The reporter may not. */
export function handleAccess(report: AccessFacts, actor: Person): AccessReason | undefined {
  if (isRecipient(report, actor.id)) return 'recipient';
  if (actor.roles.includes('it_security') && routedToItSecurity(report)) return 'it_security';
  return undefined;
}
