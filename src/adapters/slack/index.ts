import type { Express } from 'express';
import type { Bot } from '../../app/bot';
import { errorFields } from '../../core/logger';
import type { ChannelModule, MountedChannel } from '../../server/channelModule';
import { ChannelPacer } from './channelPacer';
import type { SlackDeps } from './deps';
import { SLACK_EVENTS_PATH } from './ids';
import { InFlight } from './inFlight';
import { registerListeners } from './listeners';
import { acknowledgeUnknown, dedupeEvents, trackInFlight } from './middleware';
import { SlackNotifier } from './notifier/slackNotifier';
import { SlackApi } from './slackApi';
import { SlackUsers } from './slackUsers';
import { boltLogger } from './transport/boltLogger';
import { BotIdentity } from './transport/botIdentity';
import { createListenerClient, createNotifierClient, createSlackApp } from './transport/createSlackApp';
import { selectSlackTransport } from './transport/selectTransport';

/**
 * Slack as a channel of the bot's server (composition only: create, wire, start). Off when no SLACK_*
 * variable is set; refuses to start (SlackSetupError) when the settings cannot work. Over HTTP the events
 * URL is POST /slack/events on the bot's server; with SLACK_APP_TOKEN, Socket Mode instead.
 */
export const slackChannel: ChannelModule = {
  name: 'slack',
  async mount(expressApp: Express, bot: Bot): Promise<MountedChannel | undefined> {
    const transport = selectSlackTransport(bot.config.slack);
    if (transport.kind === 'off') return undefined;
    const { logger } = bot;
    const boltLog = boltLogger(logger);
    const client = createListenerClient(transport, boltLog);
    const identity = new BotIdentity(client, transport.botToken, logger, bot.config.slack.teamId);
    const app = createSlackApp(transport, { expressApp, logger: boltLog, identity, onRateLimited: () => logger.warn('slack_app_rate_limited', {}) });
    void identity.check();

    const postIntervalMs = bot.config.slack.postIntervalMs;
    const pacer = new ChannelPacer(postIntervalMs);
    const api = new SlackApi(client, pacer);
    const common = { directory: bot.reporting.directory, defaultLang: bot.config.defaultLang, logger };
    const deps: SlackDeps = { bot, api, users: new SlackUsers({ ...common, api }), logger };
    const inFlight = new InFlight();

    app.use(trackInFlight(inFlight));
    app.use(dedupeEvents(bot.reporting.store, bot.clock, logger));
    app.use(acknowledgeUnknown(logger));
    registerListeners(app, deps);
    app.error(async (error) => {
      logger.error('slack_listener_failed', errorFields((error as { original?: unknown }).original ?? error));
    });

    if (transport.kind === 'socket') {
      app.start().then(
        () => logger.info('slack_socket_connected', {}),
        (err: unknown) => logger.error('slack_socket_failed', errorFields(err)),
      );
    }
    const notifier = new SlackNotifier({
      api: new SlackApi(createNotifierClient(transport, boltLog)),
      store: bot.reporting.store,
      clock: bot.clock,
      logger,
      ...(postIntervalMs !== undefined ? { postIntervalMs } : {}),
    });
    logger.info('slack_mounted', { transport: transport.kind });
    return {
      channel: notifier.asChannel(),
      banner: transport.kind === 'http' ? `Slack: POST ${SLACK_EVENTS_PATH}` : 'Slack: Socket Mode',
      async close() {
        if (transport.kind === 'socket') await app.stop().catch((err: unknown) => logger.warn('slack_socket_stop_failed', errorFields(err)));
        await inFlight.drain();
      },
    };
  },
};
