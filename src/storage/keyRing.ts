import { createHmac, hkdfSync } from 'node:crypto';

/** Bytes of a key identifier written into every ciphertext (format 2, see contentCipher.ts). */
export const KEY_ID_BYTES = 8;

/** A key's identifier: derived from the key (HMAC), so it names the key without revealing anything of it. */
export function keyIdOf(key: Buffer): Buffer {
  return createHmac('sha256', key).update('somebot data key id').digest().subarray(0, KEY_ID_BYTES);
}

/** The key of the blind index, derived from a data key (HKDF-SHA256), never the data key itself. */
export function blindIndexKeyOf(key: Buffer): Buffer {
  return Buffer.from(hkdfSync('sha256', key, Buffer.alloc(0), 'somebot blind index v1', 32));
}

/**
 * The data keys a process can use: `current` encrypts everything new; `old` keys only decrypt (and match
 * the blind index) while `somebot keys rotate` moves stored values to the current key. A key appearing
 * twice is kept once.
 */
export interface KeyRing {
  current: Buffer;
  old: Buffer[];
}

export function keyRing(current: Buffer, old: readonly Buffer[] = []): KeyRing {
  const seen = new Set([current.toString('hex')]);
  const rest: Buffer[] = [];
  for (const key of old) {
    if (seen.has(key.toString('hex'))) continue;
    seen.add(key.toString('hex'));
    rest.push(key);
  }
  return { current, old: rest };
}

/**
 * Keys as an operator writes them: base64 of 32 bytes each, separated by whitespace, commas or new lines
 * (a key ring file has the current key first). Lines starting with # are comments. Undefined when any
 * entry is not a 32-byte base64 key.
 */
export function parseKeyList(text: string): Buffer[] | undefined {
  const keys: Buffer[] = [];
  const body = text
    .split(/\r?\n/)
    .filter((line) => !line.trim().startsWith('#'))
    .join('\n');
  for (const entry of body.split(/[\s,]+/).filter((e) => e !== '')) {
    if (!/^[A-Za-z0-9+/]+={0,2}$/.test(entry)) return undefined;
    const key = Buffer.from(entry, 'base64');
    if (key.length !== 32) return undefined;
    keys.push(key);
  }
  return keys;
}
