import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto';
import { blindIndexKeyOf, KEY_ID_BYTES, keyIdOf, keyRing, type KeyRing } from './keyRing';

/** Why stored content could not be read back. */
export enum CipherErrorCode {
  /** Wrong key, or the bytes were changed or moved to another row. */
  Undecryptable = 'content_undecryptable',
  BadKey = 'data_key_invalid',
}

export class CipherError extends Error {
  override readonly name = 'CipherError';
  constructor(
    readonly code: CipherErrorCode,
    message: string,
  ) {
    super(message);
  }
}

/** Format 1 (before key identifiers): version | IV | tag | ciphertext. Still read; never written. */
const VERSION_NO_KEY_ID = 1;
/** Format 2: version | key id (8) | IV | tag | ciphertext. */
const VERSION_KEY_ID = 2;
const IV_BYTES = 12;
const TAG_BYTES = 16;

interface UsableKey {
  key: Buffer;
  id: Buffer;
  blindKey: Buffer;
}

function usable(key: Buffer): UsableKey {
  if (key.length !== 32) throw new CipherError(CipherErrorCode.BadKey, 'the data key must be 32 bytes');
  return { key: Buffer.from(key), id: keyIdOf(key), blindKey: blindIndexKeyOf(key) };
}

/**
 * AES-256-GCM for personal content at rest. Layout (format 2): version 2 (1 byte) | key id (8) | IV (12) |
 * tag (16) | ciphertext. The key id names which key of the ring encrypted it, so old ciphertext still reads
 * while `somebot keys rotate` re-encrypts it under the current key; format 1 (no key id) is tried with
 * every key. `context` (e.g. `report:SOME-2026-0001:content`) is authenticated, so a ciphertext copied
 * into another row or field does not decrypt. A fresh random IV per encryption; keys never leave this object.
 *
 * The blind index (`blindIndex`) is an HMAC-SHA256 of a value under a key derived from the data key: equal
 * values give equal hashes, so the database can find "reports by this person" without storing the person.
 */
export class ContentCipher {
  readonly #current: UsableKey;
  readonly #all: UsableKey[];

  constructor(keys: Buffer | KeyRing) {
    const ring = Buffer.isBuffer(keys) ? keyRing(keys) : keys;
    this.#current = usable(ring.current);
    this.#all = [this.#current, ...ring.old.map(usable)];
  }

  encrypt(plaintext: string, context: string): Buffer {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', this.#current.key, iv, { authTagLength: TAG_BYTES });
    cipher.setAAD(Buffer.from(context, 'utf8'));
    const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
    return Buffer.concat([Buffer.from([VERSION_KEY_ID]), this.#current.id, iv, cipher.getAuthTag(), body]);
  }

  decrypt(data: Uint8Array, context: string): string {
    const bytes = Buffer.from(data);
    if (bytes[0] === VERSION_KEY_ID && bytes.length >= 1 + KEY_ID_BYTES + IV_BYTES + TAG_BYTES) {
      const id = bytes.subarray(1, 1 + KEY_ID_BYTES);
      const key = this.#all.find((k) => k.id.equals(id));
      if (!key) {
        throw new CipherError(CipherErrorCode.Undecryptable, `stored content (${context}) was encrypted with a key this process does not have: set the old key in SOMEBOT_DATA_KEY_OLD`);
      }
      const plain = open(key.key, bytes.subarray(1 + KEY_ID_BYTES), context);
      if (plain !== undefined) return plain;
    } else if (bytes[0] === VERSION_NO_KEY_ID && bytes.length >= 1 + IV_BYTES + TAG_BYTES) {
      for (const key of this.#all) {
        const plain = open(key.key, bytes.subarray(1), context);
        if (plain !== undefined) return plain;
      }
    } else {
      throw new CipherError(CipherErrorCode.Undecryptable, `stored content (${context}) has an unknown format`);
    }
    throw new CipherError(CipherErrorCode.Undecryptable, `stored content (${context}) does not decrypt: wrong SOMEBOT_DATA_KEY or data changed`);
  }

  encryptJson(value: unknown, context: string): Buffer {
    return this.encrypt(JSON.stringify(value), context);
  }

  decryptJson<T>(data: Uint8Array, context: string): T {
    return JSON.parse(this.decrypt(data, context)) as T;
  }

  /** The current key's identifier (hex), as written into every new ciphertext. */
  get keyId(): string {
    return this.#current.id.toString('hex');
  }

  /** True when `data` was encrypted with the current key (nothing for `keys rotate` to do). */
  isCurrent(data: Uint8Array): boolean {
    const bytes = Buffer.from(data);
    return bytes[0] === VERSION_KEY_ID && bytes.subarray(1, 1 + KEY_ID_BYTES).equals(this.#current.id);
  }

  /** The blind index of `value` under the current key (what is written). `purpose` separates uses. */
  blindIndex(value: string, purpose: string): string {
    return hmac(this.#current.blindKey, value, purpose);
  }

  /** The blind index of `value` under every key of the ring (what a lookup matches during a rotation). */
  blindIndexes(value: string, purpose: string): string[] {
    return this.#all.map((k) => hmac(k.blindKey, value, purpose));
  }
}

function open(key: Buffer, rest: Buffer, context: string): string | undefined {
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, rest.subarray(0, IV_BYTES), { authTagLength: TAG_BYTES });
    decipher.setAAD(Buffer.from(context, 'utf8'));
    decipher.setAuthTag(rest.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
    return Buffer.concat([decipher.update(rest.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]).toString('utf8');
  } catch {
    return undefined;
  }
}

function hmac(key: Buffer, value: string, purpose: string): string {
  return createHmac('sha256', key).update(`${purpose}\u0000${value}`, 'utf8').digest('hex');
}
