import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DataDirInUseError, LOCK_FILE, lockDataDir, parseHolder, processStart } from '../../src/storage/dataDirLock';

const lockFile = (dir: string) => path.join(dir, LOCK_FILE);
const holderIn = (dir: string) => parseHolder(fs.readFileSync(lockFile(dir), 'utf8'));
/** Sets the lock file's heartbeat (modification time) `ms` into the past. */
const ageLock = (dir: string, ms: number) => {
  const t = new Date(Date.now() - ms);
  fs.utimesSync(lockFile(dir), t, t);
};

describe('lockDataDir', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'somebot-lock-'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('lets one holder at a time open the directory', async () => {
    const lock = await lockDataDir(dir);
    await expect(lockDataDir(dir)).rejects.toThrow(DataDirInUseError);
    lock.release();
    (await lockDataDir(dir)).release();
    expect(fs.existsSync(lockFile(dir))).toBe(false);
  });

  it('takes over the lock of a process that died without releasing it', async () => {
    const gone = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))']).stdout.toString();
    fs.writeFileSync(lockFile(dir), `${gone} ${os.hostname()}\n`);
    const lock = await lockDataDir(dir);
    expect(holderIn(dir)).toMatchObject({ pid: process.pid, host: os.hostname() });
    lock.release();
  });

  it('takes over a lock whose PID now belongs to another program (the start time differs)', async () => {
    // A live process that is not somebot, holding the PID the lock names, as after a PID was reused.
    const other = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)'], { stdio: 'ignore' });
    try {
      await new Promise((resolve) => other.once('spawn', resolve));
      const realStart = processStart(other.pid!);
      expect(realStart).toBeDefined(); // Linux: /proc tells the start time
      fs.writeFileSync(lockFile(dir), JSON.stringify({ pid: other.pid, host: os.hostname(), start: String(Number(realStart) - 1000) }));
      const lock = await lockDataDir(dir, { staleAfterMs: 60_000 });
      expect(holderIn(dir)).toMatchObject({ pid: process.pid });
      lock.release();

      // The same PID with its real start time is a live holder: refused at once.
      fs.writeFileSync(lockFile(dir), JSON.stringify({ pid: other.pid, host: os.hostname(), start: realStart }));
      await expect(lockDataDir(dir, { staleAfterMs: 60_000 })).rejects.toMatchObject({ code: 'data_dir_in_use', pid: other.pid });
    } finally {
      other.kill();
    }
  });

  it('respects a lock in the older "PID HOST" format while that PID runs on this host (it has no heartbeat)', async () => {
    const other = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)'], { stdio: 'ignore' });
    try {
      await new Promise((resolve) => other.once('spawn', resolve));
      fs.writeFileSync(lockFile(dir), `${other.pid} ${os.hostname()}\n`);
      ageLock(dir, 120_000);
      await expect(lockDataDir(dir, { staleAfterMs: 1_000 })).rejects.toMatchObject({ code: 'data_dir_in_use', pid: other.pid });
    } finally {
      other.kill();
    }
  });

  it('takes over a lock naming this very PID on this host (a container restarted under the same PID)', async () => {
    fs.writeFileSync(lockFile(dir), JSON.stringify({ pid: process.pid, host: os.hostname() }));
    const lock = await lockDataDir(dir, { staleAfterMs: 60_000 });
    await expect(lockDataDir(dir)).rejects.toThrow(DataDirInUseError); // now it is really held here
    lock.release();
  });

  it('takes over a lock from another host once its heartbeat stopped, and never waits longer than that', async () => {
    fs.writeFileSync(lockFile(dir), JSON.stringify({ pid: 12345, host: 'container-before-restart' }));
    ageLock(dir, 5_000);
    const started = Date.now();
    const lock = await lockDataDir(dir, { staleAfterMs: 1_000 });
    expect(Date.now() - started).toBeLessThan(1_000); // silent for longer than staleAfterMs: taken at once
    expect(holderIn(dir)).toMatchObject({ pid: process.pid });
    lock.release();

    // A fresh lock from another host whose heartbeat then stops: watched for staleAfterMs, then taken over.
    fs.writeFileSync(lockFile(dir), JSON.stringify({ pid: 12345, host: 'container-before-restart' }));
    const taken = await lockDataDir(dir, { staleAfterMs: 600, heartbeatMs: 100 });
    expect(holderIn(dir)).toMatchObject({ pid: process.pid });
    taken.release();
  });

  it('respects a lock from another host whose heartbeat goes on', async () => {
    fs.writeFileSync(lockFile(dir), JSON.stringify({ pid: 12345, host: 'some-other-host' }));
    const beating = setInterval(() => {
      const t = new Date();
      fs.utimesSync(lockFile(dir), t, t);
    }, 50);
    try {
      await expect(lockDataDir(dir, { staleAfterMs: 2_000, heartbeatMs: 100 })).rejects.toMatchObject({ code: 'data_dir_in_use', pid: 12345 });
    } finally {
      clearInterval(beating);
    }
  });

  it('keeps its own heartbeat going while held', async () => {
    const lock = await lockDataDir(dir, { heartbeatMs: 50 });
    ageLock(dir, 60_000);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(Date.now() - fs.statSync(lockFile(dir)).mtimeMs).toBeLessThan(5_000);
    lock.release();
  });
});
