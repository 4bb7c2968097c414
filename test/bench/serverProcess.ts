/**
 * A server run as a child process for the benchmarks, measured from outside: its peak resident memory is
 * the kernel's VmHWM of that process (/proc/<pid>/status), which counts everything the process ever held
 * (V8 heap, WebAssembly memory, native buffers), not what Node reports about itself.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import { BENCH_DEMO_TOKEN } from './webChatClient';

export interface ServerSpec {
  /** Shown in the results. */
  name: string;
  /** Arguments after `node` (e.g. [`<repo>/bin/somebot.js`, 'start']). */
  args: string[];
  cwd: string;
  env: NodeJS.ProcessEnv;
  /** Path that answers 200 once the server can take requests. */
  readyPath: string;
}

export interface RunningProcess {
  name: string;
  pid: number;
  url: string;
  /** Milliseconds from spawn until readyPath answered 200. */
  readyMs: number;
  /** Peak resident memory so far, in MiB (VmHWM). */
  peakRssMiB(): number;
  /** Resident memory now, in MiB (VmRSS). */
  rssMiB(): number;
  /** CPU time the process has used so far (user + system), in milliseconds (/proc/<pid>/stat). */
  cpuMs(): number;
  /** SIGTERM, then SIGKILL after `graceMs`; resolves when the process has exited. */
  stop(graceMs?: number): Promise<void>;
}

const PORT_BASE = Number(process.env.BENCH_PORT_BASE ?? 4300);
const PORT_COUNT = Number(process.env.BENCH_PORT_COUNT ?? 100);
let portTurn = 0;

/** The next port of the benchmarks' range (BENCH_PORT_BASE, default 4300, and the 99 after it), in turn. */
export function nextPort(): number {
  return PORT_BASE + (portTurn++ % PORT_COUNT);
}

/** The environment a benchmarked server starts with: no inherited database or channel settings, a port of the range. */
export function cleanEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const key of ['PATH', 'HOME', 'LANG', 'TMPDIR']) if (process.env[key] !== undefined) env[key] = process.env[key];
  return { ...env, HOST: '127.0.0.1', PORT: String(nextPort()), SOMEBOT_LOG_LEVEL: 'warn', SOMEBOT_DEMO_TOKEN: BENCH_DEMO_TOKEN, ...extra };
}

/** USER_HZ: the unit of /proc/<pid>/stat's CPU times (100 on Linux for every architecture Node supports). */
const CLOCK_TICKS = 100;

function statusKiB(pid: number, field: 'VmHWM' | 'VmRSS'): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const m = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status);
  if (!m) throw new Error(`no ${field} in /proc/${pid}/status`);
  return Number(m[1]);
}

function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once('exit', () => resolve()));
}

/** Starts the server, reads its URL from the first http://host:port it prints, and waits until it is ready. */
export async function startProcess(spec: ServerSpec, timeoutMs = 180_000): Promise<RunningProcess> {
  const started = Date.now();
  const child = spawn(process.execPath, spec.args, { cwd: spec.cwd, env: spec.env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  let errors = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => {
    errors += chunk.toString();
    if (errors.length > 20_000) errors = errors.slice(-10_000);
  });
  const fail = (why: string) => {
    child.kill('SIGKILL');
    return new Error(`${spec.name}: ${why}\n--- stdout\n${output.slice(-2000)}\n--- stderr\n${errors.slice(-4000)}`);
  };
  let url = '';
  while (!url) {
    if (child.exitCode !== null) throw fail(`exited with ${child.exitCode} before listening`);
    if (Date.now() - started > timeoutMs) throw fail('did not print its URL in time');
    url = /http:\/\/127\.0\.0\.1:\d+/.exec(output)?.[0] ?? '';
    if (!url) await new Promise((r) => setTimeout(r, 50));
  }
  for (;;) {
    if (child.exitCode !== null) throw fail(`exited with ${child.exitCode} before ready`);
    if (Date.now() - started > timeoutMs) throw fail('not ready in time');
    const ok = await fetch(url + spec.readyPath).then((r) => r.ok, () => false);
    if (ok) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  const readyMs = Date.now() - started;
  const pid = child.pid!;
  let lastPeak = 0;
  return {
    name: spec.name,
    pid,
    url,
    readyMs,
    peakRssMiB() {
      if (child.exitCode === null) lastPeak = statusKiB(pid, 'VmHWM') / 1024;
      return lastPeak;
    },
    rssMiB() {
      return statusKiB(pid, 'VmRSS') / 1024;
    },
    cpuMs() {
      // Fields 14 and 15 (utime, stime) in clock ticks; the command name (field 2) may hold spaces, so count from its ')'.
      const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS;
    },
    async stop(graceMs = 15_000) {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
      await exited(child);
      clearTimeout(timer);
    },
  };
}
