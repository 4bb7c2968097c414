import { DeliveryError } from '../../../core/delivery/deliveryError';
import type { PlatformChannel } from '../../../core/delivery/platformNotifier';
import type { AttemptOutcome, Clock, DeliveryAttempt, DeliveryReceipt, Notifier, OutboundMessage, Pace, Store } from '../../../core/ports';
import type { Logger } from '../../../core/logger';
import { errorFields, silentLogger } from '../../../core/logger';
import { notificationBlocks } from '../blocks/alertBlocks';
import { DEFAULT_POST_INTERVAL_MS } from '../channelPacer';
import type { HistoryMessage, MessageMetadata, SlackApi } from '../slackApi';
import { deliveryFailure } from './deliveryFailure';

/** The metadata event type of every outbox message the bot posts; its payload holds the idempotency key. */
export const OUTBOX_EVENT_TYPE = 'somebot_outbox_message';

/**
 * How far before an attempt's recorded start the history is read: the relay's clock and Slack's message
 * timestamps may differ by this much.
 */
export const LOOKUP_SKEW_MS = 5 * 60 * 1000;

/** Slack errors after which the history cannot be read at all (the bot is not in the channel, lacks a scope). */
const NO_LOOKUP = new Set(['not_in_channel', 'channel_not_found', 'missing_scope', 'not_allowed_token_type', 'is_archived']);

/** The Slack user or channel a message goes to, or undefined when Slack cannot reach it. */
export function slackDestination(to: OutboundMessage['to']): { user: string } | { channel: string } | undefined {
  if (to.kind === 'person') return to.person.identities.slack ? { user: to.person.identities.slack } : undefined;
  return to.channel.platform === 'slack' ? { channel: to.channel.id } : undefined;
}

/** The metadata an outbox message is posted with, so a lookup can find it again. */
export function outboxMetadata(idempotencyKey: string): MessageMetadata {
  return { event_type: OUTBOX_EVENT_TYPE, event_payload: { idempotency_key: idempotencyKey } };
}

/** Whether a history message is the one posted for `idempotencyKey`. */
function carriesKey(message: HistoryMessage, idempotencyKey: string): boolean {
  return message.metadata?.event_type === OUTBOX_EVENT_TYPE && message.metadata.event_payload?.idempotency_key === idempotencyKey;
}

export interface SlackNotifierDeps {
  /** A client that rejects a 429 at once (the relay then waits Retry-After). */
  api: SlackApi;
  store: Store;
  clock: Clock;
  /** Least time between posts to one chat (the relay's per-chat queue keeps it). */
  postIntervalMs?: number;
  logger?: Logger;
}

/**
 * Delivers outbox messages on Slack: to a person with a Slack identity as a DM (conversations.open +
 * chat.postMessage), to a Slack channel (ChannelRef platform 'slack', e.g. IT security's) as a post. Each
 * post carries its idempotency key in message metadata, so when a post went unanswered (a hang, a lost
 * connection, the process or database gone before it was recorded) `findAttempt` reads the channel's history
 * around the attempt and finds it instead of posting again. Where it was posted is stored per idempotency
 * key, so a redelivery updates the message instead of posting it twice, and a refresh from the core
 * (message.refresh) redraws it in place with chat.update. Failures become DeliveryErrors (deliveryFailure.ts): 429 → wait Retry-After; unknown user or
 * channel → permanent. Posts to one chat are paced (`pace`) at `postIntervalMs`.
 */
export class SlackNotifier implements Notifier {
  private readonly logger: Logger;

  constructor(private readonly deps: SlackNotifierDeps) {
    this.logger = deps.logger ?? silentLogger;
  }

  async deliver(message: OutboundMessage): Promise<DeliveryReceipt> {
    const { api, store } = this.deps;
    if (message.refresh) {
      await this.redraw(message);
      return { door: 'slack' };
    }
    const destination = slackDestination(message.to);
    if (!destination) throw new DeliveryError('slack_not_reachable', { permanent: true, notSent: true });
    const body = notificationBlocks(message);
    try {
      const earlier = await store.slackMessage(message.idempotencyKey);
      if (earlier) {
        await api.update(earlier.channelId, earlier.ts, body);
      } else {
        const channel = await this.channelOf(destination);
        const posted = await api.post(channel, body, undefined, outboxMetadata(message.idempotencyKey));
        // Slack took the message: from here on nothing may throw, or the relay would post it again.
        await this.remember(message, posted);
      }
    } catch (err) {
      throw deliveryFailure(err);
    }
    return { door: 'slack' };
  }

  /** Replaces a posted copy (same idempotency key) with the message as the core rendered it now: chat.update. */
  private async redraw(message: OutboundMessage): Promise<void> {
    const posted = await this.deps.store.slackMessage(message.idempotencyKey);
    if (!posted) throw new DeliveryError('slack_copy_unknown', { permanent: true, notSent: true });
    try {
      await this.deps.api.update(posted.channelId, posted.ts, notificationBlocks(message));
    } catch (err) {
      throw deliveryFailure(err);
    }
  }

  /**
   * Looks for the message in its chat's history from a little before the attempt started: found → it landed
   * (and where is recorded, for updates in place); not there → it did not. When the history cannot be read
   * at all (a channel the bot was never added to: chat:write.public posts without joining), Slack cannot
   * tell and the message is posted again; a passing failure (429, 5xx, network) → unknown, asked again later.
   */
  async findAttempt(message: OutboundMessage, attempt: DeliveryAttempt): Promise<AttemptOutcome> {
    const destination = slackDestination(message.to);
    if (!destination) return { landed: false };
    try {
      if (await this.deps.store.slackMessage(message.idempotencyKey)) return { landed: true };
      const channel = await this.channelOf(destination);
      const oldest = ((attempt.startedAt.getTime() - LOOKUP_SKEW_MS) / 1000).toFixed(6);
      const found = (await this.deps.api.history(channel, oldest)).find((m) => carriesKey(m, message.idempotencyKey));
      if (!found?.ts) return { landed: false };
      await this.remember(message, { channel, ts: found.ts });
      return { landed: true };
    } catch (err) {
      const code = (err as { data?: { error?: unknown } }).data?.error;
      if (typeof code === 'string' && NO_LOOKUP.has(code)) {
        this.logger.warn('slack_lookup_unavailable', { reason: code });
        return { landed: false };
      }
      this.logger.warn('slack_lookup_failed', { reason: deliveryFailure(err).reason });
      return { landed: 'unknown' };
    }
  }

  pace(message: OutboundMessage): Pace | undefined {
    const destination = slackDestination(message.to);
    if (!destination) return undefined;
    const chat = 'user' in destination ? destination.user : destination.channel;
    return { key: `slack:${chat}`, intervalMs: this.deps.postIntervalMs ?? DEFAULT_POST_INTERVAL_MS };
  }

  /** This notifier as a platform of the bot's PlatformNotifier. */
  asChannel(): PlatformChannel {
    return { platform: 'slack', notifier: this, reaches: (to) => slackDestination(to) !== undefined };
  }

  private channelOf(destination: { user: string } | { channel: string }): Promise<string> {
    return 'user' in destination ? this.deps.api.dmChannel(destination.user) : Promise.resolve(destination.channel);
  }

  /**
   * Records where a message was posted (for updates in place). Best effort: when the store is away the
   * delivery still counts, and a later lookup (findAttempt) records it again.
   */
  private async remember(message: OutboundMessage, posted: { channel: string; ts: string }): Promise<void> {
    try {
      await this.deps.store.recordSlackMessage({
        idempotencyKey: message.idempotencyKey,
        reference: message.report?.reference ?? null,
        channelId: posted.channel,
        ts: posted.ts,
        postedAt: this.deps.clock.now(),
      });
    } catch (err) {
      this.logger.warn('slack_message_record_failed', { reference: message.report?.reference ?? null, ...errorFields(err) });
    }
  }
}
