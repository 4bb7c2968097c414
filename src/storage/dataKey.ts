import fs from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { CipherError, CipherErrorCode } from './contentCipher';
import { keyRing, parseKeyList, type KeyRing } from './keyRing';

export const DATA_KEY_FILE = 'data.key';

/**
 * The content encryption key: SOMEBOT_DATA_KEY (or the file SOMEBOT_DATA_KEY_FILE names; both already read
 * and validated by config) when set, else `<dataDir>/data.key` (base64), created with mode 0600 on first
 * start — the embedded demo's key, which production refuses (config.ts). Several servers sharing one
 * PostgreSQL must share the key. Losing the key loses every stored report text.
 * `warn` is told (no key material) when the key file is readable by others.
 */
export function resolveDataKey(options: { dataKey?: Buffer; dataDir: string; warn?: (event: string) => void }): Buffer {
  if (options.dataKey) return options.dataKey;
  return readDataDirKeys(options.dataDir, options.warn)[0]!;
}

/**
 * Every key this process may use: the current one (as resolveDataKey) and the old ones kept readable
 * during a rotation (SOMEBOT_DATA_KEY_OLD, or the lines after the first of a key file).
 */
export function resolveKeyRing(options: { dataKey?: Buffer; oldDataKeys?: readonly Buffer[]; dataDir: string; warn?: (event: string) => void }): KeyRing {
  if (options.dataKey) return keyRing(options.dataKey, options.oldDataKeys ?? []);
  const [current, ...old] = readDataDirKeys(options.dataDir, options.warn);
  return keyRing(current!, [...old, ...(options.oldDataKeys ?? [])]);
}

/** Reads (creating on first use) `<dataDir>/data.key`: the current key first, old keys after it. */
function readDataDirKeys(dataDir: string, warn?: (event: string) => void): Buffer[] {
  const file = path.join(dataDir, DATA_KEY_FILE);
  fs.mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  if (!fs.existsSync(file)) {
    // Written aside, then linked into place: link fails when the file exists, so two processes starting
    // together never overwrite each other's key, and nobody reads a half-written file.
    const temp = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
    fs.writeFileSync(temp, `${randomBytes(32).toString('base64')}\n`, { flag: 'wx', mode: 0o600 });
    try {
      fs.linkSync(temp, file);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    } finally {
      fs.unlinkSync(temp);
    }
  }
  const mode = fs.statSync(file).mode & 0o777;
  if ((mode & 0o077) !== 0) warn?.('data_key_file_readable_by_others');
  const keys = parseKeyList(fs.readFileSync(file, 'utf8'));
  if (!keys || keys.length === 0) {
    throw new CipherError(CipherErrorCode.BadKey, `${file}: expected base64 of exactly 32 bytes`);
  }
  return keys;
}

/**
 * Replaces the key file of the data directory with `keys` (current first), atomically (written aside,
 * then renamed), mode 0600. Used by `somebot keys rotate --new-key` for the embedded demo's key.
 */
export function writeDataDirKeys(dataDir: string, keys: readonly Buffer[]): void {
  const file = path.join(dataDir, DATA_KEY_FILE);
  const temp = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  fs.writeFileSync(temp, keys.map((k) => `${k.toString('base64')}\n`).join(''), { flag: 'wx', mode: 0o600 });
  fs.renameSync(temp, file);
}
