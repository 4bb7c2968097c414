/**
 * The real bot with its real HTTP server and the real Slack channel module (Bolt over HTTP, signature
 * verification on), PGlite in a temporary data directory, and Slack's Web API served by FakeSlackApi on
 * loopback (SLACK_API_URL). Time for the reports comes from a FakeClock; Slack's request timestamps are real.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createBot, type Bot } from '../../../src/app/bot';
import { loadConfig } from '../../../src/config';
import { createJsonLogger } from '../../../src/core/logger';
import { slackChannel } from '../../../src/adapters/slack';
import { SLACK_EVENTS_PATH } from '../../../src/adapters/slack/ids';
import { startServer, type RunningServer } from '../../../src/server/httpServer';
import { openStore, PGLITE_SUBDIR } from '../../../src/storage/openStore';
import { LOCK_FILE } from '../../../src/storage/dataDirLock';
import { FakeClock } from '../../helpers/fakeClock';
import { FakeSlackApi, type FakeSlackUser, type RecordedCall } from './fakeSlackApi';
import { postToSlackUrl, SIGNING_SECRET, type Encoded } from './slackPayloads';

/** The demo directory's people on Slack, with their Slack locales. */
export const SLACK = {
  anna: 'U0ANNA0001',
  mikko: 'U0MIKKO001',
  karin: 'U0KARIN001',
  kaisa: 'U0KAISA001',
  jussi: 'U0JUSSI001',
  helena: 'U0HELENA01',
  sofia: 'U0SOFIA001',
  timo: 'U0TIMO0001',
  linnea: 'U0LINNEA01',
  /** In the workspace, not in the organisation's directory. */
  stranger: 'U0STRANGER',
} as const;

export const IT_SECURITY_CHANNEL = 'C0INFOSEC01';

const USERS: FakeSlackUser[] = [
  { id: SLACK.anna, name: 'anna', locale: 'sv-SE' },
  { id: SLACK.mikko, name: 'mikko', locale: 'fi-FI' },
  { id: SLACK.karin, name: 'karin', locale: 'sv-SE' },
  { id: SLACK.kaisa, name: 'kaisa', locale: 'fi-FI' },
  { id: SLACK.jussi, name: 'jussi', locale: 'en-US' },
  { id: SLACK.helena, name: 'helena', locale: 'fi-FI' },
  { id: SLACK.sofia, name: 'sofia', locale: 'sv-SE' },
  { id: SLACK.timo, name: 'timo', locale: 'fi-FI' },
  { id: SLACK.linnea, name: 'linnea', locale: 'sv-SE' },
  { id: SLACK.stranger, name: 'stranger', locale: 'en-GB' },
];

/**
 * The guideline index, shared by every run and worker: it is rebuilt only when the content changed, and
 * written atomically (temporary file + rename), so concurrent workers never read half a file.
 */
const INDEX_FILE = path.join(os.tmpdir(), 'somebot-slack-test-index.json');

/** A fixed data key for the tests' stores (never used outside them). */
const TEST_DATA_KEY = Buffer.alloc(32, 9);

/**
 * A fresh PGlite data directory takes seconds to initialise; an initialised one is copied in under one. The
 * template is made once per PGlite version (migrations still run when the copy is opened), and published
 * with a rename so concurrent workers never copy half of one.
 */
async function pgliteTemplate(): Promise<string> {
  const packageJson = path.join(path.dirname(require.resolve('@electric-sql/pglite')), '..', 'package.json');
  const version = (JSON.parse(fs.readFileSync(packageJson, 'utf8')) as { version: string }).version;
  const template = path.join(os.tmpdir(), `somebot-slack-test-pglite-${version}`);
  if (fs.existsSync(path.join(template, 'PG_VERSION'))) return template;
  const building = fs.mkdtempSync(`${template}-building-`);
  const store = await openStore({ dataDir: building, dataKey: TEST_DATA_KEY });
  await store.close();
  try {
    fs.renameSync(path.join(building, PGLITE_SUBDIR), template);
  } catch {
    // another worker published it first
  }
  fs.rmSync(building, { recursive: true, force: true });
  return template;
}

export interface SlackHarness {
  fake: FakeSlackApi;
  bot: Bot;
  clock: FakeClock;
  running: RunningServer;
  /** POST /slack/events on the bot's server. */
  eventsUrl: string;
  logLines: string[];
  /** Sends a signed request as Slack would. */
  send(encoded: Encoded, options?: Parameters<typeof postToSlackUrl>[2]): ReturnType<typeof postToSlackUrl>;
  /** Calls of a Web API method made after `mark` (an index into fake.calls). */
  callsSince(mark: number, method: string): RecordedCall[];
  close(): Promise<void>;
}

export async function startSlackHarness(env: Record<string, string> = {}): Promise<SlackHarness> {
  const fake = await FakeSlackApi.start(USERS);
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'somebot-slack-'));
  const removeAll = async () => {
    await fake.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    fs.cpSync(await pgliteTemplate(), path.join(dataDir, PGLITE_SUBDIR), { recursive: true, filter: (src) => path.basename(src) !== LOCK_FILE });
    const config = loadConfig({
      PORT: '3978',
      SOMEBOT_DATA_DIR: dataDir,
      SOMEBOT_DATA_KEY: TEST_DATA_KEY.toString('base64'),
      SOMEBOT_INDEX_FILE: INDEX_FILE,
      SOMEBOT_RELAY_POLL_MS: '50',
      SOMEBOT_LOG_LEVEL: 'debug',
      SLACK_BOT_TOKEN: 'xoxb-0000-test-token',
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_API_URL: fake.apiUrl,
      SOMEBOT_WEB_CHAT: 'off',
      ...env,
    });
    config.server.port = 0;
    const clock = new FakeClock();
    const logLines: string[] = [];
    const bot = await createBot(config, { clock, logger: createJsonLogger('debug', (line) => logLines.push(line), () => clock.now()) });
    const running = await startServer(bot, [slackChannel]);
    const eventsUrl = `${running.url}${SLACK_EVENTS_PATH}`;
    // Bolt checks the bot token (auth.test) as soon as the app exists; tests start after that.
    await fake.waitFor('auth.test');
    return {
      fake,
      bot,
      clock,
      running,
      eventsUrl,
      logLines,
      send: (encoded, options) => postToSlackUrl(eventsUrl, encoded, options),
      callsSince: (mark, method) => fake.calls.slice(mark).filter((c) => c.method === method),
      async close() {
        await running.close();
        await removeAll();
      },
    };
  } catch (err) {
    await removeAll();
    throw err;
  }
}

/** All text of a list of blocks (section text and fields, context elements, headers, button labels). */
export function blockText(blocks: any[] | undefined): string {
  const out: string[] = [];
  const visit = (value: any): void => {
    if (!value || typeof value !== 'object') return;
    if (Array.isArray(value)) return value.forEach(visit);
    if (typeof value.text === 'string') out.push(value.text);
    for (const key of ['text', 'fields', 'elements', 'accessory', 'element', 'label', 'hint', 'options']) if (key in value && typeof value[key] === 'object') visit(value[key]);
  };
  visit(blocks ?? []);
  return out.join('\n');
}

/** The action_ids of the buttons in a list of blocks. */
export function buttonIds(blocks: any[] | undefined): string[] {
  return (blocks ?? []).flatMap((b: any) => [...(b.elements ?? []), ...(b.accessory ? [b.accessory] : [])]).filter((e: any) => e?.type === 'button').map((e: any) => e.action_id);
}

/** The button with this action_id in a list of blocks. */
export function button(blocks: any[] | undefined, actionId: string): any {
  return (blocks ?? []).flatMap((b: any) => [...(b.elements ?? []), ...(b.accessory ? [b.accessory] : [])]).find((e: any) => e?.type === 'button' && e.action_id === actionId);
}
