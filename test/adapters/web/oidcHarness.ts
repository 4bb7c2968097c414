/**
 * For the sign-in tests: a real OpenID Connect provider (oidc-provider, fixtures/oidcProvider.mjs) in its
 * own process on loopback, and a minimal browser: a cookie jar per origin and requests that do not follow
 * redirects by themselves, so a test can stop at the callback and tamper with what a browser would carry.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import net from 'node:net';
import path from 'node:path';

export async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const { port } = server.address() as net.AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** One signing key for every provider process of a test file, so a restarted provider signs alike. */
const SIGNING_KEY = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ format: 'jwk' });

export interface ProviderOptions {
  port: number;
  clientId: string;
  clientSecret: string;
  redirectUris: string[];
  /** Registered post_logout_redirect_uris of the client (RP-Initiated Logout). */
  postLogoutRedirectUris?: string[];
  /** false: the provider offers no RP-Initiated Logout (no end_session_endpoint in its metadata). */
  endSession?: boolean;
  /**
   * The provider also listens on this port and names it in its metadata's end_session_endpoint, so the
   * end-session endpoint is at another origin than the issuer (cookies are shared: they do not depend on the port).
   */
  endSessionPort?: number;
  /** By login name: the claims of that account. */
  accounts: Record<string, Record<string, unknown>>;
  /** The provider's clock against the real one (negative: its tokens are old). */
  clockOffsetSeconds?: number;
}

export interface RunningProvider {
  issuer: string;
  stop(): Promise<void>;
}

export async function startProvider(options: ProviderOptions): Promise<RunningProvider> {
  const child: ChildProcess = spawn(process.execPath, [path.join(__dirname, 'fixtures', 'oidcProvider.mjs')], {
    env: {
      PATH: process.env.PATH,
      OIDC_PORT: String(options.port),
      OIDC_CLIENT_ID: options.clientId,
      OIDC_CLIENT_SECRET: options.clientSecret,
      OIDC_REDIRECT_URIS: JSON.stringify(options.redirectUris),
      OIDC_POST_LOGOUT_REDIRECT_URIS: JSON.stringify(options.postLogoutRedirectUris ?? []),
      OIDC_END_SESSION: options.endSession === false ? 'off' : 'on',
      OIDC_END_SESSION_PORT: options.endSessionPort ? String(options.endSessionPort) : '',
      OIDC_ACCOUNTS: JSON.stringify(options.accounts),
      OIDC_CLOCK_OFFSET_S: String(options.clockOffsetSeconds ?? 0),
      OIDC_SIGNING_KEY: JSON.stringify(SIGNING_KEY),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let err = '';
  child.stderr!.on('data', (c: Buffer) => (err += c.toString()));
  const issuer = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (c: Buffer) => {
      out += c.toString();
      const line = /\{"issuer":"[^"]+"\}/.exec(out);
      if (line) resolve((JSON.parse(line[0]) as { issuer: string }).issuer);
    });
    child.once('exit', (code) => reject(new Error(`provider exited (${String(code)}): ${err.slice(-500)}`)));
  });
  return {
    issuer,
    async stop() {
      if (child.exitCode !== null) return;
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await exited;
    },
  };
}

/** A browser's cookies and requests, enough for the authorization code flow. */
export class Browser {
  private readonly jar = new Map<string, Map<string, string>>();

  cookies(origin: string): Map<string, string> {
    let cookies = this.jar.get(origin);
    if (!cookies) this.jar.set(origin, (cookies = new Map()));
    return cookies;
  }

  /** One request, no redirect followed; Set-Cookie lands in the jar (an expired cookie is removed). */
  async request(url: string | URL, init: RequestInit = {}): Promise<Response> {
    const target = new URL(url);
    const cookies = this.cookies(target.origin);
    const headers = new Headers(init.headers);
    if (cookies.size > 0) headers.set('Cookie', [...cookies].map(([k, v]) => `${k}=${v}`).join('; '));
    const res = await fetch(target, { ...init, headers, redirect: 'manual' });
    for (const line of res.headers.getSetCookie()) {
      const [pair, ...attributes] = line.split(';');
      const eq = pair!.indexOf('=');
      const name = pair!.slice(0, eq).trim();
      const value = pair!.slice(eq + 1).trim();
      const expires = attributes.map((a) => a.trim()).find((a) => /^expires=/i.test(a));
      const gone = value === '' || (expires !== undefined && new Date(expires.slice(8)).getTime() < Date.now()) || attributes.some((a) => /^\s*max-age=0$/i.test(a));
      if (gone) cookies.delete(name);
      else cookies.set(name, value);
    }
    return res;
  }

  /**
   * Follows redirects and the provider's login form (signing in as `login`) until the browser is sent to
   * a URL starting with `stopAt` (the app's callback); returns that URL without requesting it.
   */
  async signInAtProvider(authorizationUrl: string, login: string, stopAt: string): Promise<URL> {
    let url = new URL(authorizationUrl);
    for (let step = 0; step < 12; step++) {
      if (url.href.startsWith(stopAt)) return url;
      const res = await this.request(url);
      if (res.status >= 300 && res.status < 400) {
        url = new URL(res.headers.get('location')!, url);
        continue;
      }
      const html = await res.text();
      const action = /<form[^>]*action="([^"]+)"/.exec(html)?.[1];
      if (res.status !== 200 || !action) throw new Error(`provider answered ${res.status}: ${html.slice(0, 300)}`);
      const form = new URLSearchParams({ prompt: 'login', login, password: 'any' });
      const posted = await this.request(new URL(action, url), { method: 'POST', body: form, headers: { 'Content-Type': 'application/x-www-form-urlencoded' } });
      if (posted.status < 300 || posted.status >= 400) throw new Error(`login form answered ${posted.status}`);
      url = new URL(posted.headers.get('location')!, url);
    }
    throw new Error('too many steps at the provider');
  }

  /**
   * Follows the provider's sign-out (its end_session_endpoint and the confirmation form, answered "Yes,
   * sign me out", or with `answer: 'no'` "No, stay signed in", the form's other button, which sends no
   * `logout`) until the browser is sent to a URL starting with `stopAt`; returns that URL unrequested.
   */
  async signOutAtProvider(endSessionUrl: string, stopAt: string, answer: 'yes' | 'no' = 'yes'): Promise<URL> {
    let url = new URL(endSessionUrl);
    for (let step = 0; step < 8; step++) {
      if (url.href.startsWith(stopAt)) return url;
      const res = await this.request(url);
      if (res.status >= 300 && res.status < 400) {
        url = new URL(res.headers.get('location')!, url);
        continue;
      }
      const html = await res.text();
      const action = /<form[^>]*id="op.logoutForm"[^>]*action="([^"]+)"/.exec(html)?.[1] ?? /<form[^>]*action="([^"]+)"/.exec(html)?.[1];
      const xsrf = /name="xsrf" value="([^"]+)"/.exec(html)?.[1];
      if (res.status !== 200 || !action || !xsrf) throw new Error(`provider answered ${res.status}: ${html.slice(0, 300)}`);
      const form = new URLSearchParams(answer === 'yes' ? { xsrf, logout: 'yes' } : { xsrf });
      const posted = await this.request(new URL(action, url), { method: 'POST', body: form, headers: { 'Content-Type': 'application/x-www-form-urlencoded' } });
      if (posted.status < 300 || posted.status >= 400) throw new Error(`logout form answered ${posted.status}`);
      url = new URL(posted.headers.get('location')!, url);
    }
    throw new Error('too many steps at the provider');
  }
}
