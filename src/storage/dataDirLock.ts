import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const LOCK_FILE = 'somebot.lock';
/** Held for a moment by the one process that removes a stale lock, so two never take over at once. */
export const TAKEOVER_FILE = 'somebot.lock.takeover';

/** How often a holder refreshes its lock's heartbeat (the file's modification time). */
export const HEARTBEAT_MS = 5_000;
/** A lock whose heartbeat is older than this, held by a process this host cannot check, is stale. */
export const STALE_AFTER_MS = 30_000;

/** Another live process has the embedded database open. */
export class DataDirInUseError extends Error {
  override readonly name = 'DataDirInUseError';
  readonly code = 'data_dir_in_use';
  constructor(
    readonly dir: string,
    readonly pid: number,
  ) {
    super(`${dir} is in use by process ${pid}`);
  }
}

export function isDataDirInUseError(value: unknown): value is DataDirInUseError {
  return value instanceof DataDirInUseError;
}

/** Who holds a lock, as written in the lock file. */
export interface LockHolder {
  pid: number;
  host: string;
  /** The kernel's boot id, when known (Linux): a lock from an earlier boot is stale. */
  boot?: string;
  /** The holder's start time in clock ticks since boot (Linux /proc/<pid>/stat), to tell a reused PID. */
  start?: string;
  /** Written by an older somebot ("PID HOST"): no heartbeat, so a live PID on this host counts as the holder. */
  legacy?: boolean;
}

export interface LockOptions {
  heartbeatMs?: number;
  staleAfterMs?: number;
  /** Clock of the staleness check (tests). */
  now?: () => number;
}

/** Directories this process holds right now: a lock naming this PID is ours only when listed here. */
const heldHere = new Set<string>();

function readText(file: string): string | undefined {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}

const bootId = (): string | undefined => readText('/proc/sys/kernel/random/boot_id')?.trim() || undefined;

/** A process's start time in ticks since boot (field 22 of /proc/<pid>/stat), when this system has /proc. */
export function processStart(pid: number): string | undefined {
  const stat = readText(`/proc/${pid}/stat`);
  if (!stat) return undefined;
  // The command name (field 2) is in parentheses and may hold spaces: count fields after its closing one.
  return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19];
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The holder a lock file names: JSON, or the older "PID HOST" line. */
export function parseHolder(text: string): LockHolder | undefined {
  try {
    const parsed = JSON.parse(text) as Partial<LockHolder>;
    if (Number.isInteger(parsed.pid) && typeof parsed.host === 'string') return parsed as LockHolder;
  } catch {
    // the older format
  }
  const [pidText, host] = text.trim().split(' ');
  const pid = Number(pidText);
  return Number.isInteger(pid) && pid > 0 && host ? { pid, host, legacy: true } : undefined;
}

/**
 * Whether the holder is gone. On this host (and boot): its PID no longer runs, runs another program (start
 * time differs: the PID was reused), or is this very process (a container restarted under the same PID)
 * without this process holding the lock — all `stale`, or `alive`. Elsewhere (another host or container),
 * or when the PID cannot be checked, only the heartbeat tells: `stale` once it stopped more than
 * `staleAfterMs` ago, else `heartbeat` (alive unless it stops beating).
 */
export function holderState(holder: LockHolder | undefined, heartbeatAgeMs: number, dir: string, staleAfterMs: number): 'stale' | 'alive' | 'heartbeat' {
  const byHeartbeat = heartbeatAgeMs > staleAfterMs ? 'stale' : 'heartbeat';
  if (!holder || holder.host !== os.hostname()) return byHeartbeat;
  if (holder.boot !== undefined && holder.boot !== bootId()) return 'stale';
  if (holder.pid === process.pid) return heldHere.has(dir) ? 'alive' : 'stale';
  if (!alive(holder.pid)) return 'stale';
  const start = processStart(holder.pid);
  if (holder.start !== undefined && start !== undefined) return start === holder.start ? 'alive' : 'stale';
  if (holder.legacy) return 'alive';
  return byHeartbeat;
}

/**
 * Claims a PGlite data directory for this process. PGlite does not stop a second process from opening the
 * same directory, and two open copies silently lose each other's writes, so every somebot process (server,
 * CLI) takes this lock first. The holder refreshes the lock file's modification time every `heartbeatMs`.
 * A lock left behind is taken over: at once when its process is gone or its PID now belongs to another
 * program (same host); when only the heartbeat can tell (another host or container, no /proc), after
 * watching it for at most `staleAfterMs`. Never waits longer: a live holder gives DataDirInUseError.
 */
export async function lockDataDir(dir: string, options: LockOptions = {}): Promise<{ release(): void }> {
  const heartbeatMs = options.heartbeatMs ?? HEARTBEAT_MS;
  const staleAfterMs = options.staleAfterMs ?? STALE_AFTER_MS;
  const now = options.now ?? Date.now;
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  const key = path.resolve(dir);
  const file = path.join(dir, LOCK_FILE);
  const boot = bootId();
  const start = processStart(process.pid);
  const mine = `${JSON.stringify({ pid: process.pid, host: os.hostname(), ...(boot ? { boot } : {}), ...(start ? { start } : {}) })}\n`;
  let holderPid = 0;
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      fs.writeFileSync(file, mine, { flag: 'wx', mode: 0o600 });
      return hold(file, key, mine, heartbeatMs);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    }
    const found = readLock(file, now);
    if (!found) continue; // released meanwhile
    let seen = found;
    holderPid = seen.holder?.pid ?? 0;
    let state = holderState(seen.holder, seen.ageMs, key, staleAfterMs);
    if (state === 'heartbeat') {
      // Watch the heartbeat until it beats (alive) or has been silent for staleAfterMs (stale).
      const first = seen;
      while (state === 'heartbeat') {
        await new Promise((resolve) => setTimeout(resolve, Math.min(heartbeatMs, staleAfterMs - seen.ageMs + 10)));
        const again = readLock(file, now);
        if (!again || again.text !== first.text) break;
        if (again.mtimeMs !== first.mtimeMs) state = 'alive';
        else state = holderState(again.holder, again.ageMs, key, staleAfterMs);
        seen = again;
      }
      if (state === 'heartbeat') continue; // the lock changed hands meanwhile: judge it again
    }
    if (state === 'alive') throw new DataDirInUseError(dir, holderPid);
    takeOver(dir, file, seen.text, now);
  }
  throw new DataDirInUseError(dir, holderPid);
}

function readLock(file: string, now: () => number): { text: string; holder?: LockHolder; ageMs: number; mtimeMs: number } | undefined {
  try {
    const text = fs.readFileSync(file, 'utf8');
    const mtimeMs = fs.statSync(file).mtimeMs;
    const holder = parseHolder(text);
    return { text, ageMs: now() - mtimeMs, mtimeMs, ...(holder ? { holder } : {}) };
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw err;
  }
}

/**
 * Removes the stale lock whose text was judged, under the takeover file, so that of two processes starting
 * together only one removes it and neither removes the other's fresh lock. A takeover file older than a
 * few seconds was left by a process that died in these lines and is removed.
 */
function takeOver(dir: string, file: string, judged: string, now: () => number): void {
  const guard = path.join(dir, TAKEOVER_FILE);
  try {
    fs.writeFileSync(guard, `${process.pid}\n`, { flag: 'wx', mode: 0o600 });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    try {
      if (now() - fs.statSync(guard).mtimeMs > 10_000) fs.rmSync(guard, { force: true });
    } catch {
      // gone meanwhile
    }
    return;
  }
  try {
    if (readText(file) === judged) fs.rmSync(file, { force: true });
  } finally {
    fs.rmSync(guard, { force: true });
  }
}

function hold(file: string, key: string, mine: string, heartbeatMs: number): { release(): void } {
  heldHere.add(key);
  const heartbeat = setInterval(() => {
    try {
      if (readText(file) === mine) {
        const t = new Date();
        fs.utimesSync(file, t, t);
      }
    } catch {
      // the next beat tries again
    }
  }, heartbeatMs);
  heartbeat.unref();
  let released = false;
  return {
    release() {
      if (released) return;
      released = true;
      clearInterval(heartbeat);
      heldHere.delete(key);
      try {
        if (fs.readFileSync(file, 'utf8') === mine) fs.unlinkSync(file);
      } catch {
        // already gone
      }
    },
  };
}
