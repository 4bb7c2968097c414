import cookieParser from 'cookie-parser';
import express, { type RequestHandler } from 'express';
import type { ChannelModule } from '../../server/channelModule';
import { SHUTDOWN_EVENT } from '../../server/httpServer';
import { directLocalOnly } from '../../server/guards/directRequest';
import { translator } from '../../core/i18n';
import { cliLang } from '../../cli/cliLang';
import { authRouter } from './auth/authRoutes';
import { OpenIdSignIn } from './auth/openIdSignIn';
import { SessionIdentity, sessionIdOf } from './auth/sessionIdentity';
import { cookieSigningKey, WebSessions } from './auth/webSessions';
import { ConsolePeople } from './consolePeople';
import { contentFormError, contentRouter } from './content/contentRoutes';
import { FormTokens } from './content/formTokens';
import { DEMO_TOKEN_PARAM, demoTokenFor, requireDemoToken } from './demoToken';
import { EventHub } from './eventHub';
import { pickedIdentity, uiLangOf } from './identity';
import { webConsoleMode } from './loopback';
import { PUBLIC_DIR, WEB_PATHS } from './paths';
import { requestGuard } from './requestGuard';
import { registerApiRoutes, registerPage } from './routes';
import { channelKey, type WebContext } from './webContext';
import { WebError, WebErrorCode, webErrorMessage } from './webErrors';
import { EVERYONE, WebNotifier, webPlatformChannel, type WebReach } from './webNotifier';

/** How often expired sessions are deleted. */
const SESSION_PURGE_MS = 15 * 60_000;

/**
 * The web console at `/`: ask questions, make reports, see alerts arrive and act on them, and (IT
 * security) export; with sign-in, the content owners' pages at /web/content (content/contentRoutes.ts). Two modes (loopback.ts decides):
 * - the demo: pick who you are from the directory; no login, so only direct requests from this computer
 *   that carry the demo's token (printed by `npm start`) are answered;
 * - sign-in: OpenID Connect (/web/auth/login, /callback, /logout, /signed-out); who you are comes from the session,
 *   stored in the database so every bot process shares it; an API request without one is a 401.
 * Both refuse requests from other sites (Origin, Sec-Fetch-Site) and send a strict CSP. Its notifier shows
 * alerts in the recipient's page; with sign-in only for people who have signed in (see WebReach). It is the
 * last platform in preference order.
 */
export const webChannel: ChannelModule = {
  name: 'web',
  async mount(app, bot) {
    const mode = webConsoleMode(bot.config);
    if (!mode.on) return undefined;
    const defaultLang = bot.config.defaultLang;
    const directory = bot.reporting.directory;
    const hub = new EventHub();
    const itSecurity = await directory.itSecurity();
    const docLangs = new Map<string, string>();
    for (const passage of bot.guidelines.index.passages.values()) docLangs.set(passage.source.docId, passage.source.lang);
    const banner = translator(cliLang());

    const page = express.Router();
    const api = express.Router();
    const stops: (() => void)[] = [() => hub.close()];
    let reach: WebReach = EVERYONE;
    let openPath: string;
    let bannerLine: string;
    const ctxBase = { bot, hub, itSecurityChannels: new Set(itSecurity.channels.map(channelKey)), docLang: (docId: string) => docLangs.get(docId) };

    if (mode.kind === 'signin') {
      const settings = bot.config.signIn!;
      const publicUrl = new URL(settings.publicUrl);
      const sessions = new WebSessions({ store: bot.reporting.store, clock: bot.clock, settings });
      const identity = new SessionIdentity({ sessions, directory, defaultLang, admins: settings.admins });
      const people = new ConsolePeople({ store: bot.reporting.store, logger: bot.logger });
      await people.start();
      const itSecurityPeople = itSecurity.people.map((p) => p.id);
      reach = { person: (id) => people.has(id), itSecurityChannels: () => itSecurityPeople.some((id) => people.has(id)) };
      const purge = setInterval(() => void sessions.purge().catch(() => undefined), SESSION_PURGE_MS);
      purge.unref();
      stops.push(() => people.close(), () => clearInterval(purge));

      const ctx: WebContext = { ...ctxBase, identity };
      const signIn = new OpenIdSignIn(settings);
      const guard = requestGuard({ loopbackOnly: false, expectedOrigin: publicUrl.origin, defaultLang, formRedirects: () => signIn.signOutOrigins() });
      const cookies = cookieParser(cookieSigningKey(settings.clientSecret));
      const tokens = new FormTokens(settings.clientSecret);
      registerPage(page, ctx, (req) => identity.current(req), (req) => formTokenOf(tokens, req));
      registerApiRoutes(api, ctx);
      app.use(WEB_PATHS.auth, guard, cookies, authRouter({ bot, signIn, sessions, secure: publicUrl.protocol === 'https:', onSignIn: (id) => people.add(id), tokens }));
      app.get(WEB_PATHS.page, guard, cookies, page);
      app.use(WEB_PATHS.static, guard, express.static(PUBLIC_DIR, { index: false, maxAge: 0 }));
      app.use(WEB_PATHS.content, guard, cookies, express.urlencoded({ extended: false, limit: '32kb' }), contentRouter({ bot, identity, tokens }), contentFormError(bot));
      app.use(WEB_PATHS.api, guard, cookies, identity.authenticate, express.json({ limit: '64kb' }), api);
      openPath = '/';
      bannerLine = banner('console:banner.signin', { issuer: publicUrlHost(settings.issuer), url: `${settings.publicUrl}/` });
    } else {
      const token = demoTokenFor(bot.config.web.demoToken);
      const ctx: WebContext = { ...ctxBase, identity: pickedIdentity(directory) };
      const local: RequestHandler[] = mode.network === 'loopback' ? [directLocalOnly(refuseNotDirect(defaultLang))] : [];
      const guard = requestGuard({ loopbackOnly: mode.network === 'loopback', defaultLang });
      registerPage(page, ctx);
      registerApiRoutes(api, ctx);
      app.get(WEB_PATHS.page, ...local, guard, page);
      app.use(WEB_PATHS.static, ...local, guard, express.static(PUBLIC_DIR, { index: false, maxAge: 0 }));
      app.use(WEB_PATHS.api, ...local, guard, requireDemoToken(token, defaultLang), express.json({ limit: '64kb' }), api);
      openPath = `/?${DEMO_TOKEN_PARAM}=${encodeURIComponent(token)}`;
      bannerLine = banner(mode.network === 'loopback' ? 'console:banner.demo' : 'console:banner.demoAnyHost');
    }
    app.once(SHUTDOWN_EVENT, () => hub.close());

    const notifier = new WebNotifier({ store: bot.reporting.store, directory, hub, clock: bot.clock, timeZone: bot.config.timeZone });
    return {
      channel: webPlatformChannel(notifier, ctxBase.itSecurityChannels, reach),
      banner: bannerLine,
      openPath,
      async close() {
        for (const stop of stops) stop();
      },
    };
  },
};

/** The form token of the request's session (none without one). */
function formTokenOf(tokens: FormTokens, req: Parameters<typeof sessionIdOf>[0]): string | undefined {
  const sessionId = sessionIdOf(req);
  return sessionId ? tokens.tokenFor(sessionId) : undefined;
}

/** The demo's answer to a request through a proxy or from another computer: 403, nothing read. */
function refuseNotDirect(defaultLang: Parameters<typeof uiLangOf>[1]): RequestHandler {
  return (req, res) => {
    const err = new WebError(WebErrorCode.NotDirect);
    res.status(err.status).json({ error: webErrorMessage(err, uiLangOf(req, defaultLang)) });
  };
}

/** The issuer's host, for the banner (the full issuer URL may carry a tenant id). */
function publicUrlHost(issuer: string): string {
  try {
    return new URL(issuer).host;
  } catch {
    return issuer;
  }
}
