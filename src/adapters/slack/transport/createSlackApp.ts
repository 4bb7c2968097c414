import { App, webApi, type Logger as BoltLogger } from '@slack/bolt';
import type { Express } from 'express';
import type { WebClient } from '../slackTypes';
import type { BotIdentity } from './botIdentity';
import { SlackEventsReceiver } from './eventsReceiver';
import type { SlackTransport } from './selectTransport';

type ActiveTransport = Exclude<SlackTransport, { kind: 'off' }>;

/** Web API client settings shared by every client. */
function clientOptions(transport: ActiveTransport, logger: BoltLogger): webApi.WebClientOptions {
  return { logger, timeout: 10_000, ...(transport.apiUrl ? { slackApiUrl: transport.apiUrl } : {}) };
}

/**
 * The Web API client of the listeners: a 429 waits Retry-After and the call is retried (a few times, also
 * after network errors), so an answer is late rather than lost.
 */
export function createListenerClient(transport: ActiveTransport, logger: BoltLogger): WebClient {
  return new webApi.WebClient(transport.botToken, { ...clientOptions(transport, logger), retryConfig: { retries: 3, factor: 2, minTimeout: 500, maxTimeout: 10_000 } });
}

/**
 * The notifier's Web API client: it rejects a 429 at once and does not retry, so the outbox relay — which
 * waits at least Retry-After and backs off — decides when to try again.
 */
export function createNotifierClient(transport: ActiveTransport, logger: BoltLogger): WebClient {
  return new webApi.WebClient(transport.botToken, { ...clientOptions(transport, logger), rejectRateLimitedCalls: true, retryConfig: { retries: 0 } });
}

/**
 * The Bolt App of the bot. HTTP: a SlackEventsReceiver on the bot's Express app (POST /slack/events,
 * verified); Socket Mode: Bolt's SocketModeReceiver, and no HTTP route. One workspace: `identity`
 * authorizes every request with the bot token. Bolt's conversation store is off (the bot keeps no state in
 * memory), and the bot's own messages are ignored.
 */
export function createSlackApp(
  transport: ActiveTransport,
  options: { expressApp: Express; logger: BoltLogger; identity: BotIdentity; onRateLimited: () => void },
): App {
  const common = {
    authorize: options.identity.authorize,
    logger: options.logger,
    convoStore: false as const,
    ignoreSelf: true,
    clientOptions: clientOptions(transport, options.logger),
  };
  if (transport.kind === 'socket') return new App({ ...common, appToken: transport.appToken, socketMode: true });
  const receiver = new SlackEventsReceiver({
    signingSecret: transport.signingSecret,
    app: options.expressApp,
    logger: options.logger,
    onRateLimited: options.onRateLimited,
  });
  return new App({ ...common, receiver });
}
