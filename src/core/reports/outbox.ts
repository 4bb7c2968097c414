import type { MessageKind } from '../delivery/messageKinds';
import { addresseeKey, type Addressee, type NewOutboxRow } from './records';

/**
 * Idempotency key of one message: `<reference>:<kind>[:<step>]:<addressee>`. The same event can never
 * queue the same message twice (the outbox key is unique), and the key travels to the Notifier so a
 * platform can drop a duplicate delivery after a crash.
 */
export function messageKey(reference: string, kind: MessageKind, addressee: Addressee, step?: string): string {
  return [reference, kind, ...(step === undefined ? [] : [step]), addresseeKey(addressee)].join(':');
}

/**
 * One outbox row per addressee for one message kind; IT security's channels (Slack, Teams, e-mail...) are
 * one team post, not one per channel: a single row addressed to the first of them, marked `data.team`, which
 * the relay delivers to the first of the team's channels a running door reaches.
 */
export function messagesTo(
  reference: string,
  kind: MessageKind,
  addressees: readonly Addressee[],
  at: Date,
  options: { step?: string; data?: Record<string, string | number | boolean> } = {},
): NewOutboxRow[] {
  const rows: NewOutboxRow[] = [];
  let teamPost = false;
  for (const addressee of addressees) {
    const team = addressee.kind === 'channel' && addressee.role === 'it_security';
    if (team && teamPost) continue;
    teamPost ||= team;
    const data = { ...(options.data ?? {}), ...(team ? { team: 'it_security' } : {}) };
    rows.push({
      idempotencyKey: messageKey(reference, kind, addressee, options.step),
      reference,
      kind,
      addressee,
      availableAt: at,
      ...(Object.keys(data).length > 0 ? { data } : {}),
    });
  }
  return rows;
}
