import { DeliveryError } from '../../../core/delivery/deliveryError';
import type { MessageKind } from '../../../core/delivery/messageKinds';
import type { PlatformChannel } from '../../../core/delivery/platformNotifier';
import type { Clock, DeliveryReceipt, Logger, Notifier, OutboundMessage, Store } from '../../../core/ports';
import { errorFields } from '../../../core/logger';
import { alertCard } from '../cards/alertCard';
import { receiptCard } from '../cards/receiptActionsCard';
import { detailsCard } from '../cards/detailsCard';
import type { Activity } from 'botbuilder';
import type { ConversationBook } from '../conversationBook';
import { channelKey, userKey } from '../conversationKeys';
import { TeamsError, TeamsErrorCode } from '../teamsErrors';
import { connectorFailure } from './connectorFailure';
import type { ProactiveSender } from './proactiveSender';
import type { ConversationCreator } from './conversationCreator';

const DEFAULT_TIME_ZONE = 'Europe/Helsinki';

/** Wait before the second try of recording a sent activity. */
const RECORD_RETRY_MS = 500;

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
  /** Dates on a redrawn details card are shown in this time zone (default Europe/Helsinki). */
  timeZone?: string;
  /** Opens the personal conversation with a person the bot has none with (absent: such people are not reached). */
  creator?: ConversationCreator;
}

/**
 * Delivers outbox messages on Teams, proactively, as cards. A message is sent at most once per idempotency
 * key: a delivery Teams accepted is recorded with the activity id Teams returned, and a retry of the same key
 * (after a relay timeout or crash) finds the record and sends nothing; the same key already in flight in this
 * process is awaited, not sent again. Once Teams answered, a failing record or card refresh is logged and the
 * delivery still counts (the relay records it, or journals it). The Bot Connector cannot list a Teams
 * conversation's activities, so a send whose answer never came (or whose process died before recording
 * it) cannot be looked up: it is sent again (at least once, never lost; RELIABILITY.md states the window).
 * Failures become DeliveryErrors for the relay:
 * - a person without a conversation: the creator opens one (Entra object id + tenant) when configured;
 * - 403 (the user blocked or removed the bot, or the app is not installed for a person whose conversation
 *   was to be created): permanent and recipientUnreachable, and the conversation is marked blocked, so
 *   another platform that reaches the person gets the message, or else the
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
    if (to.kind === 'channel') return this.deps.book.reachesChannel(to.channel.id);
    return this.deps.book.reaches(key) || (!this.deps.book.isBlocked(key) && this.deps.creator?.available() === true);
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
      await sender.update(target, sent.activityId, this.cardOf(message));
    } catch (err) {
      throw await this.deliveryErrorOf(connectorFailure(err), sent.conversationKey);
    }
    if (message.report) await store.setTeamsCardStatus(sent.idempotencyKey, message.report.status);
    logger.info('teams_card_updated', { kind: message.kind, reference: message.report?.reference });
    return { door: 'teams' };
  }

  /** The card a copy is redrawn as: the receipt's, the details' (for its one viewer) or an alert's. */
  private cardOf(message: OutboundMessage): Partial<Activity> {
    if (message.kind === 'reporter_receipt') return receiptCard(message);
    if (message.kind === 'details_card') return detailsCard(message, this.deps.timeZone ?? DEFAULT_TIME_ZONE);
    return alertCard(message);
  }

  private async deliverOnce(message: OutboundMessage): Promise<DeliveryReceipt> {
    const { store, book, sender, clock, logger } = this.deps;
    if (await store.teamsMessage(message.idempotencyKey)) {
      logger.info('teams_delivery_already_sent', { kind: message.kind, reference: message.report?.reference });
      return { door: 'teams' };
    }
    const key = conversationKeyOf(message.to);
    let target = key ? book.reference(key) : undefined;
    if (key && !target && message.to.kind === 'person' && this.deps.creator && !book.isBlocked(key)) {
      try {
        target = await this.deps.creator.create(message.to.person.identities.teams!);
        logger.info('teams_conversation_created', { kind: message.kind, reference: message.report?.reference });
      } catch (err) {
        throw await this.deliveryErrorOf(connectorFailure(err), key);
      }
    }
    if (!key || !target) throw new DeliveryError(TeamsErrorCode.NoConversation, { permanent: true, recipientUnreachable: true });

    const card = REPORT_CARD_KINDS.includes(message.kind);
    let activityId: string;
    try {
      activityId = await sender.send(target, alertCard(message));
    } catch (err) {
      throw await this.deliveryErrorOf(connectorFailure(err), key);
    }
    // Teams took the message: from here on nothing may throw, or the relay would send it again.
    const sent = {
      idempotencyKey: message.idempotencyKey,
      reference: message.report?.reference ?? null,
      conversationKey: key,
      activityId,
      cardStatus: card && message.report ? message.report.status : null,
      sentAt: clock.now(),
    };
    await store.recordTeamsMessage(sent).catch(async () => {
      // One more try a moment later (a database restart); after that the delivery still counts.
      await new Promise((resolve) => setTimeout(resolve, RECORD_RETRY_MS));
      await store.recordTeamsMessage(sent).catch((err: unknown) => logger.warn('teams_message_record_failed', { reference: sent.reference, ...errorFields(err) }));
    });
    logger.info('teams_delivered', { kind: message.kind, reference: message.report?.reference });
    return { door: 'teams' };
  }

  private async deliveryErrorOf(failure: TeamsError, key: string): Promise<DeliveryError> {
    switch (failure.code) {
      case TeamsErrorCode.Forbidden:
        await this.deps.book.block(key).catch(() => undefined);
        return new DeliveryError(failure.code, { permanent: true, recipientUnreachable: true, cause: failure });
      case TeamsErrorCode.ConversationGone:
        return new DeliveryError(failure.code, { permanent: true, recipientUnreachable: true, cause: failure });
      case TeamsErrorCode.RateLimited:
        return new DeliveryError(failure.code, { ...(failure.retryAfterMs !== undefined ? { retryAfterMs: failure.retryAfterMs } : {}), cause: failure });
      default:
        return new DeliveryError(failure.code, { cause: failure });
    }
  }
}
