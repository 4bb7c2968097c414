import fs from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { CipherError, CipherErrorCode } from './contentCipher';

export const DATA_KEY_FILE = 'data.key';

/**
 * The content encryption key: SOMEBOT_DATA_KEY when set (already validated by config), else
 * `<dataDir>/data.key` (base64), created with mode 0600 on first start. Several servers sharing one
 * PostgreSQL must share the key through SOMEBOT_DATA_KEY. Losing the key loses every stored report text.
 * `warn` is told (no key material) when the key file is readable by others.
 */
export function resolveDataKey(options: { dataKey?: Buffer; dataDir: string; warn?: (event: string) => void }): Buffer {
  if (options.dataKey) return options.dataKey;
  const file = path.join(options.dataDir, DATA_KEY_FILE);
  fs.mkdirSync(options.dataDir, { recursive: true, mode: 0o700 });
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
  if ((mode & 0o077) !== 0) options.warn?.('data_key_file_readable_by_others');
  const key = Buffer.from(fs.readFileSync(file, 'utf8').trim(), 'base64');
  if (key.length !== 32) {
    throw new CipherError(CipherErrorCode.BadKey, `${file}: expected base64 of exactly 32 bytes`);
  }
  return key;
}
