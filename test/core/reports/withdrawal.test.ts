/**
 * The reporter's withdraw in two steps (core Withdrawal over the real ReportService and store): asking changes
 * nothing; cancel changes nothing and says so; only the confirm bound to the reporter withdraws, once; a late
 * confirm (report resolved meanwhile, or already withdrawn) gets the outdated-click explanation and no second
 * notification. Refusals are the service's, audited as today.
 */
import { reportRejection, DEMO } from '../../helpers/reportFixtures';
import { BACKENDS, closeSharedPglite, draft, openTestReporting, type TestReporting } from '../../helpers/db';
import { ReportErrorCode } from '../../../src/core/reports/reportErrors';
import { decodeWithdrawBinding, encodeWithdrawBinding, Withdrawal, WITHDRAW_ACTION, type WithdrawOutcome } from '../../../src/core/reports/withdrawal';

afterAll(closeSharedPglite);

function expectKind<K extends WithdrawOutcome['kind']>(outcome: WithdrawOutcome, kind: K): Extract<WithdrawOutcome, { kind: K }> {
  expect(outcome.kind).toBe(kind);
  return outcome as Extract<WithdrawOutcome, { kind: K }>;
}

describe.each(BACKENDS)('Withdrawal on %s', (backend) => {
  let r: TestReporting;
  let withdrawal: Withdrawal;
  beforeEach(async () => {
    r = await openTestReporting(backend);
    withdrawal = new Withdrawal({ service: r.service, directory: r.directory });
  });
  afterEach(async () => {
    await r.dispose();
  });

  const told = async (reference: string) => (await r.store.outboxFor(reference)).filter((row) => row.kind === 'report_withdrawn' || row.kind === 'reporter_withdrawn');

  it('asks in the language of the reporter’s copies; cancel changes nothing; confirm withdraws once', async () => {
    const { reference } = await r.service.submit(draft({ category: 'harassment' }), DEMO.anna, { lang: 'fi' });

    const asked = expectKind(await withdrawal.ask(reference.toLowerCase(), DEMO.anna), 'question').question;
    expect(asked.lang).toBe('fi');
    expect(asked.text).toBe(`Haluatko varmasti perua ilmoituksen ${reference}? Vastaanottajille kerrotaan, että se on peruttu.`);
    expect(asked.binding).toEqual({ reference, reporterId: DEMO.anna });
    expect([asked.confirm.action, asked.cancel.action]).toEqual([WITHDRAW_ACTION.confirm, WITHDRAW_ACTION.cancel]);
    expect((await r.store.getReport(reference))!.status).toBe('submitted');
    expect(await told(reference)).toEqual([]);

    const cancelled = expectKind(await withdrawal.cancel(reference, DEMO.anna), 'cancelled');
    expect(cancelled.text).toBe(`Ilmoitusta ${reference} ei peruttu. Mitään ei muutettu.`);
    expect((await r.store.getReport(reference))!.status).toBe('submitted');
    expect((await r.store.timeline(reference)).map((e) => e.event)).toEqual(['submitted']);

    const done = expectKind(await withdrawal.confirm(asked.binding, DEMO.anna), 'withdrawn');
    expect(done.result).toMatchObject({ status: 'withdrawn', changed: true });
    expect(done.text).toContain(reference);
    const rows = await told(reference);
    expect(rows.map((row) => row.kind).sort()).toEqual(['report_withdrawn', 'reporter_withdrawn']);

    // The same confirm again: refused as outdated with the state; no second withdraw, no second notification.
    const again = expectKind(await withdrawal.confirm(asked.binding, DEMO.anna), 'refused');
    expect(again.outdated).toBe(true);
    expect(again.text).toMatch(new RegExp(`^Tämä ei ole enää mahdollista\\. ${reference}: Peruttu\\.`));
    expect(await told(reference)).toHaveLength(rows.length);
    expect((await r.store.timeline(reference)).filter((e) => e.event === 'withdrawn')).toHaveLength(1);
    expectKind(await withdrawal.ask(reference, DEMO.anna), 'refused');
  });

  it('refuses a confirm after the report was resolved, and a confirm or ask by anyone but the bound reporter', async () => {
    const { reference } = await r.service.submit(draft({ category: 'harassment' }), DEMO.anna);
    const { binding } = expectKind(await withdrawal.ask(reference, DEMO.anna), 'question').question;

    // Karin (the recipient) may not ask, nor use Anna's confirm, nor a confirm naming herself.
    expect(expectKind(await withdrawal.ask(reference, DEMO.karin), 'refused').code).toBe(ReportErrorCode.AccessDenied);
    expect(expectKind(await withdrawal.confirm(binding, DEMO.karin), 'refused').code).toBe(ReportErrorCode.AccessDenied);
    expect(expectKind(await withdrawal.confirm({ reference, reporterId: DEMO.karin }, DEMO.karin), 'refused').code).toBe(ReportErrorCode.AccessDenied);
    // Anna may not use a confirm bound to someone else.
    expect(expectKind(await withdrawal.confirm({ reference, reporterId: DEMO.karin }, DEMO.anna), 'refused').code).toBe(ReportErrorCode.AccessDenied);
    expect((await r.store.timeline(reference)).filter((e) => e.event === 'action_refused')).toHaveLength(4);

    await r.service.resolve(reference, DEMO.karin, 'Hanterat.');
    const late = expectKind(await withdrawal.confirm(binding, DEMO.anna), 'refused');
    expect(late.outdated).toBe(true);
    expect(late.text).toMatch(new RegExp(`^Det går inte längre\\. ${reference}: Avslutad\\.`));
    expect((await r.store.getReport(reference))!.status).toBe('resolved');
    expect(await told(reference)).toEqual([]);
    expect((await reportRejection(r.service.confirmWithdraw(binding, DEMO.anna))).code).toBe(ReportErrorCode.NotAllowedNow);
  });

  it('carries its binding through a single-value payload, and refuses what is not one', () => {
    const binding = { reference: 'SOME-2026-0007', reporterId: 'anna.lindqvist' };
    expect(decodeWithdrawBinding(encodeWithdrawBinding(binding))).toEqual(binding);
    for (const value of ['SOME-2026-0007', '', '[]', '["SOME-2026-0007"]', '{"reference":"x"}', '[1,2]']) expect(decodeWithdrawBinding(value)).toBeUndefined();
  });
});
