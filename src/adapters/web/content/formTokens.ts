import { createHmac, hkdfSync, timingSafeEqual } from 'node:crypto';

/** The hidden field that carries a form's token. */
export const FORM_TOKEN_FIELD = 'csrf';

/**
 * Tokens for the console's own HTML forms, on top of the Origin / Sec-Fetch-Site check every POST passes
 * (requestGuard): a form's token is an HMAC of the session id under a key derived from the OpenID client
 * secret, so every process of a deployment accepts it, it is worthless with another session, and another
 * site can neither read nor forge it.
 */
export class FormTokens {
  private readonly key: Buffer;

  constructor(clientSecret: string) {
    this.key = Buffer.from(hkdfSync('sha256', clientSecret, 'somebot', 'web-console-forms', 32));
  }

  tokenFor(sessionId: string): string {
    return createHmac('sha256', this.key).update(sessionId).digest('base64url');
  }

  /** Whether `token` is this session's (compared in constant time). */
  valid(sessionId: string | undefined, token: unknown): boolean {
    if (!sessionId || typeof token !== 'string') return false;
    const expected = Buffer.from(this.tokenFor(sessionId));
    const given = Buffer.from(token);
    return given.length === expected.length && timingSafeEqual(given, expected);
  }
}
