import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ContentCipher, CipherError, CipherErrorCode } from '../../src/storage/contentCipher';
import { DATA_KEY_FILE, resolveDataKey } from '../../src/storage/dataKey';

const key = Buffer.alloc(32, 1);

describe('ContentCipher (AES-256-GCM)', () => {
  const cipher = new ContentCipher(key);

  it('round-trips text, with a fresh IV each time', () => {
    const a = cipher.encrypt('Hot mot Anna – åäö, tänään', 'report:X:content');
    const b = cipher.encrypt('Hot mot Anna – åäö, tänään', 'report:X:content');
    expect(a.equals(b)).toBe(false);
    expect(cipher.decrypt(a, 'report:X:content')).toBe('Hot mot Anna – åäö, tänään');
    expect(a.toString('latin1')).not.toContain('Anna');
  });

  it('detects tampering, a wrong context and a wrong key', () => {
    const sealed = cipher.encrypt('secret', 'report:X:content');
    const flipped = Buffer.from(sealed);
    flipped.writeUInt8(flipped.readUInt8(flipped.length - 1) ^ 1, flipped.length - 1);
    expect(() => cipher.decrypt(flipped, 'report:X:content')).toThrow(CipherError);
    expect(() => cipher.decrypt(sealed, 'report:Y:content')).toThrow(CipherError);
    expect(() => new ContentCipher(Buffer.alloc(32, 2)).decrypt(sealed, 'report:X:content')).toThrow(CipherError);
    expect(() => cipher.decrypt(Buffer.from('short'), 'x')).toThrow(CipherError);
  });

  it('accepts only 32-byte keys', () => {
    expect(() => new ContentCipher(Buffer.alloc(16))).toThrow(expect.objectContaining({ code: CipherErrorCode.BadKey }));
  });
});

describe('resolveDataKey', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'somebot-key-'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('prefers the key from the environment and writes no file', () => {
    const envKey = Buffer.alloc(32, 3);
    expect(resolveDataKey({ dataKey: envKey, dataDir: dir }).equals(envKey)).toBe(true);
    expect(fs.existsSync(path.join(dir, DATA_KEY_FILE))).toBe(false);
  });

  it('creates <dataDir>/data.key with mode 0600 once and reuses it', () => {
    const first = resolveDataKey({ dataDir: path.join(dir, 'nested') });
    const file = path.join(dir, 'nested', DATA_KEY_FILE);
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect(first).toHaveLength(32);
    expect(resolveDataKey({ dataDir: path.join(dir, 'nested') }).equals(first)).toBe(true);
    expect(fs.readdirSync(path.join(dir, 'nested'))).toEqual([DATA_KEY_FILE]);
  });

  it('warns when the key file is readable by others, and rejects a damaged one', () => {
    fs.writeFileSync(path.join(dir, DATA_KEY_FILE), `${Buffer.alloc(32, 4).toString('base64')}\n`, { mode: 0o644 });
    const warnings: string[] = [];
    resolveDataKey({ dataDir: dir, warn: (event) => warnings.push(event) });
    expect(warnings).toEqual(['data_key_file_readable_by_others']);
    fs.writeFileSync(path.join(dir, DATA_KEY_FILE), 'dG9vIHNob3J0\n');
    expect(() => resolveDataKey({ dataDir: dir })).toThrow(CipherError);
  });
});
