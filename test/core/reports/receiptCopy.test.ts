/**
 * The reporter's receipt is a copy of the report like the alert copies (core receiptCopy / receiptMessage): a
 * door records the receipt it showed, every change then queues one 'alert_refresh' for it through the outbox,
 * and the redraw carries Withdraw only while the reporter may still withdraw. A change made between rendering
 * and recording queues the redraw at once. Real store (PGlite, and PostgreSQL when TEST_DATABASE_URL is set).
 */
import { copyRowOf } from '../../../src/core/reports/alertRefresh';
import { renderMessage } from '../../../src/core/delivery/renderMessage';
import { MESSAGE_ACTIONS } from '../../../src/core/delivery/messageKinds';
import { ReportErrorCode } from '../../../src/core/reports/reportErrors';
import { STEP_EVENTS } from '../../../src/core/reports/reportState';
import { BACKENDS, closeSharedPglite, draft, openTestReporting, type TestReporting } from '../../helpers/db';
import { DEMO, reportRejection } from '../../helpers/reportFixtures';

afterAll(closeSharedPglite);

describe.each(BACKENDS)('the receipt as a copy of the report on %s', (backend) => {
  let r: TestReporting;
  beforeEach(async () => {
    r = await openTestReporting(backend);
  });
  afterEach(async () => {
    await r.dispose();
  });

  const refreshes = async (reference: string) => (await r.store.outboxFor(reference)).filter((row) => row.kind === 'alert_refresh' && row.data.copyKind === 'reporter_receipt');
  const redrawn = async (reference: string) => {
    const rows = await refreshes(reference);
    const last = rows.at(-1)!;
    return renderMessage(copyRowOf(last), {
      report: await r.store.getReport(reference),
      directory: r.directory,
      routingTable: r.routingTable,
      defaultLang: 'sv',
      timeZone: 'Europe/Helsinki',
      timeline: await r.store.timeline(reference, STEP_EVENTS),
      now: r.clock.now(),
    });
  };

  it('is recorded where a door showed it, and redrawn on every change: Withdraw only while it applies', async () => {
    const { reference } = await r.service.submit(draft({ category: 'harassment' }), DEMO.anna, { lang: 'fi' });
    const copy = await r.service.receiptCopy(reference, DEMO.anna, 'slack');
    expect(copy.kind).toBe('reporter_receipt');
    expect(copy.lang).toBe('fi');
    expect(copy.text).toContain(`Ilmoituksesi ${reference}`);
    expect(copy.actions).toEqual([{ id: MESSAGE_ACTIONS.withdraw, label: expect.any(String), reference }]);
    const key = await r.service.recordReceiptCopy(copy, 'slack', '1700000000.000100');
    const stored = (await r.store.outboxFor(reference)).find((row) => row.idempotencyKey === key)!;
    expect(stored).toMatchObject({ kind: 'reporter_receipt', status: 'delivered', deliveredVia: 'slack', addressee: { kind: 'person', personId: DEMO.anna, role: 'reporter' } });
    expect(await refreshes(reference)).toEqual([]);

    await r.service.acknowledge(reference, DEMO.karin);
    expect(await refreshes(reference)).toHaveLength(1);
    const acknowledged = await redrawn(reference);
    expect(acknowledged.idempotencyKey).toBe(key);
    expect(acknowledged.actions.map((a) => a.id)).toEqual([MESSAGE_ACTIONS.withdraw]);
    expect(acknowledged.report?.stateLine).toContain('Karin Nyström');

    await r.service.resolve(reference, DEMO.karin, 'Hoidettu.');
    expect(await refreshes(reference)).toHaveLength(2);
    const resolved = await redrawn(reference);
    expect(resolved.actions).toEqual([]);
    expect(resolved.report?.status).toBe('resolved');
    // Still the receipt (who was told), in the reporter's language.
    expect(resolved.text).toContain(`Ilmoituksesi ${reference}`);
  });

  it('queues the redraw at once when the report changed between rendering and recording', async () => {
    const { reference } = await r.service.submit(draft({ category: 'harassment' }), DEMO.anna, { lang: 'sv' });
    const copy = await r.service.receiptCopy(reference, DEMO.anna, 'teams');
    await r.service.withdraw(reference, DEMO.anna);
    await r.service.recordReceiptCopy(copy, 'teams', 'activity-1');
    const rows = await refreshes(reference);
    expect(rows).toHaveLength(1);
    expect((await redrawn(reference)).actions).toEqual([]);
    // Recording the same shown message again adds nothing.
    await r.service.recordReceiptCopy(copy, 'teams', 'activity-1');
    expect(await refreshes(reference)).toHaveLength(1);
  });

  it('is only the reporter’s', async () => {
    const { reference } = await r.service.submit(draft({ category: 'harassment' }), DEMO.anna, { lang: 'sv' });
    expect((await reportRejection(r.service.receiptCopy(reference, DEMO.karin, 'slack'))).code).toBe(ReportErrorCode.AccessDenied);
  });
});
