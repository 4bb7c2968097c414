import type { Directory, Person, Platform } from '../directory/directory';
import type { UiLang } from '../language/lang';
import type { AccessReason } from './access';
import { canTransition } from './lifecycle';
import { messageKey } from './outbox';
import { nameOf } from './receiptCopy';
import type { Addressee, AddresseeRole, NewOutboxRow, ReportRecipient, StoredReport } from './records';
import { mayWithdraw } from './withdrawRule';

/** A report as one permitted viewer sees it: decrypted, with names (a ReportView without its timeline). */
export interface ReportDetails {
  report: StoredReport;
  access: AccessReason;
  reporterName?: string;
  recipients: (ReportRecipient & { name?: string })[];
}

/** The report with the names its viewer sees (reporter, recipients), for `access`. */
export async function reportDetailsOf(report: StoredReport, access: AccessReason, directory: Pick<Directory, 'person'>): Promise<ReportDetails> {
  const recipients = await Promise.all(report.recipients.map(async (r) => (r.addressee ? { ...r, name: await nameOf(r.addressee, directory) } : { ...r })));
  const reporter = report.reporterId ? await directory.person(report.reporterId) : undefined;
  return { report, access, ...(reporter ? { reporterName: reporter.name } : {}), recipients };
}

/** Steps a details copy may offer its viewer. */
export type DetailsStep = 'withdraw' | 'resolve';

/**
 * The steps a viewer's details show now, decided once for every door: the reporter's Withdraw while they may
 * withdraw (withdrawRule); Resolve for those who handle the report while it is open. None after the purge, and
 * none for an administrator at the server (a separate path that takes no steps).
 */
export function detailsSteps(report: StoredReport, access: AccessReason, viewerId: string): DetailsStep[] {
  if (report.purgedAt !== null || access === 'admin') return [];
  if (access === 'reporter') return mayWithdraw(report, viewerId) ? ['withdraw'] : [];
  return canTransition(report.status, 'resolve') ? ['resolve'] : [];
}

/** The role a viewer's details copy is addressed in: the reporter, their role as a recipient, else IT security. */
export function viewerRole(report: StoredReport, viewer: Pick<Person, 'id'>, access: AccessReason): AddresseeRole {
  if (access === 'reporter') return 'reporter';
  const own = report.recipients.find((r) => r.addressee?.kind === 'person' && r.addressee.personId === viewer.id);
  return own?.role ?? 'it_security';
}

/**
 * The outbox row that stands for a report's details a door showed one viewer on request (kind 'details_card'):
 * one per message shown (`shownAs`: the door's message id), drawn in `lang` (the language it was asked in,
 * kept in data.lang so every redraw reads the same). It is recorded as delivered through that door (never
 * queued), so every later change of the report queues one 'alert_refresh' for it, as for an alert copy or the
 * receipt. Without `shownAs`: the row as rendered before it is shown.
 */
export function detailsCopyRow(reference: string, viewer: { personId: string; role: AddresseeRole }, door: Platform, lang: UiLang, at: Date, shownAs?: string): NewOutboxRow {
  const addressee: Addressee = { kind: 'person', personId: viewer.personId, role: viewer.role };
  return { idempotencyKey: detailsCopyKey(reference, viewer.personId, door, shownAs), reference, kind: 'details_card', addressee, data: { lang }, availableAt: at };
}

/** The idempotency key of the details `door` showed `viewerId` as its message `shownAs` (detailsCopyRow's key). */
export function detailsCopyKey(reference: string, viewerId: string, door: Platform, shownAs?: string): string {
  const step = shownAs === undefined ? door : `${door}:${shownAs}`;
  // The key names the person, never the role they see it in (messageKey uses addresseeKey).
  return messageKey(reference, 'details_card', { kind: 'person', personId: viewerId, role: 'reporter' }, step);
}
