/**
 * `npm run bench:load`: somebot under load on loopback, beside a bare express server (a fixed answer to
 * every route, test/bench/bareServer.ts) measured in the same run, so the difference is the bot's own cost.
 *
 * Steps, each against both servers: questions through the web chat API at a fixed rate (autocannon);
 * signed Slack events (message.im, Slack's v0 HMAC signature) at a fixed rate; Teams activities (personal
 * chat messages; SOMEBOT_DEV=1, loopback) at a fixed rate; concurrent report submissions through the web
 * chat's report dialog. Slack's Web API and the Bot Connector are the test fakes on loopback
 * (test/adapters/slack/fakeSlackApi.ts, test/adapters/teams/fakeConnector.ts): nothing leaves the machine.
 * Prints throughput, p50/p99 latency and each server's peak resident memory (VmHWM) after every step.
 *
 *   npm run bench:load -- [--rate 200] [--platform-rate 50] [--duration 15] [--reports 500]
 *                         [--concurrency 20] [--database-url postgres://…] [--steps cpu,web,slack,teams,reports]
 *                         [--cpu-questions 400]
 *                         [--node-options "V8 FLAGS for the bot"]
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { FakeSlackApi } from '../adapters/slack/fakeSlackApi';
import { eventCallback, imMessage, signature } from '../adapters/slack/slackPayloads';
import { FakeConnector } from '../adapters/teams/fakeConnector';
import { personalMessage, type TeamsUser } from '../adapters/teams/activities';
import { benchEmployees, writeBenchDirectory, type BenchPerson } from './benchDirectory';
import { figuresOf, type LoadFigures } from './latency';
import { readProbe } from './memoryProbe';
import { cleanEnv, startProcess, type RunningProcess } from './serverProcess';
import { benchQuestions, REPO_ROOT, webHeaders } from './webChatClient';

const SIGNING_SECRET = 'bench-signing-secret-not-a-real-one';
/** A fixed data key, so that a PostgreSQL database reused by another run can still read its reports. Benchmark only. */
const DATA_KEY = Buffer.alloc(32, 0x5b).toString('base64');

interface Options {
  rate: number;
  platformRate: number;
  duration: number;
  reports: number;
  concurrency: number;
  databaseUrl?: string;
  /** NODE_OPTIONS for the bot's process (to try V8 flags; empty by default). */
  nodeOptions: string;
  /** Which steps to run (default all): cpu, web, slack, teams, reports. */
  steps: Set<string>;
  /** Questions asked one at a time in the `cpu` step. */
  cpuQuestions: number;
}

const STEPS = ['cpu', 'web', 'slack', 'teams', 'reports'];

function parseArgs(argv: string[]): Options {
  const options: Options = { rate: 200, platformRate: 50, duration: 15, reports: 500, concurrency: 20, nodeOptions: '', steps: new Set(STEPS), cpuQuestions: 400 };
  for (let i = 0; i < argv.length; i += 2) {
    const [flag, value] = [argv[i], argv[i + 1]];
    if (value === undefined) throw new Error(`${flag} needs a value`);
    if (flag === '--rate') options.rate = Number(value);
    else if (flag === '--platform-rate') options.platformRate = Number(value);
    else if (flag === '--duration') options.duration = Number(value);
    else if (flag === '--reports') options.reports = Number(value);
    else if (flag === '--concurrency') options.concurrency = Number(value);
    else if (flag === '--database-url') options.databaseUrl = value;
    else if (flag === '--node-options') options.nodeOptions = value;
    else if (flag === '--cpu-questions') options.cpuQuestions = Number(value);
    else if (flag === '--steps') options.steps = new Set(value.split(',').filter((step) => STEPS.includes(step)));
    else throw new Error(`unknown argument ${flag}`);
  }
  return options;
}

function teamsUserOf(p: BenchPerson): TeamsUser {
  const key = p.id.replace(/\W/g, '');
  return { directoryId: p.id, name: p.id, aadObjectId: p.teams, id: `29:1${key}MRI`, personalConversation: `a:1${key}-personal`, locale: 'sv-FI' };
}

function fromAutocannon(result: autocannon.Result): LoadFigures {
  const ok = result['2xx'];
  return {
    requests: result.requests.total,
    errors: result.errors + result.timeouts + result.non2xx,
    throughput: ok / (result.duration || 1),
    p50: result.latency.p50,
    p99: result.latency.p99,
    max: result.latency.max,
  };
}

/** One autocannon step at a fixed overall rate; `next` gives each request's path, headers and body. */
async function fixedRate(url: string, rate: number, duration: number, next: () => { path: string; headers: Record<string, string>; body: string }): Promise<LoadFigures> {
  const result = await autocannon({
    url,
    method: 'POST',
    connections: Math.max(4, Math.ceil(rate / 20)),
    overallRate: rate,
    duration,
    requests: [{ setupRequest: (req) => ({ ...req, method: 'POST', ...next() }) }],
  });
  return fromAutocannon(result);
}

const REPORT_STEPS: object[] = [
  { text: 'Någon trakasserar mig i kommentarerna på vår Facebooksida' },
  { choice: 'no' },
  { choice: 'facebook' },
  { choice: 'organisation_account' },
  { text: 'En profil skriver kränkande kommentarer under varje inlägg (benchmark)' },
  { choice: 'today' },
  { choice: 'none' },
  { choice: 'no' },
  { choice: 'confirm' },
];

/**
 * `reports` report dialogs, `concurrency` at a time; a person never has two dialogs open at once. Returns the
 * figures of every request and of the submissions (the last step) alone, and how many ended in a receipt.
 */
async function submitReports(url: string, people: BenchPerson[], reports: number, concurrency: number, checkReceipt: boolean) {
  const all: number[] = [];
  const submits: number[] = [];
  let errors = 0;
  let firstError = '';
  let receipts = 0;
  let nextReport = 0;
  const started = Date.now();
  async function worker(w: number): Promise<void> {
    const mine = people.filter((_, i) => i % concurrency === w);
    for (let turn = 0; ; turn++) {
      if (nextReport >= reports) return;
      nextReport++;
      const person = mine[turn % mine.length]!;
      let html = '';
      for (const [i, step] of REPORT_STEPS.entries()) {
        const t0 = performance.now();
        const res = await fetch(`${url}/web/api/messages`, { method: 'POST', headers: webHeaders(url, person.id), body: JSON.stringify(step) });
        const text = await res.text();
        const ms = performance.now() - t0;
        all.push(ms);
        if (i === REPORT_STEPS.length - 1) submits.push(ms);
        if (!res.ok) {
          errors++;
          if (!firstError) firstError = `HTTP ${res.status} at step ${i + 1}: ${text.slice(0, 160)}`;
          break;
        }
        html = text;
      }
      if (!checkReceipt || html.includes('kind-done')) receipts++;
    }
  }
  await Promise.all(Array.from({ length: concurrency }, (_, w) => worker(w)));
  const seconds = (Date.now() - started) / 1000;
  return { requests: figuresOf(all, errors, seconds), submissions: figuresOf(submits, 0, seconds), receipts, seconds, firstError };
}

/** Waits until `count()` stops growing for `quietMs` (or `maxMs` passed); returns the last count. */
async function settle(count: () => number, quietMs = 3000, maxMs = 60_000): Promise<number> {
  const deadline = Date.now() + maxMs;
  let last = count();
  let since = Date.now();
  while (Date.now() < deadline && Date.now() - since < quietMs) {
    await new Promise((r) => setTimeout(r, 250));
    const now = count();
    if (now !== last) {
      last = now;
      since = Date.now();
    }
  }
  return last;
}

interface Row {
  step: string;
  server: string;
  asked: string;
  figures: LoadFigures;
  peakMiB: number;
  note?: string;
}

function printRow(r: Row, memory?: string): void {
  const f = r.figures;
  console.log(
    [
      r.step.padEnd(22),
      r.server.padEnd(14),
      r.asked.padStart(11),
      `${f.throughput.toFixed(1)}/s`.padStart(9),
      `${f.p50.toFixed(1)}`.padStart(7),
      `${f.p99.toFixed(1)}`.padStart(7),
      `${f.max.toFixed(0)}`.padStart(6),
      String(f.errors).padStart(6),
      `${r.peakMiB.toFixed(0)} MiB`.padStart(9),
      r.note ?? '',
    ].join('  '),
  );
  if (memory) console.log(`${''.padEnd(24)}${memory}`);
}

async function main(): Promise<void> {
  const options = parseArgs(process.argv.slice(2));
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'somebot-bench-load-'));
  const people = benchEmployees(Math.max(200, options.concurrency));
  const directory = writeBenchDirectory(work, people);
  const questions = benchQuestions(500);
  const slack = await FakeSlackApi.start(people.map((p) => ({ id: p.slack, name: p.id, locale: 'sv-SE' })));
  const connector = new FakeConnector();
  const serviceUrl = await connector.start();
  const servers: RunningProcess[] = [];
  try {
    const bare = await startProcess({ name: 'bare express', args: [path.join(__dirname, 'bareServer.js')], cwd: REPO_ROOT, env: cleanEnv({}), readyPath: '/readyz' });
    servers.push(bare);
    const probeFile = path.join(work, 'memory-probe.json');
    const probe = `--require ${JSON.stringify(path.join(__dirname, 'memoryProbe.js'))}`;
    const bot = await startProcess({
      name: 'somebot',
      args: [path.join(REPO_ROOT, 'bin', 'somebot.js'), 'start'],
      cwd: REPO_ROOT,
      env: cleanEnv({
        SOMEBOT_DATA_DIR: path.join(work, 'data'),
        ORG_DIRECTORY: directory,
        SLACK_BOT_TOKEN: 'xoxb-bench-token',
        SLACK_SIGNING_SECRET: SIGNING_SECRET,
        SLACK_API_URL: slack.apiUrl,
        SOMEBOT_DEV: '1',
        SOMEBOT_WEB_CHAT: 'demo',
        SOMEBOT_DATA_KEY: DATA_KEY,
        ...(options.databaseUrl ? { DATABASE_URL: options.databaseUrl } : {}),
        BENCH_MEMORY_PROBE: probeFile,
        NODE_OPTIONS: [probe, options.nodeOptions].filter(Boolean).join(' '),
      }),
      readyPath: '/readyz',
    });
    servers.push(bot);
    /** Where somebot's memory is, from its own process.memoryUsage() (highest value of each field so far). */
    const botMemory = () => {
      const m = readProbe(probeFile)?.max;
      const mib = (n: number) => `${(n / 1048576).toFixed(0)}`;
      return m ? `somebot memoryUsage peaks (MiB): rss ${mib(m.rss)}, V8 heap ${mib(m.heapTotal)} (used ${mib(m.heapUsed)}), external ${mib(m.external)} (ArrayBuffers ${mib(m.arrayBuffers)})` : '';
    };

    console.log(`somebot under load on loopback, beside a bare express server with fixed answers (same run)`);
    console.log(
      `${new Date().toISOString()}  node ${process.version}  ${os.cpus().length} CPUs  load ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}  store: ${options.databaseUrl ? 'PostgreSQL' : 'PGlite (embedded)'}`,
    );
    console.log(`peak RSS at start: somebot ${bot.peakRssMiB().toFixed(0)} MiB, bare express ${bare.peakRssMiB().toFixed(0)} MiB`);
    await new Promise((r) => setTimeout(r, 300));
    console.log(botMemory());
    console.log(
      ['step'.padEnd(22), 'server'.padEnd(14), 'asked'.padStart(11), 'done'.padStart(9), 'p50 ms'.padStart(7), 'p99 ms'.padStart(7), 'max'.padStart(6), 'errors'.padStart(6), 'peak RSS'.padStart(9)].join('  '),
    );

    // The bot's own cost per question, apart from the machine's other load: questions asked one at a time, and
    // the CPU time (user + system) the server process used for them, from /proc/<pid>/stat. A warm-up first.
    for (const server of options.steps.has('cpu') ? [bare, bot] : []) {
      const ask = async (count: number, offset: number) => {
        const latencies: number[] = [];
        for (let q = 0; q < count; q++) {
          const person = people[(offset + q) % people.length]!;
          const t0 = performance.now();
          const res = await fetch(`${server.url}/web/api/messages`, { method: 'POST', headers: webHeaders(server.url, person.id), body: JSON.stringify({ text: questions[(offset + q) % questions.length] }) });
          await res.text();
          if (!res.ok) throw new Error(`${server.name}: POST /web/api/messages answered ${res.status}`);
          latencies.push(performance.now() - t0);
        }
        return latencies;
      };
      await ask(Math.min(100, options.cpuQuestions), 0);
      const cpu0 = server.cpuMs();
      const started = performance.now();
      const latencies = await ask(options.cpuQuestions, 100);
      const seconds = (performance.now() - started) / 1000;
      const perQuestion = (server.cpuMs() - cpu0) / options.cpuQuestions;
      printRow(
        { step: 'questions one by one', server: server.name, asked: `${options.cpuQuestions}×1`, figures: figuresOf(latencies, 0, seconds), peakMiB: server.peakRssMiB(), note: `CPU ${perQuestion.toFixed(2)} ms per question` },
        server === bot ? botMemory() : undefined,
      );
    }

    for (const server of options.steps.has('web') ? [bare, bot] : []) {
      let q = 0;
      const figures = await fixedRate(server.url, options.rate, options.duration, () => {
        const person = people[q % people.length]!;
        const text = questions[q++ % questions.length]!;
        return { path: '/web/api/messages', headers: webHeaders(server.url, person.id), body: JSON.stringify({ text }) };
      });
      printRow({ step: 'web chat questions', server: server.name, asked: `${options.rate}/s`, figures, peakMiB: server.peakRssMiB() }, server === bot ? botMemory() : undefined);
    }

    for (const server of options.steps.has('slack') ? [bare, bot] : []) {
      const before = slack.calls.filter((c) => c.method === 'chat.postMessage').length;
      let q = 0;
      const figures = await fixedRate(server.url, options.platformRate, options.duration, () => {
        const person = people[q % people.length]!;
        const body = eventCallback(imMessage(person.slack, questions[q++ % questions.length]!)).body;
        const timestamp = Math.floor(Date.now() / 1000);
        return {
          path: '/slack/events',
          headers: { 'Content-Type': 'application/json', 'X-Slack-Request-Timestamp': String(timestamp), 'X-Slack-Signature': signature(SIGNING_SECRET, timestamp, body) },
          body,
        };
      });
      const posted = server === bot ? (await settle(() => slack.calls.filter((c) => c.method === 'chat.postMessage').length)) - before : 0;
      printRow({ step: 'Slack events (signed)', server: server.name, asked: `${options.platformRate}/s`, figures, peakMiB: server.peakRssMiB(), note: server === bot ? `answers posted to the fake Web API: ${posted}` : '' }, server === bot ? botMemory() : undefined);
    }

    for (const server of options.steps.has('teams') ? [bare, bot] : []) {
      const before = connector.calls.length;
      let q = 0;
      const figures = await fixedRate(server.url, options.platformRate, options.duration, () => {
        const person = people[q % people.length]!;
        const activity = personalMessage(serviceUrl, teamsUserOf(person), questions[q++ % questions.length]!);
        return { path: '/api/messages', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(activity) };
      });
      const sent = server === bot ? (await settle(() => connector.calls.length)) - before : 0;
      printRow({ step: 'Teams activities', server: server.name, asked: `${options.platformRate}/s`, figures, peakMiB: server.peakRssMiB(), note: server === bot ? `replies to the fake Bot Connector: ${sent}` : '' }, server === bot ? botMemory() : undefined);
    }

    for (const server of options.steps.has('reports') ? [bare, bot] : []) {
      const before = slack.calls.filter((c) => c.method === 'chat.postMessage').length;
      const r = await submitReports(server.url, people, options.reports, options.concurrency, server === bot);
      const alerts = server === bot ? (await settle(() => slack.calls.filter((c) => c.method === 'chat.postMessage').length, 5000, 120_000)) - before : 0;
      const asked = `${options.reports}×${options.concurrency}`;
      printRow({ step: 'report dialog requests', server: server.name, asked, figures: r.requests, peakMiB: server.peakRssMiB(), note: r.firstError ? `first error: ${r.firstError}` : '' });
      printRow({
        step: 'report submissions',
        server: server.name,
        asked,
        figures: r.submissions,
        peakMiB: server.peakRssMiB(),
        note: server === bot ? `receipts ${r.receipts}/${options.reports} in ${r.seconds.toFixed(1)} s; alerts posted: ${alerts}` : '',
      }, server === bot ? botMemory() : undefined);
    }
    console.log(`resident now: somebot ${bot.rssMiB().toFixed(0)} MiB, bare express ${bare.rssMiB().toFixed(0)} MiB`);
    const now = readProbe(probeFile)?.now;
    if (now) console.log(`somebot memoryUsage now (MiB): V8 heap ${(now.heapTotal / 1048576).toFixed(0)} (used ${(now.heapUsed / 1048576).toFixed(0)}), external ${(now.external / 1048576).toFixed(0)}`);
  } finally {
    for (const s of servers) await s.stop().catch(() => undefined);
    await slack.close();
    await connector.stop();
    fs.rmSync(work, { recursive: true, force: true });
  }
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : String(err));
  process.exitCode = 1;
});
