/**
 * The bot as it runs in production (createBot + startServer on loopback) with only the Teams channel, a
 * temporary data directory (real PGlite on disk) and a FakeConnector as the Bot Connector service. Tests
 * drive it over HTTP with Teams activities and call `bot.deliverDue()` to run the relay now.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createBot, type Bot } from '../../../src/app/bot';
import { loadConfig, type Config } from '../../../src/config';
import { createJsonLogger } from '../../../src/core/logger';
import type { Clock } from '../../../src/core/ports';
import { startServer, type RunningServer } from '../../../src/server/httpServer';
import type { ChannelModule } from '../../../src/server/channelModule';
import { createTeamsChannel, TEAMS_ENDPOINT, type TeamsChannelOptions } from '../../../src/adapters/teams';
import { FakeConnector } from './fakeConnector';
import type { TeamsActivity } from './activities';

/** One index file per test process: built by the first bot, reused by the next. */
const INDEX_FILE = path.join(os.tmpdir(), `somebot-teams-test-index.json`);

export interface TeamsTestBot {
  bot: Bot;
  server: RunningServer;
  connector: FakeConnector;
  /** The fake connector's URL: the `serviceUrl` of every activity. */
  serviceUrl: string;
  /** JSON log lines the bot wrote. */
  logLines: string[];
  /** POSTs an activity (or any body) to /api/messages. */
  post(body: unknown, headers?: Record<string, string>): Promise<{ status: number; body: string }>;
  close(): Promise<void>;
}

export async function startTeamsBot(
  options: { env?: Record<string, string>; channel?: TeamsChannelOptions; config?: (c: Config) => void; clock?: Clock; alsoMount?: ChannelModule[] } = {},
): Promise<TeamsTestBot> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'somebot-teams-'));
  const connector = new FakeConnector();
  const serviceUrl = await connector.start();
  const config = loadConfig({
    SOMEBOT_DATA_DIR: dataDir,
    SOMEBOT_INDEX_FILE: INDEX_FILE,
    SOMEBOT_DATA_KEY: Buffer.alloc(32, 9).toString('base64'),
    SOMEBOT_RELAY_POLL_MS: '600000',
    SOMEBOT_LOG_LEVEL: 'debug',
    SOMEBOT_DEV: '1',
    HOST: '127.0.0.1',
    PORT: '3978',
    ...options.env,
  });
  config.server.port = 0;
  options.config?.(config);
  const logLines: string[] = [];
  const bot = await createBot(config, { logger: createJsonLogger('debug', (line) => logLines.push(line)), ...(options.clock ? { clock: options.clock } : {}) });
  let server: RunningServer;
  try {
    server = await startServer(bot, [createTeamsChannel({ throttle: { sleep: () => Promise.resolve() }, ...options.channel }), ...(options.alsoMount ?? [])]);
  } catch (err) {
    await bot.close();
    await connector.stop();
    throw err;
  }
  return {
    bot,
    server,
    connector,
    serviceUrl,
    logLines,
    async post(body, headers = {}) {
      const res = await fetch(`${server.url}${TEAMS_ENDPOINT}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: typeof body === 'string' ? body : JSON.stringify(body),
      });
      return { status: res.status, body: await res.text() };
    },
    async close() {
      await server.close();
      await connector.stop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Posts an activity and expects 200. */
export async function send(t: TeamsTestBot, activity: TeamsActivity): Promise<void> {
  const res = await t.post(activity);
  if (res.status !== 200) throw new Error(`expected 200, got ${res.status}: ${res.body}`);
}
