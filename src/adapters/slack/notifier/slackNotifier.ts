import { DeliveryError } from '../../../core/delivery/deliveryError';
import type { MessageKind } from '../../../core/delivery/messageKinds';
import type { PlatformChannel } from '../../../core/delivery/platformNotifier';
import type { Clock, Notifier, OutboundMessage, Store } from '../../../core/ports';
import { notificationBlocks } from '../blocks/alertBlocks';
import type { SlackApi } from '../slackApi';
import type { AlertRefresher } from './alertRefresher';
import { deliveryFailure } from './deliveryFailure';

/** Messages that tell of a status change: after one is delivered, the report's alerts are redrawn. */
const STATUS_NEWS: readonly MessageKind[] = ['reporter_acknowledged', 'reporter_resolved', 'report_withdrawn'];

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
  alerts: AlertRefresher;
}

/**
 * Delivers outbox messages on Slack: to a person with a Slack identity as a DM (conversations.open +
 * chat.postMessage), to a Slack channel (ChannelRef platform 'slack', e.g. IT security's) as a post. Where it
 * was posted is stored per idempotency key, so a redelivery after a crash updates the message instead of
 * posting it twice, and later status changes update it in place. Failures become DeliveryErrors
 * (deliveryFailure.ts): 429 → wait Retry-After; unknown user or channel → permanent.
 */
export class SlackNotifier implements Notifier {
  constructor(private readonly deps: SlackNotifierDeps) {}

  async deliver(message: OutboundMessage): Promise<void> {
    const { api, store, clock } = this.deps;
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
    if (message.report && STATUS_NEWS.includes(message.kind)) await this.deps.alerts.refresh(message.report.reference);
  }

  /** This notifier as a platform of the bot's PlatformNotifier. */
  asChannel(): PlatformChannel {
    return { platform: 'slack', notifier: this, reaches: (to) => slackDestination(to) !== undefined };
  }
}
