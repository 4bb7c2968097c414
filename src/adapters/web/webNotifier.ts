import type { Clock, DeliveryReceipt, Directory, Notifier, OutboundMessage, Store } from '../../core/ports';
import type { PlatformChannel } from '../../core/delivery/platformNotifier';
import { EventHub, WEB_EVENTS } from './eventHub';
import { messageHtml, messageKey } from './render/messageHtml';
import { channelKey } from './webContext';

export interface WebNotifierDeps {
  store: Pick<Store, 'recordWebDelivery'>;
  directory: Pick<Directory, 'itSecurity'>;
  hub: EventHub;
  clock: Clock;
  timeZone: string;
}

/**
 * Delivers alerts into the web chat: records the delivery in the store (so a reloaded page shows it) and
 * pushes it to the recipient's open pages. Messages to IT security's channels are shown to the people of
 * IT security. The message text itself is not stored: the inbox renders it again from the report.
 */
export class WebNotifier implements Notifier {
  constructor(private readonly deps: WebNotifierDeps) {}

  async deliver(message: OutboundMessage): Promise<DeliveryReceipt> {
    const { store, hub, clock, timeZone } = this.deps;
    const at = clock.now();
    if (message.refresh) {
      await this.redraw(message);
      return { door: 'web' };
    }
    let people: string[];
    if (message.to.kind === 'person') {
      await store.recordWebDelivery({ idempotencyKey: message.idempotencyKey, personId: message.to.person.id, channelKey: null, at });
      people = [message.to.person.id];
    } else {
      await store.recordWebDelivery({ idempotencyKey: message.idempotencyKey, personId: null, channelKey: channelKey(message.to.channel), at });
      people = (await this.deps.directory.itSecurity()).people.map((p) => p.id);
    }
    // A person's message is pushed as rendered (in their language); a team post is shown to each person in
    // their own language, so their pages fetch it.
    if (message.to.kind === 'person') {
      hub.publish(people, WEB_EVENTS.inbox, { key: messageKey(message), subject: message.subject, html: messageHtml(message, at, timeZone).value });
    } else {
      hub.publish(people, WEB_EVENTS.inbox, { key: messageKey(message), reload: true });
    }
    if (message.report) hub.publish(people, WEB_EVENTS.reports, {});
    // A team post is shown to each of IT security's people here, not posted in the team's (Slack/Teams) channel.
    return message.to.kind === 'channel' ? { door: 'web', shownToTeam: true } : { door: 'web' };
  }

  /**
   * Redraws a copy shown earlier, live, on its recipient's open pages (nothing new is stored: the inbox
   * renders copies from the report as it is). A person's copy is replaced as rendered; a team post is shown
   * per person in their own language, so their pages reload it.
   */
  private async redraw(message: OutboundMessage): Promise<void> {
    const { hub, clock, timeZone } = this.deps;
    const key = messageKey(message);
    if (message.to.kind === 'person') {
      hub.publish([message.to.person.id], WEB_EVENTS.inbox, { key, subject: message.subject, html: messageHtml(message, message.refresh?.deliveredAt ?? clock.now(), timeZone).value, updated: true });
    } else {
      hub.publish((await this.deps.directory.itSecurity()).people.map((p) => p.id), WEB_EVENTS.inbox, { key, reload: true, updated: true });
    }
  }
}

/**
 * Whom the web inbox reaches. In the demo: every person in the directory (web identity = directory id)
 * and IT security's channels. With sign-in: only people who have signed in to the console (and IT
 * security's channels once one of IT security's people has), because an inbox nobody opens is no delivery.
 */
export interface WebReach {
  /** Whether this person's web inbox is a place they look. */
  person(personId: string): boolean;
  /** Whether messages to IT security's channels, shown to IT security's people, are seen. */
  itSecurityChannels(): boolean;
}

/** The demo's reach: everyone. */
export const EVERYONE: WebReach = { person: () => true, itSecurityChannels: () => true };

/**
 * The web chat as a platform. Registered last, so Slack and Teams deliver first to those they reach; a
 * message nobody reaches waits and is finally dead-lettered to IT security (PlatformNotifier, relay).
 */
export function webPlatformChannel(notifier: WebNotifier, itSecurityChannels: Set<string>, reach: WebReach = EVERYONE): PlatformChannel {
  return {
    platform: 'web',
    notifier,
    reaches: (to) => (to.kind === 'person' ? reach.person(to.person.id) : itSecurityChannels.has(channelKey(to.channel)) && reach.itSecurityChannels()),
  };
}
