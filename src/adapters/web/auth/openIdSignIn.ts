import type * as OpenIdClient from 'openid-client';
import type { Config } from '../../../config';
import { importEsm } from '../../../core/modules/importEsm';
import { AUTH, WEB_PATHS } from '../paths';
import type { SignInClaims } from './personOfClaims';

type OpenIdClientLibrary = typeof OpenIdClient;

/** openid-client v6 is an ES module only (see importEsm). Loaded on first use, so a server without sign-in never loads it. */
let library: Promise<OpenIdClientLibrary> | undefined;
function openIdClient(): Promise<OpenIdClientLibrary> {
  library ??= importEsm('openid-client') as Promise<OpenIdClientLibrary>;
  return library;
}

/** What the browser keeps (in a signed, short-lived cookie) between the redirect and the callback. */
export interface PendingSignIn {
  state: string;
  nonce: string;
  /** PKCE code verifier (S256 challenge sent). */
  verifier: string;
}

/** Where the provider sends the browser back: `<SOMEBOT_PUBLIC_URL>/web/auth/callback`. */
export const CALLBACK_PATH = '/web/auth/callback';
/** Where the provider sends the browser after signing out there: `<SOMEBOT_PUBLIC_URL>/web/auth/signed-out`. */
export const SIGNED_OUT_PATH = `${WEB_PATHS.auth}${AUTH.signedOut}`;

/** How long a page served before discovery waits for it (for its CSP form-action). */
const DISCOVERY_WAIT_MS = 3_000;
/** After such a wait failed, how long pages are served without waiting (the issuer's origin only). */
const DISCOVERY_RETRY_MS = 60_000;

const noop = (): void => undefined;

/** An http:// issuer is accepted only on this computer (a provider started by tests or a developer). */
function isLocalHttp(url: URL): boolean {
  return url.protocol === 'http:' && ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname);
}

/**
 * OpenID Connect sign-in with openid-client: authorization code flow with PKCE (S256), `state` and `nonce`
 * checked, the ID token's signature verified against the provider's published keys (JWKS) as well as its
 * issuer, audience and lifetime. The provider's metadata is discovered on first use and kept; a failed
 * discovery is tried again on the next sign-in.
 */
export class OpenIdSignIn {
  private configuration: Promise<OpenIdClient.Configuration> | undefined;
  readonly redirectUri: string;
  /** The `post_logout_redirect_uri` sent at sign-out (register it at the provider). */
  readonly postLogoutRedirectUri: string;
  /** The origin of the provider's end_session_endpoint, once discovery has found one. */
  private endSessionOrigin: string | undefined;
  /** Discovery has succeeded (its metadata is kept for the life of the process). */
  private discovered = false;
  /** After a page waited for discovery in vain, pages do not wait again before this time (ms). */
  private noDiscoveryWaitBefore = 0;

  constructor(private readonly settings: NonNullable<Config['signIn']>) {
    this.redirectUri = `${settings.publicUrl}${CALLBACK_PATH}`;
    this.postLogoutRedirectUri = settings.postLogoutUri ?? `${settings.publicUrl}${SIGNED_OUT_PATH}`;
  }

  /** The provider's authorization URL for a new sign-in, and what the callback will need to check it. */
  async start(): Promise<{ url: string; pending: PendingSignIn }> {
    const client = await openIdClient();
    const config = await this.config();
    const pending: PendingSignIn = { state: client.randomState(), nonce: client.randomNonce(), verifier: client.randomPKCECodeVerifier() };
    const url = client.buildAuthorizationUrl(config, {
      redirect_uri: this.redirectUri,
      scope: 'openid profile email',
      code_challenge: await client.calculatePKCECodeChallenge(pending.verifier),
      code_challenge_method: 'S256',
      state: pending.state,
      nonce: pending.nonce,
    });
    return { url: url.href, pending };
  }

  /**
   * Completes a sign-in from the callback URL the browser arrived at: exchanges the code (with the PKCE
   * verifier) and returns the verified ID token's claims. Throws on a wrong state or nonce, an error
   * from the provider, a bad signature or an expired token.
   */
  async finish(callbackUrl: URL, pending: PendingSignIn): Promise<{ claims: SignInClaims & Record<string, unknown>; idToken: string }> {
    const client = await openIdClient();
    const config = await this.config();
    const tokens = await client.authorizationCodeGrant(config, callbackUrl, {
      pkceCodeVerifier: pending.verifier,
      expectedState: pending.state,
      expectedNonce: pending.nonce,
      idTokenExpected: true,
    });
    const claims = tokens.claims();
    if (!claims || !tokens.id_token) throw new Error('no ID token');
    return { claims: claims as SignInClaims & Record<string, unknown>, idToken: tokens.id_token };
  }

  /**
   * The provider's RP-Initiated Logout URL (openid-client's buildEndSessionUrl: `client_id`, and the
   * `id_token_hint` when the session kept one, `post_logout_redirect_uri` and `state`), or undefined when
   * sign-out at the provider is switched off (SOMEBOT_OIDC_LOGOUT=local) or its metadata has no
   * end_session_endpoint. Throws when the provider cannot be discovered.
   */
  async endSessionUrl(params: { idTokenHint?: string; state: string }): Promise<string | undefined> {
    if (this.settings.logout === 'local') return undefined;
    const client = await openIdClient();
    const config = await this.config();
    if (!config.serverMetadata().end_session_endpoint) return undefined;
    const url = client.buildEndSessionUrl(config, {
      post_logout_redirect_uri: this.postLogoutRedirectUri,
      state: params.state,
      ...(params.idTokenHint ? { id_token_hint: params.idTokenHint } : {}),
    });
    return url.href;
  }

  /**
   * Origins a sign-out form may be redirected to (the page's CSP form-action; Chromium checks it on the
   * redirect that answers the form's post): the issuer's, and the end_session_endpoint's, which only discovery
   * tells. A page served before discovery (the first one after a restart) waits for it, at most
   * DISCOVERY_WAIT_MS; while the provider cannot be reached, pages get the issuer's origin only and wait again
   * no sooner than DISCOVERY_RETRY_MS later. Never rejects.
   */
  async signOutOrigins(): Promise<string[]> {
    if (this.settings.logout === 'local') return [];
    if (!this.discovered && Date.now() >= this.noDiscoveryWaitBefore) {
      let timer: NodeJS.Timeout | undefined;
      const waited = new Promise<void>((resolve) => (timer = setTimeout(resolve, DISCOVERY_WAIT_MS)));
      await Promise.race([this.config().then(noop, noop), waited]);
      clearTimeout(timer);
      if (!this.discovered) this.noDiscoveryWaitBefore = Date.now() + DISCOVERY_RETRY_MS;
    }
    const issuer = new URL(this.settings.issuer).origin;
    return this.endSessionOrigin && this.endSessionOrigin !== issuer ? [issuer, this.endSessionOrigin] : [issuer];
  }

  private config(): Promise<OpenIdClient.Configuration> {
    this.configuration ??= (async () => {
      const client = await openIdClient();
      const issuer = new URL(this.settings.issuer);
      const config = await client.discovery(issuer, this.settings.clientId, this.settings.clientSecret, undefined, {
        ...(isLocalHttp(issuer) ? { execute: [client.allowInsecureRequests] } : {}),
      });
      client.enableNonRepudiationChecks(config);
      const endSession = config.serverMetadata().end_session_endpoint;
      if (endSession) this.endSessionOrigin = new URL(endSession).origin;
      this.discovered = true;
      return config;
    })();
    this.configuration.catch(() => {
      this.configuration = undefined;
    });
    return this.configuration;
  }
}
