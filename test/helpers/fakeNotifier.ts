import type { Notifier, OutboundMessage } from '../../src/core/ports';
import type { MessageKind } from '../../src/core/delivery/messageKinds';
import { DeliveryError } from '../../src/core/delivery/deliveryError';

/**
 * A Notifier standing in for Slack/Teams. It records every successful delivery (duplicates included, so a
 * test can see a double delivery) and fails on demand: `failNext(n)` fails the next n calls,
 * `failWhen(fn)` fails every call for which fn returns an error.
 */
export class FakeNotifier implements Notifier {
  /** Messages accepted, in order. */
  readonly delivered: OutboundMessage[] = [];
  /** Every call, accepted or not. */
  calls = 0;
  private pending: Error[] = [];
  private rule: ((message: OutboundMessage) => Error | undefined) | undefined;
  /** When set, each delivery waits for this before completing (to hold deliveries in flight). */
  gate: Promise<void> | undefined;

  async deliver(message: OutboundMessage): Promise<void> {
    this.calls++;
    if (this.gate) await this.gate;
    const queued = this.pending.shift();
    if (queued) throw queued;
    const ruled = this.rule?.(message);
    if (ruled) throw ruled;
    this.delivered.push(message);
  }

  /** The next `count` calls fail with `error` (a transient DeliveryError by default). */
  failNext(count: number, error: () => Error = () => new DeliveryError('unavailable')): void {
    for (let i = 0; i < count; i++) this.pending.push(error());
  }

  failWhen(rule: ((message: OutboundMessage) => Error | undefined) | undefined): void {
    this.rule = rule;
  }

  ofKind(kind: MessageKind): OutboundMessage[] {
    return this.delivered.filter((m) => m.kind === kind);
  }

  /** Messages delivered to a person (by directory id). */
  toPerson(personId: string): OutboundMessage[] {
    return this.delivered.filter((m) => m.to.kind === 'person' && m.to.person.id === personId);
  }
}
