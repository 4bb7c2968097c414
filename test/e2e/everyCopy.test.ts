/**
 * One state, every copy, across the three doors at once: the real server with the real Slack channel (Bolt
 * over HTTP, signatures checked, Slack's Web API served by FakeSlackApi), the real Teams channel (botbuilder
 * CloudAdapter, the Bot Connector served by FakeConnector) and the web chat (HTTP API and its live stream).
 *
 * The directory puts each person on one door: Karin (manager) on Slack, Timo (IT security) on Teams, Linnea
 * (IT security) in the web chat; three reporters, one per door. A threat report reaches all three handlers.
 * For each pair of doors, a second recipient acts on one door and the other copies change in place within
 * seconds, naming who acted, while the reporter on the third door hears of each step:
 *   web → Slack (and Teams): Linnea acts in the web chat; Anna reports from Teams;
 *   Slack → Teams (and web): Karin clicks in Slack; Mikko reports from the web chat;
 *   Teams → web (and Slack): Timo clicks on his card; Jussi reports from Slack.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createBot, type Bot } from '../../src/app/bot';
import { loadConfig } from '../../src/config';
import { createJsonLogger } from '../../src/core/logger';
import { slackChannel } from '../../src/adapters/slack';
import { SLACK_EVENTS_PATH } from '../../src/adapters/slack/ids';
import { createTeamsChannel, TEAMS_ENDPOINT } from '../../src/adapters/teams';
import { webChannel } from '../../src/adapters/web';
import { startServer, type RunningServer } from '../../src/server/httpServer';
import { FakeSlackApi, type RecordedCall } from '../adapters/slack/fakeSlackApi';
import { blockAction, postToSlackUrl, SIGNING_SECRET } from '../adapters/slack/slackPayloads';
import { blockText, buttonIds } from '../adapters/slack/slackHarness';
import { FakeConnector, activityText, cardButtons, type ConnectorCall } from '../adapters/teams/fakeConnector';
import { cardSubmit, installedPersonal, USERS } from '../adapters/teams/activities';
import { eventually, webClient, TEST_DEMO_TOKEN } from '../server/testServer';
import { draft, SECRET } from '../helpers/db';

const SLACK = { karin: 'U0KARIN001', jussi: 'U0JUSSI001' } as const;
const DIRECTORY = `
organisation: "Doors (test)"
itSecurity:
  channels: []
people:
  - { id: karin.nystrom, name: Karin Nyström, lang: sv, roles: [employee, manager], identities: { slack: ${SLACK.karin} } }
  - { id: timo.korhonen, name: Timo Korhonen, lang: fi, roles: [employee, it_security], identities: { teams: ${USERS.timo.aadObjectId} } }
  - { id: linnea.berg, name: Linnea Berg, lang: sv, roles: [employee, it_security] }
  - { id: anna.lindqvist, name: Anna Lindqvist, lang: sv, managerId: karin.nystrom, roles: [employee], identities: { teams: ${USERS.anna.aadObjectId} } }
  - { id: mikko.laine, name: Mikko Laine, lang: fi, managerId: karin.nystrom, roles: [employee] }
  - { id: jussi.heikkinen, name: Jussi Heikkinen, lang: fi, managerId: karin.nystrom, roles: [employee], identities: { slack: ${SLACK.jussi} } }
`;

/** Within this many milliseconds every other copy must have changed. */
const SECONDS = 5000;

let fake: FakeSlackApi;
let connector: FakeConnector;
let bot: Bot;
let running: RunningServer;
let dataDir: string;
const figures: string[] = [];

/** A live stream of the web chat for one person (what the page's EventSource receives). */
async function liveStream(person: string): Promise<{ events: { event: string; data: any }[]; close(): void }> {
  const controller = new AbortController();
  const res = await fetch(`${running.url}/web/api/events?person=${person}&token=${TEST_DEMO_TOKEN}`, { signal: controller.signal, headers: { Accept: 'text/event-stream' } });
  const events: { event: string; data: any }[] = [];
  void (async () => {
    const reader = res.body!.getReader();
    const decoder = new TextDecoder();
    let buffer = '';
    for (;;) {
      const chunk = await reader.read().catch(() => ({ done: true as const, value: undefined }));
      if (chunk.done) return;
      buffer += decoder.decode(chunk.value, { stream: true });
      for (let i = buffer.indexOf('\n\n'); i >= 0; i = buffer.indexOf('\n\n')) {
        const frame = buffer.slice(0, i);
        buffer = buffer.slice(i + 2);
        let event = 'message';
        let data = '';
        for (const line of frame.split('\n')) {
          if (line.startsWith('event: ')) event = line.slice(7);
          else if (line.startsWith('data: ')) data += line.slice(6);
        }
        if (data) events.push({ event, data: JSON.parse(data) });
      }
    }
  })();
  return { events, close: () => controller.abort() };
}

async function postTeams(activity: unknown): Promise<void> {
  const res = await fetch(`${running.url}${TEAMS_ENDPOINT}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(activity) });
  if (res.status !== 200) throw new Error(`Teams endpoint answered ${res.status}`);
}

const slackPost = (reference: string, channel: string) =>
  fake.waitFor('chat.postMessage', (c) => c.args.channel === channel && c.result?.ok === true && blockText(c.args.blocks).includes(reference), SECONDS);
const slackUpdateAfter = (mark: number, ts: string, text: RegExp) =>
  fake.waitFor('chat.update', (c) => fake.calls.indexOf(c) >= mark && c.args.ts === ts && text.test(blockText(c.args.blocks)), SECONDS);

function teamsCalls(conversation: string, kinds: ConnectorCall['kind'][], since = 0): ConnectorCall[] {
  return connector.calls.slice(since).filter((c) => c.conversationId.startsWith(conversation) && kinds.includes(c.kind) && c.status < 300);
}
const teamsCard = (reference: string, conversation: string) =>
  eventually(async () => teamsCalls(conversation, ['send']).find((c) => activityText(c.body).includes(reference)), SECONDS, `a card about ${reference}`);
const teamsUpdateAfter = (mark: number, activityId: string, text: RegExp) =>
  eventually(async () => teamsCalls(USERS.timo.personalConversation, ['update'], mark).find((c) => c.activityId === activityId && text.test(activityText(c.body))), SECONDS, 'a card update');
const teamsSentAfter = (mark: number, conversation: string, text: RegExp) =>
  eventually(async () => teamsCalls(conversation, ['send'], mark).find((c) => text.test(activityText(c.body))), SECONDS, `a message matching ${text}`);

async function inboxOf(person: string): Promise<string> {
  const res = await webClient(running.url, person).get('/inbox');
  return (res.body.items as { html: string }[]).map((i) => i.html).join('\n');
}
const webInboxShows = (person: string, text: RegExp) => eventually(async () => text.test(await inboxOf(person)), SECONDS, `${person}'s inbox to match ${text}`);

/** Waits until the report's alerts reached Karin (Slack), Timo (Teams) and Linnea (web). */
async function alertsDelivered(reference: string): Promise<{ karin: RecordedCall; timo: ConnectorCall }> {
  const karin = await slackPost(reference, `D${SLACK.karin.slice(1)}`);
  const timo = await teamsCard(reference, USERS.timo.personalConversation);
  await webInboxShows('linnea.berg', new RegExp(reference));
  return { karin, timo };
}

function timed<T>(label: string, started: number, value: T): T {
  figures.push(`${label}: ${Date.now() - started} ms`);
  return value;
}

beforeAll(async () => {
  fake = await FakeSlackApi.start([
    { id: SLACK.karin, name: 'karin', locale: 'sv-SE' },
    { id: SLACK.jussi, name: 'jussi', locale: 'fi-FI' },
  ]);
  connector = new FakeConnector();
  const serviceUrl = await connector.start();
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'somebot-doors-'));
  const directoryFile = path.join(dataDir, 'directory.yaml');
  fs.writeFileSync(directoryFile, DIRECTORY);
  const config = loadConfig({
    PORT: '3978',
    HOST: '127.0.0.1',
    SOMEBOT_DATA_DIR: dataDir,
    SOMEBOT_DATA_KEY: Buffer.alloc(32, 9).toString('base64'),
    SOMEBOT_INDEX_FILE: path.join(os.tmpdir(), 'somebot-doors-test-index.json'),
    SOMEBOT_RELAY_POLL_MS: '50',
    SOMEBOT_LOG_LEVEL: 'info',
    ORG_DIRECTORY: directoryFile,
    SLACK_BOT_TOKEN: 'xoxb-0000-test-token',
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    SLACK_API_URL: fake.apiUrl,
    SOMEBOT_DEV: '1',
    // The demo web chat beside Slack and Teams is asked for explicitly, with its token.
    SOMEBOT_WEB_CHAT: 'demo',
    SOMEBOT_DEMO_TOKEN: TEST_DEMO_TOKEN,
  });
  config.server.port = 0;
  bot = await createBot(config, { logger: createJsonLogger('warn', () => undefined) });
  running = await startServer(bot, [slackChannel, createTeamsChannel({ throttle: { sleep: () => Promise.resolve() } }), webChannel]);
  await fake.waitFor('auth.test');
  // Timo and Anna have the Teams app installed: the bot knows how to reach them.
  await postTeams(installedPersonal(serviceUrl, USERS.timo));
  await postTeams(installedPersonal(serviceUrl, USERS.anna));
}, 120_000);

afterAll(async () => {
  await running?.close();
  await connector?.stop();
  await fake?.close();
  if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
  if (figures.length > 0) console.log(`every copy changed in place after (measured in this run):\n  ${figures.join('\n  ')}`);
});

describe('one state, every copy, on every door', () => {
  jest.setTimeout(60_000);

  it('web → Slack and Teams: Linnea acts in the web chat; Anna, reporting from Teams, hears of each step', async () => {
    const { reference } = await bot.reporting.service.submit(draft(), 'anna.lindqvist');
    const { karin, timo } = await alertsDelivered(reference);
    expect(buttonIds(karin.args.blocks)).toContain('report.acknowledge');
    const linnea = webClient(running.url, 'linnea.berg');

    let mark = fake.calls.length;
    let teamsMark = connector.calls.length;
    let started = Date.now();
    expect((await linnea.post(`/reports/${reference}/actions`, { action: 'report.acknowledge' })).status).toBe(200);
    const karinCopy = await slackUpdateAfter(mark, karin.result!.ts, /Linnea Berg \(informationsförvaltningen\) bekräftade detta/);
    timed('web → Slack (acknowledge)', started, karinCopy);
    expect(buttonIds(karinCopy.args.blocks)).not.toContain('report.acknowledge');
    expect(buttonIds(karinCopy.args.blocks)).toContain('report.start_progress');
    const timoCopy = await teamsUpdateAfter(teamsMark, timo.newId!, /Linnea Berg \(tietohallinto\) kuittasi tämän/);
    timed('web → Teams (acknowledge)', started, timoCopy);
    expect(cardButtons(timoCopy.body).map((b) => b.data.action)).toEqual(['report.start_progress', 'report.resolve', 'report.details']);
    await teamsSentAfter(teamsMark, USERS.anna.personalConversation, /Linnea Berg \(informationsförvaltningen\) har bekräftat din anmälan/);

    mark = fake.calls.length;
    teamsMark = connector.calls.length;
    expect((await linnea.post(`/reports/${reference}/actions`, { action: 'report.start_progress' })).status).toBe(200);
    await slackUpdateAfter(mark, karin.result!.ts, /Linnea Berg \(informationsförvaltningen\) började behandla detta/);
    await teamsSentAfter(teamsMark, USERS.anna.personalConversation, /har börjat behandla din anmälan/);

    mark = fake.calls.length;
    teamsMark = connector.calls.length;
    started = Date.now();
    expect((await linnea.post(`/reports/${reference}/actions`, { action: 'report.resolve', note: SECRET.outcome })).status).toBe(200);
    const closedCopy = timed('web → Slack (resolve)', started, await slackUpdateAfter(mark, karin.result!.ts, /Linnea Berg \(informationsförvaltningen\) avslutade detta/));
    expect(buttonIds(closedCopy.args.blocks)).toEqual(['report.details']);
    const timoClosed = await teamsUpdateAfter(teamsMark, timo.newId!, /Linnea Berg \(tietohallinto\) sulki tämän/);
    // Closed: nothing to act on any more, only the details to read.
    expect(cardButtons(timoClosed.body).map((b) => b.data.action)).toEqual(['report.details']);
    // The reporter gets the outcome note; Karin and Timo, who did not close it, hear who did.
    await teamsSentAfter(teamsMark, USERS.anna.personalConversation, new RegExp(SECRET.outcome));
    await fake.waitFor('chat.postMessage', (c) => fake.calls.indexOf(c) >= mark && /har avslutats av Linnea Berg/.test(String(c.args.text)), SECONDS);
    await teamsSentAfter(teamsMark, USERS.timo.personalConversation, /Linnea Berg on sulkenut ilmoituksen/);
  });

  it('Slack → Teams and web: Karin clicks in Slack; Mikko, reporting from the web chat, hears of each step', async () => {
    const { reference } = await bot.reporting.service.submit(draft(), 'mikko.laine');
    const { karin, timo } = await alertsDelivered(reference);
    const linneaLive = await liveStream('linnea.berg');
    try {
      const mark = fake.calls.length;
      const teamsMark = connector.calls.length;
      const started = Date.now();
      const click = blockAction(
        SLACK.karin,
        { actionId: 'report.acknowledge', value: reference, blockId: 'alert_actions' },
        { message: { channel: karin.args.channel, ts: karin.result!.ts, blocks: karin.args.blocks }, responseUrl: fake.responseUrl('karin-ack') },
      );
      expect((await postToSlackUrl(`${running.url}${SLACK_EVENTS_PATH}`, click)).status).toBe(200);
      const timoCopy = timed('Slack → Teams (acknowledge)', started, await teamsUpdateAfter(teamsMark, timo.newId!, /Karin Nyström \(esihenkilö\) kuittasi tämän/));
      expect(cardButtons(timoCopy.body).map((b) => b.data.action)).toEqual(['report.start_progress', 'report.resolve', 'report.details']);
      // Linnea's open page gets her copy redrawn live.
      const live = await eventually(
        async () => linneaLive.events.find((e) => e.event === 'inbox' && e.data.updated && /Karin Nyström \(chef\) bekräftade detta/.test(e.data.html ?? '')),
        SECONDS,
        "Linnea's copy redrawn",
      );
      timed('Slack → web (acknowledge, live)', started, live);
      expect(live.data.html).not.toContain('data-action="report.acknowledge"');
      // Karin's own copy follows too, and Mikko hears of it in the web chat, in Finnish.
      await slackUpdateAfter(mark, karin.result!.ts, /Karin Nyström \(chef\) bekräftade detta/);
      await webInboxShows('mikko.laine', /Karin Nyström \(esihenkilö\) on kuitannut ilmoituksesi/);

      await webClient(running.url, 'linnea.berg').post(`/reports/${reference}/actions`, { action: 'report.resolve', note: SECRET.outcome });
      await webInboxShows('mikko.laine', new RegExp(SECRET.outcome));
      await teamsUpdateAfter(teamsMark, timo.newId!, /Linnea Berg \(tietohallinto\) sulki tämän/);
    } finally {
      linneaLive.close();
    }
  });

  it('Teams → web and Slack: Timo clicks on his card; Jussi, reporting from Slack, hears of each step; an outdated click is answered with the current state', async () => {
    const { reference } = await bot.reporting.service.submit(draft(), 'jussi.heikkinen');
    const { karin, timo } = await alertsDelivered(reference);
    const linneaLive = await liveStream('linnea.berg');
    try {
      const mark = fake.calls.length;
      const started = Date.now();
      const acknowledge = cardButtons(timo.body).find((b) => b.data.action === 'report.acknowledge')!;
      await postTeams(cardSubmit(connector.url, USERS.timo, acknowledge.data, timo.newId));
      const live = await eventually(
        async () => linneaLive.events.find((e) => e.event === 'inbox' && e.data.updated && /Timo Korhonen \(informationsförvaltningen\) bekräftade detta/.test(e.data.html ?? '')),
        SECONDS,
        "Linnea's copy redrawn",
      );
      timed('Teams → web (acknowledge, live)', started, live);
      timed('Teams → Slack (acknowledge)', started, await slackUpdateAfter(mark, karin.result!.ts, /Timo Korhonen \(informationsförvaltningen\) bekräftade detta/));
      // Jussi (Finnish, on Slack) hears who took his report.
      await fake.waitFor('chat.postMessage', (c) => c.args.channel === `D${SLACK.jussi.slice(1)}` && /Timo Korhonen \(tietohallinto\) on kuitannut/.test(blockText(c.args.blocks)), SECONDS);

      // Karin clicks Acknowledge on her copy as it was before: she is told, visibly, what the state is now.
      const stale = blockAction(
        SLACK.karin,
        { actionId: 'report.acknowledge', value: reference, blockId: 'alert_actions' },
        { message: { channel: karin.args.channel, ts: karin.result!.ts, blocks: karin.args.blocks }, responseUrl: fake.responseUrl('karin-stale') },
      );
      await postToSlackUrl(`${running.url}${SLACK_EVENTS_PATH}`, stale);
      const told = await fake.waitForResponse('karin-stale', SECONDS);
      expect(told.body.response_type).toBe('ephemeral');
      expect(told.body.text).toMatch(new RegExp(`^${reference}: Mottagen\\. Timo Korhonen \\(informationsförvaltningen\\) bekräftade detta \\d\\d:\\d\\d\\.$`));
      expect((await bot.reporting.store.getReport(reference))?.acknowledgedBy).toBe('timo.korhonen');

      // The trail names each recipient's door.
      const trail = (await bot.reporting.store.timeline(reference)).filter((e) => e.event === 'notified' && e.details.kind === 'report_alert');
      expect(trail.map((e) => [e.details.to, e.details.door]).sort()).toEqual([
        ['person:karin.nystrom', 'slack'],
        ['person:linnea.berg', 'web'],
        ['person:timo.korhonen', 'teams'],
      ]);
    } finally {
      linneaLive.close();
    }
  });
});
