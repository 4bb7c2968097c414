/**
 * A real somebot server for tests: the bot from the real configuration schema, PGlite in a temporary data
 * directory (or PostgreSQL when DATABASE_URL is given), listening on a free loopback port. Log lines are
 * kept (JSON, as pino writes them) so tests can check what reaches the log.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createBot, type Bot } from '../../src/app/bot';
import { loadConfig, type Config } from '../../src/config';
import type { ChannelModule } from '../../src/server/channelModule';
import { startServer, type RunningServer } from '../../src/server/httpServer';
import { createPinoLogger } from '../../src/server/ops/pinoLogger';
import { webChannel } from '../../src/adapters/web';

export interface TestServer {
  bot: Bot;
  running: RunningServer;
  url: string;
  config: Config;
  dataDir: string;
  /** Every log line written so far (JSON text). */
  logLines: string[];
  /** Stops the server (if still running) and removes the data directory. */
  dispose(): Promise<void>;
}

/** The guideline index is built once per worker process and shared by its servers. */
export const TEST_INDEX_FILE = path.join(os.tmpdir(), `somebot-server-test-index-${process.pid}.json`);

/** The demo token of every test server (SOMEBOT_DEMO_TOKEN), unless a test gives its own. */
export const TEST_DEMO_TOKEN = 'test-demo-token-0123456789abcdef';

export function testConfig(env: Record<string, string> = {}): { config: Config; dataDir: string } {
  const dataDir = env.SOMEBOT_DATA_DIR ?? fs.mkdtempSync(path.join(os.tmpdir(), 'somebot-server-'));
  const config = loadConfig({
    SOMEBOT_INDEX_FILE: TEST_INDEX_FILE,
    SOMEBOT_RELAY_POLL_MS: '50',
    SOMEBOT_LOG_LEVEL: 'debug',
    PORT: '3978',
    SOMEBOT_DEMO_TOKEN: TEST_DEMO_TOKEN,
    ...env,
    SOMEBOT_DATA_DIR: dataDir,
  });
  config.server.port = 0;
  return { config, dataDir };
}

export async function startTestServer(options: { env?: Record<string, string>; modules?: ChannelModule[]; port?: number } = {}): Promise<TestServer> {
  const { config, dataDir } = testConfig(options.env);
  if (options.port) config.server.port = options.port;
  const logLines: string[] = [];
  const logger = createPinoLogger(config.logLevel, { write: (line: string) => void logLines.push(line) });
  const bot = await createBot(config, { logger });
  const running = await startServer(bot, options.modules ?? [webChannel]);
  return {
    bot,
    running,
    url: running.url,
    config,
    dataDir,
    logLines,
    async dispose() {
      await running.close();
      if (!options.env?.SOMEBOT_DATA_DIR) fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** JSON requests as the demo page sends them: with the demo's token, acting as `person`, in `lang`. */
export function webClient(baseUrl: string, person?: string, lang = 'sv', token: string | null = TEST_DEMO_TOKEN) {
  const headers = (body: boolean): Record<string, string> => ({
    Accept: 'application/json',
    'X-Somebot-Lang': lang,
    ...(token ? { 'X-Somebot-Demo-Token': token } : {}),
    ...(person ? { 'X-Somebot-Person': person } : {}),
    ...(body ? { 'Content-Type': 'application/json' } : {}),
  });
  return {
    async get(p: string): Promise<{ status: number; body: any }> {
      const res = await fetch(`${baseUrl}/web/api${p}`, { headers: headers(false) });
      return { status: res.status, body: await res.json() };
    },
    async post(p: string, body: unknown, extra: Record<string, string> = {}): Promise<{ status: number; body: any }> {
      const res = await fetch(`${baseUrl}/web/api${p}`, { method: 'POST', headers: { ...headers(true), ...extra }, body: JSON.stringify(body) });
      return { status: res.status, body: await res.json() };
    },
  };
}

/** Waits until `check` returns a truthy value (polling), or fails after `ms`. */
export async function eventually<T>(check: () => Promise<T | undefined | false>, ms = 10_000, what = 'condition'): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** The answers of a complete harassment report in the Swedish text dialog, up to (not including) confirming. */
export const HARASSMENT_STEPS: object[] = [
  { text: 'Någon trakasserar mig i kommentarerna på vår Facebooksida' },
  { choice: 'no' },
  { choice: 'facebook' },
  { choice: 'organisation_account' },
  { text: 'SECRET-DIALOG-TEXT En profil skriver kränkande kommentarer under varje inlägg.' },
  { choice: 'today' },
  { choice: 'none' },
  { choice: 'no' },
];

/** Brings `person`'s web conversation to the confirmation step of a harassment report. */
export async function harassmentUntilConfirm(baseUrl: string, person: string): Promise<void> {
  const client = webClient(baseUrl, person);
  for (const body of HARASSMENT_STEPS) {
    const { status } = await client.post('/messages', body);
    if (status !== 200) throw new Error(`step ${JSON.stringify(body)} answered ${status}`);
  }
}

/** The report reference in a reply, if any. */
export function referenceIn(text: string): string | undefined {
  return /SOME-\d{4}-\d{4}/.exec(text)?.[0];
}
