import type { Clock, Directory, Notifier, OutboundMessage, Store } from '../../core/ports';
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

  async deliver(message: OutboundMessage): Promise<void> {
    const { store, hub, clock, timeZone } = this.deps;
    const at = clock.now();
    let people: string[];
    if (message.to.kind === 'person') {
      await store.recordWebDelivery({ idempotencyKey: message.idempotencyKey, personId: message.to.person.id, channelKey: null, at });
      people = [message.to.person.id];
    } else {
      await store.recordWebDelivery({ idempotencyKey: message.idempotencyKey, personId: null, channelKey: channelKey(message.to.channel), at });
      people = (await this.deps.directory.itSecurity()).people.map((p) => p.id);
    }
    hub.publish(people, WEB_EVENTS.inbox, { key: messageKey(message), subject: message.subject, html: messageHtml(message, at, timeZone).value });
    if (message.report) hub.publish(people, WEB_EVENTS.reports, {});
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
