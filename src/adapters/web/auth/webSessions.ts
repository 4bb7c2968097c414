import { createHash, hkdfSync, randomBytes } from 'node:crypto';
import type { Clock, Store, WebSession } from '../../../core/ports';
import { openIdToken, sealIdToken } from './sealedIdToken';

/** The cookie that carries the session id (signed; the id's hash is the key of the session row). */
export const SESSION_COOKIE = 'somebot_session';

const hashOf = (id: string): string => createHash('sha256').update(id).digest('hex');

/**
 * The key that signs the console's cookies, derived from the OpenID client secret (HKDF-SHA256): every
 * process of one deployment has the same secret, so each can verify the others' cookies, and nothing extra
 * needs configuring. A new client secret signs everyone out.
 */
export function cookieSigningKey(clientSecret: string): string {
  return Buffer.from(hkdfSync('sha256', clientSecret, 'somebot', 'web-console-cookies', 32)).toString('base64url');
}

export interface WebSessionSettings {
  /** A session unused this long ends. */
  idleMinutes: number;
  /** A session ends this long after sign-in, whatever its use. */
  maxHours: number;
}

/**
 * Signed-in sessions of the web console, kept in the database so that every bot process shares them. The
 * browser holds a random 256-bit id; the store holds only its SHA-256, the person and the times. Each use
 * moves the idle limit on; neither limit can be extended past the absolute one.
 */
export class WebSessions {
  constructor(private readonly deps: { store: Pick<Store, 'createWebSession' | 'useWebSession' | 'deleteWebSession' | 'purgeWebSessions' | 'recordConsoleSignIn'>; clock: Clock; settings: WebSessionSettings }) {}

  /**
   * Starts a session for a person who just signed in; returns the id for the cookie. The ID token of the
   * sign-in, when given, is kept sealed with the session (see sealedIdToken) for the sign-out at the provider.
   */
  async start(personId: string, idToken?: string): Promise<{ id: string; expiresAt: Date }> {
    const now = this.deps.clock.now();
    const id = randomBytes(32).toString('base64url');
    const expiresAt = new Date(now.getTime() + this.deps.settings.maxHours * 3_600_000);
    const idTokenSealed = idToken ? sealIdToken(id, idToken) : undefined;
    await this.deps.store.createWebSession({ idHash: hashOf(id), personId, createdAt: now, lastSeenAt: now, expiresAt, ...(idTokenSealed ? { idTokenSealed } : {}) });
    await this.deps.store.recordConsoleSignIn(personId, now);
    return { id, expiresAt };
  }

  /** The live session with this id (and marks it used), or undefined. */
  async resolve(id: string | undefined): Promise<WebSession | undefined> {
    if (!id || id.length > 100) return undefined;
    const now = this.deps.clock.now();
    return this.deps.store.useWebSession(hashOf(id), now, this.idleCutoff(now));
  }

  /** Ends a session (sign-out); returns the ID token it was signed in with, if it kept one. */
  async end(id: string | undefined): Promise<{ idToken?: string }> {
    if (!id || id.length > 100) return {};
    const sealed = await this.deps.store.deleteWebSession(hashOf(id));
    const idToken = sealed ? openIdToken(id, sealed) : undefined;
    return idToken ? { idToken } : {};
  }

  /** Deletes expired sessions; returns how many. */
  async purge(): Promise<number> {
    const now = this.deps.clock.now();
    return this.deps.store.purgeWebSessions(now, this.idleCutoff(now));
  }

  private idleCutoff(now: Date): Date {
    return new Date(now.getTime() - this.deps.settings.idleMinutes * 60_000);
  }
}
