/**
 * A receipt shown while the store is away is recorded once it answers (ReceiptRecorder): kept in the process,
 * tried again with backoff by the relay's pass, and redrawn on that same pass when the report changed in the
 * meantime; never recorded (or redrawn) twice. The store is the real SQL store (PGlite) with its transactions
 * failing, while `down`, the way the PostgreSQL driver reports an unreachable database.
 */
import { closeSharedPglite, draft, openTestReporting, TEST_RELAY_SETTINGS, type TestReporting } from '../../helpers/db';
import { Relay } from '../../../src/core/delivery/relay';
import { ReportService } from '../../../src/core/reports/service';
import { ReceiptRecorder, type ShownReceipt } from '../../../src/core/reports/receiptRecorder';
import { MESSAGE_ACTIONS } from '../../../src/core/delivery/messageKinds';
import { StoreUnavailableError } from '../../../src/core/storeUnavailable';
import type { Store } from '../../../src/core/ports';
import { FakeNotifier } from '../../helpers/fakeNotifier';
import { DEMO } from '../../helpers/reportFixtures';

afterAll(closeSharedPglite);

let r: TestReporting;
beforeEach(async () => {
  r = await openTestReporting('pglite');
});
afterEach(async () => {
  await r.dispose();
});

/** The store whose transactions fail while `down` (or, with `lostCommit`, land and then report the connection lost). */
function switchable(store: Store): Store & { down: boolean; lostCommit: boolean; attempts: number } {
  const wrapped = Object.create(store) as Store & { down: boolean; lostCommit: boolean; attempts: number };
  wrapped.down = false;
  wrapped.lostCommit = false;
  wrapped.attempts = 0;
  wrapped.transaction = async (fn) => {
    wrapped.attempts++;
    if (wrapped.down) throw new StoreUnavailableError(false, 'ECONNREFUSED');
    if (!wrapped.lostCommit) return store.transaction(fn);
    wrapped.lostCommit = false;
    await store.transaction(fn);
    throw new StoreUnavailableError(true, '57P01');
  };
  return wrapped;
}

function recorderOn(store: Store, settings = {}): ReceiptRecorder {
  const service = new ReportService({ store, clock: r.clock, logger: r.logger, directory: r.directory, routingTable: r.routingTable, timeZone: 'Europe/Helsinki', defaultLang: 'sv' });
  return new ReceiptRecorder({ service, clock: r.clock, logger: r.logger, random: () => 0.5, settings });
}

async function shownReceipt(ts: string): Promise<ShownReceipt & { reference: string }> {
  const { reference } = await r.service.submit(draft({ category: 'harassment' }), DEMO.anna, { lang: 'sv' });
  const copy = await r.service.receiptCopy(reference, DEMO.anna, 'slack');
  return {
    reference,
    copy,
    door: 'slack',
    shownAs: ts,
    where: (tx, key) => tx.recordSlackMessage({ idempotencyKey: key, reference, channelId: 'D0ANNA0001', ts, postedAt: r.clock.now() }),
  };
}

const receiptRows = async (reference: string) => (await r.store.outboxFor(reference)).filter((row) => row.kind === 'reporter_receipt');
const receiptRefreshes = async (reference: string) => (await r.store.outboxFor(reference)).filter((row) => row.kind === 'alert_refresh' && row.data.copyKind === 'reporter_receipt');

test('recorded at once when the store answers', async () => {
  const shown = await shownReceipt('1700000000.000100');
  const recorder = recorderOn(r.store);
  expect(await recorder.record(shown)).toBe('recorded');
  expect(recorder.pending).toBe(0);
  const [row] = await receiptRows(shown.reference);
  expect(row).toMatchObject({ status: 'delivered', deliveredVia: 'slack' });
  expect(await r.store.slackMessage(row!.idempotencyKey)).toMatchObject({ channelId: 'D0ANNA0001', ts: '1700000000.000100' });
});

test('shown while the store is away: recorded (with where it is shown) once it is back, then redrawn on every change', async () => {
  const shown = await shownReceipt('1700000000.000200');
  const store = switchable(r.store);
  const recorder = recorderOn(store);
  store.down = true;
  expect(await recorder.record(shown)).toBe('deferred');
  expect(recorder.pending).toBe(1);
  expect(r.logLines.some((l) => l.includes('"receipt_record_deferred"'))).toBe(true);
  // Still away: one try per due pass, not before its backoff.
  r.clock.advance(60_000);
  const before = store.attempts;
  expect(await recorder.retryDue()).toBe(0);
  expect(store.attempts).toBe(before + 1);
  expect(await recorder.retryDue()).toBe(0);
  expect(store.attempts).toBe(before + 1);
  expect(await receiptRows(shown.reference)).toEqual([]);

  store.down = false;
  r.clock.advance(60_000);
  expect(await recorder.retryDue()).toBe(1);
  expect(recorder.pending).toBe(0);
  const [row] = await receiptRows(shown.reference);
  expect(row).toMatchObject({ status: 'delivered', deliveredVia: 'slack' });
  expect(await r.store.slackMessage(row!.idempotencyKey)).toMatchObject({ ts: '1700000000.000200' });
  // Nothing changed meanwhile: nothing to redraw yet; the next change redraws it.
  expect(await receiptRefreshes(shown.reference)).toEqual([]);
  await r.service.resolve(shown.reference, DEMO.karin, 'Klart.');
  expect(await receiptRefreshes(shown.reference)).toHaveLength(1);
  expect(await recorder.retryDue()).toBe(0);
});

test('a report resolved before the store took the receipt is redrawn on the pass that records it, without Withdraw', async () => {
  const shown = await shownReceipt('1700000000.000300');
  expect(shown.copy.actions.map((a) => a.id)).toEqual([MESSAGE_ACTIONS.withdraw]);
  const store = switchable(r.store);
  const recorder = recorderOn(store);
  store.down = true;
  expect(await recorder.record(shown)).toBe('deferred');
  // Another door resolves the report (its own connection got through first).
  await r.service.resolve(shown.reference, DEMO.karin, 'Klart.');
  expect(await receiptRefreshes(shown.reference)).toEqual([]);

  store.down = false;
  r.clock.advance(60_000);
  const notifier = new FakeNotifier();
  // The relay's pass runs the recorder first, then delivers what is due: the receipt's redraw among it.
  const relay = new Relay({
    store: r.store,
    notifier,
    directory: r.directory,
    clock: r.clock,
    logger: r.logger,
    routingTable: r.routingTable,
    settings: TEST_RELAY_SETTINGS,
    tasks: [{ name: 'receipt_records', everyMs: 0, run: () => recorder.retryDue() }],
  });
  await relay.runOnce();
  const redraws = notifier.delivered.filter((m) => m.kind === 'reporter_receipt' && m.refresh);
  expect(redraws).toHaveLength(1);
  expect(redraws[0]!.refresh).toMatchObject({ door: 'slack' });
  expect(redraws[0]!.actions).toEqual([]);
  expect(redraws[0]!.report?.status).toBe('resolved');
  // Recorded once; the same receipt again is nothing new.
  expect(await recorder.record(shown)).toBe('recorded');
  expect(await receiptRows(shown.reference)).toHaveLength(1);
  expect(await receiptRefreshes(shown.reference)).toHaveLength(1);
});

test('a record that landed although the answer was lost is not recorded or redrawn twice', async () => {
  const shown = await shownReceipt('1700000000.000400');
  await r.service.withdraw(shown.reference, DEMO.anna);
  const store = switchable(r.store);
  const recorder = recorderOn(store);
  store.lostCommit = true;
  expect(await recorder.record(shown)).toBe('deferred');
  r.clock.advance(60_000);
  expect(await recorder.retryDue()).toBe(1);
  expect(await receiptRows(shown.reference)).toHaveLength(1);
  expect(await receiptRefreshes(shown.reference)).toHaveLength(1);
});

test('bounded: beyond maxPending the oldest is given up, and so is one older than giveUpAfterMs', async () => {
  const store = switchable(r.store);
  const recorder = recorderOn(store, { maxPending: 2, giveUpAfterMs: 10 * 60_000 });
  const shown = [await shownReceipt('1700000000.000501'), await shownReceipt('1700000000.000502'), await shownReceipt('1700000000.000503')];
  store.down = true;
  for (const s of shown) expect(await recorder.record(s)).toBe('deferred');
  expect(recorder.pending).toBe(2);
  expect(r.logLines.filter((l) => l.includes('"receipt_record_given_up"') && l.includes('too_many_waiting'))).toHaveLength(1);
  r.clock.advance(11 * 60_000);
  store.down = false;
  expect(await recorder.retryDue()).toBe(0);
  expect(recorder.pending).toBe(0);
  expect(r.logLines.filter((l) => l.includes('"receipt_record_given_up"') && l.includes('too_old'))).toHaveLength(2);
  // The logs name references and codes, never report text.
  expect(r.logLines.filter((l) => l.includes('receipt_record')).every((l) => !l.includes('Anna') && !l.includes(draft().description))).toBe(true);
});
