import { DeliveryError } from '../../../core/delivery/deliveryError';
import type { MessageKind } from '../../../core/delivery/messageKinds';
import type { PlatformChannel } from '../../../core/delivery/platformNotifier';
import type { Clock, DeliveryReceipt, Logger, Notifier, OutboundMessage, Store } from '../../../core/ports';
import { alertCard } from '../cards/alertCard';
import type { ConversationBook } from '../conversationBook';
import { channelKey, userKey } from '../conversationKeys';
import { TeamsError, TeamsErrorCode } from '../teamsErrors';
import { connectorFailure } from './connectorFailure';
import type { ProactiveSender } from './proactiveSender';

/** Kinds whose card shows the report and its buttons, and is updated in place when the status changes. */
const REPORT_CARD_KINDS: readonly MessageKind[] = ['report_alert', 'ack_reminder', 'escalation_alert'];

/** The conversation key a message goes to on Teams, or undefined when Teams has no address for it. */
export function conversationKeyOf(to: OutboundMessage['to']): string | undefined {
  if (to.kind === 'person') return to.person.identities.teams ? userKey(to.person.identities.teams) : undefined;
  return to.channel.platform === 'teams' ? channelKey(to.channel.id) : undefined;
}

export interface TeamsNotifierDeps {
  store: Store;
  book: ConversationBook;
  sender: ProactiveSender;
  clock: Clock;
  logger: Logger;
}

/**
 * Delivers outbox messages on Teams, proactively, as cards. A message is sent at most once per idempotency
 * key: a delivery Teams accepted is recorded, and a retry of the same key (after a relay timeout or crash)
 * finds the record and sends nothing; the same key already in flight in this process is awaited, not sent
 * again. (Teams itself offers no idempotency, so a crash between Teams' answer and the record can still
 * repeat one message: at least once, never lost.) Failures become DeliveryErrors for the relay:
 * - 403 (the user blocked or removed the bot): permanent, and the conversation is marked blocked, so the
 *   relay dead-letters the message and alerts IT security instead;
 * - 404 (conversation gone) and no known conversation: permanent;
 * - 429: waited out with jitter inside the call (connectorFailure.ts), else retried by the relay after
 *   Retry-After;
 * - anything else: transient, the relay's backoff retries it.
 */
export class TeamsNotifier implements Notifier {
  private readonly inFlight = new Map<string, Promise<DeliveryReceipt>>();

  constructor(private readonly deps: TeamsNotifierDeps) {}

  /** The platform channel for the PlatformNotifier: Teams reaches whoever has a usable conversation. */
  asChannel(): PlatformChannel {
    return { platform: 'teams', notifier: this, reaches: (to) => this.reaches(to) };
  }

  reaches(to: OutboundMessage['to']): boolean {
    const key = conversationKeyOf(to);
    if (!key) return false;
    return to.kind === 'channel' ? this.deps.book.reachesChannel(to.channel.id) : this.deps.book.reaches(key);
  }

  deliver(message: OutboundMessage): Promise<DeliveryReceipt> {
    if (message.refresh) return this.redraw(message);
    const running = this.inFlight.get(message.idempotencyKey);
    if (running) return running;
    const attempt = this.deliverOnce(message).finally(() => this.inFlight.delete(message.idempotencyKey));
    this.inFlight.set(message.idempotencyKey, attempt);
    return attempt;
  }

  /**
   * Replaces a card delivered earlier (same idempotency key) with the message as the core rendered it now,
   * for its own recipient (their language, the buttons they may use): updateActivity in place.
   */
  private async redraw(message: OutboundMessage): Promise<DeliveryReceipt> {
    const { store, book, sender, logger } = this.deps;
    const sent = await store.teamsMessage(message.idempotencyKey);
    const target = sent ? book.reference(sent.conversationKey) : undefined;
    if (!sent || !target) throw new DeliveryError('teams_copy_unknown', { permanent: true });
    try {
      await sender.update(target, sent.activityId, alertCard(message));
    } catch (err) {
      throw await this.deliveryErrorOf(connectorFailure(err), sent.conversationKey);
    }
    if (message.report) await store.setTeamsCardStatus(sent.idempotencyKey, message.report.status);
    logger.info('teams_card_updated', { kind: message.kind, reference: message.report?.reference });
    return { door: 'teams' };
  }

  private async deliverOnce(message: OutboundMessage): Promise<DeliveryReceipt> {
    const { store, book, sender, clock, logger } = this.deps;
    if (await store.teamsMessage(message.idempotencyKey)) {
      logger.info('teams_delivery_already_sent', { kind: message.kind, reference: message.report?.reference });
      return { door: 'teams' };
    }
    const key = conversationKeyOf(message.to);
    const target = key ? book.reference(key) : undefined;
    if (!key || !target) throw new DeliveryError(TeamsErrorCode.NoConversation, { permanent: true });

    const card = REPORT_CARD_KINDS.includes(message.kind);
    let activityId: string;
    try {
      activityId = await sender.send(target, alertCard(message));
    } catch (err) {
      throw await this.deliveryErrorOf(connectorFailure(err), key);
    }
    await store.recordTeamsMessage({
      idempotencyKey: message.idempotencyKey,
      reference: message.report?.reference ?? null,
      conversationKey: key,
      activityId,
      cardStatus: card && message.report ? message.report.status : null,
      sentAt: clock.now(),
    });
    logger.info('teams_delivered', { kind: message.kind, reference: message.report?.reference });
    return { door: 'teams' };
  }

  private async deliveryErrorOf(failure: TeamsError, key: string): Promise<DeliveryError> {
    switch (failure.code) {
      case TeamsErrorCode.Forbidden:
        await this.deps.book.block(key).catch(() => undefined);
        return new DeliveryError(failure.code, { permanent: true, cause: failure });
      case TeamsErrorCode.ConversationGone:
        return new DeliveryError(failure.code, { permanent: true, cause: failure });
      case TeamsErrorCode.RateLimited:
        return new DeliveryError(failure.code, { ...(failure.retryAfterMs !== undefined ? { retryAfterMs: failure.retryAfterMs } : {}), cause: failure });
      default:
        return new DeliveryError(failure.code, { cause: failure });
    }
  }
}
