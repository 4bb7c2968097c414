/**
 * `npm run bench:memory`: peak resident memory (VmHWM) of `node bin/somebot.js start` on its embedded
 * default (PGlite), first on a new data directory and then started again on the same one, each followed by
 * questions through the web chat API; beside a bare express server measured in the same run (the floor of
 * any Node HTTP server), and optionally beside another checkout of somebot (`--compare DIR`, e.g. a copy of
 * main with its dist/ built) measured in the same run.
 *
 *   npm run bench:memory -- [--questions 60] [--runs 1] [--compare DIR] [--node-options "V8 FLAGS"]
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { cleanEnv, startProcess, type ServerSpec } from './serverProcess';
import { askAll, benchQuestions, preselectedPerson, REPO_ROOT } from './webChatClient';

interface Options {
  questions: number;
  runs: number;
  compare: string[];
  /** NODE_OPTIONS for the somebot processes (to try V8 flags; empty by default). */
  nodeOptions: string;
}

function parseArgs(argv: string[]): Options {
  const options: Options = { questions: 60, runs: 1, compare: [], nodeOptions: '' };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    const value = argv[i + 1];
    if (flag === '--questions' && value) options.questions = Number(value);
    else if (flag === '--runs' && value) options.runs = Number(value);
    else if (flag === '--compare' && value) options.compare.push(path.resolve(value));
    else if (flag === '--node-options' && value !== undefined) options.nodeOptions = value;
    else throw new Error(`unknown argument ${flag} (use --questions N, --runs N, --compare DIR, --node-options "FLAGS")`);
    i++;
  }
  return options;
}

interface Measure {
  peakMiB: number;
  readyMs: number;
}

/** Brings a checkout's dist/ up to date (its launcher rebuilds when src/ is newer), so no build runs while measuring. */
function ensureBuilt(checkout: string): void {
  execFileSync(process.execPath, [path.join(checkout, 'bin', 'somebot.js'), 'help'], { cwd: checkout, stdio: 'ignore', env: cleanEnv({}) });
}

async function measureOnce(spec: ServerSpec, questions: string[]): Promise<Measure> {
  const server = await startProcess(spec);
  try {
    const person = await preselectedPerson(server.url);
    await askAll(server.url, questions, person);
    return { peakMiB: server.peakRssMiB(), readyMs: server.readyMs };
  } finally {
    await server.stop();
  }
}

/** A new data directory, then a second start on the same one. */
async function measureCheckout(name: string, checkout: string, questions: string[], nodeOptions: string): Promise<{ fresh: Measure; later: Measure }> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'somebot-bench-memory-'));
  try {
    const spec: ServerSpec = {
      name,
      args: [path.join(checkout, 'bin', 'somebot.js'), 'start'],
      cwd: checkout,
      env: cleanEnv({ SOMEBOT_DATA_DIR: dataDir, ...(nodeOptions ? { NODE_OPTIONS: nodeOptions } : {}) }),
      readyPath: '/readyz',
    };
    const fresh = await measureOnce(spec, questions);
    const later = await measureOnce(spec, questions);
    return { fresh, later };
  } finally {
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

async function measureBare(questions: string[]): Promise<Measure> {
  return measureOnce(
    { name: 'bare express', args: [path.join(__dirname, 'bareServer.js')], cwd: REPO_ROOT, env: cleanEnv({}), readyPath: '/readyz' },
    questions,
  );
}

function mib(n: number): string {
  return `${n.toFixed(0)} MiB`;
}

function row(cells: string[], widths: number[]): string {
  return cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
}

async function main(): Promise<void> {
  const options = parseArgs(process.argv.slice(2));
  const questions = benchQuestions(options.questions);
  const checkouts = [{ name: 'somebot (this checkout)', dir: REPO_ROOT }, ...options.compare.map((dir) => ({ name: `somebot (${dir})`, dir }))];
  for (const c of checkouts) ensureBuilt(c.dir);
  const widths = [44, 16, 16, 12];
  console.log(`Peak RSS (VmHWM) of the server process, ${questions.length} questions through POST /web/api/messages after each start`);
  console.log(`${new Date().toISOString()}  node ${process.version}  ${os.cpus().length} CPUs  load ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}`);
  console.log(row(['server', 'new data dir', 'later start', 'ready in'], widths));
  for (let run = 1; run <= options.runs; run++) {
    const bare = await measureBare(questions);
    console.log(row([`bare express (baseline)  run ${run}`, mib(bare.peakMiB), '–', `${bare.readyMs} ms`], widths));
    for (const c of checkouts) {
      const m = await measureCheckout(c.name, c.dir, questions, options.nodeOptions);
      console.log(row([`${c.name}  run ${run}`, mib(m.fresh.peakMiB), mib(m.later.peakMiB), `${m.fresh.readyMs} / ${m.later.readyMs} ms`], widths));
    }
  }
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : String(err));
  process.exitCode = 1;
});
