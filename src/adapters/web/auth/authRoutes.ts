import express, { type Request, type Response, type Router } from 'express';
import { z } from 'zod';
import type { Bot } from '../../../app/bot';
import { errorFields } from '../../../core/logger';
import { isUiLang, UI_LANGS, type UiLang } from '../../../core/language/lang';
import { uiLangOf } from '../identity';
import { AUTH, WEB_PATHS } from '../paths';
import { noticePage, type NoticeAction, type NoticeKind } from '../render/noticePage';
import { randomBytes } from 'node:crypto';
import { CALLBACK_PATH, type OpenIdSignIn, type PendingSignIn } from './openIdSignIn';
import { personOfClaims } from './personOfClaims';
import { sessionIdOf } from './sessionIdentity';
import { SESSION_COOKIE, type WebSessions } from './webSessions';
import { FORM_TOKEN_FIELD, type FormTokens } from '../content/formTokens';

/** The cookie that carries a sign-in in progress (state, nonce, PKCE verifier) to the callback. */
export const PENDING_COOKIE = 'somebot_signin';
/** The cookie that carries a sign-out at the provider (the `state` sent) to the signed-out page. */
export const SIGNOUT_COOKIE = 'somebot_signout';
/** How long a started sign-in (or sign-out) may take at the provider. */
const PENDING_MAX_AGE_MS = 10 * 60_000;

const signOutShape = z.object({ state: z.string().min(1), lang: z.enum(UI_LANGS) }).strict();
const pendingShape = z.object({ state: z.string().min(1), nonce: z.string().min(1), verifier: z.string().min(43) }).strict();

export interface AuthRoutesDeps {
  bot: Bot;
  signIn: OpenIdSignIn;
  sessions: WebSessions;
  /** Set Secure on cookies (the public URL is https). */
  secure: boolean;
  /** Called with the person's id after a successful sign-in. */
  onSignIn(personId: string): void;
  /** The console's form tokens: the sign-out form carries this session's, as the content page's forms do. */
  tokens: FormTokens;
}

/**
 * GET /web/auth/login: starts a sign-in (redirect to the provider). GET /web/auth/callback: finishes it:
 * the code is exchanged with the PKCE verifier, state, nonce and the ID token (signature, issuer, audience,
 * expiry) are checked, the person is found in the directory, and only then is a session created. Anyone
 * the directory does not know is refused with a page of its own; any failure creates no session.
 * POST /web/auth/logout (the request guard's Origin / Sec-Fetch-Site checks apply, and the form must carry the
 * session's form token, as the content page's forms do; without it nothing changes and the page asks again): ends the session here
 * and, when the provider's metadata has an end_session_endpoint (and SOMEBOT_OIDC_LOGOUT is not `local`),
 * sends the browser there (RP-Initiated Logout) with the session's ID token as `id_token_hint`, a
 * `post_logout_redirect_uri` of GET /web/auth/signed-out and a `state` that page checks; otherwise the page
 * says the provider's session may still be open. The console's session ends before the redirect, whatever the
 * person then answers at the provider. GET /web/auth/logout only asks (a button that posts).
 * Log lines carry codes only, never a claim, a name or an e-mail address.
 */
export function authRouter(deps: AuthRoutesDeps): Router {
  const { bot, signIn, sessions, secure, tokens } = deps;
  const router = express.Router();
  const lang = (req: Request) => uiLangOf(req, bot.config.defaultLang);
  const notice = (req: Request, res: Response, status: number, kind: NoticeKind, inLang: UiLang = lang(req)) => {
    const signInAgain = kind === 'signIn' || kind === 'signedOut' || kind === 'signedOutViaProvider' || kind === 'signedOutHere';
    const sessionId = sessionIdOf(req);
    const action: NoticeAction =
      kind === 'signOut' || kind === 'signOutRefused'
        ? { post: `${WEB_PATHS.auth}${AUTH.logout}`, label: 'signOut', ...(sessionId ? { token: tokens.tokenFor(sessionId) } : {}) }
        : { href: `${WEB_PATHS.auth}${AUTH.login}`, label: signInAgain ? 'signIn' : 'again' };
    res.status(status).set('Cache-Control', 'no-store').type('html').send(noticePage(kind, inLang, action));
  };
  const cookie = { httpOnly: true, sameSite: 'lax' as const, secure, signed: true };

  router.get(AUTH.login, async (req, res) => {
    try {
      const { url, pending } = await signIn.start();
      res.cookie(PENDING_COOKIE, JSON.stringify(pending), { ...cookie, path: WEB_PATHS.auth, maxAge: PENDING_MAX_AGE_MS });
      res.set('Cache-Control', 'no-store').redirect(303, url);
    } catch (err) {
      bot.logger.error('web_signin_unavailable', errorFields(err));
      notice(req, res, 503, 'unavailable');
    }
  });

  router.get(AUTH.callback, async (req, res) => {
    const pending = readPending(req);
    res.clearCookie(PENDING_COOKIE, { ...cookie, path: WEB_PATHS.auth });
    if (!pending) {
      bot.logger.warn('web_signin_refused', { code: 'no_pending_signin' });
      return notice(req, res, 400, 'failed');
    }
    let claims, idToken;
    try {
      ({ claims, idToken } = await signIn.finish(new URL(`${CALLBACK_PATH}${queryOf(req)}`, signIn.redirectUri), pending));
    } catch (err) {
      bot.logger.warn('web_signin_refused', { code: codeOf(err) });
      return notice(req, res, 400, 'failed');
    }
    const person = await personOfClaims(claims, bot.reporting.directory);
    if (!person) {
      bot.logger.warn('web_signin_refused', { code: 'not_in_directory' });
      return notice(req, res, 403, 'refused');
    }
    const session = await sessions.start(person.id, idToken);
    deps.onSignIn(person.id);
    bot.logger.info('web_signed_in', {});
    res.cookie(SESSION_COOKIE, session.id, { ...cookie, path: '/', expires: session.expiresAt });
    res.set('Cache-Control', 'no-store').redirect(303, '/');
  });

  router.get(AUTH.logout, (req, res) => notice(req, res, 200, 'signOut'));

  // The form carries the page's language (a form post has no language header), for the pages that follow.
  router.post(AUTH.logout, express.urlencoded({ extended: false, limit: '1kb' }), async (req, res) => {
    const form = req.body as Record<string, unknown> | undefined;
    const chosen = form?.lang;
    const pageLang = isUiLang(chosen) ? chosen : lang(req);
    // A live session ends only by a form carrying its token; without a session there is nothing to end.
    const sessionId = sessionIdOf(req);
    if (sessionId && !tokens.valid(sessionId, form?.[FORM_TOKEN_FIELD]) && (await sessions.resolve(sessionId))) {
      bot.logger.warn('web_signout_refused', { code: 'form_token' });
      return notice(req, res, 403, 'signOutRefused', pageLang);
    }
    const { idToken } = await sessions.end(sessionId);
    res.clearCookie(SESSION_COOKIE, { ...cookie, path: '/' });
    const state = randomBytes(32).toString('base64url');
    let endSession: string | undefined;
    try {
      endSession = await signIn.endSessionUrl({ state, ...(idToken ? { idTokenHint: idToken } : {}) });
    } catch (err) {
      bot.logger.warn('web_signout_provider_unavailable', { code: codeOf(err) });
    }
    if (!endSession) {
      bot.logger.info('web_signed_out', { provider: false });
      return notice(req, res, 200, 'signedOutHere', pageLang);
    }
    bot.logger.info('web_signed_out', { provider: true, hint: idToken !== undefined });
    res.cookie(SIGNOUT_COOKIE, JSON.stringify({ state, lang: pageLang }), { ...cookie, path: WEB_PATHS.auth, maxAge: PENDING_MAX_AGE_MS });
    res.set('Cache-Control', 'no-store').redirect(303, endSession);
  });

  // The provider's post_logout_redirect_uri. Its `state` proves the browser came back from the sign-out this
  // console started, but not that the provider's session ended: the provider may ask whether to sign out there
  // too, and sends the browser back with the same state when the person says no (RP-Initiated Logout 1.0;
  // oidc-provider's "No, stay signed in"). So the page says only that the console's session ended (as it did
  // before the redirect) and what staying signed in at the provider means; without the state (an old tab, a typed
  // address) it says the provider's session may still be open.
  router.get(AUTH.signedOut, async (req, res) => {
    const started = readSignOut(req);
    res.clearCookie(SIGNOUT_COOKIE, { ...cookie, path: WEB_PATHS.auth });
    if (await sessions.resolve(sessionIdOf(req))) return res.set('Cache-Control', 'no-store').redirect(303, '/');
    const confirmed = started !== undefined && req.query.state === started.state;
    const pageLang = typeof req.query.lang === 'string' || !started ? lang(req) : started.lang;
    notice(req, res, 200, confirmed ? 'signedOutViaProvider' : 'signedOutHere', pageLang);
  });
  return router;
}

/** The sign-in in progress from its signed cookie, or undefined (missing, tampered with, malformed). */
function readPending(req: Request): PendingSignIn | undefined {
  const raw = (req.signedCookies as Record<string, unknown> | undefined)?.[PENDING_COOKIE];
  if (typeof raw !== 'string') return undefined;
  try {
    const parsed = pendingShape.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

/** The sign-out this browser started at the provider, from its signed cookie, or undefined. */
function readSignOut(req: Request): { state: string; lang: UiLang } | undefined {
  const raw = (req.signedCookies as Record<string, unknown> | undefined)?.[SIGNOUT_COOKIE];
  if (typeof raw !== 'string') return undefined;
  try {
    const parsed = signOutShape.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

/** The callback's query string exactly as received (`?code=…&state=…`). */
function queryOf(req: Request): string {
  const index = req.originalUrl.indexOf('?');
  return index < 0 ? '' : req.originalUrl.slice(index);
}

/** A short code for the log: openid-client's error code or the error's name. */
function codeOf(err: unknown): string {
  const code = (err as { code?: unknown }).code;
  if (typeof code === 'string') return code.slice(0, 80);
  return err instanceof Error ? err.name : 'unknown';
}
