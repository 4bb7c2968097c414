import { DeliveryError } from '../../../core/delivery/deliveryError';
import type { PlatformChannel } from '../../../core/delivery/platformNotifier';
import type { Clock, DeliveryReceipt, Notifier, OutboundMessage, Store } from '../../../core/ports';
import { notificationBlocks } from '../blocks/alertBlocks';
import type { SlackApi } from '../slackApi';
import { deliveryFailure } from './deliveryFailure';

/** The Slack user or channel a message goes to, or undefined when Slack cannot reach it. */
export function slackDestination(to: OutboundMessage['to']): { user: string } | { channel: string } | undefined {
  if (to.kind === 'person') return to.person.identities.slack ? { user: to.person.identities.slack } : undefined;
  return to.channel.platform === 'slack' ? { channel: to.channel.id } : undefined;
}

export interface SlackNotifierDeps {
  /** A client that rejects a 429 at once (the relay then waits Retry-After). */
  api: SlackApi;
  store: Store;
  clock: Clock;
}

/**
 * Delivers outbox messages on Slack: to a person with a Slack identity as a DM (conversations.open +
 * chat.postMessage), to a Slack channel (ChannelRef platform 'slack', e.g. IT security's) as a post. Where it
 * was posted is stored per idempotency key, so a redelivery after a crash updates the message instead of
 * posting it twice, and a refresh from the core (message.refresh) redraws it in place with chat.update. Failures become DeliveryErrors
 * (deliveryFailure.ts): 429 → wait Retry-After; unknown user or channel → permanent.
 */
export class SlackNotifier implements Notifier {
  constructor(private readonly deps: SlackNotifierDeps) {}

  async deliver(message: OutboundMessage): Promise<DeliveryReceipt> {
    const { api, store, clock } = this.deps;
    if (message.refresh) {
      await this.redraw(message);
      return { door: 'slack' };
    }
    const destination = slackDestination(message.to);
    if (!destination) throw new DeliveryError('slack_not_reachable', { permanent: true });
    const body = notificationBlocks(message);
    try {
      const earlier = await store.slackMessage(message.idempotencyKey);
      if (earlier) {
        await api.update(earlier.channelId, earlier.ts, body);
      } else {
        const channel = 'user' in destination ? await api.dmChannel(destination.user) : destination.channel;
        const posted = await api.post(channel, body);
        await store.recordSlackMessage({
          idempotencyKey: message.idempotencyKey,
          reference: message.report?.reference ?? null,
          channelId: posted.channel,
          ts: posted.ts,
          postedAt: clock.now(),
        });
      }
    } catch (err) {
      throw deliveryFailure(err);
    }
    return { door: 'slack' };
  }

  /** Replaces a posted copy (same idempotency key) with the message as the core rendered it now: chat.update. */
  private async redraw(message: OutboundMessage): Promise<void> {
    const posted = await this.deps.store.slackMessage(message.idempotencyKey);
    if (!posted) throw new DeliveryError('slack_copy_unknown', { permanent: true });
    try {
      await this.deps.api.update(posted.channelId, posted.ts, notificationBlocks(message));
    } catch (err) {
      throw deliveryFailure(err);
    }
  }

  /** This notifier as a platform of the bot's PlatformNotifier. */
  asChannel(): PlatformChannel {
    return { platform: 'slack', notifier: this, reaches: (to) => slackDestination(to) !== undefined };
  }
}
