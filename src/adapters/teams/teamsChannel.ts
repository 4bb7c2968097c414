import express, { type NextFunction, type Request, type Response } from 'express';
import { CloudAdapter, type TurnContext } from 'botbuilder';
import { cliLang } from '../../cli/cliLang';
import type { ConversationSession } from '../../core/conversation/conversation';
import { translator } from '../../core/i18n';
import { errorFields } from '../../core/logger';
import { DialogSessions } from '../../core/reports/dialogSessions';
import type { ChannelModule, MountedChannel } from '../../server/channelModule';
import { directLocalOnly } from '../../server/guards/directRequest';
import { checkActivityShape } from './activityShape';
import { createAuthentication } from './authentication';
import { noticeMessage } from './cards/noticeMessage';
import { ConversationBook } from './conversationBook';
import { DEFAULT_THROTTLE_POLICY, type ThrottlePolicy } from './delivery/connectorFailure';
import { ProactiveSender } from './delivery/proactiveSender';
import { ConversationCreator, GraphAppInstaller } from './delivery/conversationCreator';
import { GraphClient } from '../../directory/graph/graphClient';
import { TeamsNotifier } from './delivery/teamsNotifier';
import { PromptTracker } from './promptTracker';
import { RedeliveryGuard } from './redeliveryGuard';
import { SomebotTeamsBot } from './teamsBot';
import { TeamsErrorCode } from './teamsErrors';
import { uiLangOfLocale } from './teamsLocale';
import { teamsMode, type TeamsMode } from './teamsMode';
import type { TeamsTurnDeps } from './turnDeps';
import { TurnQueue } from './turnQueue';

/** The messaging endpoint registered for the bot in Azure (Bot Framework convention). */
export const TEAMS_ENDPOINT = '/api/messages';

/** Largest request body accepted (Teams activities are far smaller; a card submit is a few kB). */
const MAX_BODY = '512kb';

/** Knobs for tests; production uses the defaults. */
export interface TeamsChannelOptions {
  /** Where the keys of channel tokens are published (tests: a local key server; default: Microsoft's). */
  openIdMetadataUrl?: string;
  /** Longest a token check may take before the request is refused. */
  authTimeoutMs?: number;
  /** How a delivery waits out Teams' throttling (429). */
  throttle?: Partial<ThrottlePolicy>;
  /** How long a handled activity id is remembered to drop redeliveries. */
  redeliveryWindowMs?: number;
}

/** Whether an activity comes from the configured tenant (any tenant when none is configured). */
function fromTenant(context: TurnContext, mode: Exclude<TeamsMode, { kind: 'off' }>): boolean {
  if (mode.kind !== 'authenticated' || !mode.tenantId) return true;
  const activity = context.activity;
  const tenant = activity.conversation?.tenantId ?? (activity.channelData as { tenant?: { id?: string } } | undefined)?.tenant?.id;
  return tenant === mode.tenantId;
}

/**
 * Microsoft Teams through botbuilder: a CloudAdapter at POST /api/messages with a TeamsActivityHandler,
 * and a notifier that sends alerts proactively. Mounted only with MICROSOFT_APP_ID (every request needs a
 * valid token) or, for local use, with SOMEBOT_DEV=1 on a loopback HOST (no authentication, as botbuilder
 * does for an empty app id, so only direct requests from this computer without forwarding headers are
 * taken); otherwise it stays off and says so in the banner.
 *
 * A request is checked in this order: body shape (400), token (401, nothing changes), tenant, then
 * redelivery (a copy of an activity already handled is answered 200 and dropped); only then is the sender's
 * conversation reference saved and the activity handled. The HTTP answer is sent after the turn ends, so a
 * report is committed to the store before Teams hears back.
 */
export function createTeamsChannel(options: TeamsChannelOptions = {}): ChannelModule {
  return {
    name: 'teams',
    async mount(app, bot): Promise<MountedChannel | undefined> {
      const mode = teamsMode(bot.config);
      const banner = translator(cliLang());
      if (mode.kind === 'off') return { banner: banner('teams:banner.off') };

      const { store } = bot.reporting;
      const logger = bot.logger;
      const authentication = createAuthentication(mode, bot.config.teams.appPassword, {
        logger,
        ...(options.authTimeoutMs !== undefined ? { timeoutMs: options.authTimeoutMs } : {}),
        ...(options.openIdMetadataUrl ? { openIdMetadataUrl: options.openIdMetadataUrl } : {}),
      });
      const adapter = new CloudAdapter(authentication);
      const book = new ConversationBook({ store, clock: bot.clock, logger });
      await book.load();
      const sender = new ProactiveSender(adapter, mode.kind === 'authenticated' ? mode.appId : '', { ...DEFAULT_THROTTLE_POLICY, ...options.throttle });
      const deps: TeamsTurnDeps = {
        bot,
        book,
        sender,
        sessions: new DialogSessions<ConversationSession>({ store, clock: bot.clock, ttlHours: bot.config.dialogTtlHours }),
        prompts: new PromptTracker(),
        turns: new TurnQueue(),
      };
      const handler = new SomebotTeamsBot(deps);
      const redeliveries = new RedeliveryGuard(options.redeliveryWindowMs);

      adapter.onTurnError = async (context, error) => {
        logger.error('teams_turn_failed', { activityType: context.activity.type, ...errorFields(error) });
        if (context.activity.type !== 'message') return;
        const lang = uiLangOfLocale(context.activity.locale) ?? bot.config.defaultLang;
        await context.sendActivity(noticeMessage(translator(lang)('teams:error.generic'))).catch(() => undefined);
      };

      const turn = async (context: TurnContext): Promise<void> => {
        logger.debug('teams_activity', { activityType: context.activity.type, conversationType: context.activity.conversation?.conversationType });
        if (!fromTenant(context, mode)) {
          logger.warn('teams_foreign_tenant_ignored', { activityType: context.activity.type });
          return;
        }
        const handled = await redeliveries.once(context.activity, async () => {
          await book.remember(context.activity);
          await handler.run(context);
        });
        if (!handled) logger.info('teams_redelivery_dropped', { activityType: context.activity.type });
      };

      // Without authentication (SOMEBOT_DEV=1) only direct requests from this computer are taken.
      if (mode.kind === 'dev') {
        app.use(
          TEAMS_ENDPOINT,
          directLocalOnly((_req, res) => {
            logger.warn('teams_request_not_direct', {});
            res.status(403).json({ error: TeamsErrorCode.NotDirect });
          }),
        );
      }
      app.post(TEAMS_ENDPOINT, express.json({ limit: MAX_BODY }), async (req: Request, res: Response) => {
        const shape = checkActivityShape(req.body);
        if (!shape.ok) {
          logger.warn('teams_malformed_activity', { field: shape.field });
          res.status(400).json({ error: TeamsErrorCode.MalformedActivity, field: shape.field });
          return;
        }
        try {
          await adapter.process(req as never, res as never, turn);
        } catch (err) {
          logger.error('teams_request_failed', errorFields(err));
          if (!res.headersSent) res.status(500).json({ error: TeamsErrorCode.Unavailable });
        }
      });
      // A body that is not JSON at all (400), or larger than any activity (413).
      app.use(TEAMS_ENDPOINT, (err: unknown, _req: Request, res: Response, next: NextFunction) => {
        if (res.headersSent) return next(err);
        const status = (err as { status?: unknown }).status === 413 ? 413 : 400;
        logger.warn('teams_malformed_activity', { field: 'body', status });
        res.status(status).json({ error: TeamsErrorCode.MalformedActivity, field: 'body' });
      });

      const graph = bot.config.directory.graph;
      const installer =
        bot.config.directory.teamsCatalogAppId && graph.tenantId && graph.clientId && graph.clientSecret
          ? new GraphAppInstaller(new GraphClient({ ...graph, tenantId: graph.tenantId, clientId: graph.clientId, clientSecret: graph.clientSecret }), bot.config.directory.teamsCatalogAppId, logger)
          : undefined;
      const creator = new ConversationCreator({
        adapter,
        book,
        botAppId: mode.kind === 'authenticated' ? mode.appId : '',
        ...(mode.kind === 'authenticated' && mode.tenantId ? { tenantId: mode.tenantId } : {}),
        ...(installer ? { installer } : {}),
      });
      const notifier = new TeamsNotifier({ store, book, sender, clock: bot.clock, logger, creator, timeZone: bot.config.timeZone });
      const on = mode.kind === 'authenticated' ? banner('teams:banner.on', { endpoint: TEAMS_ENDPOINT, appType: mode.appType }) : banner('teams:banner.dev', { endpoint: TEAMS_ENDPOINT });
      logger.info('teams_mounted', { mode: mode.kind });
      return { channel: notifier.asChannel(), banner: on };
    },
  };
}
