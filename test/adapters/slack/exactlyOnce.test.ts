/**
 * Alerts on Slack exactly once when the outcome of a post is unknown, and paced per chat, through the real
 * bot (relay, Slack notifier, Web API client) against the fake Web API: a post Slack took whose answer never
 * came (a hang, a reset connection) is found in the DM's history by its metadata and not posted again; a post
 * that never reached Slack is posted once more; a 429 is waited out without a lookup. (450 alerts to one
 * person drained at the chat's pace: test/faults/slackPacing.test.ts, in the fault suite for its length.)
 */
import { draft } from '../../helpers/db';
import { DEMO } from '../../helpers/reportFixtures';
import { OUTBOX_EVENT_TYPE } from '../../../src/adapters/slack/notifier/slackNotifier';
import type { OutboxRow } from '../../../src/core/reports/records';
import { startSlackHarness, type SlackHarness } from './slackHarness';

const KARIN_DM = 'D0KARIN001';

async function until<T>(what: string, probe: () => Promise<T | undefined>, ms = 15_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const found = await probe();
    if (found !== undefined) return found;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

describe('Slack: exactly once when the outcome of a post is unknown', () => {
  let h: SlackHarness;
  beforeAll(async () => {
    h = await startSlackHarness({ SOMEBOT_RELAY_DELIVERY_TIMEOUT_MS: '1500', SOMEBOT_RELAY_BASE_DELAY_MS: '100' });
    h.fake.botToken = 'xoxb-0000-test-token';
  }, 60_000);
  afterAll(async () => {
    await h?.close();
  });

  const store = () => h.bot.reporting.store;
  /** A harassment report by anna: one alert, to karin (a DM on Slack). */
  async function alertToKarin(): Promise<{ reference: string; key: string }> {
    const { reference } = await h.bot.reporting.service.submit(draft({ category: 'harassment' }), DEMO.anna);
    const [row] = await store().outboxFor(reference);
    return { reference, key: row!.idempotencyKey };
  }
  const rowOf = async (reference: string): Promise<OutboxRow> => (await store().outboxFor(reference))[0]!;
  const postsWithKey = (mark: number, key: string) => h.callsSince(mark, 'chat.postMessage').filter((c) => c.args.metadata?.event_payload?.idempotency_key === key);

  it.each([
    ['hangs (no answer ever comes)', 'hang'],
    ['has its connection reset', 'reset'],
  ] as const)('a post Slack took whose request %s is found in the history and not posted again', async (_name, fault) => {
    const mark = h.fake.calls.length;
    h.fake.failNext('chat.postMessage', { fault, accepted: true, where: (args) => args.channel === KARIN_DM });
    const { reference, key } = await alertToKarin();
    const failed = await until('the attempt to fail', async () => {
      const row = await rowOf(reference);
      return row.lastError ? row : undefined;
    });
    expect(failed).toMatchObject({ status: 'pending', lastError: fault === 'hang' ? 'timeout' : 'slack_unreachable' });
    expect(failed.attemptStartedAt).not.toBeNull();
    expect(h.fake.messagesWithKey(KARIN_DM, key)).toHaveLength(1);
    h.clock.advance(5 * 60_000);
    const delivered = await until('the delivery to be recorded', async () => ((await rowOf(reference)).status === 'delivered' ? true : undefined));
    expect(delivered).toBe(true);
    // One post (the one Slack took), found by a history lookup with metadata; never posted again.
    expect(postsWithKey(mark, key)).toHaveLength(1);
    expect(h.fake.messagesWithKey(KARIN_DM, key)).toHaveLength(1);
    const lookups = h.callsSince(mark, 'conversations.history');
    expect(lookups.length).toBeGreaterThanOrEqual(1);
    expect(lookups[0]!.args).toMatchObject({ channel: KARIN_DM, include_all_metadata: true, inclusive: true });
    // Where the message is, recorded for updates in place.
    const [stored] = h.fake.messagesWithKey(KARIN_DM, key);
    expect(await store().slackMessage(key)).toMatchObject({ channelId: KARIN_DM, ts: stored!.ts });
    expect((await store().timeline(reference)).filter((e) => e.event === 'notified')).toHaveLength(1);
  });

  it('posts every alert with its idempotency key in the message metadata', async () => {
    const mark = h.fake.calls.length;
    const { reference, key } = await alertToKarin();
    await until('the delivery', async () => ((await rowOf(reference)).status === 'delivered' ? true : undefined));
    const [post] = postsWithKey(mark, key);
    expect(post!.args.metadata).toEqual({ event_type: OUTBOX_EVENT_TYPE, event_payload: { idempotency_key: key } });
    expect(h.callsSince(mark, 'conversations.history')).toHaveLength(0);
  });

  it('a post that never reached Slack (connection reset, nothing kept) is posted once more after the lookup finds nothing', async () => {
    const mark = h.fake.calls.length;
    h.fake.failNext('chat.postMessage', { fault: 'reset', accepted: false, where: (args) => args.channel === KARIN_DM });
    const { reference, key } = await alertToKarin();
    await until('the attempt to fail', async () => ((await rowOf(reference)).lastError ? true : undefined));
    expect(h.fake.messagesWithKey(KARIN_DM, key)).toHaveLength(0);
    h.clock.advance(5 * 60_000);
    await until('the delivery', async () => ((await rowOf(reference)).status === 'delivered' ? true : undefined));
    expect(postsWithKey(mark, key)).toHaveLength(2);
    expect(h.fake.messagesWithKey(KARIN_DM, key)).toHaveLength(1);
    expect(h.callsSince(mark, 'conversations.history')).toHaveLength(1);
  });

  it('asks Slack again later when the lookup itself fails (HTTP 500), and still posts nothing twice', async () => {
    const mark = h.fake.calls.length;
    h.fake.failNext('chat.postMessage', { fault: 'reset', accepted: true, where: (args) => args.channel === KARIN_DM });
    h.fake.failNext('conversations.history', { fault: 'http500' });
    const { reference, key } = await alertToKarin();
    await until('the attempt to fail', async () => ((await rowOf(reference)).lastError ? true : undefined));
    h.clock.advance(5 * 60_000);
    await until('the lookup to fail', async () => ((await rowOf(reference)).lastError === 'delivery_lookup_failed' ? true : undefined));
    // (Less than the hour after which the earlier reports' reminders would post to the same DM.)
    h.clock.advance(5 * 60_000);
    await until('the delivery', async () => ((await rowOf(reference)).status === 'delivered' ? true : undefined));
    expect(postsWithKey(mark, key)).toHaveLength(1);
    expect(h.fake.messagesWithKey(KARIN_DM, key)).toHaveLength(1);
  });

  it('waits out a 429 with Retry-After and posts once, without a lookup (Slack said it took nothing)', async () => {
    const mark = h.fake.calls.length;
    h.fake.failNext('chat.postMessage', { status: 429, retryAfterSeconds: 2, where: (args) => args.channel === KARIN_DM });
    const { reference, key } = await alertToKarin();
    const failed = await until('the 429', async () => {
      const row = await rowOf(reference);
      return row.lastError || row.status !== 'pending' ? row : undefined;
    });
    expect(failed).toMatchObject({ lastError: 'slack_rate_limited', attemptStartedAt: null });
    expect(failed.nextAttemptAt.getTime() - h.clock.now().getTime()).toBeGreaterThanOrEqual(2000);
    // The row is due again on the relay's clock; the chat's queue holds its posts for as long, in real time.
    h.clock.advance(2500);
    await until('the delivery', async () => ((await rowOf(reference)).status === 'delivered' ? true : undefined));
    expect(postsWithKey(mark, key)).toHaveLength(2);
    expect(h.fake.messagesWithKey(KARIN_DM, key)).toHaveLength(1);
    expect(h.callsSince(mark, 'conversations.history')).toHaveLength(0);
  });

  it('refuses nothing silently: with a revoked token (invalid_auth) the alert stays pending and is retried', async () => {
    h.fake.botToken = 'xoxb-some-other-token';
    try {
      const { reference } = await alertToKarin();
      const row = await until('the failure', async () => {
        const r = await rowOf(reference);
        return r.lastError ? r : undefined;
      });
      expect(row).toMatchObject({ status: 'pending', lastError: 'slack_invalid_auth', attemptStartedAt: null });
    } finally {
      h.fake.botToken = 'xoxb-0000-test-token';
    }
  });
});
