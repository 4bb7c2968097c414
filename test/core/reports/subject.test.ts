import { reportRejection } from '../../helpers/reportFixtures';
/**
 * The person a report is about (the reporter's own manager) never sees, lists or handles it, and when that
 * person is in IT security the report reaches no IT security channel they read (routing, escalation, dead letter).
 */
import { BACKENDS, closeSharedPglite, draft, openTestReporting, type TestReporting } from '../../helpers/db';
import { DEMO, IT_SECURITY_CHANNELS, defaultRoutingTable } from '../../helpers/reportFixtures';
import { FakeNotifier } from '../../helpers/fakeNotifier';
import { StaticDirectory } from '../../../src/core/directory/staticDirectory';
import type { Person } from '../../../src/core/directory/directory';
import { DeliveryError } from '../../../src/core/delivery/deliveryError';
import { routeReport } from '../../../src/core/reports/routing';
import type { OutboxRow } from '../../../src/core/reports/records';
import { ReportErrorCode } from '../../../src/core/reports/reportErrors';

afterAll(closeSharedPglite);

const rejection = reportRejection;

const targets = (rows: OutboxRow[]) =>
  rows.map((row) => (row.addressee.kind === 'person' ? row.addressee.personId : `#${row.addressee.channel.id}`));

/** Linnea (IT security) reports a threat by her manager Timo, who is IT security's head (the reviewer's repro). */
const aboutTimo = () => draft({ category: 'threat', subjectIsManager: true, alternateRecipientId: DEMO.kaisa });

describe.each(BACKENDS)('the person reported, on %s', (backend) => {
  let r: TestReporting;
  let reference: string;
  beforeEach(async () => {
    r = await openTestReporting(backend);
    reference = (await r.service.submit(aboutTimo(), DEMO.linnea)).reference;
  });
  afterEach(async () => {
    await r.dispose();
  });

  it('is not told, and neither is any IT security channel: only the chosen alternate is', async () => {
    const report = await r.store.getReport(reference);
    expect(report?.subjectPersonId).toBe(DEMO.timo);
    expect(report?.recipients.map((x) => x.addressee)).toEqual([{ kind: 'person', personId: DEMO.kaisa, role: 'alternate' }]);
    expect(targets(await r.store.outboxFor(reference))).toEqual([DEMO.kaisa]);
  });

  it('may not view the report; the refusal is audited with the reason', async () => {
    const err = await rejection(r.service.view(reference, DEMO.timo));
    expect(err.code).toBe(ReportErrorCode.AccessDenied);
    const refused = (await r.store.timeline(reference)).filter((e) => e.event === 'view_refused');
    expect(refused.map((e) => [e.actor, e.details.reason])).toEqual([[`person:${DEMO.timo}`, 'subject']]);
    expect((await r.store.timeline(reference)).some((e) => e.event === 'viewed')).toBe(false);
    expect((await r.service.view(reference, DEMO.kaisa)).access).toBe('recipient');
  });

  it('may not acknowledge, start or resolve it: each attempt is refused and audited, escalation keeps running', async () => {
    for (const attempt of [
      () => r.service.acknowledge(reference, DEMO.timo),
      () => r.service.startProgress(reference, DEMO.timo),
      () => r.service.resolve(reference, DEMO.timo, 'Nothing to see here'),
    ]) {
      expect((await rejection(attempt())).code).toBe(ReportErrorCode.AccessDenied);
    }
    const refused = (await r.store.timeline(reference)).filter((e) => e.event === 'action_refused');
    expect(refused.map((e) => [e.actor, e.details.action, e.details.reason])).toEqual([
      [`person:${DEMO.timo}`, 'acknowledge', 'subject'],
      [`person:${DEMO.timo}`, 'start_progress', 'subject'],
      [`person:${DEMO.timo}`, 'resolve', 'subject'],
    ]);
    const report = await r.store.getReport(reference);
    expect(report?.status).toBe('submitted');
    expect(report?.outcomeNote).toBeNull();
    expect((await r.store.timersFor(reference)).every((t) => t.cancelledAt === null)).toBe(true);
  });

  it('never sees the report listed or exported, even when it is later routed to IT security', async () => {
    const other = (await r.service.submit(draft({ category: 'phishing' }), DEMO.anna)).reference;
    // Even with an it_security recipient (e.g. added by hand or by an older version), the subject stays out.
    await r.store.addRecipients(reference, [
      { addressee: { kind: 'channel', channel: { ...IT_SECURITY_CHANNELS[0] }, role: 'it_security' }, role: 'it_security', level: 2, addedAt: r.clock.now() },
    ]);
    expect((await r.service.list(DEMO.timo)).map((s) => s.reference)).toEqual([other]);
    expect((await r.service.list(DEMO.kaisa)).map((s) => s.reference)).toEqual([reference]);
    expect((await r.service.list(DEMO.linnea)).map((s) => s.reference).sort()).toEqual([reference, other].sort());
    expect((await r.service.exportReports(DEMO.timo)).map((v) => v.report.reference)).toEqual([other]);
    expect((await rejection(r.service.acknowledge(reference, DEMO.timo))).code).toBe(ReportErrorCode.AccessDenied);
  });
});

describe.each(BACKENDS)('a report about a manager who is in IT security, on %s', (backend) => {
  const person = (id: string, roles: Person['roles'], managerId?: string): Person => ({
    id,
    name: id,
    lang: 'sv',
    roles,
    identities: {},
    ...(managerId ? { managerId } : {}),
  });
  // tove heads IT security and manages eva; ivar is the other IT security person; hanna is HR.
  const directory = new StaticDirectory(
    [person('tove', ['employee', 'manager', 'it_security']), person('ivar', ['employee', 'it_security']), person('hanna', ['employee', 'hr']), person('eva', ['employee'], 'tove')],
    IT_SECURITY_CHANNELS.map((c) => ({ ...c })),
  );
  const aboutTove = (category: 'threat' | 'harassment') => draft({ category, subjectIsManager: true, alternateRecipientId: 'hanna' });

  let r: TestReporting;
  beforeEach(async () => {
    r = await openTestReporting(backend, { directory });
  });
  afterEach(async () => {
    await r.dispose();
  });

  it('routing: the other IT security people are told personally, no IT security channel, never the subject', async () => {
    const tove = (await directory.person('tove'))!;
    const input = { reporter: (await directory.person('eva'))!, manager: tove, alternate: (await directory.person('hanna'))!, itSecurity: await directory.itSecurity(), roleHolders: {} };
    expect(routeReport({ ...input, draft: aboutTove('threat') }, defaultRoutingTable()).recipients).toEqual([
      { kind: 'person', personId: 'hanna', role: 'alternate' },
      { kind: 'person', personId: 'ivar', role: 'it_security' },
    ]);
    // The same report about someone else still reaches the channels.
    const notAboutTove = routeReport({ ...input, draft: draft({ category: 'threat' }) }, defaultRoutingTable());
    expect(notAboutTove.recipients.filter((x) => x.kind === 'channel')).toHaveLength(IT_SECURITY_CHANNELS.length);

    const { reference } = await r.service.submit(aboutTove('threat'), 'eva');
    expect(targets(await r.store.outboxFor(reference))).toEqual(['hanna', 'ivar']);
  });

  it('escalation to IT security skips the subject and the channels', async () => {
    const { reference } = await r.service.submit(aboutTove('harassment'), 'eva'); // T = 60 min, alternate hanna has no manager
    r.clock.advanceMinutes(121);
    await r.escalator.tick();
    const escalated = (await r.store.outboxFor(reference)).filter((row) => row.kind === 'escalation_alert');
    expect(targets(escalated)).toEqual(['ivar']);
  });

  it('a dead letter is reported to IT security without the subject and without channels', async () => {
    const { reference } = await r.service.submit(aboutTove('harassment'), 'eva');
    const notifier = new FakeNotifier();
    notifier.failWhen((m) => (m.kind === 'report_alert' ? new DeliveryError('user_not_found', { permanent: true }) : undefined));
    await r.relay(notifier).runOnce();
    const alerts = (await r.store.outboxFor(reference)).filter((row) => row.kind === 'delivery_failed');
    expect(targets(alerts)).toEqual(['ivar']);
  });
});
