/**
 * Exactly once when the outcome of a delivery is unknown, and pacing per chat, with the real relay on a real
 * store: a platform that hangs after showing a message, a message genuinely lost on the way, the database
 * going away right after a successful post (recorded from the local journal, or found on the platform by
 * another process), and 450 messages to one person drained at the chat's rate without a timeout.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { BACKENDS, closeSharedPglite, draft, openTestReporting, TEST_RELAY_SETTINGS, type TestReporting } from '../../helpers/db';
import { DEMO } from '../../helpers/reportFixtures';
import { DeliveryError } from '../../../src/core/delivery/deliveryError';
import { Relay, type RelaySettings } from '../../../src/core/delivery/relay';
import type { AttemptOutcome, DeliveryAttempt, DeliveryReceipt, Notifier, OutboundMessage, Pace, Store } from '../../../src/core/ports';
import { FileDeliveryJournal } from '../../../src/storage/deliveryJournalFile';

afterAll(closeSharedPglite);

type Mode = 'ok' | 'hang_after_landing' | 'lost' | { error: () => Error };

/**
 * A platform standing in for Slack: it keeps the messages it shows (by idempotency key, as Slack keeps
 * message metadata) and can look an attempt up. Per call it can answer, hang after showing the message (its
 * answer never comes), lose the message on the way (and never answer), or fail with an error.
 */
class LedgerPlatform implements Notifier {
  /** Every message shown, duplicates included. */
  readonly shown: OutboundMessage[] = [];
  readonly postTimes: number[] = [];
  deliverCalls = 0;
  lookups = 0;
  modes: Mode[] = [];
  pacing: { intervalMs: number } | undefined;

  async deliver(message: OutboundMessage): Promise<DeliveryReceipt> {
    this.deliverCalls++;
    this.postTimes.push(Date.now());
    const mode = this.modes.shift() ?? 'ok';
    if (mode === 'lost') return new Promise<never>(() => undefined);
    if (typeof mode === 'object') throw mode.error();
    this.shown.push(message);
    if (mode === 'hang_after_landing') return new Promise<never>(() => undefined);
    return { door: 'slack' };
  }

  async findAttempt(message: OutboundMessage, _attempt: DeliveryAttempt): Promise<AttemptOutcome> {
    this.lookups++;
    return { landed: this.shown.some((m) => m.idempotencyKey === message.idempotencyKey) };
  }

  pace(message: OutboundMessage): Pace | undefined {
    if (!this.pacing) return undefined;
    return { key: message.to.kind === 'person' ? `ledger:${message.to.person.id}` : 'ledger:channel', intervalMs: this.pacing.intervalMs };
  }

  timesShown(key: string): number {
    return this.shown.filter((m) => m.idempotencyKey === key).length;
  }
}

/** A store whose transactions fail while `down` is set (the database went away after the post). */
function flakyStore(store: Store): { store: Store; setDown(down: boolean): void } {
  let down = false;
  const proxy = new Proxy(store, {
    get(target, prop, receiver) {
      if (prop === 'transaction') {
        return (fn: Parameters<Store['transaction']>[0]) => (down ? Promise.reject(Object.assign(new Error('terminating connection'), { code: '57P01' })) : target.transaction(fn));
      }
      const value = Reflect.get(target, prop, receiver);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
  return { store: proxy, setDown: (value) => (down = value) };
}

describe.each(BACKENDS)('exactly once when the outcome is unknown, on %s', (backend) => {
  let r: TestReporting;
  let dir: string;
  beforeEach(async () => {
    r = await openTestReporting(backend);
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'somebot-journal-'));
  });
  afterEach(async () => {
    await r.dispose();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const settings: Partial<RelaySettings> = { deliveryTimeoutMs: 100 };
  const relayOn = (notifier: Notifier, store: Store = r.store, extra: Partial<ConstructorParameters<typeof Relay>[0]> = {}) =>
    new Relay({
      store,
      notifier,
      directory: r.directory,
      clock: r.clock,
      logger: r.logger,
      settings: { ...TEST_RELAY_SETTINGS, ...settings },
      random: () => 0.5,
      recordRetryDelaysMs: [5, 5],
      ...extra,
    });

  /** A harassment report by anna: exactly one alert, to karin. Returns the alert's row. */
  async function oneAlert() {
    const { reference } = await r.service.submit(draft({ category: 'harassment' }), DEMO.anna);
    const [row] = await r.store.outboxFor(reference);
    return { reference, key: row!.idempotencyKey };
  }
  const rowOf = async (reference: string) => (await r.store.outboxFor(reference))[0]!;
  const notified = async (reference: string) => (await r.store.timeline(reference)).filter((e) => e.event === 'notified');

  it('a post that hung after the platform showed it is found by lookup and not posted again', async () => {
    const { reference, key } = await oneAlert();
    const platform = new LedgerPlatform();
    platform.modes = ['hang_after_landing'];
    const relay = relayOn(platform);
    expect(await relay.runOnce()).toMatchObject({ claimed: 1, retried: 1 });
    expect(await rowOf(reference)).toMatchObject({ status: 'pending', lastError: 'timeout' });
    expect((await rowOf(reference)).attemptStartedAt).not.toBeNull();
    r.clock.advance(60_000);
    expect(await relay.runOnce()).toMatchObject({ claimed: 1, delivered: 1 });
    expect(platform.deliverCalls).toBe(1);
    expect(platform.lookups).toBe(1);
    expect(platform.timesShown(key)).toBe(1);
    expect(await rowOf(reference)).toMatchObject({ status: 'delivered' });
    expect(await notified(reference)).toHaveLength(1);
  });

  it('a post genuinely lost on the way (nothing on the platform) is posted once more', async () => {
    const { reference, key } = await oneAlert();
    const platform = new LedgerPlatform();
    platform.modes = ['lost'];
    const relay = relayOn(platform);
    await relay.runOnce();
    r.clock.advance(60_000);
    expect(await relay.runOnce()).toMatchObject({ delivered: 1 });
    expect(platform.deliverCalls).toBe(2);
    expect(platform.lookups).toBe(1);
    expect(platform.timesShown(key)).toBe(1);
    r.clock.advance(10 * 60_000);
    expect((await relay.runOnce()).claimed).toBe(0);
    expect(await notified(reference)).toHaveLength(1);
  });

  it('a post whose record fails (database gone) goes to the journal, is recorded from it, and is not posted again', async () => {
    const { reference, key } = await oneAlert();
    const platform = new LedgerPlatform();
    const flaky = flakyStore(r.store);
    const journal = new FileDeliveryJournal(path.join(dir, 'delivery-journal.jsonl'));
    const relay = relayOn(platform, flaky.store, { journal });
    flaky.setDown(true);
    expect(await relay.runOnce()).toMatchObject({ claimed: 1, delivered: 1 });
    expect(await rowOf(reference)).toMatchObject({ status: 'pending' });
    const written = fs.readFileSync(path.join(dir, 'delivery-journal.jsonl'), 'utf8');
    expect(written).toContain(key);
    expect(written).not.toContain(draft().description);
    flaky.setDown(false);
    // Long after the lease ran out: the journal is replayed before anything is claimed.
    r.clock.advance(10 * 60_000);
    expect((await relay.runOnce()).claimed).toBe(0);
    // Recorded as any delivery is: delivered, through the door that took it.
    expect(await rowOf(reference)).toMatchObject({ status: 'delivered', deliveredVia: 'slack' });
    expect(platform.deliverCalls).toBe(1);
    expect(platform.timesShown(key)).toBe(1);
    expect(await notified(reference)).toHaveLength(1);
    expect((await notified(reference))[0]!.details).toMatchObject({ door: 'slack' });
    expect(fs.readdirSync(dir).filter((f) => fs.readFileSync(path.join(dir, f), 'utf8').trim() !== '')).toEqual([]);
  });

  it('a journaled delivery stays in the journal while the database is still away, and is recorded once it is back', async () => {
    const { reference } = await oneAlert();
    const platform = new LedgerPlatform();
    const flaky = flakyStore(r.store);
    const journal = new FileDeliveryJournal(path.join(dir, 'delivery-journal.jsonl'));
    const relay = relayOn(platform, flaky.store, { journal });
    flaky.setDown(true);
    await relay.runOnce();
    await relay.runOnce();
    expect(await rowOf(reference)).toMatchObject({ status: 'pending' });
    flaky.setDown(false);
    await relay.runOnce();
    expect(await rowOf(reference)).toMatchObject({ status: 'delivered' });
    expect(await notified(reference)).toHaveLength(1);
    expect(platform.deliverCalls).toBe(1);
  });

  it('without the journal (the process that posted died), another relay finds the post on the platform instead of posting again', async () => {
    const { reference, key } = await oneAlert();
    const platform = new LedgerPlatform();
    const flaky = flakyStore(r.store);
    const first = relayOn(platform, flaky.store);
    flaky.setDown(true);
    await first.runOnce();
    expect(await rowOf(reference)).toMatchObject({ status: 'pending' });
    flaky.setDown(false);
    const second = relayOn(platform);
    expect((await second.runOnce()).claimed).toBe(0);
    r.clock.advance(TEST_RELAY_SETTINGS.leaseMs + 1);
    expect(await second.runOnce()).toMatchObject({ claimed: 1, delivered: 1 });
    expect(platform.deliverCalls).toBe(1);
    expect(platform.lookups).toBe(1);
    expect(platform.timesShown(key)).toBe(1);
    expect(await notified(reference)).toHaveLength(1);
  });

  it('asks nothing before the next try when the platform said it did not take the message (429)', async () => {
    const { reference, key } = await oneAlert();
    const platform = new LedgerPlatform();
    platform.modes = [{ error: () => new DeliveryError('rate_limited', { retryAfterMs: 2000, notSent: true }) }];
    const relay = relayOn(platform);
    await relay.runOnce();
    expect((await rowOf(reference)).attemptStartedAt).toBeNull();
    r.clock.advance(60_000);
    await relay.runOnce();
    expect(platform.lookups).toBe(0);
    expect(platform.timesShown(key)).toBe(1);
  });

  it('posts again when an earlier attempt failed with an unknown outcome and the platform cannot look it up', async () => {
    const { reference, key } = await oneAlert();
    const platform = new LedgerPlatform();
    const blind: Notifier = { deliver: (m) => platform.deliver(m) };
    platform.modes = ['lost'];
    const relay = relayOn(blind);
    await relay.runOnce();
    r.clock.advance(60_000);
    await relay.runOnce();
    expect(platform.deliverCalls).toBe(2);
    expect(platform.timesShown(key)).toBe(1);
    expect(await rowOf(reference)).toMatchObject({ status: 'delivered' });
  });

  it('drains 450 messages to one person at the chat\'s rate, outside the delivery time limit: no timeout, no retry', async () => {
    const { reference } = await oneAlert();
    const [first] = await r.store.outboxFor(reference);
    await r.store.enqueue(
      Array.from({ length: 449 }, (_, i) => ({
        idempotencyKey: `${first!.idempotencyKey}:again-${i}`,
        reference,
        kind: 'escalation_alert' as const,
        addressee: first!.addressee,
        data: { level: 2 },
        availableAt: r.clock.now(),
      })),
    );
    const platform = new LedgerPlatform();
    const intervalMs = 4;
    platform.pacing = { intervalMs };
    // 50 rows a pass wait up to 50 × 4 ms = 200 ms for their turn: twice the time limit of one delivery.
    const relay = relayOn(platform, r.store, { settings: { ...TEST_RELAY_SETTINGS, deliveryTimeoutMs: 100, batchSize: 50 } });
    let passes = 0;
    while (passes < 20 && (await relay.runOnce()).claimed > 0) passes++;
    const rows = await r.store.outboxFor(reference);
    expect(rows).toHaveLength(450);
    expect(rows.filter((row) => row.status === 'delivered')).toHaveLength(450);
    expect(rows.filter((row) => row.attempts !== 1 || row.lastError !== null)).toEqual([]);
    expect(platform.deliverCalls).toBe(450);
    expect(r.logLines.filter((l) => l.includes('outbox_retry'))).toEqual([]);
    // At the chat's rate overall (each turn starts an interval after the previous one: pacedQueues.test.ts).
    expect(platform.postTimes[449]! - platform.postTimes[0]!).toBeGreaterThanOrEqual(449 * intervalMs - 5);
  });
});
