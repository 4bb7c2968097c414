import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';

/** The key that seals one session's ID token: HKDF-SHA256 of the session id the cookie carries. */
function keyOf(sessionId: string): Buffer {
  return Buffer.from(hkdfSync('sha256', sessionId, 'somebot', 'web-session-id-token', 32));
}

/**
 * Seals an ID token for the session row (AES-256-GCM, a fresh 96-bit IV): only someone holding the session
 * id (the browser's cookie, never stored) can open it, so the database alone holds no usable token and no
 * claim in clear. Result: base64url(iv | tag | ciphertext).
 */
export function sealIdToken(sessionId: string, idToken: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', keyOf(sessionId), iv);
  const body = Buffer.concat([cipher.update(idToken, 'utf8'), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64url');
}

/** The ID token sealed for this session id, or undefined (another session's, tampered with, malformed). */
export function openIdToken(sessionId: string, sealed: string): string | undefined {
  try {
    const raw = Buffer.from(sealed, 'base64url');
    if (raw.length <= 28) return undefined;
    const decipher = createDecipheriv('aes-256-gcm', keyOf(sessionId), raw.subarray(0, 12));
    decipher.setAuthTag(raw.subarray(12, 28));
    return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8');
  } catch {
    return undefined;
  }
}
