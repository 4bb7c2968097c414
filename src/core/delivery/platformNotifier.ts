import type { Platform } from '../directory/directory';
import type { AttemptOutcome, DeliveryAttempt, DeliveryReceipt, Notifier, OutboundMessage, Pace } from '../ports';
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
   * A refresh goes to the door that holds the copy (permanent failure when that door is not running here).
   * A team post (a channel message with alternatives) goes to the first of the team's channels that a door
   * reaches, doors in preference order. A door that answers "this recipient cannot be reached here"
   * (DeliveryError.recipientUnreachable) hands the message to the next door that reaches them; the last one's
   * error goes to the relay (a permanent one dead-letters the message to IT security). The receipt names the
   * door that delivered, and for a team post the channel it went to, or that the door showed it to the team.
   */
  async deliver(message: OutboundMessage): Promise<DeliveryReceipt> {
    const routes = this.routes(message);
    if (routes.length === 0) {
      if (message.refresh) throw new DeliveryError('door_not_running', { permanent: true, notSent: true });
      throw new DeliveryError('no_platform_for_recipient', { retryAfterMs: UNREACHABLE_RETRY_MS, notSent: true });
    }
    for (const [index, { channel, target }] of routes.entries()) {
      try {
        const receipt = await channel.notifier.deliver(target === message.to ? message : { ...message, to: target });
        if (target.kind !== 'channel') return { door: channel.platform };
        // A door without the team's channel (the web chat) shows the post to the team's people: no channel got it.
        return receipt?.shownToTeam ? { door: channel.platform, shownToTeam: true } : { door: channel.platform, channel: target.channel };
      } catch (err) {
        if (index < routes.length - 1 && isDeliveryError(err) && err.recipientUnreachable) continue;
        throw err;
      }
    }
    throw new DeliveryError('no_platform_for_recipient', { retryAfterMs: UNREACHABLE_RETRY_MS, notSent: true });
  }

  /** Asks the door that delivers the message first; one that cannot look attempts up says it did not land. */
  async findAttempt(message: OutboundMessage, attempt: DeliveryAttempt): Promise<AttemptOutcome> {
    const first = this.routes(message)[0];
    if (!first?.channel.notifier.findAttempt) return { landed: false };
    return first.channel.notifier.findAttempt(first.target === message.to ? message : { ...message, to: first.target }, attempt);
  }

  pace(message: OutboundMessage): Pace | undefined {
    const first = this.routes(message)[0];
    return first?.channel.notifier.pace?.(first.target === message.to ? message : { ...message, to: first.target });
  }

  /** The doors that may deliver the message, in preference order, each with the addressee it reaches there. */
  private routes(message: OutboundMessage): { channel: PlatformChannel; target: OutboundMessage['to'] }[] {
    if (message.refresh) {
      const door = this.channels.find((c) => c.platform === message.refresh!.door);
      return door ? [{ channel: door, target: message.to }] : [];
    }
    const to = message.to;
    const candidates: OutboundMessage['to'][] =
      to.kind === 'channel' ? [to, ...(to.alternatives ?? []).map((channel) => ({ kind: 'channel' as const, channel }))] : [to];
    const routes: { channel: PlatformChannel; target: OutboundMessage['to'] }[] = [];
    for (const channel of this.channels) {
      const target = candidates.find((candidate) => channel.reaches(candidate));
      if (target) routes.push({ channel, target });
    }
    return routes;
  }
}
