import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { REPO_ROOT } from '../../../src/core/i18n';
import { ContentCipher } from '../../../src/storage/contentCipher';
import { resolveDataKey } from '../../../src/storage/dataKey';
import { openPgliteDriver } from '../../../src/storage/pgliteDriver';
import { PGLITE_SUBDIR } from '../../../src/storage/openStore';
import { openSqlStore } from '../../../src/storage/sqlStore';
import { Relay } from '../../../src/core/delivery/relay';
import { newPglite, TEST_RELAY_SETTINGS } from '../../helpers/db';
import { FakeClock } from '../../helpers/fakeClock';
import { FakeNotifier } from '../../helpers/fakeNotifier';
import { demoDirectory, DEMO } from '../../helpers/reportFixtures';

const FIXTURES = path.join(__dirname, 'fixtures');
const LEASE_MS = 20_000;

/** Runs the child until it prints a line starting with `until`, then SIGKILLs it. Returns its output. */
function runAndKill(env: NodeJS.ProcessEnv, until: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['-r', path.join(FIXTURES, 'tsRequire.js'), path.join(FIXTURES, 'submitAndDeliverForever.ts')], {
      cwd: REPO_ROOT,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`child did not print ${until} in time; stderr: ${err.slice(0, 500)}`));
    }, 90_000);
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (out.split('\n').some((line) => line.startsWith(until))) child.kill('SIGKILL');
    });
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    child.on('exit', (_code, signal) => {
      clearTimeout(timer);
      if (signal === 'SIGKILL') resolve(out);
      else reject(new Error(`child exited by itself (${String(_code)}); stderr: ${err.slice(0, 500)}`));
    });
  });
}

describe('a relay process killed between commit and delivery', () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'somebot-crash-'));
  afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

  it('loses nothing: after a restart the message is delivered, once', async () => {
    const killedAt = Date.now();
    const output = await runAndKill(
      {
        PATH: process.env.PATH,
        SOMEBOT_DATA_DIR: dataDir,
        SOMEBOT_RELAY_LEASE_MS: String(LEASE_MS),
        SOMEBOT_RELAY_DELIVERY_TIMEOUT_MS: String(LEASE_MS / 2),
        SOMEBOT_RELAY_POLL_MS: '50',
      },
      'DELIVERING',
    );
    const reference = /COMMITTED (\S+)/.exec(output)?.[1];
    expect(reference).toMatch(/^SOME-\d{4}-0001$/);
    expect(output).toContain(`DELIVERING ${reference}:report_alert:person:${DEMO.karin}`);

    // Restart: a new process (this one) opens the same data directory and key.
    const instance = await newPglite(path.join(dataDir, PGLITE_SUBDIR));
    const driver = await openPgliteDriver({ instance });
    const store = await openSqlStore(driver, new ContentCipher(resolveDataKey({ dataDir })));
    try {
      const [row] = await store.outboxFor(reference!);
      expect(row).toMatchObject({ status: 'pending', attempts: 1 });
      expect(row?.leaseUntil).not.toBeNull();

      const clock = new FakeClock(new Date(killedAt));
      const notifier = new FakeNotifier();
      const relay = new Relay({ store, notifier, directory: await demoDirectory(), clock, settings: TEST_RELAY_SETTINGS });
      // The dead relay's lease still holds: nobody may deliver yet.
      expect((await relay.runOnce()).claimed).toBe(0);
      clock.set(new Date(killedAt + LEASE_MS + 60_000));
      expect(await relay.runOnce()).toMatchObject({ claimed: 1, delivered: 1 });
      clock.advance(10 * 60_000);
      expect((await relay.runOnce()).claimed).toBe(0);

      expect(notifier.delivered.map((m) => m.idempotencyKey)).toEqual([`${reference}:report_alert:person:${DEMO.karin}`]);
      expect((await store.outboxFor(reference!))[0]).toMatchObject({ status: 'delivered', attempts: 2 });
      expect((await store.getReport(reference!))?.content?.description).toBe('Repeated insulting comments under every post');
    } finally {
      await store.close();
      await instance.close();
    }
  }, 120_000);
});
