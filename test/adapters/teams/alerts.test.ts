/**
 * Proactive alerts on Teams through the real CloudAdapter and the relay: IT security's channel post,
 * reminders and card updates, a blocked bot (403), throttling (429) and failures that must not send twice.
 */
import { FakeClock } from '../../helpers/fakeClock';
import { draft } from '../../helpers/db';
import { cardSubmit, installedInTeam, installedPersonal, IT_CHANNEL, USERS } from './activities';
import { activityText, cardButtons, type ConnectorCall } from './fakeConnector';
import { send, startTeamsBot, type TeamsTestBot } from './harness';
import { userKey } from '../../../src/adapters/teams/conversationKeys';

const sent = (t: TeamsTestBot, conversationId: string): ConnectorCall[] => t.connector.to(conversationId, ['send']);

describe('Teams: proactive alerts', () => {
  let t: TeamsTestBot;
  const clock = new FakeClock('2026-03-16T08:00:00.000Z');
  const sleeps: number[] = [];

  beforeAll(async () => {
    t = await startTeamsBot({
      clock,
      env: { SOMEBOT_RELAY_BASE_DELAY_MS: '10', SOMEBOT_RELAY_MAX_DELAY_MS: '10', SOMEBOT_RELAY_DELIVERY_TIMEOUT_MS: '300', SOMEBOT_RELAY_LEASE_MS: '1000' },
      channel: { throttle: { sleep: async (ms) => void sleeps.push(ms), random: () => 0.5 } },
    });
    for (const u of [USERS.karin, USERS.anna, USERS.mikko, USERS.timo]) await send(t, installedPersonal(t.serviceUrl, u));
    await send(t, installedInTeam(t.serviceUrl, USERS.timo, IT_CHANNEL));
  });
  afterAll(async () => {
    await t?.close();
  });
  beforeEach(() => {
    t.connector.reset();
    sleeps.length = 0;
  });

  /** Delivers everything due, moving the fake clock past any retry wait. */
  async function deliverAll(): Promise<void> {
    for (let i = 0; i < 5; i++) {
      await t.bot.deliverDue();
      clock.advance(20);
    }
  }

  it('posts a phishing alert in IT security’s team channel and to the manager', async () => {
    const receipt = await t.bot.reporting.service.submit(draft({ category: 'phishing', immediateDanger: false }), USERS.anna.directoryId);
    await deliverAll();
    const channelPost = sent(t, IT_CHANNEL).find((c) => activityText(c.body).includes(receipt.reference));
    expect(channelPost).toBeDefined();
    expect(channelPost!.kind).toBe('send');
    expect(activityText(channelPost!.body)).toContain('Nätfiske');
    expect(sent(t, USERS.karin.personalConversation).some((c) => activityText(c.body).includes(receipt.reference))).toBe(true);
    // One copy per person: IT security's people see the team post, not a second copy of their own.
    expect(sent(t, USERS.timo.personalConversation).some((c) => activityText(c.body).includes(receipt.reference))).toBe(false);
    expect(cardButtons(channelPost!.body).map((b) => b.data.action)).toEqual(['report.acknowledge', 'report.resolve', 'report.details']);
  });

  it('reminds the manager, and Acknowledge on the reminder updates both of her cards', async () => {
    const receipt = await t.bot.reporting.service.submit(draft({ category: 'harassment' }), USERS.anna.directoryId);
    await deliverAll();
    const [alert] = sent(t, USERS.karin.personalConversation);
    clock.advanceMinutes(61);
    await deliverAll();
    const reminder = sent(t, USERS.karin.personalConversation).at(-1)!;
    expect(reminder.newId).not.toBe(alert!.newId);
    expect(activityText(reminder.body)).toMatch(/Påminnelse/);
    const acknowledge = cardButtons(reminder.body).find((b) => b.data.action === 'report.acknowledge')!;

    await send(t, cardSubmit(t.serviceUrl, USERS.karin, acknowledge.data, reminder.newId));
    const updated = t.connector.to(USERS.karin.personalConversation, ['update']).map((c) => c.activityId).sort();
    expect(updated).toEqual([alert!.newId, reminder.newId].sort());
    expect((await t.bot.reporting.store.getReport(receipt.reference))?.status).toBe('acknowledged');
  });

  it('updates the card in place when the report changes elsewhere, with only the step that applies now', async () => {
    const receipt = await t.bot.reporting.service.submit(draft({ category: 'harassment' }), USERS.mikko.directoryId);
    await deliverAll();
    const alert = sent(t, USERS.karin.personalConversation).at(-1)!;
    await t.bot.reporting.service.acknowledge(receipt.reference, USERS.karin.directoryId); // e.g. from the web chat
    await deliverAll(); // the core's refresh of every copy, and the news for Mikko
    expect(sent(t, USERS.mikko.personalConversation).some((c) => activityText(c.body).includes(receipt.reference))).toBe(true);
    const update = t.connector.to(USERS.karin.personalConversation, ['update']).find((c) => c.activityId === alert.newId);
    expect(update).toBeDefined();
    expect(cardButtons(update!.body).map((b) => b.data.action)).toEqual(['report.start_progress', 'report.resolve', 'report.details']);
    expect(activityText(update!.body)).toMatch(/Karin Nyström \(chef\) bekräftade detta \d\d:\d\d\./);
  });

  it('records a 403 (bot blocked), alerts IT security instead and stops sending to that chat', async () => {
    t.connector.failNext(403, { conversationId: USERS.karin.personalConversation });
    const receipt = await t.bot.reporting.service.submit(draft({ category: 'harassment' }), USERS.anna.directoryId);
    await deliverAll();
    const timeline = await t.bot.reporting.store.timeline(receipt.reference);
    const failed = timeline.find((e) => e.event === 'delivery_failed');
    expect(failed?.details).toEqual(expect.objectContaining({ reason: 'teams_forbidden', to: 'person:karin.nystrom' }));
    expect(sent(t, IT_CHANNEL).some((c) => activityText(c.body).includes(receipt.reference))).toBe(true);
    expect((await t.bot.reporting.store.teamsConversation(userKey(USERS.karin.aadObjectId)))?.blockedAt).not.toBeNull();
    expect(sent(t, USERS.karin.personalConversation)).toEqual([]);
    // Her next message clears the mark.
    await send(t, installedPersonal(t.serviceUrl, USERS.karin));
    expect((await t.bot.reporting.store.teamsConversation(userKey(USERS.karin.aadObjectId)))?.blockedAt).toBeNull();
  });

  it('waits out a 429 for its Retry-After with jitter and delivers once', async () => {
    t.connector.failNext(429, { conversationId: USERS.karin.personalConversation, retryAfter: '2' });
    const receipt = await t.bot.reporting.service.submit(draft({ category: 'harassment' }), USERS.anna.directoryId);
    await t.bot.deliverDue();
    expect(sleeps).toEqual([2250]); // Retry-After 2 s plus 12.5 % jitter (random 0.5 of at most 25 %)
    const calls = t.connector.calls.filter((c) => c.conversationId === USERS.karin.personalConversation);
    expect(calls.map((c) => c.status)).toEqual([429, 200]);
    expect((await t.bot.reporting.store.outboxFor(receipt.reference)).find((r) => r.addressee.kind === 'person' && r.addressee.personId === USERS.karin.directoryId)?.status).toBe('delivered');
  });

  it('gives a 429 that lasts back to the relay with its Retry-After', async () => {
    t.connector.failNext(429, { conversationId: USERS.karin.personalConversation, retryAfter: '30', times: 1 });
    const receipt = await t.bot.reporting.service.submit(draft({ category: 'harassment' }), USERS.anna.directoryId);
    await t.bot.deliverDue();
    const row = (await t.bot.reporting.store.outboxFor(receipt.reference)).find((r) => r.addressee.kind === 'person' && r.addressee.personId === USERS.karin.directoryId)!;
    expect(row.status).toBe('pending');
    expect(row.lastError).toBe('teams_rate_limited');
    expect(row.nextAttemptAt.getTime() - clock.now().getTime()).toBeGreaterThanOrEqual(30_000);
    clock.advance(40_000);
    await t.bot.deliverDue();
    expect(sent(t, USERS.karin.personalConversation)).toHaveLength(1);
  });

  it('retries a 500 through the relay, and a slow delivery that timed out is not sent twice', async () => {
    t.connector.failNext(500, { conversationId: USERS.karin.personalConversation });
    const first = await t.bot.reporting.service.submit(draft({ category: 'harassment' }), USERS.anna.directoryId);
    await deliverAll();
    const toKarin = () => t.connector.calls.filter((c) => c.conversationId === USERS.karin.personalConversation);
    expect(toKarin().map((c) => c.status)).toEqual([500, 200]);
    expect(activityText(toKarin()[1]!.body)).toContain(first.reference);

    t.connector.reset();
    t.connector.delayNext(700, { conversationId: USERS.karin.personalConversation });
    const second = await t.bot.reporting.service.submit(draft({ category: 'harassment' }), USERS.anna.directoryId);
    await t.bot.deliverDue(); // times out after 300 ms: the relay schedules a retry while Teams still works on it
    const row = (await t.bot.reporting.store.outboxFor(second.reference)).find((r) => r.addressee.kind === 'person' && r.addressee.personId === USERS.karin.directoryId)!;
    expect(row.lastError).toBe('timeout');
    await new Promise((resolve) => setTimeout(resolve, 600));
    await deliverAll();
    expect(sent(t, USERS.karin.personalConversation)).toHaveLength(1);
    expect((await t.bot.reporting.store.outboxFor(second.reference)).find((r) => r.id === row.id)?.status).toBe('delivered');
  });

  // Last in this file: the clock jumps past the retention period.
  it('redraws a details card without any content once the retention purge removed it', async () => {
    const { karin } = USERS;
    const { reference } = await t.bot.reporting.service.submit(draft({ category: 'phishing', immediateDanger: false }), USERS.anna.directoryId);
    await deliverAll();
    await send(t, cardSubmit(t.serviceUrl, karin, { action: 'report.details', reference }, undefined));
    const card = t.connector.to(karin.personalConversation, ['reply', 'send']).at(-1)!;
    expect(activityText(card.body)).toContain('SECRET-DESCRIPTION');
    await t.bot.reporting.service.resolve(reference, USERS.timo.directoryId, 'SECRET-OUTCOME');
    await deliverAll();

    clock.advance((t.bot.config.retentionDays + 1) * 24 * 60 * 60 * 1000);
    expect((await t.bot.reporting.retention.purge()).reports.map((c) => c.reference)).toContain(reference);
    await deliverAll();
    const redrawn = t.connector.to(karin.personalConversation, ['update']).filter((c) => c.activityId === card.newId).at(-1)!;
    expect(activityText(redrawn.body)).toContain('har raderats enligt lagringstiden');
    expect(JSON.stringify(redrawn.body)).not.toMatch(/SECRET|Anna Lindqvist/);
    expect(cardButtons(redrawn.body)).toEqual([]);
  });
});
