import { BACKENDS, SECRET, closeSharedPglite, draft, openTestReporting, type TestReporting } from '../../helpers/db';
import { DEMO, demoContext } from '../../helpers/reportFixtures';
import { step } from '../../../src/core/reports/dialog';

afterAll(closeSharedPglite);

const DAY = 24 * 60 * 60 * 1000;

describe.each(BACKENDS)('retention on %s', (backend) => {
  let r: TestReporting;
  beforeEach(async () => {
    r = await openTestReporting(backend, { retentionDays: 30 });
  });
  afterEach(async () => {
    await r.dispose();
  });

  it('purges the personal content N days after closure and keeps a minimal record', async () => {
    const closed = (await r.service.submit(draft(), DEMO.anna)).reference;
    const open = (await r.service.submit(draft({ category: 'harassment' }), DEMO.mikko)).reference;
    await r.service.resolve(closed, DEMO.karin, SECRET.outcome);
    await r.service.view(closed, DEMO.karin);

    r.clock.advance(29 * DAY);
    expect(await r.retention.candidates()).toEqual([]);
    r.clock.advance(1 * DAY + 1000);
    const dry = await r.retention.purge({ dryRun: true });
    expect(dry.reports.map((c) => [c.reference, c.category])).toEqual([[closed, 'threat']]);
    expect((await r.store.getReport(closed))?.content).not.toBeNull();

    const done = await r.retention.purge();
    expect(done.reports.map((c) => c.reference)).toEqual([closed]);
    const report = await r.store.getReport(closed);
    expect(report).toMatchObject({
      reference: closed,
      category: 'threat',
      status: 'resolved',
      content: null,
      outcomeNote: null,
      reporterId: null,
      acknowledgedBy: null,
      closedBy: null,
    });
    expect(report?.submittedAt).toBeInstanceOf(Date);
    expect(report?.closedAt).not.toBeNull();
    expect(report?.purgedAt).not.toBeNull();
    expect(report?.recipients.map((x) => [x.role, x.addressee])).toEqual([
      ['manager', null],
      // IT security's three channels (the team post); its people are not personal recipients of a threat.
      ['it_security', null],
      ['it_security', null],
      ['it_security', null],
    ]);
    expect((await r.store.timeline(closed)).map((e) => [e.event, e.actor])).toEqual([['purged', 'system']]);
    expect(await r.store.outboxFor(closed)).toEqual([]);
    const raw = JSON.stringify(await r.driver.query('SELECT * FROM reports WHERE reference = $1', [closed]));
    expect(raw).not.toContain(DEMO.anna);

    // The open report is kept whatever its age; a second purge finds nothing.
    expect((await r.store.getReport(open))?.content?.description).toBe(SECRET.description);
    expect((await r.retention.purge()).reports).toEqual([]);
    // Nobody can view the purged report any more except an admin, who sees the minimal record.
    await expect(r.service.view(closed, DEMO.anna)).rejects.toThrow();
    expect((await r.service.view(closed, { kind: 'admin', name: 'root' })).report.content).toBeNull();
  });

  it('forgets unfinished dialogs after their time-to-live', async () => {
    await r.sessions.save('web:anna.lindqvist:-', step(undefined, { type: 'start' }, await demoContext(DEMO.anna, 'sv')).state!);
    r.clock.advance(71 * 60 * 60 * 1000);
    expect((await r.retention.purge()).dialogs).toBe(0);
    r.clock.advance(2 * 60 * 60 * 1000);
    expect((await r.retention.purge()).dialogs).toBe(1);
  });
});
