/** The store methods of the Slack channel (migration 002_slack), on real PGlite (and PostgreSQL when configured). */
import { BACKENDS, closeSharedPglite, draft, openTestReporting, type TestReporting } from '../../helpers/db';

describe.each(BACKENDS)('Slack store methods on %s', (backend) => {
  let r: TestReporting;
  beforeEach(async () => {
    r = await openTestReporting(backend);
  });
  afterEach(async () => {
    await r.dispose();
  });
  afterAll(async () => {
    await closeSharedPglite();
  });

  it('claims an event id once; a redelivery is refused until the id is purged', async () => {
    const at = r.clock.now();
    expect(await r.store.claimSlackEvent('Ev01', at)).toBe(true);
    expect(await r.store.claimSlackEvent('Ev01', at)).toBe(false);
    expect(await r.store.claimSlackEvent('Ev02', new Date(at.getTime() + 60_000))).toBe(true);
    expect(await r.store.purgeSlackEvents(new Date(at.getTime() + 1000))).toBe(1);
    expect(await r.store.claimSlackEvent('Ev01', at)).toBe(true);
    expect(await r.store.claimSlackEvent('Ev02', at)).toBe(false);
  });

  it('remembers where each outbox message was posted, once per key, and lists a report\'s messages oldest first', async () => {
    const receipt = await r.service.submit(draft(), 'anna.lindqvist', { lang: 'sv' });
    const rows = await r.store.outboxFor(receipt.reference);
    expect(rows.length).toBeGreaterThanOrEqual(2);
    const [first, second] = rows;
    const t0 = r.clock.now();
    expect(await r.store.recordSlackMessage({ idempotencyKey: second!.idempotencyKey, reference: receipt.reference, channelId: 'C1', ts: '2.0', postedAt: new Date(t0.getTime() + 1000) })).toBe(true);
    expect(await r.store.recordSlackMessage({ idempotencyKey: first!.idempotencyKey, reference: receipt.reference, channelId: 'D1', ts: '1.0', postedAt: t0 })).toBe(true);
    expect(await r.store.recordSlackMessage({ idempotencyKey: first!.idempotencyKey, reference: receipt.reference, channelId: 'D9', ts: '9.0', postedAt: t0 })).toBe(false);
    expect(await r.store.slackMessage(first!.idempotencyKey)).toEqual({ idempotencyKey: first!.idempotencyKey, reference: receipt.reference, channelId: 'D1', ts: '1.0', postedAt: t0 });
    expect(await r.store.slackMessage('no-such-key')).toBeUndefined();
    expect((await r.store.slackMessagesFor(receipt.reference)).map((m) => m.ts)).toEqual(['1.0', '2.0']);
    expect(await r.store.slackMessagesFor('SOME-2026-9999')).toEqual([]);
  });

  it('refuses a posted message for a key the outbox does not have', async () => {
    await expect(r.store.recordSlackMessage({ idempotencyKey: 'not-in-outbox', reference: null, channelId: 'C1', ts: '1.0', postedAt: r.clock.now() })).rejects.toThrow();
  });
});
