import type { Platform } from '../directory/directory';
import type { AttemptOutcome, DeliveryAttempt, Notifier, OutboundMessage, Pace } from '../ports';
import { DeliveryError, isDeliveryError } from './deliveryError';

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
   * A platform that answers "this recipient cannot be reached here" (DeliveryError.recipientUnreachable)
   * hands the message to the next platform that reaches them; the last one's error goes to the relay
   * (a permanent one dead-letters the message to IT security).
   */
  async deliver(message: OutboundMessage): Promise<void> {
    const candidates = this.channels.filter((c) => c.reaches(message.to));
    if (candidates.length === 0) throw new DeliveryError('no_platform_for_recipient', { retryAfterMs: UNREACHABLE_RETRY_MS, notSent: true });
    for (const [index, channel] of candidates.entries()) {
      try {
        await channel.notifier.deliver(message);
        return;
      } catch (err) {
        if (index < candidates.length - 1 && isDeliveryError(err) && err.recipientUnreachable) continue;
        throw err;
      }
    }
  }

  /** Asks the platform that delivers the message; one that cannot look attempts up says it did not land. */
  async findAttempt(message: OutboundMessage, attempt: DeliveryAttempt): Promise<AttemptOutcome> {
    const channel = this.channels.find((c) => c.reaches(message.to));
    if (!channel?.notifier.findAttempt) return { landed: false };
    return channel.notifier.findAttempt(message, attempt);
  }

  pace(message: OutboundMessage): Pace | undefined {
    return this.channels.find((c) => c.reaches(message.to))?.notifier.pace?.(message);
  }
}
