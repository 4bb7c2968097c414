import type { Express } from 'express';
import type { Bot } from '../app/bot';
import type { PlatformChannel } from '../core/delivery/platformNotifier';
import type { Platform } from '../core/directory/directory';

/** What a mounted channel gives the server: its notifier (if it sends alerts) and how to stop it. */
export interface MountedChannel {
  /** Alerts for people (or channels) this platform reaches. */
  channel?: PlatformChannel;
  /** One line for the start-up banner, e.g. "Slack: POST http://127.0.0.1:3978/slack/events". */
  banner: string;
  /** Where a person opens this channel in a browser, relative to the server (the web console: `/?token=…`). */
  openPath?: string;
  /** Stops background work (sockets, timers); the HTTP server itself is closed by the server. */
  close?(): Promise<void>;
}

/**
 * One door into the bot (web chat, Slack, Teams). `mount` adds its routes to the app, or returns undefined
 * when the channel is not configured (it then stays off, and the banner says what is missing).
 */
export interface ChannelModule {
  name: Platform;
  mount(app: Express, bot: Bot): Promise<MountedChannel | undefined>;
}
