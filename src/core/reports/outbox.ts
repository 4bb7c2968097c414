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

/** One outbox row per addressee for one message kind. */
export function messagesTo(
  reference: string,
  kind: MessageKind,
  addressees: readonly Addressee[],
  at: Date,
  options: { step?: string; data?: Record<string, string | number | boolean> } = {},
): NewOutboxRow[] {
  return addressees.map((addressee) => ({
    idempotencyKey: messageKey(reference, kind, addressee, options.step),
    reference,
    kind,
    addressee,
    availableAt: at,
    ...(options.data ? { data: options.data } : {}),
  }));
}
