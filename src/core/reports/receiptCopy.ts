import type { Directory, Platform } from '../directory/directory';
import type { UiLang } from '../language/lang';
import { messageKey } from './outbox';
import type { Addressee, NewOutboxRow, StoredReport } from './records';
import type { Recipient, RecipientRole, RoutingDecision } from './routing';
import { adviceFor, type RoutingTable } from './routingTable';
import type { ReceiptRecipient, SubmitReceipt } from './submitReceipt';

/** An addressee as a routing recipient (the role a stored recipient was told in). */
export function recipientOf(addressee: Addressee): Recipient {
  const role = addressee.role as RecipientRole;
  return addressee.kind === 'person' ? { kind: 'person', personId: addressee.personId, role } : { kind: 'channel', channel: addressee.channel, role };
}

/** A person's name (their id when the directory no longer knows them), a channel's name (its id when it has none). */
export async function nameOf(addressee: Addressee, directory: Pick<Directory, 'person'>): Promise<string> {
  if (addressee.kind === 'channel') return addressee.channel.name ?? addressee.channel.id;
  return (await directory.person(addressee.personId))?.name ?? addressee.personId;
}

/**
 * The receipt of a stored report, rebuilt from the store: who was told at submission (names from the
 * directory) and the routing table's advice for the situation, in `lang`. Without a routing table, no advice.
 */
export async function receiptOfReport(
  report: StoredReport,
  deps: { directory: Pick<Directory, 'person'>; routingTable?: RoutingTable },
  lang: UiLang,
  duplicate: boolean,
): Promise<SubmitReceipt> {
  const recipients: ReceiptRecipient[] = [];
  for (const r of report.recipients.filter((x) => x.level === 0 && x.addressee !== null)) {
    const recipient = recipientOf(r.addressee!);
    recipients.push({ recipient, name: await nameOf(r.addressee!, deps.directory), role: recipient.role, ...(recipient.kind === 'channel' ? { channel: true } : {}) });
  }
  const decision: RoutingDecision = {
    category: report.category,
    urgency: report.urgency,
    recipients: recipients.map((r) => r.recipient),
    rules: report.rules,
    ackTimeoutMinutes: report.ackTimeoutMinutes,
  };
  const advice = deps.routingTable ? adviceFor(deps.routingTable.rows[report.category], report, lang) : [];
  return { reference: report.reference, decision, recipients, advice, lang, submittedAt: report.submittedAt, duplicate };
}

/**
 * The outbox row that stands for a receipt a door showed the reporter (kind 'reporter_receipt'): one per
 * message shown (`shownAs`: the door's message id), so a receipt shown twice is kept up to date twice. It is
 * recorded as delivered through that door (never queued), so every later change of the report queues one
 * 'alert_refresh' for it, as for an alert copy. Without `shownAs`: the row as rendered before it is shown.
 */
export function receiptCopyRow(reference: string, reporterId: string, door: Platform, at: Date, shownAs?: string): NewOutboxRow {
  const addressee: Addressee = { kind: 'person', personId: reporterId, role: 'reporter' };
  const step = shownAs === undefined ? door : `${door}:${shownAs}`;
  return { idempotencyKey: messageKey(reference, 'reporter_receipt', addressee, step), reference, kind: 'reporter_receipt', addressee, availableAt: at };
}
