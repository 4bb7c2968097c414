/**
 * Several real `node bin/somebot.js start` processes on one PostgreSQL of their own (PrivatePostgres, which the
 * tests stop and start), with Slack's Web API faked on loopback behind a FaultyProxy and the Bot Connector
 * faked for Teams (dev mode: no app id, loopback). Reports come in from outside through the web chat's JSON
 * API, as a browser sends them. Reminder timings are shortened with a routing table whose T is one minute,
 * and the relay's with SOMEBOT_RELAY_*; all processes share one data key.
 */
import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Pool } from 'pg';
import YAML from 'yaml';
import { REPO_ROOT } from '../../src/core/i18n';
import { FakeSlackApi, type FakeSlackUser } from '../adapters/slack/fakeSlackApi';
import { SLACK } from '../adapters/slack/slackHarness';
import { SIGNING_SECRET } from '../adapters/slack/slackPayloads';
import { FakeConnector } from '../adapters/teams/fakeConnector';
import { freePort, PrivatePostgres } from '../helpers/privatePostgres';
import { HARASSMENT_STEPS, referenceIn, TEST_DEMO_TOKEN, webClient } from '../server/testServer';
import { FaultyProxy } from './faultyProxy';

export const DATA_KEY = Buffer.alloc(32, 11).toString('base64');
const INDEX_FILE = path.join(os.tmpdir(), 'somebot-faults-index.json');

/** Relay timings for the fault suite: fast polls and retries; a delivery timeout above the store's retry window. */
export const RELAY_ENV = {
  SOMEBOT_RELAY_POLL_MS: '100',
  SOMEBOT_RELAY_BATCH: '20',
  SOMEBOT_RELAY_MAX_ATTEMPTS: '40',
  SOMEBOT_RELAY_BASE_DELAY_MS: '100',
  SOMEBOT_RELAY_MAX_DELAY_MS: '2000',
  SOMEBOT_RELAY_LEASE_MS: '30000',
  SOMEBOT_RELAY_DELIVERY_TIMEOUT_MS: '12000',
};

/** The shipped routing table with every acknowledgement time T set to one minute (reminder at 1, escalation at 2). */
function shortRoutingTable(dir: string): string {
  const text = fs.readFileSync(path.join(REPO_ROOT, 'content', 'routing.yaml'), 'utf8').replace(/ackTimeoutMinutes: \d+/g, 'ackTimeoutMinutes: 1');
  const file = path.join(dir, 'routing-1min.yaml');
  fs.writeFileSync(file, text);
  return file;
}

export interface BotProcess {
  name: string;
  url: string;
  child: ChildProcess;
  /** stderr (JSON log lines) and stdout so far. */
  log(): string;
  /** The relay id from its relay_started log line. */
  relayId(): string | undefined;
  exit: { code: number | null; signal: NodeJS.Signals | null } | undefined;
  /** Resolves once the banner says it listens. */
  listening: Promise<void>;
}

export interface ClusterOptions {
  processes: number;
  env?: Record<string, string>;
  /**
   * The demo directory without IT security's Slack channel, so IT security's one team post goes to its Teams
   * channel through the Bot Connector (and its FaultyProxy): doors are preferred in a fixed order, Slack
   * first, so while Slack reaches one of the team's channels, Teams gets no team post.
   */
  itSecurityOnTeams?: boolean;
}

/** The demo directory without IT security's Slack channel; returns the file's path. */
function itSecurityWithoutSlackChannel(dir: string): string {
  const doc = YAML.parse(fs.readFileSync(path.join(REPO_ROOT, 'content', 'demo-directory.yaml'), 'utf8')) as { itSecurity: { channels: { platform: string }[] } };
  doc.itSecurity.channels = doc.itSecurity.channels.filter((c) => c.platform !== 'slack');
  const file = path.join(dir, 'directory-it-security-on-teams.yaml');
  fs.writeFileSync(file, YAML.stringify(doc));
  return file;
}

export class BotCluster {
  readonly bots: BotProcess[] = [];
  private count = 0;

  private constructor(
    readonly pg: PrivatePostgres,
    readonly db: Pool,
    readonly slack: FakeSlackApi,
    readonly slackProxy: FaultyProxy,
    readonly connector: FakeConnector,
    /** The fake Bot Connector behind a FaultyProxy: what activities carry as serviceUrl. */
    readonly teamsProxy: FaultyProxy,
    readonly connectorUrl: string,
    private readonly dir: string,
    private readonly env: Record<string, string>,
  ) {}

  static async start(options: ClusterOptions): Promise<BotCluster> {
    // bin/somebot.js rebuilds dist/ when src/ is newer; do it once here, not in several processes at once.
    try {
      execFileSync(process.execPath, [path.join(REPO_ROOT, 'bin', 'somebot.js'), 'config', 'check'], { cwd: REPO_ROOT, stdio: 'ignore', env: { PATH: process.env.PATH } });
    } catch {
      // only the build matters here
    }
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'somebot-faults-'));
    const pg = await PrivatePostgres.start();
    await pg.createDatabase('somebot');
    const db = new Pool({ connectionString: pg.url('somebot'), max: 2 });
    db.on('error', () => undefined);
    const users: FakeSlackUser[] = Object.entries(SLACK).map(([name, id]) => ({ id, name, locale: 'sv-SE' }));
    const slack = await FakeSlackApi.start(users);
    const slackProxy = await FaultyProxy.start(slack.url);
    const connector = new FakeConnector();
    const teamsProxy = await FaultyProxy.start(await connector.start());
    const connectorUrl = `${teamsProxy.url}/`;
    const env: Record<string, string> = {
      PATH: process.env.PATH ?? '/usr/bin:/bin',
      HOME: process.env.HOME ?? dir,
      SOMEBOT_LANG: 'en',
      HOST: '127.0.0.1',
      DATABASE_URL: pg.url('somebot'),
      SOMEBOT_DATA_KEY: DATA_KEY,
      SOMEBOT_INDEX_FILE: INDEX_FILE,
      SOMEBOT_ROUTING_TABLE: shortRoutingTable(dir),
      SOMEBOT_LOG_LEVEL: 'info',
      SOMEBOT_SHUTDOWN_GRACE_MS: '2000',
      SLACK_BOT_TOKEN: 'xoxb-0000-faults-token',
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_API_URL: `${slackProxy.url}/api/`,
      SOMEBOT_DEV: '1',
      // Beside Slack and Teams the demo web chat (how the suite submits reports) is asked for, with its token.
      SOMEBOT_WEB_CHAT: 'demo',
      SOMEBOT_DEMO_TOKEN: TEST_DEMO_TOKEN,
      ...RELAY_ENV,
      ...(options.itSecurityOnTeams ? { ORG_DIRECTORY: itSecurityWithoutSlackChannel(dir) } : {}),
      ...options.env,
    };
    const cluster = new BotCluster(pg, db, slack, slackProxy, connector, teamsProxy, connectorUrl, dir, env);
    try {
      // The first builds the shared guideline index (when it is missing or stale); the others load it.
      await cluster.spawn().listening;
      await Promise.all(Array.from({ length: options.processes - 1 }, () => cluster.spawn().listening));
    } catch (err) {
      await cluster.stop();
      throw err;
    }
    return cluster;
  }

  /** Starts one more process (e.g. in place of one that was killed). */
  spawn(): BotProcess {
    const name = `bot${++this.count}`;
    const dataDir = path.join(this.dir, name);
    fs.mkdirSync(dataDir);
    let out = '';
    let port = 0;
    const bot: BotProcess = {
      name,
      url: '',
      child: undefined as unknown as ChildProcess,
      log: () => out,
      relayId: () => {
        const line = out.split('\n').find((l) => l.includes('"event":"relay_started"'));
        return line ? (JSON.parse(line) as { relay?: string }).relay : undefined;
      },
      exit: undefined,
      listening: Promise.resolve(),
    };
    bot.listening = (async () => {
      port = await freePort();
      bot.url = `http://127.0.0.1:${port}`;
      const child = spawn(process.execPath, [path.join(REPO_ROOT, 'bin', 'somebot.js'), 'start'], {
        cwd: REPO_ROOT,
        env: { ...this.env, PORT: String(port), SOMEBOT_DATA_DIR: dataDir },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      bot.child = child;
      child.stdout!.on('data', (c: Buffer) => (out += c.toString()));
      child.stderr!.on('data', (c: Buffer) => (out += c.toString()));
      child.once('exit', (code, signal) => (bot.exit = { code, signal }));
      const deadline = Date.now() + 120_000;
      while (!out.includes('somebot is listening on')) {
        if (bot.exit) throw new Error(`${name} exited (${String(bot.exit.code)}) before listening: ${out.slice(-1500)}`);
        if (Date.now() > deadline) throw new Error(`${name} did not start: ${out.slice(-1500)}`);
        await new Promise((r) => setTimeout(r, 100));
      }
    })();
    this.bots.push(bot);
    return bot;
  }

  /** Processes that have not exited. */
  get alive(): BotProcess[] {
    return this.bots.filter((b) => !b.exit);
  }

  kill9(bot: BotProcess): Promise<void> {
    const exited = new Promise<void>((resolve) => (bot.exit ? resolve() : bot.child.once('exit', () => resolve())));
    bot.child.kill('SIGKILL');
    return exited;
  }

  async query<R>(text: string, params: unknown[] = []): Promise<R[]> {
    return (await this.db.query(text, params)).rows as R[];
  }

  /** Stops every process (SIGTERM, then SIGKILL), the fakes and PostgreSQL, and removes the files. */
  async stop(): Promise<void> {
    const logDir = process.env.FAULTS_LOG_DIR;
    if (logDir) {
      fs.mkdirSync(logDir, { recursive: true });
      for (const bot of this.bots) fs.writeFileSync(path.join(logDir, `${path.basename(this.dir)}-${bot.name}.log`), bot.log());
    }
    await Promise.all(
      this.alive.map(async (bot) => {
        const exited = new Promise<void>((resolve) => bot.child.once('exit', () => resolve()));
        bot.child.kill('SIGTERM');
        const timer = setTimeout(() => bot.child.kill('SIGKILL'), 8_000);
        await exited;
        clearTimeout(timer);
      }),
    );
    await this.db.end().catch(() => undefined);
    this.slackProxy.releaseHeld();
    await this.slackProxy.close().catch(() => undefined);
    await this.slack.close().catch(() => undefined);
    this.teamsProxy.releaseHeld();
    await this.teamsProxy.close().catch(() => undefined);
    await this.connector.stop().catch(() => undefined);
    await this.pg.destroy();
    fs.rmSync(this.dir, { recursive: true, force: true });
  }
}

/**
 * Brings `person`'s web conversation on `url` to the confirmation step of a harassment report. `variant`
 * goes into the description: the same person confirming the same draft twice is one submission (its key is
 * a hash of the conversation and the draft), so each wave needs a draft of its own.
 */
export async function untilConfirm(url: string, person: string, variant = ''): Promise<void> {
  const client = webClient(url, person);
  const steps = HARASSMENT_STEPS.map((step) => ('text' in step && String((step as { text: string }).text).startsWith('SECRET-DIALOG-TEXT') ? { text: `${(step as { text: string }).text} ${variant}`.trim() } : step));
  for (const body of steps) {
    const { status } = await client.post('/messages', body);
    if (status !== 200) throw new Error(`step ${JSON.stringify(body)} answered ${status}`);
  }
}

/** One confirmation attempt: the reference of the receipt, or why there was none. */
export async function confirmOnce(url: string, person: string): Promise<{ reference?: string; status?: number; error?: string }> {
  try {
    const res = await fetch(`${url}/web/api/messages`, {
      method: 'POST',
      headers: { Accept: 'application/json', 'Content-Type': 'application/json', 'X-Somebot-Demo-Token': TEST_DEMO_TOKEN, 'X-Somebot-Person': person, 'X-Somebot-Lang': 'sv' },
      body: JSON.stringify({ choice: 'confirm' }),
      signal: AbortSignal.timeout(60_000),
    });
    const text = await res.text();
    const reference = res.status === 200 ? referenceIn(text) : undefined;
    return { status: res.status, ...(reference ? { reference } : {}) };
  } catch (err) {
    return { error: err instanceof Error ? err.name : String(err) };
  }
}

/**
 * Confirms until there is a receipt, as a person would press again after an error: first on `url`, then on
 * the other live processes in turn. Every attempt is recorded.
 */
export async function confirmUntilReceipt(cluster: BotCluster, first: string, person: string, attempts: { person: string; status?: number; error?: string }[]): Promise<string> {
  const deadline = Date.now() + 90_000;
  let url = first;
  for (let i = 0; ; i++) {
    const outcome = await confirmOnce(url, person);
    attempts.push({ person, ...outcome });
    if (outcome.reference) return outcome.reference;
    if (Date.now() > deadline) throw new Error(`no receipt for ${person}: ${JSON.stringify(attempts.filter((a) => a.person === person))}`);
    await new Promise((r) => setTimeout(r, 500));
    const alive = cluster.alive;
    url = alive[(i + 1) % alive.length]!.url;
  }
}

/** The Slack channel each outbox addressee is posted to (a person's DM as FakeSlackApi opens it, or the channel). */
export function slackChannelOf(addressee: { kind: string; personId?: string; channel?: { platform: string; id: string } }): string | undefined {
  if (addressee.kind === 'channel') return addressee.channel?.platform === 'slack' ? addressee.channel.id : undefined;
  const slackId = directorySlackIds().get(addressee.personId ?? '');
  return slackId ? `D${slackId.slice(1)}` : undefined;
}

let slackIds: Map<string, string> | undefined;
function directorySlackIds(): Map<string, string> {
  if (!slackIds) {
    const doc = YAML.parse(fs.readFileSync(path.join(REPO_ROOT, 'content', 'demo-directory.yaml'), 'utf8')) as { people: { id: string; identities?: { slack?: string } }[] };
    slackIds = new Map(doc.people.filter((p) => p.identities?.slack).map((p) => [p.id, p.identities!.slack!]));
  }
  return slackIds;
}

/** The report reference a Slack post is about (from its text or blocks). */
export function referenceOfPost(args: Record<string, unknown>): string | undefined {
  return /SOME-\d{4}-\d{4}/.exec(`${String(args.text ?? '')} ${JSON.stringify(args.blocks ?? '')}`)?.[0];
}

/**
 * Exactly-once check: for every (Slack channel, report), the posts that reached the fake Slack equal the
 * outbox rows delivered there. Returns the pairs that differ (empty when every recipient was told once).
 * `only` limits it to these reports.
 */
export async function deliveryMismatches(cluster: BotCluster, only?: string[]): Promise<{ key: string; rows: number; posts: number }[]> {
  // New posts only: a refresh redraws a copy in place (chat.update), and a row another door delivered is not Slack's.
  const rows = await cluster.query<{ reference: string | null; addressee: any; status: string }>(
    "SELECT reference, addressee, status FROM outbox WHERE status = 'delivered' AND kind <> 'alert_refresh' AND (delivered_via IS NULL OR delivered_via = 'slack')",
  );
  const expected = new Map<string, number>();
  for (const row of rows) {
    const channel = slackChannelOf(row.addressee);
    if (!channel || !row.reference || (only && !only.includes(row.reference))) continue;
    const key = `${channel} ${row.reference}`;
    expected.set(key, (expected.get(key) ?? 0) + 1);
  }
  const landed = new Map<string, number>();
  for (const call of cluster.slack.callsTo('chat.postMessage')) {
    if (!call.result?.ok) continue;
    const reference = referenceOfPost(call.args);
    if (!reference || (only && !only.includes(reference))) continue;
    const key = `${String(call.args.channel)} ${reference}`;
    landed.set(key, (landed.get(key) ?? 0) + 1);
  }
  const keys = new Set([...expected.keys(), ...landed.keys()]);
  return [...keys].map((key) => ({ key, rows: expected.get(key) ?? 0, posts: landed.get(key) ?? 0 })).filter((m) => m.rows !== m.posts);
}

/**
 * The same check for Teams channels: per report, the new posts the fake Bot Connector accepted in a channel
 * (create conversation / send) equal the outbox rows delivered to a Teams channel.
 */
export async function teamsMismatches(cluster: BotCluster): Promise<{ reference: string; rows: number; posts: number }[]> {
  const rows = await cluster.query<{ reference: string | null; addressee: any }>(
    "SELECT reference, addressee FROM outbox WHERE status = 'delivered' AND kind <> 'alert_refresh' AND (delivered_via IS NULL OR delivered_via = 'teams')",
  );
  const expected = new Map<string, number>();
  for (const row of rows) {
    if (row.reference && row.addressee?.kind === 'channel' && row.addressee.channel?.platform === 'teams') expected.set(row.reference, (expected.get(row.reference) ?? 0) + 1);
  }
  const landed = new Map<string, number>();
  for (const call of cluster.connector.calls) {
    if (call.status >= 300 || (call.kind !== 'create' && call.kind !== 'send')) continue;
    const reference = /SOME-\d{4}-\d{4}/.exec(JSON.stringify(call.body))?.[0];
    if (reference) landed.set(reference, (landed.get(reference) ?? 0) + 1);
  }
  const references = new Set([...expected.keys(), ...landed.keys()]);
  return [...references].map((reference) => ({ reference, rows: expected.get(reference) ?? 0, posts: landed.get(reference) ?? 0 })).filter((m) => m.rows !== m.posts);
}

/** Polls `check` until it returns a truthy value or `ms` pass. */
export async function waitFor<T>(check: () => Promise<T | undefined | false>, ms: number, what: string, state?: () => Promise<string>): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await check().catch(() => undefined);
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}${state ? `: ${await state().catch((e: Error) => e.message)}` : ''}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

/** Outbox and timer counts by state (printed when a wait times out, to see what is stuck). */
export async function describeState(cluster: BotCluster): Promise<string> {
  const outbox = await cluster.query('SELECT status, kind, last_error, (lease_until > now()) AS leased, count(*)::int AS n FROM outbox GROUP BY 1, 2, 3, 4 ORDER BY 1, 2');
  const timers = await cluster.query('SELECT level, fired_at IS NOT NULL AS fired, cancelled_at IS NOT NULL AS cancelled, count(*)::int AS n FROM escalation_timers GROUP BY 1, 2, 3 ORDER BY 1');
  return JSON.stringify({ outbox, timers, alive: cluster.alive.map((b) => b.name), held: cluster.slackProxy.heldCount });
}
