/**
 * The web console with OpenID Connect sign-in, end to end against a real provider (oidc-provider in its own
 * process on loopback): the code flow with PKCE, a wrong state, a wrong nonce, an expired ID token, someone
 * not in the directory, sign-out, who sees which report, and (on PostgreSQL) one session used by two bot
 * processes. The bot runs as in production (startServer, the web channel, the real relay).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Pool } from 'pg';
import { REPO_ROOT } from '../../../src/core/i18n';
import { WebSessions } from '../../../src/adapters/web/auth/webSessions';
import { dropPostgresSchema, draft, freshSchemaName, TEST_DATABASE_URL } from '../../helpers/db';
import { FakeClock } from '../../helpers/fakeClock';
import { eventually, startTestServer, TEST_INDEX_FILE, type TestServer } from '../../server/testServer';
import { Browser, freePort, startProvider, type ProviderOptions, type RunningProvider } from './oidcHarness';

const CLIENT = { clientId: 'somebot-console', clientSecret: 'console-client-secret-for-tests-only' };
/** Directory matches by the `oid` claim (Anna), by e-mail (Karin, Mikko), by preferred_username (Timo). */
const ACCOUNTS: ProviderOptions['accounts'] = {
  anna: { oid: '8c2f1a40-0003-4c1e-9a53-000000000003', name: 'Anna L', preferred_username: 'someone.else@kyrkslatt.example' },
  karin: { email: 'karin.nystrom@kyrkslatt.example', email_verified: true, name: 'Karin N' },
  mikko: { email: 'Mikko.Laine@kyrkslatt.example', name: 'Mikko L' },
  timo: { preferred_username: 'timo.korhonen@kyrkslatt.example', name: 'Timo K' },
  kaisa: { email: 'kaisa.virtanen@kyrkslatt.example', name: 'Kaisa V' },
  stranger: { email: 'stranger@example.org', oid: '00000000-0000-0000-0000-00000000dead', name: 'Stranger' },
};

let providerPort: number;
let provider: RunningProvider;
let server: TestServer;
let app: string;
let callback: string;
let schema: string | undefined;
let databaseUrl: string | undefined;

function signInEnv(): Record<string, string> {
  return {
    SOMEBOT_OIDC_ISSUER: `http://127.0.0.1:${providerPort}`,
    SOMEBOT_OIDC_CLIENT_ID: CLIENT.clientId,
    SOMEBOT_OIDC_CLIENT_SECRET: CLIENT.clientSecret,
    SOMEBOT_PUBLIC_URL: app,
    SOMEBOT_DEMO_TOKEN: '',
    SOMEBOT_CONSOLE_ADMINS: 'kaisa.virtanen',
    ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
  };
}

/** A second deployment's address, https as in production (its callback is replayed to the test server). */
const HTTPS_APP = 'https://somebot.example';
const providerOptions = (): ProviderOptions => ({
  port: providerPort,
  ...CLIENT,
  redirectUris: [callback, `${HTTPS_APP}/web/auth/callback`],
  postLogoutRedirectUris: [`${app}/web/auth/signed-out`, `${HTTPS_APP}/web/auth/signed-out`],
  accounts: ACCOUNTS,
});
const startNormalProvider = () => startProvider(providerOptions());

beforeAll(async () => {
  providerPort = await freePort();
  const appPort = await freePort();
  app = `http://127.0.0.1:${appPort}`;
  callback = `${app}/web/auth/callback`;
  if (TEST_DATABASE_URL) {
    schema = freshSchemaName();
    const admin = new Pool({ connectionString: TEST_DATABASE_URL, max: 1 });
    await admin.query(`CREATE SCHEMA ${schema}`);
    await admin.end();
    const url = new URL(TEST_DATABASE_URL);
    url.searchParams.set('options', `-c search_path=${schema}`);
    databaseUrl = url.toString();
  }
  provider = await startNormalProvider();
  server = await startTestServer({ env: signInEnv(), port: appPort });
}, 120_000);

afterAll(async () => {
  await server?.dispose();
  await provider?.stop();
  if (schema) await dropPostgresSchema(schema);
});

/** Starts a sign-in at the app; returns the provider URL the app redirected to. */
async function startSignIn(browser: Browser): Promise<URL> {
  const res = await browser.request(`${app}/web/auth/login`);
  expect(res.status).toBe(303);
  return new URL(res.headers.get('location')!);
}

/** The whole sign-in as `login`; `tamper` may change the authorization URL or the callback URL. */
async function signIn(login: string, tamper: { authorization?: (u: URL) => void; callback?: (u: URL) => void } = {}): Promise<{ browser: Browser; res: Response }> {
  const browser = new Browser();
  const authorization = await startSignIn(browser);
  tamper.authorization?.(authorization);
  const back = await browser.signInAtProvider(authorization.href, login, callback);
  tamper.callback?.(back);
  const res = await browser.request(back);
  return { browser, res };
}

/** The code of the last refused sign-in in the bot's log. */
function lastRefusal(): string | undefined {
  const line = [...server.logLines].reverse().find((l) => l.includes('"event":"web_signin_refused"'));
  return line ? (JSON.parse(line) as { code?: string }).code : undefined;
}

const session = (browser: Browser) => browser.cookies(app).get('somebot_session');

/** A new sign-in as `login` in a browser that may already have a session at the provider. */
async function signInWithBrowser(browser: Browser, login: string): Promise<Response> {
  const authorization = await startSignIn(browser);
  return browser.request(await browser.signInAtProvider(authorization.href, login, callback));
}

/** The sign-out form's token on the console page `base` shows this browser (its session's form token). */
async function signOutToken(browser: Browser, base = app): Promise<string> {
  const page = await (await browser.request(`${base}/`)).text();
  const token = /<form method="post" action="\/web\/auth\/logout">.*?name="csrf" value="([\w-]+)"/s.exec(page)?.[1];
  if (!token) throw new Error('no sign-out form with a token on the page');
  return token;
}

/** A sign-out as the console page's form posts it (its language and its token). */
function signOutForm(token: string, lang?: string): RequestInit {
  return { method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams({ ...(lang ? { lang } : {}), csrf: token }).toString() };
}

/** Signs in as `login` at another test server whose public URL is HTTPS_APP (its callback replayed to it). */
async function signInAt(other: TestServer, login: string): Promise<Browser> {
  const browser = new Browser();
  const start = await browser.request(`${other.url}/web/auth/login`);
  const back = await browser.signInAtProvider(start.headers.get('location')!, login, HTTPS_APP);
  const res = await browser.request(`${other.url}${back.pathname}${back.search}`);
  expect(res.status).toBe(303);
  return browser;
}

/**
 * Starts a sign-in and follows the provider's redirects: does it show its login form, or send the browser
 * straight back with a code (its session of this browser still lives)? Nothing is signed in here.
 */
async function whatTheProviderDoes(browser: Browser, appUrl = app, publicUrl = app): Promise<'asks for the account' | 'signs in without asking'> {
  const start = await browser.request(`${appUrl}/web/auth/login`);
  let url = new URL(start.headers.get('location')!);
  for (let step = 0; step < 10; step++) {
    if (url.href.startsWith(`${publicUrl}/web/auth/callback`)) return 'signs in without asking';
    const res = await browser.request(url);
    if (res.status >= 300 && res.status < 400) {
      url = new URL(res.headers.get('location')!, url);
      continue;
    }
    const html = await res.text();
    if (res.status === 200 && /name="login"/.test(html)) return 'asks for the account';
    throw new Error(`provider answered ${res.status}: ${html.slice(0, 200)}`);
  }
  throw new Error('too many steps at the provider');
}
const api = (browser: Browser, p: string, headers: Record<string, string> = {}) => browser.request(`${app}/web/api${p}`, { headers: { Accept: 'application/json', 'X-Somebot-Lang': 'en', ...headers } });

describe('sign-in with OpenID Connect', () => {
  it('sends the browser to the provider with PKCE S256, state and nonce', async () => {
    const url = await startSignIn(new Browser());
    expect(url.origin).toBe(provider.issuer);
    expect(url.searchParams.get('response_type')).toBe('code');
    expect(url.searchParams.get('redirect_uri')).toBe(callback);
    expect(url.searchParams.get('code_challenge_method')).toBe('S256');
    expect(url.searchParams.get('code_challenge')).toMatch(/^[\w-]{43}$/);
    expect(url.searchParams.get('state')).toMatch(/^[\w-]{20,}$/);
    expect(url.searchParams.get('nonce')).toMatch(/^[\w-]{20,}$/);
    expect(url.searchParams.get('scope')).toBe('openid profile email');
  });

  it('signs in (matched by oid), sets a signed HttpOnly SameSite=Lax session cookie, and the console knows who it is', async () => {
    const browser = new Browser();
    const authorization = await startSignIn(browser);
    const back = await browser.signInAtProvider(authorization.href, 'anna', callback);
    const res = await browser.request(back);
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/');
    const setCookie = res.headers.getSetCookie().find((c) => c.startsWith('somebot_session='))!;
    expect(setCookie).toMatch(/HttpOnly/i);
    expect(setCookie).toMatch(/SameSite=Lax/i);
    expect(setCookie).not.toMatch(/Secure/i); // the public URL of this test is http
    expect(decodeURIComponent(session(browser)!)).toMatch(/^s:[\w-]{43}\.[\w+/=-]+$/);

    const people = await api(browser, '/people');
    expect(people.status).toBe(200);
    expect(((await people.json()) as { people: { id: string }[] }).people.map((p) => p.id)).toEqual(['anna.lindqvist']);
    const page = await (await browser.request(`${app}/?lang=en`)).text();
    expect(page).toContain('Signed in as Anna Lindqvist');
    expect(page).toContain('data-mode="signin"');
    expect(page).not.toContain('id="person"');
    // The session id is stored only as a hash.
    const raw = decodeURIComponent(session(browser)!).slice(2).split('.')[0]!;
    const stored = await server.bot.reporting.store.useWebSession(raw, new Date(), new Date(0));
    expect(stored).toBeUndefined();
  });

  it('matches by e-mail (any case) and by preferred_username', async () => {
    for (const [login, id] of [['karin', 'karin.nystrom'], ['mikko', 'mikko.laine'], ['timo', 'timo.korhonen']]) {
      const { browser, res } = await signIn(login!);
      expect(res.status).toBe(303);
      const body = (await (await api(browser, '/people')).json()) as { preselected: string };
      expect(body.preselected).toBe(id);
    }
  });

  it('answers an API request without a session with a translated 401; a person header does not help', async () => {
    const browser = new Browser();
    for (const p of ['/people', '/inbox', '/reports', '/texts/sv']) {
      const res = await api(browser, p, { 'X-Somebot-Person': 'karin.nystrom' });
      expect(res.status).toBe(401);
      expect(((await res.json()) as { error: string }).error).toBe('You are not signed in, or your sign-in has expired. Please sign in again.');
    }
    // A made-up or tampered cookie is no session either.
    browser.cookies(app).set('somebot_session', encodeURIComponent('s:abc.def'));
    expect((await api(browser, '/inbox')).status).toBe(401);
    // The page offers to sign in.
    const page = await (await browser.request(`${app}/?lang=fi`)).text();
    expect(page).toContain('Kirjaudu organisaatiotililläsi');
    expect(page).toContain('href="/web/auth/login"');
  });

  it('refuses a callback with a wrong state: no session', async () => {
    const { browser, res } = await signIn('anna', { callback: (u) => u.searchParams.set('state', 'forged-state-value-0123456789') });
    expect(res.status).toBe(400);
    expect(await res.text()).toContain('Ingen session skapades');
    expect(session(browser)).toBeUndefined();
    expect(lastRefusal()).toBe('OAUTH_INVALID_RESPONSE'); // unexpected "state" response parameter value
  });

  it('refuses an ID token with a wrong nonce: no session', async () => {
    const { browser, res } = await signIn('anna', { authorization: (u) => u.searchParams.set('nonce', 'a-nonce-the-app-never-made-0123456789') });
    expect(res.status).toBe(400);
    expect(lastRefusal()).toBe('OAUTH_JWT_CLAIM_COMPARISON_FAILED'); // unexpected ID Token "nonce" claim value
    expect(session(browser)).toBeUndefined();
    expect((await api(browser, '/people')).status).toBe(401);
  });

  it('refuses a callback replayed without the browser that started it (no pending sign-in)', async () => {
    const browser = new Browser();
    const authorization = await startSignIn(browser);
    const back = await browser.signInAtProvider(authorization.href, 'anna', callback);
    const other = new Browser();
    const res = await other.request(back);
    expect(res.status).toBe(400);
    expect(session(other)).toBeUndefined();
    expect(lastRefusal()).toBe('no_pending_signin');
  });

  it('refuses someone who is not in the directory, politely and in their language', async () => {
    const browser = new Browser();
    const authorization = await startSignIn(browser);
    const back = await browser.signInAtProvider(authorization.href, 'stranger', callback);
    back.searchParams.set('lang', 'sv');
    const res = await browser.request(back);
    expect(res.status).toBe(403);
    const page = await res.text();
    expect(page).toContain('Du finns inte i katalogen');
    expect(page).toContain('<html lang="sv">');
    expect(session(browser)).toBeUndefined();
    expect(server.logLines.join('\n')).not.toContain('stranger@example.org');
  });

  it('shows reports only to those who may see them; a person header changes nothing', async () => {
    const anna = (await signIn('anna')).browser;
    const karin = (await signIn('karin')).browser;
    const mikko = (await signIn('mikko')).browser;
    const { reference } = await server.bot.reporting.service.submit(draft({ category: 'harassment' }), 'anna.lindqvist');

    const mine = (await (await api(anna, '/reports')).json()) as { html: string };
    expect(mine.html).toMatch(new RegExp(`data-group="mine"[\\s\\S]*${reference}`));
    const sent = (await (await api(karin, '/reports')).json()) as { html: string };
    expect(sent.html).toMatch(new RegExp(`data-group="sentToMe"[\\s\\S]*${reference}`));
    expect((await api(karin, `/reports/${reference}`)).status).toBe(200);

    // Mikko is no recipient: acting as Karin by header gets him nothing.
    const asKarin = { 'X-Somebot-Person': 'karin.nystrom' };
    const list = (await (await api(mikko, '/reports', asKarin)).json()) as { html: string };
    expect(list.html).not.toContain(reference);
    expect((await api(mikko, `/reports/${reference}`, asKarin)).status).toBe(403);
    expect(((await (await api(mikko, '/people', asKarin)).json()) as { preselected: string }).preselected).toBe('mikko.laine');
    const ack = await mikko.request(`${app}/web/api/reports/${reference}/actions`, { method: 'POST', headers: { 'Content-Type': 'application/json', ...asKarin }, body: JSON.stringify({ action: 'report.acknowledge' }) });
    expect(ack.status).toBe(403);
    expect((await server.bot.reporting.store.getReport(reference))?.status).toBe('submitted');
    // Nor can another site act with Karin's cookie.
    const foreign = await karin.request(`${app}/web/api/reports/${reference}/actions`, { method: 'POST', headers: { 'Content-Type': 'application/json', Origin: 'https://evil.example' }, body: JSON.stringify({ action: 'report.acknowledge' }) });
    expect(foreign.status).toBe(403);
    const same = await karin.request(`${app}/web/api/reports/${reference}/actions`, { method: 'POST', headers: { 'Content-Type': 'application/json', Origin: app }, body: JSON.stringify({ action: 'report.acknowledge' }) });
    expect(same.status).toBe(200);
  });

  it('delivers to the web inbox of someone who signed in, and not to someone who never did', async () => {
    await signIn('karin');
    const toKarin = await server.bot.reporting.service.submit(draft({ category: 'harassment' }), 'mikko.laine');
    const toKaisa = await server.bot.reporting.service.submit(draft({ category: 'harassment' }), 'karin.nystrom');
    await server.bot.deliverDue();
    const karinAlert = await eventually(async () => (await server.bot.reporting.store.outboxFor(toKarin.reference)).find((r) => r.addressee.kind === 'person' && r.addressee.personId === 'karin.nystrom' && r.status === 'delivered'), 10_000, 'alert to karin');
    expect(karinAlert).toBeDefined();
    const kaisaAlert = (await server.bot.reporting.store.outboxFor(toKaisa.reference)).find((r) => r.addressee.kind === 'person' && r.addressee.personId === 'kaisa.virtanen')!;
    expect(kaisaAlert.status).toBe('pending');
    expect(kaisaAlert.lastError).toBe('no_platform_for_recipient');
    expect(await server.bot.reporting.store.webInbox({ personId: 'kaisa.virtanen', channelKeys: [], limit: 10 })).toEqual([]);
  });

  it('exports for the records system: IT security the reports routed to it, an administrator all, others nothing', async () => {
    const harassment = (await server.bot.reporting.service.submit(draft({ category: 'harassment' }), 'anna.lindqvist')).reference;
    const threat = (await server.bot.reporting.service.submit(draft(), 'anna.lindqvist')).reference;
    const exported = async (login: string) => {
      const { browser } = await signIn(login);
      const res = await api(browser, '/export?format=json');
      return { status: res.status, references: res.status === 200 ? ((await res.json()) as { reports: { reference: string }[] }).reports.map((r) => r.reference) : [] };
    };
    const itSecurity = await exported('timo');
    expect(itSecurity.status).toBe(200);
    expect(itSecurity.references).toContain(threat);
    expect(itSecurity.references).not.toContain(harassment);
    const admin = await exported('kaisa');
    expect(admin.references).toEqual(expect.arrayContaining([threat, harassment]));
    const kaisaPeople = (await (await api((await signIn('kaisa')).browser, '/people')).json()) as { people: { admin: boolean }[] };
    expect(kaisaPeople.people[0]!.admin).toBe(true);
    expect((await exported('mikko')).status).toBe(403);
    const trail = (await server.bot.reporting.store.timeline(harassment)).filter((e) => e.event === 'exported').map((e) => e.actor);
    expect(trail).toEqual(['admin:console:kaisa.virtanen']);
  });

  it('signs out: the session ends on the server, so the old cookie no longer works', async () => {
    const { browser } = await signIn('anna');
    const cookie = session(browser)!;
    const form = signOutForm(await signOutToken(browser));
    const res = await browser.request(`${app}/web/auth/logout`, { ...form, headers: { ...form.headers, Origin: app } });
    expect(res.status).toBe(303);
    expect(session(browser)).toBeUndefined();
    browser.cookies(app).set('somebot_session', cookie);
    expect((await api(browser, '/people')).status).toBe(401);
  });

  it('signs out at the provider too (RP-Initiated Logout): the next sign-in asks for the account, and can be someone else', async () => {
    const { browser } = await signIn('anna');
    // Before: the provider's session lives, so a new sign-in in this browser needs no password (the fault).
    expect(await whatTheProviderDoes(browser)).toBe('signs in without asking');
    const signedIn = (await signInWithBrowser(browser, 'anna')).status;
    expect(signedIn).toBe(303);

    // The console's form carries the page's language (Finnish here) for the page after the provider.
    const form = signOutForm(await signOutToken(browser), 'fi');
    const out = await browser.request(`${app}/web/auth/logout`, { ...form, headers: { ...form.headers, Origin: app } });
    expect(out.status).toBe(303);
    expect(session(browser)).toBeUndefined();
    const endSession = new URL(out.headers.get('location')!);
    const metadata = (await (await fetch(`${provider.issuer}/.well-known/openid-configuration`)).json()) as { end_session_endpoint: string };
    expect(`${endSession.origin}${endSession.pathname}`).toBe(metadata.end_session_endpoint);
    expect(endSession.searchParams.get('client_id')).toBe(CLIENT.clientId);
    expect(endSession.searchParams.get('post_logout_redirect_uri')).toBe(`${app}/web/auth/signed-out`);
    const state = endSession.searchParams.get('state')!;
    expect(state).toMatch(/^[\w-]{43}$/);
    // The hint is the ID token of this browser's sign-in (kept sealed with the server-side session).
    const hint = JSON.parse(Buffer.from(endSession.searchParams.get('id_token_hint')!.split('.')[1]!, 'base64url').toString()) as { sub: string; aud: string; iss: string };
    expect(hint).toMatchObject({ sub: 'anna', aud: CLIENT.clientId, iss: provider.issuer });
    expect(out.headers.getSetCookie().find((c) => c.startsWith('somebot_signout='))).toMatch(/HttpOnly/i);

    const back = await browser.signOutAtProvider(endSession.href, `${app}/web/auth/signed-out`);
    expect(back.searchParams.get('state')).toBe(state);
    const page = await browser.request(back);
    expect(page.status).toBe(200);
    const signedOut = await page.text();
    expect(signedOut).toContain('Olet kirjautunut ulos verkkokonsolista. Jos valitsit organisaation kirjautumispalvelussa pysyä kirjautuneena');
    expect(signedOut).toContain('<html lang="fi">');
    expect(browser.cookies(app).has('somebot_signout')).toBe(false);

    // After: the provider asks again, and someone else can sign in in the same browser.
    expect(await whatTheProviderDoes(browser)).toBe('asks for the account');
    const karin = await signInWithBrowser(browser, 'karin');
    expect(karin.status).toBe(303);
    expect(await (await browser.request(`${app}/?lang=en`)).text()).toContain('Signed in as Karin Nyström');
  }, 60_000);

  it('does not say the provider session ended without the state this browser sent', async () => {
    const browser = new Browser();
    for (const url of [`${app}/web/auth/signed-out`, `${app}/web/auth/signed-out?state=made-up-state`]) {
      const page = await (await browser.request(url)).text();
      expect(page).toContain('Du kan fortfarande vara inloggad hos organisationens inloggningstjänst');
      expect(page).not.toContain('och från organisationens inloggningstjänst');
    }
    // Someone still signed in who opens the address is sent to the console, not told they signed out.
    const { browser: signedIn } = await signIn('timo');
    const res = await signedIn.request(`${app}/web/auth/signed-out?state=x`);
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/');
    expect((await api(signedIn, '/people')).status).toBe(200);
  });

  it('"No, stay signed in" at the provider: the console session has ended, and the page claims no sign-out at the provider', async () => {
    const { browser } = await signIn('mikko');
    const form = signOutForm(await signOutToken(browser), 'sv');
    const out = await browser.request(`${app}/web/auth/logout`, { ...form, headers: { ...form.headers, Origin: app } });
    expect(out.status).toBe(303);
    const endSession = new URL(out.headers.get('location')!);
    // The provider sends the browser back with the same state whatever the answer: the console cannot tell.
    const back = await browser.signOutAtProvider(endSession.href, `${app}/web/auth/signed-out`, 'no');
    expect(back.searchParams.get('state')).toBe(endSession.searchParams.get('state'));
    const page = await browser.request(back);
    expect(page.status).toBe(200);
    const text = await page.text();
    expect(text).toContain('Du har loggat ut från webbkonsolen.');
    expect(text).toContain('Om du valde att förbli inloggad i organisationens inloggningstjänst är du fortfarande inloggad där');
    expect(text).not.toContain('och från organisationens inloggningstjänst');
    expect(text).not.toContain('frågar efter kontot igen');
    // True: the console's session ended before the redirect ...
    expect(session(browser)).toBeUndefined();
    expect((await api(browser, '/people')).status).toBe(401);
    // ... and the provider's did not, as the page warns: the next sign-in in this browser does not ask.
    expect(await whatTheProviderDoes(browser)).toBe('signs in without asking');
  }, 60_000);

  it('right after a restart, before discovery, the first page already lets its sign-out form go to an end-session endpoint at another origin', async () => {
    const endSessionPort = await freePort();
    await provider.stop();
    provider = await startProvider({ ...providerOptions(), endSessionPort });
    const endSessionOrigin = `http://127.0.0.1:${endSessionPort}`;
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'somebot-signin-restart-'));
    const env = { ...signInEnv(), SOMEBOT_PUBLIC_URL: HTTPS_APP, DATABASE_URL: '', SOMEBOT_DATA_DIR: dataDir };
    const port = await freePort();
    let running: TestServer | undefined;
    try {
      running = await startTestServer({ env, port });
      const browser = await signInAt(running, 'anna');
      await running.dispose();
      // A new process: the session lives on in the database, the provider's metadata is not known yet.
      running = await startTestServer({ env, port });
      const first = await browser.request(`${running.url}/`);
      expect(first.status).toBe(200);
      expect(await first.text()).toContain('action="/web/auth/logout"');
      const formAction = /form-action ([^;]+)$/.exec(first.headers.get('content-security-policy')!)![1]!.split(' ');
      expect(formAction).toEqual(["'self'", provider.issuer, endSessionOrigin]);
      // The form's answer goes where that page's form-action allows.
      const form = signOutForm(await signOutToken(browser, running.url));
      const out = await browser.request(`${running.url}/web/auth/logout`, { ...form, headers: { ...form.headers, Origin: HTTPS_APP } });
      expect(out.status).toBe(303);
      expect(formAction).toContain(new URL(out.headers.get('location')!).origin);
    } finally {
      await running?.dispose();
      fs.rmSync(dataDir, { recursive: true, force: true });
      await provider.stop();
      provider = await startNormalProvider();
    }
  }, 90_000);

  it('signs out only by a POST from the console itself: another site, or a GET, changes nothing', async () => {
    const { browser } = await signIn('anna');
    const forged = await browser.request(`${app}/web/auth/logout`, { method: 'POST', headers: { Origin: 'https://evil.example', 'Sec-Fetch-Site': 'cross-site' } });
    expect(forged.status).toBe(403);
    expect((await api(browser, '/people')).status).toBe(200);
    const asked = await browser.request(`${app}/web/auth/logout`);
    expect(asked.status).toBe(200);
    expect(await asked.text()).toMatch(/<form method="post" action="\/web\/auth\/logout"><input type="hidden" name="lang" value="sv"><input type="hidden" name="csrf" value="[\w-]{43}"><button[^>]*>Logga ut<\/button>/);
    expect((await api(browser, '/people')).status).toBe(200);
    // The console page lets its sign-out form be redirected to the provider (CSP form-action), nowhere else.
    const csp = (await browser.request(`${app}/`)).headers.get('content-security-policy')!;
    expect(csp).toMatch(new RegExp(`form-action 'self' ${provider.issuer}$`));
  });

  it('signs out only with the session’s form token, as the content page’s forms: without it, or with another session’s, nothing changes and the page asks again', async () => {
    const { browser } = await signIn('anna');
    const { browser: other } = await signIn('karin');
    const othersToken = await signOutToken(other);
    // Same origin, no token (a page of another sign-in, a form built elsewhere): refused, translated, the session lives.
    const bare = await browser.request(`${app}/web/auth/logout`, { method: 'POST', headers: { Origin: app, 'Content-Type': 'application/x-www-form-urlencoded' }, body: 'lang=fi' });
    expect(bare.status).toBe(403);
    const page = await bare.text();
    expect(page).toContain('Uloskirjautumista ei tehty');
    expect(page).toContain('<html lang="fi">');
    expect(session(browser)).toBeDefined();
    expect((await api(browser, '/people')).status).toBe(200);
    // Another session's token is worth nothing here.
    const foreign = signOutForm(othersToken, 'sv');
    const forged = await browser.request(`${app}/web/auth/logout`, { ...foreign, headers: { ...foreign.headers, Origin: app } });
    expect(forged.status).toBe(403);
    expect(await forged.text()).toContain('Du loggades inte ut');
    expect((await api(browser, '/people')).status).toBe(200);
    // The refusal page's own button carries this session's token and signs out.
    const own = /name="csrf" value="([\w-]+)"/.exec(page)![1]!;
    expect(own).toBe(await signOutToken(browser));
    const form = signOutForm(own);
    expect((await browser.request(`${app}/web/auth/logout`, { ...form, headers: { ...form.headers, Origin: app } })).status).toBe(303);
    expect((await api(browser, '/people')).status).toBe(401);
    expect((await api(other, '/people')).status).toBe(200);
  });

  it('without an end_session_endpoint (or with SOMEBOT_OIDC_LOGOUT=local) signs out here and says the provider session may still be open', async () => {
    await provider.stop();
    provider = await startProvider({ ...providerOptions(), endSession: false });
    const here = await startTestServer({ env: { ...signInEnv(), SOMEBOT_PUBLIC_URL: HTTPS_APP, DATABASE_URL: '' } });
    try {
      const browser = await signInAt(here, 'anna');
      const form = signOutForm(await signOutToken(browser, here.url));
      const out = await browser.request(`${here.url}/web/auth/logout`, { ...form, headers: { ...form.headers, Origin: HTTPS_APP } });
      expect(out.status).toBe(200);
      expect(await out.text()).toContain('Du kan fortfarande vara inloggad hos organisationens inloggningstjänst');
      expect(browser.cookies(here.url).has('somebot_session')).toBe(false);
      // True: the provider still signs this browser in without asking.
      expect(await whatTheProviderDoes(browser, here.url, HTTPS_APP)).toBe('signs in without asking');
    } finally {
      await here.dispose();
      await provider.stop();
      provider = await startNormalProvider();
    }
    const local = await startTestServer({ env: { ...signInEnv(), SOMEBOT_PUBLIC_URL: HTTPS_APP, DATABASE_URL: '', SOMEBOT_OIDC_LOGOUT: 'local' } });
    try {
      const browser = await signInAt(local, 'anna');
      const form = signOutForm(await signOutToken(browser, local.url));
      const out = await browser.request(`${local.url}/web/auth/logout`, { ...form, headers: { ...form.headers, Origin: HTTPS_APP } });
      expect(out.status).toBe(200);
      expect(await out.text()).toContain('Du kan fortfarande vara inloggad');
      expect(out.headers.get('location')).toBeNull();
      expect(browser.cookies(local.url).has('somebot_session')).toBe(false);
    } finally {
      await local.dispose();
    }
  }, 90_000);

  it('ends a session after the idle time and after the absolute lifetime', async () => {
    const clock = new FakeClock('2026-03-16T08:00:00.000Z');
    const sessions = new WebSessions({ store: server.bot.reporting.store, clock, settings: { idleMinutes: 30, maxHours: 2 } });
    const idle = await sessions.start('anna.lindqvist');
    clock.advanceMinutes(29);
    expect((await sessions.resolve(idle.id))?.personId).toBe('anna.lindqvist');
    clock.advanceMinutes(31);
    expect(await sessions.resolve(idle.id)).toBeUndefined();

    const busy = await sessions.start('anna.lindqvist');
    for (let i = 0; i < 4; i++) {
      clock.advanceMinutes(25);
      expect(await sessions.resolve(busy.id)).toBeDefined();
    }
    clock.advanceMinutes(25); // 125 minutes after sign-in: past the 2-hour limit although used
    expect(await sessions.resolve(busy.id)).toBeUndefined();
    expect(await sessions.purge()).toBeGreaterThanOrEqual(2);
  });

  (TEST_DATABASE_URL ? it : it.skip)('shares a session between two bot processes on PostgreSQL', async () => {
    const { browser } = await signIn('timo');
    const port = await freePort();
    const other = startBotProcess(port, signInEnv());
    try {
      await other.listening;
      const second = `http://127.0.0.1:${port}`;
      const cookie = `somebot_session=${session(browser)!}`;
      const people = await fetch(`${second}/web/api/people`, { headers: { Cookie: cookie } });
      expect(people.status).toBe(200);
      expect(((await people.json()) as { preselected: string }).preselected).toBe('timo.korhonen');
      // Signing out at the second process ends the session at the first one too (and goes on to the provider).
      const form = signOutForm(await signOutToken(browser));
      expect((await fetch(`${second}/web/auth/logout`, { ...form, headers: { ...form.headers, Cookie: cookie }, redirect: 'manual' })).status).toBe(303);
      expect((await api(browser, '/people')).status).toBe(401);
    } finally {
      await other.stop();
    }
  }, 120_000);

  it('marks the cookies Secure when the public URL is https', async () => {
    const secure = await startTestServer({ env: { ...signInEnv(), SOMEBOT_PUBLIC_URL: HTTPS_APP, DATABASE_URL: '' } });
    try {
      const browser = new Browser();
      const start = await browser.request(`${secure.url}/web/auth/login`);
      expect(start.headers.getSetCookie().find((c) => c.startsWith('somebot_signin='))).toMatch(/;\s*Secure/i);
      const authorization = new URL(start.headers.get('location')!);
      expect(authorization.searchParams.get('redirect_uri')).toBe(`${HTTPS_APP}/web/auth/callback`);
      const back = await browser.signInAtProvider(authorization.href, 'anna', HTTPS_APP);
      // The browser would go to https://somebot.example; a TLS proxy would hand the request to the bot.
      const res = await browser.request(`${secure.url}${back.pathname}${back.search}`);
      expect(res.status).toBe(303);
      expect(res.headers.getSetCookie().find((c) => c.startsWith('somebot_session='))).toMatch(/;\s*Secure/i);
    } finally {
      await secure.dispose();
    }
  }, 60_000);

  it('refuses an expired ID token: no session', async () => {
    await provider.stop();
    provider = await startProvider({ ...providerOptions(), clockOffsetSeconds: -3600 });
    try {
      const { browser, res } = await signIn('anna');
      expect(res.status).toBe(400);
      expect(session(browser)).toBeUndefined();
      expect(lastRefusal()).toBe('OAUTH_JWT_TIMESTAMP_CHECK_FAILED'); // "exp" in the past
    } finally {
      await provider.stop();
      provider = await startNormalProvider();
    }
    // The same sign-in with the provider's clock right works.
    expect(session((await signIn('anna')).browser)).toBeDefined();
  }, 60_000);
});

/** `somebot start` as a second process (the TypeScript sources, transpiled on load). */
function startBotProcess(port: number, env: Record<string, string>): { listening: Promise<void>; stop(): Promise<void> } {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'somebot-signin-'));
  const child: ChildProcess = spawn(
    process.execPath,
    ['-r', path.join(REPO_ROOT, 'test/core/delivery/fixtures/tsRequire.js'), path.join(REPO_ROOT, 'test/server/fixtures/start.ts')],
    {
      cwd: REPO_ROOT,
      // Sign-in makes it production: the data key comes from the environment, never the data directory.
      env: { PATH: process.env.PATH, SOMEBOT_LANG: 'en', SOMEBOT_DATA_DIR: dataDir, SOMEBOT_DATA_KEY: Buffer.alloc(32, 5).toString('base64'), SOMEBOT_INDEX_FILE: TEST_INDEX_FILE, PORT: String(port), HOST: '127.0.0.1', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let err = '';
  child.stderr!.on('data', (c: Buffer) => (err += c.toString()));
  const listening = new Promise<void>((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (c: Buffer) => {
      out += c.toString();
      if (out.includes('somebot is listening on')) resolve();
    });
    child.once('exit', (code) => reject(new Error(`second process exited (${String(code)}): ${err.slice(-800)}`)));
  });
  return {
    listening,
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once('exit', r));
        child.kill('SIGTERM');
        await exited;
      }
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
