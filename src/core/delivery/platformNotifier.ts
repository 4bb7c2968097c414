import type { Platform } from '../directory/directory';
import type { DeliveryReceipt, Notifier, OutboundMessage } from '../ports';
import { DeliveryError } from './deliveryError';

/** A platform's notifier, and whether it can reach a recipient (the person has an identity there). */
export interface PlatformChannel {
  platform: Platform;
  notifier: Notifier;
  /** True when this platform can deliver to the message's recipient. */
  reaches(to: OutboundMessage['to']): boolean;
}

/** How long the relay waits before trying again a message no running platform reaches. */
export const UNREACHABLE_RETRY_MS = 15 * 60 * 1000;

/**
 * Delivers each message through the first platform, in the configured order, that reaches its recipient
 * (a person with a Slack id goes to Slack, one with a Teams id to Teams, anyone to the web chat when it
 * runs). A message no running platform reaches is retried later (a platform may be configured by then);
 * after the relay's last attempt it is dead-lettered to IT security like any failed delivery.
 */
export class PlatformNotifier implements Notifier {
  private readonly channels: PlatformChannel[] = [];

  /** Adds a platform; earlier platforms are preferred. */
  add(channel: PlatformChannel): void {
    this.channels.push(channel);
  }

  get platforms(): Platform[] {
    return this.channels.map((c) => c.platform);
  }

  /**
   * A refresh goes to the door that holds the copy (permanent failure when that door is not running here).
   * A team post (a channel message with alternatives) goes to the first of the team's channels that a door
   * reaches, doors in preference order. The receipt names the door that delivered, and the channel for a team post.
   */
  async deliver(message: OutboundMessage): Promise<DeliveryReceipt> {
    if (message.refresh) {
      const door = this.channels.find((c) => c.platform === message.refresh!.door);
      if (!door) throw new DeliveryError('door_not_running', { permanent: true });
      await door.notifier.deliver(message);
      return { door: door.platform };
    }
    const to = message.to;
    const candidates: OutboundMessage['to'][] =
      to.kind === 'channel' ? [to.channel, ...(to.alternatives ?? [])].map((channel) => ({ kind: 'channel' as const, channel })) : [to];
    for (const channel of this.channels) {
      const target = candidates.find((candidate) => channel.reaches(candidate));
      if (!target) continue;
      await channel.notifier.deliver(target === to ? message : { ...message, to: target });
      return { door: channel.platform, ...(target.kind === 'channel' ? { channel: target.channel } : {}) };
    }
    throw new DeliveryError('no_platform_for_recipient', { retryAfterMs: UNREACHABLE_RETRY_MS });
  }
}
