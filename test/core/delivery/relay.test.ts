import {
  BACKENDS,
  TEST_DATABASE_URL,
  TEST_KEY,
  closeSharedPglite,
  draft,
  openTestReporting,
  type TestReporting,
} from '../../helpers/db';
import { DEMO } from '../../helpers/reportFixtures';
import { FakeNotifier } from '../../helpers/fakeNotifier';
import { DeliveryError } from '../../../src/core/delivery/deliveryError';
import { Relay } from '../../../src/core/delivery/relay';
import { systemClock } from '../../../src/core/clock';
import { ContentCipher } from '../../../src/storage/contentCipher';
import { openPostgresDriver } from '../../../src/storage/postgresDriver';
import { openSqlStore } from '../../../src/storage/sqlStore';
import { ReportService } from '../../../src/core/reports/service';

afterAll(closeSharedPglite);

describe.each(BACKENDS)('outbox relay on %s', (backend) => {
  let r: TestReporting;
  beforeEach(async () => {
    r = await openTestReporting(backend);
  });
  afterEach(async () => {
    await r.dispose();
  });

  /** A harassment report by anna: exactly one alert, to karin. */
  async function oneAlert(): Promise<string> {
    return (await r.service.submit(draft({ category: 'harassment' }), DEMO.anna)).reference;
  }

  it('fails ten times, then succeeds: exactly one delivery, with backoff between attempts', async () => {
    const reference = await oneAlert();
    const notifier = new FakeNotifier();
    notifier.failNext(10);
    const relay = r.relay(notifier);
    for (let i = 0; i < 11; i++) {
      const pass = await relay.runOnce();
      expect(pass.claimed).toBe(1);
      // Not due again before its backoff has passed.
      if (i < 10) expect((await relay.runOnce()).claimed).toBe(0);
      r.clock.advance(60_000);
    }
    expect((await relay.runOnce()).claimed).toBe(0);
    expect(notifier.calls).toBe(11);
    expect(notifier.delivered.map((m) => m.kind)).toEqual(['report_alert']);
    const [row] = await r.store.outboxFor(reference);
    expect(row).toMatchObject({ status: 'delivered', attempts: 11, lastError: null });
    const notified = (await r.store.timeline(reference)).filter((e) => e.event === 'notified');
    // The test's notifier names no door: the trail says so rather than guess one.
    expect(notified.map((e) => e.details)).toEqual([{ kind: 'report_alert', role: 'manager', to: `person:${DEMO.karin}`, door: null }]);
  });

  it('waits at least as long as the platform’s Retry-After', async () => {
    const reference = await oneAlert();
    const notifier = new FakeNotifier();
    notifier.failNext(1, () => new DeliveryError('rate_limited', { retryAfterMs: 30 * 60_000 }));
    const relay = r.relay(notifier);
    await relay.runOnce();
    expect((await r.store.outboxFor(reference))[0]).toMatchObject({ status: 'pending', lastError: 'rate_limited' });
    r.clock.advanceMinutes(29);
    expect((await relay.runOnce()).claimed).toBe(0);
    r.clock.advanceMinutes(1);
    expect(await relay.runOnce()).toMatchObject({ claimed: 1, delivered: 1 });
  });

  it('dead-letters after maxAttempts, records it on the report and alerts IT security (once, no loop)', async () => {
    const reference = await oneAlert();
    const notifier = new FakeNotifier();
    notifier.failWhen((m) =>
      m.to.kind === 'person' && m.to.person.id === DEMO.karin ? new DeliveryError('user_not_found') : m.to.kind === 'channel' ? new Error('boom') : undefined,
    );
    const relay = r.relay(notifier, { maxAttempts: 3 });
    for (let i = 0; i < 10; i++) {
      await relay.runOnce();
      r.clock.advance(60_000);
    }
    const rows = await r.store.outboxFor(reference);
    const original = rows.find((row) => row.kind === 'report_alert')!;
    expect(original).toMatchObject({ status: 'dead', attempts: 3, lastError: 'user_not_found' });
    const alerts = rows.filter((row) => row.kind === 'delivery_failed');
    expect(alerts.map((row) => [row.addressee.kind === 'person' ? row.addressee.personId : row.addressee.channel.id, row.status])).toEqual([
      [DEMO.timo, 'delivered'],
      [DEMO.linnea, 'delivered'],
      // IT security's channels are one team post (no door in this test reaches a channel).
      ['C0INFOSEC01', 'dead'],
    ]);
    expect(rows).toHaveLength(4);
    const [alert] = notifier.toPerson(DEMO.timo);
    expect(alert?.lang).toBe('fi');
    expect(alert?.text).toContain('Karin Nyström');
    expect(alert?.text).toContain(reference);
    const failed = (await r.store.timeline(reference)).filter((e) => e.event === 'delivery_failed');
    expect(failed[0]?.details).toMatchObject({ kind: 'report_alert', role: 'manager', reason: 'user_not_found', attempts: 3 });
  });

  it('dead-letters a permanent failure at once', async () => {
    const reference = await oneAlert();
    const notifier = new FakeNotifier();
    notifier.failNext(1, () => new DeliveryError('channel_archived', { permanent: true }));
    await r.relay(notifier).runOnce();
    expect((await r.store.outboxFor(reference))[0]).toMatchObject({ status: 'dead', attempts: 1, lastError: 'channel_archived' });
  });

  it('retries the rows of a relay that died holding them only after its lease expired', async () => {
    const reference = await oneAlert();
    const dead = await r.store.claimOutbox({ now: r.clock.now(), leaseMs: 60_000, limit: 10, token: 'crashed-relay' });
    expect(dead).toHaveLength(1);
    const notifier = new FakeNotifier();
    const relay = r.relay(notifier);
    expect((await relay.runOnce()).claimed).toBe(0);
    r.clock.advance(60_001);
    expect(await relay.runOnce()).toMatchObject({ claimed: 1, delivered: 1 });
    // The crashed relay's late answer cannot overwrite the outcome.
    expect(await r.store.completeOutbox(dead[0]!.id, 'crashed-relay', { status: 'dead', at: r.clock.now(), error: 'late' })).toBe(false);
    expect((await r.store.outboxFor(reference))[0]).toMatchObject({ status: 'delivered', attempts: 2 });
  });

  it('treats a delivery that outlives the timeout as failed and retries it', async () => {
    const reference = await oneAlert();
    const notifier = new FakeNotifier();
    let release!: () => void;
    notifier.gate = new Promise((resolve) => (release = resolve));
    const relay = r.relay(notifier, { deliveryTimeoutMs: 100 });
    expect(await relay.runOnce()).toMatchObject({ claimed: 1, retried: 1 });
    expect((await r.store.outboxFor(reference))[0]).toMatchObject({ status: 'pending', lastError: 'timeout' });
    release();
  });

  it('two relays working the same outbox never deliver a row twice', async () => {
    for (let i = 0; i < 15; i++) await oneAlert();
    const notifier = new FakeNotifier();
    const relays = [r.relay(notifier, { batchSize: 4 }), r.relay(notifier, { batchSize: 4 })];
    for (let round = 0; round < 6; round++) await Promise.all(relays.map((relay) => relay.runOnce()));
    const keys = notifier.delivered.map((m) => m.idempotencyKey);
    expect(keys).toHaveLength(15);
    expect(new Set(keys).size).toBe(15);
  });

  it('stop() waits for the deliveries in flight', async () => {
    const reference = await oneAlert();
    const notifier = new FakeNotifier();
    let release!: () => void;
    notifier.gate = new Promise((resolve) => (release = resolve));
    const relay = r.relay(notifier);
    relay.start();
    while (notifier.calls === 0) await new Promise((resolve) => setTimeout(resolve, 5));
    let stopped = false;
    const stopping = relay.stop().then(() => (stopped = true));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(stopped).toBe(false);
    release();
    await stopping;
    expect(relay.running).toBe(false);
    expect((await r.store.outboxFor(reference))[0]?.status).toBe('delivered');
  });
});

const onPostgres = TEST_DATABASE_URL ? describe : describe.skip;

onPostgres('two relay processes on one PostgreSQL', () => {
  it('deliver every row exactly once', async () => {
    const r = await openTestReporting('postgres');
    const second = await openPostgresDriver({ connectionString: TEST_DATABASE_URL!, schema: r.schema });
    try {
      const otherStore = await openSqlStore(second, new ContentCipher(TEST_KEY));
      const service = new ReportService({ store: r.store, directory: r.directory, routingTable: r.routingTable, clock: systemClock });
      for (let i = 0; i < 40; i++) await service.submit(draft({ category: 'harassment' }), i % 2 ? DEMO.anna : DEMO.mikko);
      const notifier = new FakeNotifier();
      notifier.failWhen(() => (Math.random() < 0.2 ? new DeliveryError('flaky') : undefined));
      const settings = { pollMs: 5, batchSize: 3, maxAttempts: 50, baseDelayMs: 10, maxDelayMs: 40, leaseMs: 10_000, deliveryTimeoutMs: 2_000 };
      const relays = [r.store, otherStore].map(
        (store) => new Relay({ store, notifier, directory: r.directory, clock: systemClock, settings }),
      );
      relays.forEach((relay) => relay.start());
      const deadline = Date.now() + 20_000;
      while (new Set(notifier.delivered.map((m) => m.idempotencyKey)).size < 40 && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      await Promise.all(relays.map((relay) => relay.stop()));
      const keys = notifier.delivered.map((m) => m.idempotencyKey);
      expect(new Set(keys).size).toBe(40);
      expect(keys).toHaveLength(40);
    } finally {
      await second.close();
      await r.dispose();
    }
  });
});
