import type * as OpenIdClient from 'openid-client';
import type { Config } from '../../../config';
import { importEsm } from '../../../core/modules/importEsm';
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

  constructor(private readonly settings: NonNullable<Config['signIn']>) {
    this.redirectUri = `${settings.publicUrl}${CALLBACK_PATH}`;
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
  async finish(callbackUrl: URL, pending: PendingSignIn): Promise<SignInClaims & Record<string, unknown>> {
    const client = await openIdClient();
    const config = await this.config();
    const tokens = await client.authorizationCodeGrant(config, callbackUrl, {
      pkceCodeVerifier: pending.verifier,
      expectedState: pending.state,
      expectedNonce: pending.nonce,
      idTokenExpected: true,
    });
    const claims = tokens.claims();
    if (!claims) throw new Error('no ID token');
    return claims as SignInClaims & Record<string, unknown>;
  }

  private config(): Promise<OpenIdClient.Configuration> {
    this.configuration ??= (async () => {
      const client = await openIdClient();
      const issuer = new URL(this.settings.issuer);
      const config = await client.discovery(issuer, this.settings.clientId, this.settings.clientSecret, undefined, {
        ...(isLocalHttp(issuer) ? { execute: [client.allowInsecureRequests] } : {}),
      });
      client.enableNonRepudiationChecks(config);
      return config;
    })();
    this.configuration.catch(() => {
      this.configuration = undefined;
    });
    return this.configuration;
  }
}
