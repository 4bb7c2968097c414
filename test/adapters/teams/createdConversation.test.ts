/**
 * Alerts to people who never wrote to the bot on Teams: the bot creates the personal conversation from the
 * person's Entra object id and the tenant (POST /v3/conversations), then posts the alert there; when Teams
 * refuses (403: the app is not installed for them), the alert is dead-lettered to IT security.
 */
import { draft } from '../../helpers/db';
import { FakeClock } from '../../helpers/fakeClock';
import { userKey } from '../../../src/adapters/teams/conversationKeys';
import { installedInTeam, installedPersonal, IT_CHANNEL, TENANT_ID, USERS } from './activities';
import { activityText } from './fakeConnector';
import { webChannel } from '../../../src/adapters/web';
import { send, startTeamsBot, type TeamsTestBot } from './harness';
import { demoGraphUsers, FAKE_CLIENT_ID, FAKE_CLIENT_SECRET, FAKE_TENANT, FakeGraph } from '../../directory/fakeGraph';

/** The app's id in the fake tenant's Teams app catalog. */
const CATALOG_APP_ID = 'b6e5c1a2-0000-4000-8000-00000000cafe';

const KAISA_AAD = '8c2f1a40-0001-4c1e-9a53-000000000001';

describe('Teams: alerts through a conversation the bot creates', () => {
  let t: TeamsTestBot;
  const graph = new FakeGraph(demoGraphUsers().users);
  const clock = new FakeClock('2026-03-16T08:00:00.000Z');

  beforeAll(async () => {
    await graph.start();
    // Graph credentials and the catalog id: the bot installs the app for a person before creating the chat.
    t = await startTeamsBot({
      clock,
      env: {
        SOMEBOT_RELAY_BASE_DELAY_MS: '10',
        SOMEBOT_RELAY_MAX_DELAY_MS: '10',
        AZURE_TENANT_ID: FAKE_TENANT,
        AZURE_CLIENT_ID: FAKE_CLIENT_ID,
        AZURE_CLIENT_SECRET: FAKE_CLIENT_SECRET,
        AZURE_AUTHORITY_HOST: graph.url,
        GRAPH_API_URL: graph.url,
        SOMEBOT_TEAMS_CATALOG_APP_ID: CATALOG_APP_ID,
      },
    });
    // Only Anna and Timo (and IT security's channel) ever talked to the bot; Karin and Kaisa never did.
    for (const u of [USERS.anna, USERS.timo]) await send(t, installedPersonal(t.serviceUrl, u));
    await send(t, installedInTeam(t.serviceUrl, USERS.timo, IT_CHANNEL));
  }, 180_000);
  afterAll(async () => {
    await t?.close();
    await graph.stop();
  });
  beforeEach(() => t.connector.reset());

  async function deliverAll(): Promise<void> {
    for (let i = 0; i < 5; i++) {
      await t.bot.deliverDue();
      clock.advance(20);
    }
  }

  it('creates the manager’s 1:1 conversation from her Entra object id and the tenant, posts the alert there, and reuses it', async () => {
    expect(await t.bot.reporting.store.teamsConversation(userKey(USERS.karin.aadObjectId))).toBeUndefined();
    const receipt = await t.bot.reporting.service.submit(draft({ category: 'harassment' }), USERS.anna.directoryId);
    await deliverAll();

    // Installed for her through Graph first (POST /users/{id}/teamwork/installedApps).
    expect(graph.installedApps.get(USERS.karin.aadObjectId)).toEqual([CATALOG_APP_ID]);
    const install = graph.graphCalls(`/users/${USERS.karin.aadObjectId}/teamwork/installedApps`);
    expect(install.map((c) => [c.method, c.status])).toEqual([['POST', 201]]);
    expect(JSON.parse(install[0]!.body!)).toEqual({ 'teamsApp@odata.bind': `https://graph.microsoft.com/v1.0/appCatalogs/teamsApps/${CATALOG_APP_ID}` });
    const create = t.connector.calls.find((c) => c.kind === 'create' && (c.body.members as { id: string }[])[0]?.id === USERS.karin.aadObjectId);
    expect(create).toMatchObject({ method: 'POST', path: '/v3/conversations', status: 200 });
    expect(create!.body).toMatchObject({ isGroup: false, tenantId: TENANT_ID, channelData: { tenant: { id: TENANT_ID } } });
    const saved = await t.bot.reporting.store.teamsConversation(userKey(USERS.karin.aadObjectId));
    const conversationId = (saved!.reference as { conversation: { id: string } }).conversation.id;
    expect(conversationId).toMatch(/^a:created-/);
    const alert = t.connector.to(conversationId, ['send']).find((c) => activityText(c.body).includes(receipt.reference));
    expect(alert).toBeDefined();
    expect((await t.bot.reporting.store.outboxFor(receipt.reference)).find((r) => r.addressee.kind === 'person' && r.addressee.personId === USERS.karin.directoryId)?.status).toBe('delivered');

    // The next alert goes to the same conversation, without creating another.
    t.connector.reset();
    const second = await t.bot.reporting.service.submit(draft({ category: 'harassment' }), USERS.anna.directoryId);
    await deliverAll();
    expect(t.connector.calls.filter((c) => c.kind === 'create' && (c.body.members as { id: string }[])[0]?.id === USERS.karin.aadObjectId)).toEqual([]);
    expect(t.connector.to(conversationId, ['send']).some((c) => activityText(c.body).includes(second.reference))).toBe(true);
  });

  it('dead-letters to IT security when Teams refuses to create the conversation (403), and does not try again for every alert', async () => {
    t.connector.failNext(403, { kind: 'create', times: 10 });
    // Karin reports: her manager Kaisa never talked to the bot, and the app is not installed for her.
    await send(t, installedPersonal(t.serviceUrl, USERS.karin));
    const receipt = await t.bot.reporting.service.submit(draft({ category: 'harassment' }), USERS.karin.directoryId);
    await deliverAll();

    const refused = t.connector.calls.filter((c) => c.kind === 'create' && (c.body.members as { id: string }[])[0]?.id === KAISA_AAD);
    expect(refused.map((c) => c.status)).toEqual([403]);
    const row = (await t.bot.reporting.store.outboxFor(receipt.reference)).find((r) => r.addressee.kind === 'person' && r.addressee.personId === 'kaisa.virtanen');
    expect(row?.status).toBe('dead');
    const failed = (await t.bot.reporting.store.timeline(receipt.reference)).find((e) => e.event === 'delivery_failed');
    expect(failed?.details).toEqual(expect.objectContaining({ reason: 'teams_forbidden', to: 'person:kaisa.virtanen' }));
    expect(t.connector.to(IT_CHANNEL, ['send']).some((c) => activityText(c.body).includes(receipt.reference))).toBe(true);

    // Another alert for Kaisa: Teams no longer claims to reach her, so no second refused create.
    const again = await t.bot.reporting.service.submit(draft({ category: 'harassment' }), USERS.karin.directoryId);
    await deliverAll();
    expect(t.connector.calls.filter((c) => c.kind === 'create' && (c.body.members as { id: string }[])[0]?.id === KAISA_AAD)).toHaveLength(1);
    const againRow = (await t.bot.reporting.store.outboxFor(again.reference)).find((r) => r.addressee.kind === 'person' && r.addressee.personId === 'kaisa.virtanen');
    expect(againRow?.status).not.toBe('delivered');
  });
});

describe('Teams: a person Teams cannot reach gets the alert through another door', () => {
  let t: TeamsTestBot;
  const clock = new FakeClock('2026-03-16T08:00:00.000Z');

  beforeAll(async () => {
    t = await startTeamsBot({ clock, env: { SOMEBOT_RELAY_BASE_DELAY_MS: '10', SOMEBOT_RELAY_MAX_DELAY_MS: '10' }, moreChannels: [webChannel] });
    for (const u of [USERS.karin, USERS.timo]) await send(t, installedPersonal(t.serviceUrl, u));
  }, 180_000);
  afterAll(() => t?.close());

  it('hands the alert to the web chat when creating her Teams conversation is refused (403)', async () => {
    t.connector.failNext(403, { kind: 'create', times: 10 });
    const receipt = await t.bot.reporting.service.submit(draft({ category: 'harassment' }), USERS.karin.directoryId);
    for (let i = 0; i < 5; i++) {
      await t.bot.deliverDue();
      clock.advance(20);
    }
    expect(t.connector.calls.filter((c) => c.kind === 'create' && (c.body.members as { id: string }[])[0]?.id === KAISA_AAD).map((c) => c.status)).toEqual([403]);
    const row = (await t.bot.reporting.store.outboxFor(receipt.reference)).find((r) => r.addressee.kind === 'person' && r.addressee.personId === 'kaisa.virtanen');
    expect(row?.status).toBe('delivered');
    const inbox = await t.bot.reporting.store.webInbox({ personId: 'kaisa.virtanen', channelKeys: [], limit: 10 });
    expect(inbox.map((r) => r.idempotencyKey)).toContain(row!.idempotencyKey);
  });
});
