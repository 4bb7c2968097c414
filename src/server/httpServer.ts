import http from 'node:http';
import type { AddressInfo } from 'node:net';
import express, { type ErrorRequestHandler, type Express, type RequestHandler } from 'express';
import type { Bot } from '../app/bot';
import { translator } from '../core/i18n';
import { errorFields } from '../core/logger';
import type { Platform } from '../core/directory/directory';
import type { ChannelModule, MountedChannel } from './channelModule';
import { instrumentConversation } from './ops/instrumentConversation';
import { Metrics } from './ops/metrics';
import { mountOperations, OPS_PATHS } from './ops/operationsRoutes';
import { requestLog } from './ops/requestLog';

/** Emitted on the Express app when shutdown begins: long-lived responses (event streams) must end then. */
export const SHUTDOWN_EVENT = 'somebot:shutdown';

/** How long /readyz and /metrics wait for the store before calling it unreachable. */
export const STORE_CHECK_TIMEOUT_MS = 2000;

export interface RunningServer {
  app: Express;
  server: http.Server;
  /** Base URL, e.g. http://127.0.0.1:3978 */
  url: string;
  /** Banner lines of the channels that are on. */
  banners: string[];
  /** Every channel module, in order: whether it is on, its banner line and where to open it, when it is. */
  channels: { name: Platform; on: boolean; banner?: string; openPath?: string }[];
  metrics: Metrics;
  /**
   * Graceful stop: refuses new requests (503, readiness false), stops accepting connections, waits up to
   * config.web.shutdownGraceMs for requests in flight, stops channels, then the relay (finishing deliveries
   * in flight) and the store. Calling it again returns the same promise.
   */
  close(): Promise<void>;
}

/**
 * Creates the one HTTP server of the bot: operations endpoints (/healthz, /readyz, /metrics), every
 * configured channel, their notifiers, and the relay when some channel can deliver (otherwise alerts wait
 * in the outbox for a server that has one); listens on config.server (HOST, PORT). Routes decide nothing:
 * they hand messages to the bot's core.
 */
export async function startServer(bot: Bot, modules: ChannelModule[]): Promise<RunningServer> {
  const app = express();
  app.disable('x-powered-by');
  const metrics = new Metrics();
  instrumentConversation(bot.conversation, metrics);
  let shuttingDown = false;
  let relayRunning = false;
  let relayNeeded = false;
  let inFlight = 0;

  app.use(requestLog(bot.logger, metrics, Object.values(OPS_PATHS)));
  app.use(countInFlight((delta) => (inFlight += delta)));
  app.use(refuseWhile(() => shuttingDown, bot));
  mountOperations(app, {
    store: bot.reporting.store,
    metrics,
    logger: bot.logger,
    indexPassages: () => bot.guidelines.index.size,
    // The relay is needed only when some channel can deliver (see below).
    relayRunning: () => relayRunning || (!relayNeeded && !shuttingDown),
    accepting: () => !shuttingDown,
    storeTimeoutMs: STORE_CHECK_TIMEOUT_MS,
    ...(bot.config.metricsToken ? { metricsToken: bot.config.metricsToken } : {}),
  });

  const mounted: MountedChannel[] = [];
  const channels: RunningServer['channels'] = [];
  // What content owners taught applies before the first question, and again whenever they teach.
  await bot.startContentReload();
  for (const module of modules) {
    const channel = await module.mount(app, bot);
    channels.push({ name: module.name, on: channel !== undefined, ...(channel ? { banner: channel.banner } : {}), ...(channel?.openPath ? { openPath: channel.openPath } : {}) });
    if (!channel) continue;
    mounted.push(channel);
    if (channel.channel) bot.notifier.add(channel.channel);
  }
  app.use(lastErrorHandler(bot));

  const server = http.createServer(app);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(bot.config.server.port, bot.config.server.host, () => resolve());
  });
  const address = server.address() as AddressInfo;
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  // With no channel that can deliver, alerts wait in the outbox for a server that has one.
  relayNeeded = bot.notifier.platforms.length > 0;
  if (relayNeeded) {
    bot.startRelay();
    relayRunning = true;
  }
  bot.logger.info('server_started', { port: address.port, delivering: bot.notifier.platforms.join(',') });

  let closing: Promise<void> | undefined;
  return {
    app,
    server,
    url: `http://${host}:${address.port}`,
    banners: mounted.map((m) => m.banner),
    channels,
    metrics,
    close() {
      closing ??= (async () => {
        shuttingDown = true;
        bot.logger.info('server_stopping', { inFlight });
        app.emit(SHUTDOWN_EVENT);
        const drained = await drain(server, () => inFlight, bot.config.web.shutdownGraceMs);
        if (!drained) bot.logger.warn('server_drain_timeout', { inFlight, graceMs: bot.config.web.shutdownGraceMs });
        for (const m of mounted) {
          try {
            await m.close?.();
          } catch (err) {
            bot.logger.error('channel_close_failed', errorFields(err));
          }
        }
        relayRunning = false;
        await bot.close();
        bot.logger.info('server_stopped', {});
      })();
      return closing;
    },
  };
}

/** Counts requests between their start and the end of their response (or a dropped connection). */
function countInFlight(add: (delta: number) => void): RequestHandler {
  return (_req, res, next) => {
    add(1);
    res.once('close', () => add(-1));
    next();
  };
}

/** During shutdown: a translated 503 that closes the connection (health checks still answer). */
function refuseWhile(stopping: () => boolean, bot: Bot): RequestHandler {
  return (req, res, next) => {
    if (!stopping() || req.path === OPS_PATHS.health || req.path === OPS_PATHS.ready) return next();
    res.set('Connection', 'close').set('Retry-After', '5');
    res.status(503).json({ error: translator(bot.config.defaultLang)('ops:shuttingDown') });
  };
}

/** Anything a route did not handle: logged by name and code only, answered with a translated sentence. */
function lastErrorHandler(bot: Bot): ErrorRequestHandler {
  return (err, _req, res, _next) => {
    const status = typeof (err as { status?: unknown }).status === 'number' ? (err as { status: number }).status : 500;
    if (status >= 500) bot.logger.error('http_unhandled_error', errorFields(err));
    if (res.headersSent) return;
    const key = status >= 500 ? 'ops:internalError' : 'ops:badRequest';
    res.status(status).json({ error: translator(bot.config.defaultLang)(key) });
  };
}

/**
 * Stops accepting connections and waits until every request in flight has its response and every
 * connection is closed, closing idle keep-alive connections as they become idle. After `graceMs` the
 * remaining connections are cut. Resolves true when everything finished in time.
 */
async function drain(server: http.Server, inFlight: () => number, graceMs: number): Promise<boolean> {
  const closed = new Promise<void>((resolve) => server.close(() => resolve()));
  const deadline = Date.now() + graceMs;
  let timedOut = false;
  const sweeper = setInterval(() => {
    server.closeIdleConnections();
    if (Date.now() >= deadline && !timedOut) {
      timedOut = inFlight() > 0;
      server.closeAllConnections();
    }
  }, 25);
  server.closeIdleConnections();
  try {
    await closed;
  } finally {
    clearInterval(sweeper);
  }
  return !timedOut;
}
