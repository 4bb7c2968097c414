import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

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

const VERSION = 1;
const IV_BYTES = 12;
const TAG_BYTES = 16;
const HEADER_BYTES = 1 + IV_BYTES + TAG_BYTES;

/**
 * AES-256-GCM for personal content at rest. Layout: version (1 byte) | IV (12) | tag (16) | ciphertext.
 * `context` (e.g. `report:SOME-2026-0001:content`) is authenticated, so a ciphertext copied into another
 * row or field does not decrypt. A fresh random IV per encryption; the key never leaves this object.
 */
export class ContentCipher {
  readonly #key: Buffer;

  constructor(key: Buffer) {
    if (key.length !== 32) throw new CipherError(CipherErrorCode.BadKey, 'the data key must be 32 bytes');
    this.#key = Buffer.from(key);
  }

  encrypt(plaintext: string, context: string): Buffer {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', this.#key, iv, { authTagLength: TAG_BYTES });
    cipher.setAAD(Buffer.from(context, 'utf8'));
    const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
    return Buffer.concat([Buffer.from([VERSION]), iv, cipher.getAuthTag(), body]);
  }

  decrypt(data: Uint8Array, context: string): string {
    const bytes = Buffer.from(data);
    if (bytes.length < HEADER_BYTES || bytes[0] !== VERSION) {
      throw new CipherError(CipherErrorCode.Undecryptable, `stored content (${context}) has an unknown format`);
    }
    try {
      const decipher = createDecipheriv('aes-256-gcm', this.#key, bytes.subarray(1, 1 + IV_BYTES), { authTagLength: TAG_BYTES });
      decipher.setAAD(Buffer.from(context, 'utf8'));
      decipher.setAuthTag(bytes.subarray(1 + IV_BYTES, HEADER_BYTES));
      return Buffer.concat([decipher.update(bytes.subarray(HEADER_BYTES)), decipher.final()]).toString('utf8');
    } catch {
      throw new CipherError(CipherErrorCode.Undecryptable, `stored content (${context}) does not decrypt: wrong SOMEBOT_DATA_KEY or data changed`);
    }
  }

  encryptJson(value: unknown, context: string): Buffer {
    return this.encrypt(JSON.stringify(value), context);
  }

  decryptJson<T>(data: Uint8Array, context: string): T {
    return JSON.parse(this.decrypt(data, context)) as T;
  }
}
