import http from 'node:http';
import type { AddressInfo } from 'node:net';
import express, { type Express } from 'express';
import type { Bot } from '../app/bot';
import type { ChannelModule, MountedChannel } from './channelModule';

export interface RunningServer {
  app: Express;
  server: http.Server;
  /** Base URL, e.g. http://127.0.0.1:3978 */
  url: string;
  /** Banner lines of the channels that are on. */
  banners: string[];
  /** Stops accepting requests, waits for those in flight, stops channels, then the bot. */
  close(): Promise<void>;
}

/**
 * Creates the one HTTP server of the bot, mounts every configured channel, registers their notifiers,
 * starts the relay and listens on config.server (HOST, PORT). Routes decide nothing: they hand messages to
 * the bot's core.
 */
export async function startServer(bot: Bot, modules: ChannelModule[]): Promise<RunningServer> {
  const app = express();
  app.disable('x-powered-by');
  const mounted: MountedChannel[] = [];
  for (const module of modules) {
    const channel = await module.mount(app, bot);
    if (!channel) continue;
    mounted.push(channel);
    if (channel.channel) bot.notifier.add(channel.channel);
  }
  const server = http.createServer(app);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(bot.config.server.port, bot.config.server.host, () => resolve());
  });
  const address = server.address() as AddressInfo;
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  // With no channel that can deliver, alerts wait in the outbox for a server that has one.
  if (bot.notifier.platforms.length > 0) bot.startRelay();
  let closing: Promise<void> | undefined;
  return {
    app,
    server,
    url: `http://${host}:${address.port}`,
    banners: mounted.map((m) => m.banner),
    close() {
      closing ??= (async () => {
        const closed = new Promise<void>((resolve) => server.close(() => resolve()));
        server.closeIdleConnections();
        await closed;
        for (const m of mounted) await m.close?.();
        await bot.close();
      })();
      return closing;
    },
  };
}
