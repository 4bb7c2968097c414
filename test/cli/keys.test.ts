import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { keysCommand } from '../../src/cli/commands/keys';
import type { CliIo } from '../../src/cli/command';
import { loadConfig } from '../../src/config';
import { openReporting } from '../../src/reporting';
import { DATA_KEY_FILE } from '../../src/storage/dataKey';
import { draft } from '../helpers/db';
import { DEMO } from '../helpers/reportFixtures';

/** `somebot keys rotate` on a real embedded data directory, as an operator runs it. */
describe('somebot keys rotate', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'somebot-keys-'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  async function run(args: string[], env: NodeJS.ProcessEnv = {}) {
    const out: string[] = [];
    const err: string[] = [];
    const io: CliIo = { out: (t) => out.push(t), err: (t) => err.push(t), stdin: process.stdin };
    const code = await keysCommand({ env: { SOMEBOT_LANG: 'en', SOMEBOT_DATA_DIR: dir, ...env } }).run(args, io);
    return { code, out: out.join('\n'), err: err.join('\n') };
  }

  /** Submits a report as Anna with the configuration `env` gives; returns its reference. */
  async function submit(env: NodeJS.ProcessEnv = {}): Promise<string> {
    const reporting = await openReporting(loadConfig({ SOMEBOT_DATA_DIR: dir, ...env }));
    try {
      return (await reporting.service.submit(draft({ category: 'harassment' }), DEMO.anna)).reference;
    } finally {
      await reporting.close();
    }
  }

  async function read(reference: string, env: NodeJS.ProcessEnv = {}) {
    const reporting = await openReporting(loadConfig({ SOMEBOT_DATA_DIR: dir, ...env }));
    try {
      const report = await reporting.store.getReport(reference);
      return [report?.reporterId, report?.content?.description];
    } finally {
      await reporting.close();
    }
  }

  it('demo: --new-key makes a new key in the data directory and moves every value to it', async () => {
    const reference = await submit();
    const oldKey = fs.readFileSync(path.join(dir, DATA_KEY_FILE), 'utf8');
    const result = await run(['rotate', '--new-key']);
    expect(result.err).toBe('');
    expect(result.code).toBe(0);
    expect(result.out).toMatch(/Re-encrypted 2 of 2 encrypted values/); // content and reporter
    const newKey = fs.readFileSync(path.join(dir, DATA_KEY_FILE), 'utf8');
    expect(newKey).not.toBe(oldKey);
    expect(newKey.trim().split('\n')).toHaveLength(1); // the old key is gone once nothing needs it
    expect(await read(reference)).toEqual([DEMO.anna, draft().description]);
  }, 180_000);

  it('production: the new key in SOMEBOT_DATA_KEY, the old one in SOMEBOT_DATA_KEY_OLD', async () => {
    const oldKey = Buffer.alloc(32, 21).toString('base64');
    const newKey = Buffer.alloc(32, 22).toString('base64');
    const reference = await submit({ SOMEBOT_DATA_KEY: oldKey });
    // Before the rotation, processes with both keys read the old ciphertext.
    expect(await read(reference, { SOMEBOT_DATA_KEY: newKey, SOMEBOT_DATA_KEY_OLD: oldKey })).toEqual([DEMO.anna, draft().description]);
    const result = await run(['rotate'], { SOMEBOT_DATA_KEY: newKey, SOMEBOT_DATA_KEY_OLD: oldKey });
    expect(result.code).toBe(0);
    expect(await read(reference, { SOMEBOT_DATA_KEY: newKey })).toEqual([DEMO.anna, draft().description]);
    await expect(read(reference, { SOMEBOT_DATA_KEY: oldKey })).rejects.toThrow(/does not have|does not decrypt/);
    // --new-key is for the demo's key file only.
    expect((await run(['rotate', '--new-key'], { SOMEBOT_DATA_KEY: newKey })).code).toBe(2);
  }, 180_000);

  it('wrong usage exits 2', async () => {
    expect((await run([])).code).toBe(2);
    expect((await run(['rotate', 'now'])).code).toBe(2);
    expect((await run(['rotate', '--batch', '0'])).code).toBe(2);
  });
});
