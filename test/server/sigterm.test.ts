/**
 * SIGTERM while reports are being submitted loses nothing: `somebot start` runs in a child process, six
 * people confirm their reports at the same moment, and the process gets SIGTERM right after the requests
 * are sent. Every confirmation either completes (its report is stored with its alerts) or, had it not been
 * taken, leaves the dialog at the confirmation step, so confirming again after the restart stores it once.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { createBot } from '../../src/app/bot';
import { Pool } from 'pg';
import { REPO_ROOT } from '../../src/core/i18n';
import { dropPostgresSchema, freshSchemaName, TEST_DATABASE_URL } from '../helpers/db';
import { conversationId } from '../../src/core/reports/dialogSessions';
import { harassmentUntilConfirm, referenceIn, testConfig, TEST_DEMO_TOKEN, TEST_INDEX_FILE } from './testServer';

const PEOPLE = ['anna.lindqvist', 'mikko.laine', 'helena.aaltonen', 'sofia.holmberg', 'karin.nystrom', 'linnea.berg'];

async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const { port } = server.address() as net.AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

interface Child {
  child: ChildProcess;
  out: () => string;
  err: () => string;
  listening: Promise<void>;
  /** Resolves once the server has logged the start of `count` POST requests. */
  postsStarted(count: number): Promise<void>;
}

function startChild(env: NodeJS.ProcessEnv): Child {
  const child = spawn(
    process.execPath,
    ['-r', path.join(REPO_ROOT, 'test/core/delivery/fixtures/tsRequire.js'), path.join(__dirname, 'fixtures', 'start.ts')],
    { cwd: REPO_ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let out = '';
  let err = '';
  const listening = new Promise<void>((resolve, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (out.includes('somebot is listening on')) resolve();
    });
    child.once('exit', (code) => reject(new Error(`child exited (${String(code)}) before listening: ${err.slice(-800)}`)));
  });
  const waiters: { count: number; resolve: () => void }[] = [];
  const posts = () => err.split('\n').filter((l) => l.includes('"event":"http_request_started"') && l.includes('"method":"POST"')).length;
  child.stderr!.on('data', (chunk: Buffer) => {
    err += chunk.toString();
    for (const w of waiters.filter((w) => posts() >= w.count)) w.resolve();
  });
  return {
    child,
    out: () => out,
    err: () => err,
    listening,
    postsStarted: (count) => new Promise<void>((resolve) => waiters.push({ count: posts() + count, resolve })),
  };
}

/** POSTs a confirmation on its own connection; resolves with the outcome and when it arrived. */
function confirm(port: number, person: string): Promise<{ person: string; status?: number; body?: string; error?: string; at: number }> {
  return new Promise((resolve) => {
    const body = JSON.stringify({ choice: 'confirm' });
    const req = http.request(
      {
        host: '127.0.0.1',
        port,
        method: 'POST',
        path: '/web/api/messages',
        agent: false,
        headers: { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(body), 'X-Somebot-Person': person, 'X-Somebot-Lang': 'sv', 'X-Somebot-Demo-Token': TEST_DEMO_TOKEN },
      },
      (res) => {
        let text = '';
        res.on('data', (c: Buffer) => (text += c.toString()));
        res.on('end', () => resolve({ person, status: res.statusCode, body: text, at: Date.now() }));
      },
    );
    req.on('error', (e) => resolve({ person, error: e.message, at: Date.now() }));
    req.end(body);
  });
}

describe(`SIGTERM during report submissions (${TEST_DATABASE_URL ? 'PostgreSQL' : 'PGlite'})`, () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'somebot-sigterm-'));
  const schema = freshSchemaName();
  /** PostgreSQL (a fresh schema) when the suite has one: there a submission spans network round trips. */
  let database: string | undefined;

  beforeAll(async () => {
    if (!TEST_DATABASE_URL) return;
    const admin = new Pool({ connectionString: TEST_DATABASE_URL, max: 1 });
    await admin.query(`CREATE SCHEMA ${schema}`);
    await admin.end();
    const url = new URL(TEST_DATABASE_URL);
    url.searchParams.set('options', `-c search_path=${schema}`);
    database = url.toString();
  });

  afterAll(async () => {
    fs.rmSync(dataDir, { recursive: true, force: true });
    if (database) await dropPostgresSchema(schema);
  });

  it('finishes the submissions in flight, exits 0, and loses no report', async () => {
    const port = await freePort();
    const env: NodeJS.ProcessEnv = {
      PATH: process.env.PATH,
      SOMEBOT_LANG: 'en',
      SOMEBOT_DATA_DIR: dataDir,
      SOMEBOT_INDEX_FILE: TEST_INDEX_FILE,
      SOMEBOT_RELAY_POLL_MS: '50',
      SOMEBOT_LOG_LEVEL: 'debug',
      SOMEBOT_DEMO_TOKEN: TEST_DEMO_TOKEN,
      PORT: String(port),
      HOST: '127.0.0.1',
      ...(database ? { DATABASE_URL: database } : {}),
    };
    const run = startChild(env);
    await run.listening;
    const base = `http://127.0.0.1:${port}`;
    for (const person of PEOPLE) await harassmentUntilConfirm(base, person);

    // SIGTERM as soon as the server has begun the first confirmation (PGlite works one statement at a time,
    // so the others wait behind it; some may be refused or cut before the server reads them).
    const exited = new Promise<number | null>((resolve) => run.child.once('exit', (code) => resolve(code)));
    const taken = run.postsStarted(1);
    const confirming = Promise.all(PEOPLE.map((person) => confirm(port, person)));
    await taken;
    run.child.kill('SIGTERM');
    const outcomes = await confirming;
    expect(await exited).toBe(0);
    expect(run.out()).toContain('Stopped.');

    // Requests were in flight when the stop began (the server says how many), and they all finished.
    const stopping = run
      .err()
      .split('\n')
      .filter((l) => l.includes('"event":"server_stopping"'))
      .map((l) => JSON.parse(l) as { inFlight: number })[0];
    expect(stopping).toBeDefined();
    // On PostgreSQL a submission waits on the network, so the signal lands in the middle of one; PGlite runs
    // a whole submission without yielding, so there the signal is handled between submissions.
    if (database) expect(stopping!.inFlight).toBeGreaterThan(0);
    expect(outcomes.filter((o) => o.status === 200).length).toBeGreaterThanOrEqual(stopping!.inFlight);

    // After the restart: every completed confirmation's report is stored; every other dialog still waits
    // at the confirmation step and confirming again stores it. Each person has exactly one report.
    const { config } = testConfig({ SOMEBOT_DATA_DIR: dataDir, SOMEBOT_INDEX_FILE: TEST_INDEX_FILE, ...(database ? { DATABASE_URL: database } : {}) });
    const bot = await createBot(config, { logger: { debug() {}, info() {}, warn() {}, error() {} } });
    try {
      const references = new Map<string, string>();
      for (const o of outcomes) {
        let reference = o.status === 200 ? referenceIn(o.body ?? '') : undefined;
        if (!reference) {
          const replies = await bot.conversation.handle({ conversationId: conversationId('web', o.person), personId: o.person, choice: 'confirm' });
          reference = referenceIn(replies.map((r) => (r.type === 'dialog' ? r.reply.text : '')).join('\n'));
        }
        expect(reference).toBeDefined();
        const report = await bot.reporting.store.getReport(reference!);
        expect(report?.reporterId).toBe(o.person);
        expect((await bot.reporting.store.outboxFor(reference!)).length).toBeGreaterThan(0);
        references.set(o.person, reference!);
      }
      expect(new Set(references.values()).size).toBe(PEOPLE.length);
      expect((await bot.reporting.store.listReports({})).length).toBe(PEOPLE.length);
    } finally {
      await bot.close();
    }
  }, 120_000);
});
