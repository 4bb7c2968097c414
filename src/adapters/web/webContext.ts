import type { Bot } from '../../app/bot';
import type { EventHub } from './eventHub';
import type { WebIdentity } from './identity';

/** What every route of the web chat uses: the bot, the open pages, and IT security's channels. */
export interface WebContext {
  bot: Bot;
  hub: EventHub;
  /** Who a request acts as: the picked person (demo) or the signed-in one. */
  identity: WebIdentity;
  /** `platform:id` of IT security's channels: the web chat shows their messages to IT security people. */
  itSecurityChannels: Set<string>;
  /** Language of a guideline document (for the lang attribute of quoted rules). */
  docLang(docId: string): string | undefined;
}

/** The key of a channel in web deliveries. */
export const channelKey = (channel: { platform: string; id: string }): string => `${channel.platform}:${channel.id}`;
