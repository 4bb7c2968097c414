import { reportRejection } from '../../helpers/reportFixtures';
/**
 * What ReportService.submit accepts: only http(s) evidence links, a real past-or-today date, a manager the
 * dialog would offer; invalid drafts are explained with the form's field labels; and a report nobody is
 * routed to is saved all the same, with IT security alerted.
 */
import { BACKENDS, SECRET, closeSharedPglite, draft, openTestReporting, type TestReporting } from '../../helpers/db';
import { DEMO, IT_SECURITY_CHANNELS } from '../../helpers/reportFixtures';
import { FakeNotifier } from '../../helpers/fakeNotifier';
import { StaticDirectory } from '../../../src/core/directory/staticDirectory';
import type { Person } from '../../../src/core/directory/directory';
import { formatReceipt } from '../../../src/core/reports/dialog';
import { ReportErrorCode, reportErrorMessage } from '../../../src/core/reports/reportErrors';

afterAll(closeSharedPglite);

const rejection = reportRejection;

const withLinks = (links: string[]) => draft({ evidence: { links, quotes: [], files: [] } });

describe.each(BACKENDS)('submit checks its input on %s', (backend) => {
  let r: TestReporting;
  beforeAll(async () => {
    r = await openTestReporting(backend);
  });
  afterAll(async () => {
    await r.dispose();
  });
  beforeEach(() => r.clock.set('2026-03-16T08:00:00.000Z'));

  it.each(['javascript:alert(document.cookie)', 'data:text/html,<script>alert(1)</script>', 'file:///etc/passwd', 'ftp://files.example/x'])(
    'refuses the evidence link %s and stores nothing',
    async (link) => {
      const before = (await r.store.listReports()).length;
      const err = await rejection(r.service.submit(withLinks(['https://facebook.com/ok', link]), DEMO.anna));
      expect(err.code).toBe(ReportErrorCode.InvalidDraft);
      expect(err.params.field).toBe('evidence');
      expect(await r.store.listReports()).toHaveLength(before);
    },
  );

  it('accepts http and https links', async () => {
    const receipt = await r.service.submit(withLinks(['http://example.com/a', 'https://example.com/b']), DEMO.anna);
    expect((await r.store.getReport(receipt.reference))?.content?.evidence.links).toEqual(['http://example.com/a', 'https://example.com/b']);
  });

  it('names the failing field by its translated form label, never by a raw path', async () => {
    const err = await rejection(r.service.submit(withLinks(['javascript:alert(1)']), DEMO.anna));
    const sv = reportErrorMessage(err, 'sv');
    const fi = reportErrorMessage(err, 'fi');
    expect(sv).toBe('Svaret på ”Bevis: länkar, citat eller filnamn, en per rad” saknas eller är ogiltigt. Kontrollera det och försök igen.');
    expect(fi).toBe('Vastaus kohtaan ”Todisteet: linkit, lainaukset tai tiedostonimet, kukin omalle rivilleen” puuttuu tai on virheellinen. Tarkista se ja yritä uudelleen.');
    for (const text of [sv, fi, reportErrorMessage(err, 'en')]) expect(text).not.toMatch(/evidence|links\.0/);

    const date = await rejection(r.service.submit(draft({ occurredOn: 'last week' }), DEMO.anna));
    expect(reportErrorMessage(date, 'sv')).toContain('”När hände det?”');
    expect(reportErrorMessage(date, 'fi')).toContain('”Milloin se tapahtui?”');
    const whole = await rejection(r.service.submit('not a report', DEMO.anna));
    expect(whole.params.field).toBe('');
    expect(reportErrorMessage(whole, 'sv')).toBe('Anmälan är ofullständig. Kontrollera svaren och försök igen.');
    expect(reportErrorMessage(whole, 'fi')).toBe('Ilmoitus on puutteellinen. Tarkista vastaukset ja yritä uudelleen.');
  });

  it.each([
    ['a month that does not exist', '2026-13-45'],
    ['a day that does not exist', '2026-02-29'],
    ['tomorrow', '2026-03-17'],
    ['next year', '2027-01-01'],
  ])('refuses %s as the date (%s)', async (_name, occurredOn) => {
    const err = await rejection(r.service.submit(draft({ occurredOn }), DEMO.anna));
    expect(err.code).toBe(ReportErrorCode.InvalidDraft);
    expect(err.params.field).toBe('occurredOn');
  });

  it('takes today in Helsinki time', async () => {
    expect((await r.service.submit(draft({ occurredOn: '2026-03-16' }), DEMO.anna)).reference).toMatch(/^SOME-2026-/);
    r.clock.set('2026-03-16T22:30:00.000Z'); // already 17 March in Helsinki
    expect((await r.service.submit(draft({ occurredOn: '2026-03-17' }), DEMO.anna)).reference).toMatch(/^SOME-2026-/);
  });

  it('takes as manager of someone without one only a person the dialog would offer', async () => {
    // jussi has no manager in the directory; the dialog offers the people with the manager role (karin, kaisa).
    for (const managerId of [DEMO.sofia, DEMO.timo, DEMO.helena, DEMO.jussi]) {
      const err = await rejection(r.service.submit(draft({ category: 'harassment', managerId }), DEMO.jussi));
      expect([managerId, err.code]).toEqual([managerId, ReportErrorCode.ManagerNotAllowed]);
    }
    const err = await rejection(r.service.submit(draft({ category: 'harassment', managerId: DEMO.sofia }), DEMO.jussi));
    expect(reportErrorMessage(err, 'fi')).toBe(
      'Esihenkilöksi nimeämäsi henkilö ei ole organisaation esihenkilöiden joukossa. Valitse esihenkilösi näytetyistä vaihtoehdoista.',
    );
    expect((await rejection(r.service.submit(draft({ managerId: 'no.such.person' }), DEMO.jussi))).code).toBe(ReportErrorCode.RecipientUnknown);

    const receipt = await r.service.submit(draft({ category: 'harassment', managerId: DEMO.karin }), DEMO.jussi);
    expect(receipt.recipients.map((x) => [x.name, x.role])).toEqual([['Karin Nyström', 'manager']]);
    // With a manager in the directory, a named one is ignored (anna's manager is karin).
    const anna = await r.service.submit(draft({ category: 'harassment', managerId: DEMO.sofia }), DEMO.anna);
    expect(anna.recipients.map((x) => x.name)).toEqual(['Karin Nyström']);
  });
});

describe.each(BACKENDS)('a report nobody is routed to, on %s', (backend) => {
  const person = (id: string, roles: Person['roles']): Person => ({ id, name: `Name of ${id}`, lang: 'fi', roles, identities: {} });
  // olle has no manager, and there is nobody with the manager or HR role: harassment routes to nobody.
  const withItSecurity = new StaticDirectory([person('olle', ['employee']), person('ivar', ['employee', 'it_security'])], [{ ...IT_SECURITY_CHANNELS[0] }]);
  const withoutItSecurity = new StaticDirectory([person('olle', ['employee'])]);

  let r: TestReporting;
  afterEach(async () => {
    await r.dispose();
  });

  it('is saved, the reporter is told, and IT security is alerted without the report text', async () => {
    r = await openTestReporting(backend, { directory: withItSecurity });
    const receipt = await r.service.submit(draft({ category: 'harassment' }), 'olle', { lang: 'fi' });
    expect(receipt.recipients).toEqual([]);
    expect(receipt.duplicate).toBe(false);
    expect(formatReceipt(receipt, 'fi').text).toContain('Ilmoitus on tallennettu, ja tietohallinnolle on kerrottu');

    const stored = await r.store.getReport(receipt.reference);
    expect(stored?.content?.description).toBe(SECRET.description);
    expect(stored?.status).toBe('submitted');
    const outbox = await r.store.outboxFor(receipt.reference);
    expect(outbox.map((row) => [row.kind, row.addressee])).toEqual([
      ['report_unrouted', { kind: 'person', personId: 'ivar', role: 'it_security' }],
      ['report_unrouted', { kind: 'channel', channel: { ...IT_SECURITY_CHANNELS[0] }, role: 'it_security' }],
    ]);
    expect((await r.store.timeline(receipt.reference)).map((e) => [e.event, e.details])).toEqual([
      ['submitted', { category: 'harassment', urgency: 'high', recipients: 0 }],
      ['unrouted', { alerted: 2 }],
    ]);
    expect(r.logLines.some((line) => line.includes('"report_unrouted"'))).toBe(true);

    const notifier = new FakeNotifier();
    await r.relay(notifier).runOnce();
    const alerts = notifier.ofKind('report_unrouted');
    expect(alerts).toHaveLength(2);
    const toIvar = notifier.toPerson('ivar')[0]!;
    expect(toIvar.subject).toContain(receipt.reference);
    expect(toIvar.text).toContain(`somebot reports show ${receipt.reference} --admin`);
    expect(toIvar.text).toContain('kun 2 tuntia on kulunut');
    expect(toIvar.report?.description).toBeUndefined();
    for (const message of alerts) expect(message.text).not.toContain(SECRET.description.slice(0, 20));
    expect(r.logLines.join('\n')).not.toContain(SECRET.description.slice(0, 20));
  });

  it('is saved even when there is no IT security to alert, and the error log says so', async () => {
    r = await openTestReporting(backend, { directory: withoutItSecurity });
    const receipt = await r.service.submit(draft({ category: 'harassment' }), 'olle');
    expect((await r.store.getReport(receipt.reference))?.content?.description).toBe(SECRET.description);
    expect(await r.store.outboxFor(receipt.reference)).toEqual([]);
    expect((await r.store.timeline(receipt.reference)).at(-1)).toMatchObject({ event: 'unrouted', details: { alerted: 0 } });
    expect(r.logLines.some((line) => line.includes('report_unrouted_nobody_to_alert') && line.includes(receipt.reference))).toBe(true);
    expect((await r.service.list({ kind: 'admin', name: 'root' })).map((s) => s.reference)).toEqual([receipt.reference]);
  });
});
