import { reportRejection } from '../../helpers/reportFixtures';
import { BACKENDS, SECRET, closeSharedPglite, draft, openTestReporting, type TestReporting } from '../../helpers/db';
import { DEMO } from '../../helpers/reportFixtures';
import { FakeNotifier } from '../../helpers/fakeNotifier';
import { ReportErrorCode, reportErrorMessage } from '../../../src/core/reports/reportErrors';
import { formatReceipt, type Receipt } from '../../../src/core/reports/dialog';

afterAll(closeSharedPglite);

const rejection = reportRejection;

describe.each(BACKENDS)('ReportService on %s', (backend) => {
  let r: TestReporting;
  beforeEach(async () => {
    r = await openTestReporting(backend);
  });
  afterEach(async () => {
    await r.dispose();
  });

  it('commits a threat report with its timeline, one alert per recipient and two escalation timers', async () => {
    const receipt = await r.service.submit(draft(), DEMO.anna);

    expect(receipt.reference).toBe('SOME-2026-0001');
    expect(receipt.duplicate).toBe(false);
    expect(receipt.lang).toBe('sv');
    expect(receipt.decision.urgency).toBe('immediate');
    expect(receipt.recipients.map((x) => [x.name, x.recipient.role])).toEqual([
      ['Karin Nyström', 'manager'],
      ['#informationsforvaltningen', 'it_security'],
      ['Informationsförvaltningen / Tietohallinto', 'it_security'],
      ['Informationsförvaltningen', 'it_security'],
    ]);
    expect(receipt.advice[0]).toMatch(/Spara bevisen/);
    expect(receipt.decision.rules.map((rule) => rule.id)).toEqual(['K8-a', 'K8-b']);
    const shown: Receipt = receipt; // the dialog's receipt formatter takes it as it is
    const text = formatReceipt(shown, 'sv').text;
    expect(text).toContain(receipt.reference);
    // People and units named once: the team's three channels are one "gemensam kanal".
    expect(text).toContain('Karin Nyström');
    expect(text.match(/gemensam kanal/g)).toHaveLength(1);
    expect(text).not.toContain('#informationsforvaltningen');

    // One alert for the manager and one post for IT security's team.
    const outbox = await r.store.outboxFor(receipt.reference);
    expect(outbox).toHaveLength(2);
    expect(outbox[1]?.data).toEqual({ team: 'it_security' });
    expect(new Set(outbox.map((row) => row.idempotencyKey)).size).toBe(2);
    expect(outbox.every((row) => row.kind === 'report_alert' && row.status === 'pending')).toBe(true);

    const timers = await r.store.timersFor(receipt.reference);
    expect(timers.map((t) => [t.level, (t.dueAt.getTime() - r.clock.now().getTime()) / 60_000])).toEqual([
      [1, 15],
      [2, 30],
    ]);
    const timeline = await r.store.timeline(receipt.reference);
    expect(timeline.map((e) => [e.event, e.actor])).toEqual([['submitted', 'person:anna.lindqvist']]);

    const stored = await r.store.getReport(receipt.reference);
    expect(stored?.content?.description).toBe(SECRET.description);
    expect(stored?.reporterId).toBe(DEMO.anna);
  });

  it('numbers references per year and restarts the sequence in a new year (Helsinki time)', async () => {
    const first = await r.service.submit(draft(), DEMO.anna);
    const second = await r.service.submit(draft({ category: 'harassment' }), DEMO.mikko);
    r.clock.set('2026-12-31T22:30:00.000Z'); // already 1 January 2027 in Helsinki
    const third = await r.service.submit(draft(), DEMO.anna);
    expect([first.reference, second.reference, third.reference]).toEqual(['SOME-2026-0001', 'SOME-2026-0002', 'SOME-2027-0001']);
  });

  it('gives unique, gapless references to concurrent submissions', async () => {
    const receipts = await Promise.all(Array.from({ length: 12 }, (_, i) => r.service.submit(draft(), i % 2 ? DEMO.anna : DEMO.mikko)));
    const refs = receipts.map((x) => x.reference).sort();
    expect(refs).toEqual(Array.from({ length: 12 }, (_, i) => `SOME-2026-${String(i + 1).padStart(4, '0')}`));
  });

  it('returns the first receipt for a repeated submission key and stores nothing new', async () => {
    const first = await r.service.submit(draft(), DEMO.anna, { submissionKey: 'web:anna:dialog-1' });
    const again = await r.service.submit(draft(), DEMO.anna, { submissionKey: 'web:anna:dialog-1' });
    const [a, b] = await Promise.all([
      r.service.submit(draft(), DEMO.anna, { submissionKey: 'web:anna:dialog-2' }),
      r.service.submit(draft(), DEMO.anna, { submissionKey: 'web:anna:dialog-2' }),
    ]);
    expect(again.reference).toBe(first.reference);
    expect(again.duplicate).toBe(true);
    expect(a.reference).toBe(b.reference);
    expect([a.duplicate, b.duplicate].sort()).toEqual([false, true]);
    expect(await r.store.listReports()).toHaveLength(2);
  });

  it('rejects an invalid draft with a translated error naming the field, and stores nothing', async () => {
    const err = await rejection(r.service.submit({ ...draft(), occurredOn: 'last week' }, DEMO.anna));
    expect(err.code).toBe(ReportErrorCode.InvalidDraft);
    expect(err.params.field).toBe('occurredOn');
    expect(reportErrorMessage(err, 'fi')).toMatch(/Milloin se tapahtui\?/);
    expect(reportErrorMessage(err, 'fi')).not.toMatch(/occurredOn/);
    expect(reportErrorMessage(err, 'sv')).toMatch(/saknas eller är ogiltigt/);
    expect(await r.store.listReports()).toHaveLength(0);
  });

  it('refuses reporters who are not in the directory, and alternates who are neither HR nor the next manager', async () => {
    expect((await rejection(r.service.submit(draft(), 'nobody.here'))).code).toBe(ReportErrorCode.ReporterUnknown);
    const aboutManager = draft({ category: 'harassment', subjectIsManager: true, alternateRecipientId: DEMO.sofia });
    expect((await rejection(r.service.submit(aboutManager, DEMO.anna))).code).toBe(ReportErrorCode.AlternateNotAllowed);
    expect(await r.store.listReports()).toHaveLength(0);
  });

  it('never alerts the manager who is the subject of the report', async () => {
    const receipt = await r.service.submit(
      draft({ category: 'harassment', subjectIsManager: true, alternateRecipientId: DEMO.kaisa }),
      DEMO.anna,
    );
    const outbox = await r.store.outboxFor(receipt.reference);
    const people = outbox.map((row) => (row.addressee.kind === 'person' ? row.addressee.personId : row.addressee.channel.id));
    expect(people).toEqual([DEMO.kaisa]);
    expect((await r.store.getReport(receipt.reference))?.subjectPersonId).toBe(DEMO.karin);
  });

  it('acknowledge: stops escalation, tells the reporter once, and a second click changes nothing', async () => {
    const { reference } = await r.service.submit(draft(), DEMO.anna);
    const first = await r.service.acknowledge(reference, DEMO.karin);
    const second = await r.service.acknowledge(reference, DEMO.timo);
    expect(first).toEqual({ reference, status: 'acknowledged', changed: true, acknowledgedBy: DEMO.karin });
    expect(second).toEqual({ reference, status: 'acknowledged', changed: false, acknowledgedBy: DEMO.karin });
    const timers = await r.store.timersFor(reference);
    expect(timers.every((t) => t.cancelledAt !== null && t.firedAt === null)).toBe(true);
    const toReporter = (await r.store.outboxFor(reference)).filter((row) => row.kind === 'reporter_acknowledged');
    expect(toReporter.map((row) => row.addressee)).toEqual([{ kind: 'person', personId: DEMO.anna, role: 'reporter' }]);
  });

  it('goes submitted → in_progress → resolved, with the outcome note encrypted and sent to the reporter', async () => {
    const { reference } = await r.service.submit(draft(), DEMO.anna);
    expect((await r.service.startProgress(reference, DEMO.linnea)).status).toBe('in_progress');
    expect((await r.service.acknowledge(reference, DEMO.karin)).changed).toBe(false);
    const resolved = await r.service.resolve(reference, DEMO.karin, `  ${SECRET.outcome}  `);
    expect(resolved).toMatchObject({ status: 'resolved', changed: true, acknowledgedBy: DEMO.linnea });

    const report = await r.store.getReport(reference);
    expect(report?.outcomeNote).toBe(SECRET.outcome);
    expect(report?.closedBy).toBe(DEMO.karin);
    expect(report?.closedAt).not.toBeNull();
    const events = (await r.store.timeline(reference)).map((e) => `${e.event}:${e.actor}`);
    expect(events).toEqual([
      'submitted:person:anna.lindqvist',
      'acknowledged:person:linnea.berg',
      'progress_started:person:linnea.berg',
      'resolved:person:karin.nystrom',
    ]);
    const kinds = (await r.store.outboxFor(reference)).map((row) => row.kind).filter((k) => k.startsWith('reporter_'));
    expect(kinds).toEqual(['reporter_acknowledged', 'reporter_progress', 'reporter_resolved']);
    // Karin closed it; the other recipients hear who did (the team sees its post redrawn instead).
    const closed = (await r.store.outboxFor(reference)).filter((row) => row.kind === 'report_closed');
    expect(closed.map((row) => [row.addressee, row.data])).toEqual([]);

    const late = await rejection(r.service.startProgress(reference, DEMO.karin));
    expect(late.code).toBe(ReportErrorCode.NotAllowedNow);
    expect(reportErrorMessage(late, 'sv')).toMatch(/Avslutad/);
    expect((await rejection(r.service.resolve(reference, DEMO.karin, '   '))).code).toBe(ReportErrorCode.InvalidOutcome);
  });

  it('lets the reporter withdraw an open report: recipients are told, escalation stops; nobody else may', async () => {
    const { reference } = await r.service.submit(draft({ category: 'harassment' }), DEMO.anna);
    expect((await rejection(r.service.withdraw(reference, DEMO.karin))).code).toBe(ReportErrorCode.AccessDenied);
    const result = await r.service.withdraw(reference, DEMO.anna);
    expect(result).toMatchObject({ status: 'withdrawn', changed: true, acknowledgedBy: null });
    const withdrawn = (await r.store.outboxFor(reference)).filter((row) => row.kind === 'report_withdrawn');
    expect(withdrawn.map((row) => row.addressee)).toEqual([{ kind: 'person', personId: DEMO.karin, role: 'manager' }]);
    expect((await r.store.timersFor(reference)).every((t) => t.cancelledAt !== null)).toBe(true);
    expect((await rejection(r.service.acknowledge(reference, DEMO.karin))).code).toBe(ReportErrorCode.NotAllowedNow);
  });

  it('refuses a lifecycle step by someone without access, and records the attempt', async () => {
    const { reference } = await r.service.submit(draft({ category: 'harassment' }), DEMO.anna);
    const err = await rejection(r.service.acknowledge(reference, DEMO.sofia));
    expect(err.code).toBe(ReportErrorCode.AccessDenied);
    const refused = (await r.store.timeline(reference)).filter((e) => e.event === 'action_refused');
    expect(refused.map((e) => [e.actor, e.details.action])).toEqual([['person:sofia.holmberg', 'acknowledge']]);
    expect((await r.store.getReport(reference))?.status).toBe('submitted');
  });

  it('commits a report with its alerts or not at all: a failing outbox write leaves nothing behind', async () => {
    await r.driver.query('ALTER TABLE outbox RENAME TO outbox_unavailable');
    const err = await rejection(r.service.submit(draft(), DEMO.anna));
    await r.driver.query('ALTER TABLE outbox_unavailable RENAME TO outbox');
    expect(err.code).toBe(ReportErrorCode.SaveFailed);
    expect(reportErrorMessage(err, 'fi')).toMatch(/Vastauksesi ovat tallessa/);
    expect(await r.store.listReports()).toEqual([]);
    expect(await r.store.nextReportNumber(2026)).toBe(1);
    expect(r.logLines.some((line) => line.includes('report_save_failed'))).toBe(true);
    expect(r.logLines.join('\n')).not.toContain(SECRET.description.slice(0, 20));
    const retried = await r.service.submit(draft(), DEMO.anna);
    expect(retried.reference).toBe('SOME-2026-0002');
  });

  it('rejects references that are malformed or unknown with translated errors', async () => {
    const bad = await rejection(r.service.view('DROP TABLE reports', DEMO.anna));
    expect(bad.code).toBe(ReportErrorCode.InvalidReference);
    expect(reportErrorMessage(bad, 'fi')).toMatch(/SOME-2026-0042/);
    expect((await rejection(r.service.view('some-2026-7', DEMO.anna))).code).toBe(ReportErrorCode.NotFound);
  });

  it('never writes report text to the log, through a whole life with deliveries', async () => {
    const notifier = new FakeNotifier();
    const relay = r.relay(notifier);
    const { reference } = await r.service.submit(draft(), DEMO.anna);
    await r.service.view(reference, DEMO.karin);
    await expect(r.service.view(reference, DEMO.sofia)).rejects.toThrow();
    notifier.failNext(2);
    await relay.runOnce();
    await r.service.resolve(reference, DEMO.karin, SECRET.outcome);
    r.clock.advanceMinutes(5);
    await relay.runOnce();
    expect(notifier.ofKind('reporter_resolved')).toHaveLength(1);
    expect(notifier.ofKind('report_alert').some((m) => m.text.includes(SECRET.description))).toBe(true);

    const log = r.logLines.join('\n');
    expect(r.logLines.length).toBeGreaterThan(5);
    for (const secret of Object.values(SECRET)) expect(log).not.toContain(secret.slice(0, 20));
  });
});
