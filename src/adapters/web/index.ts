import express from 'express';
import type { ChannelModule } from '../../server/channelModule';
import { SHUTDOWN_EVENT } from '../../server/httpServer';
import { translator } from '../../core/i18n';
import { cliLang } from '../../cli/cliLang';
import { EventHub } from './eventHub';
import { webChatDecision } from './loopback';
import { PUBLIC_DIR, WEB_PATHS } from './paths';
import { requestGuard } from './requestGuard';
import { registerApiRoutes, registerPage } from './routes';
import { channelKey, type WebContext } from './webContext';
import { WebNotifier, webPlatformChannel } from './webNotifier';

/**
 * The local web chat: a page at `/` where you pick who you are from the directory, ask questions, make
 * reports and see alerts arrive and act on them. It has no login, so it is a demo and evaluation surface:
 * it mounts only when HOST is loopback (or SOMEBOT_WEB_CHAT=any-host) and refuses requests from other
 * sites. Its notifier shows alerts in the recipient's page; it is the last platform in preference order.
 */
export const webChannel: ChannelModule = {
  name: 'web',
  async mount(app, bot) {
    if (!webChatDecision(bot.config).on) return undefined;
    const hub = new EventHub();
    const itSecurity = await bot.reporting.directory.itSecurity();
    const docLangs = new Map<string, string>();
    for (const passage of bot.guidelines.index.passages.values()) docLangs.set(passage.source.docId, passage.source.lang);
    const ctx: WebContext = {
      bot,
      hub,
      itSecurityChannels: new Set(itSecurity.channels.map(channelKey)),
      docLang: (docId) => docLangs.get(docId),
    };

    const guard = requestGuard({ loopbackOnly: bot.config.web.chat !== 'any-host', defaultLang: bot.config.defaultLang });
    const page = express.Router();
    registerPage(page, ctx);
    const api = express.Router();
    registerApiRoutes(api, ctx);
    app.get(WEB_PATHS.page, guard, page);
    app.use(WEB_PATHS.static, guard, express.static(PUBLIC_DIR, { index: false, maxAge: 0 }));
    app.use(WEB_PATHS.api, guard, express.json({ limit: '64kb' }), api);
    app.once(SHUTDOWN_EVENT, () => hub.close());

    const notifier = new WebNotifier({ store: bot.reporting.store, directory: bot.reporting.directory, hub, clock: bot.clock, timeZone: bot.config.timeZone });
    return {
      channel: webPlatformChannel(notifier, ctx.itSecurityChannels),
      banner: translator(cliLang())('web:banner'),
      async close() {
        hub.close();
      },
    };
  },
};
