import { BACKENDS, closeSharedPglite, draft, openTestReporting, type TestReporting } from '../../helpers/db';
import { DEMO } from '../../helpers/reportFixtures';
import { handleAccess, viewAccess } from '../../../src/core/reports/access';
import type { Person } from '../../../src/core/directory/directory';
import type { ReportRecipient } from '../../../src/core/reports/records';
import { ReportErrorCode, isReportError, reportErrorMessage } from '../../../src/core/reports/reportErrors';

afterAll(closeSharedPglite);

const person = (id: string, roles: Person['roles'] = ['employee']): Person => ({ id, name: id, roles, identities: {} });
const at = new Date('2026-03-16T08:00:00Z');
const to = (personId: string, role: ReportRecipient['role'], level = 0): ReportRecipient => ({
  addressee: { kind: 'person', personId, role },
  role,
  level,
  addedAt: at,
});
const itChannel: ReportRecipient = {
  addressee: { kind: 'channel', channel: { platform: 'slack', id: 'C0INFOSEC01' }, role: 'it_security' },
  role: 'it_security',
  level: 0,
  addedAt: at,
};

describe('access rules (pure)', () => {
  type Facts = { reporterId: string | null; subjectPersonId: string | null; recipients: ReportRecipient[] };
  const itReport: Facts = { reporterId: 'rep', subjectPersonId: null, recipients: [to('boss', 'manager'), itChannel] };
  const harassment: Facts = { reporterId: 'rep', subjectPersonId: null, recipients: [to('boss', 'manager')] };
  const escalated: Facts = { reporterId: 'rep', subjectPersonId: null, recipients: [to('boss', 'manager'), to('bigboss', 'escalation', 2)] };
  const purged: Facts = { reporterId: null, subjectPersonId: null, recipients: [{ addressee: null, role: 'manager' as const, level: 0, addedAt: at }] };
  // A threat about the reporter's manager 'sec', who is IT security: told to the alternate and (wrongly, say by
  // escalation or an older version) to IT security, and even naming 'sec' as a recipient.
  const aboutSec: Facts = { reporterId: 'rep', subjectPersonId: 'sec', recipients: [to('alt', 'alternate'), itChannel, to('sec', 'it_security', 2)] };

  // [viewer, report, view access, handle access]
  const cases: [string, Person, Facts, string | undefined, string | undefined][] = [
    ['reporter / IT report', person('rep'), itReport, 'reporter', undefined],
    ['reporter / harassment', person('rep'), harassment, 'reporter', undefined],
    ['manager recipient / IT report', person('boss', ['manager']), itReport, 'recipient', 'recipient'],
    ['manager recipient / harassment', person('boss', ['manager']), harassment, 'recipient', 'recipient'],
    ['escalation recipient / escalated', person('bigboss', ['manager']), escalated, 'recipient', 'recipient'],
    ['would-be escalation recipient / not escalated', person('bigboss', ['manager']), harassment, undefined, undefined],
    ['IT security (not named) / IT report', person('sec', ['it_security']), itReport, 'it_security', 'it_security'],
    ['IT security / harassment', person('sec', ['it_security']), harassment, undefined, undefined],
    ['other manager / IT report', person('other', ['manager']), itReport, undefined, undefined],
    ['HR / harassment', person('hr', ['hr']), harassment, undefined, undefined],
    ['stranger / IT report', person('x'), itReport, undefined, undefined],
    ['former reporter / purged', person('rep'), purged, undefined, undefined],
    ['former recipient / purged', person('boss', ['manager']), purged, undefined, undefined],
    ['subject (IT security, even named as recipient) / about them', person('sec', ['it_security', 'manager']), aboutSec, undefined, undefined],
    ['alternate / about the manager', person('alt', ['hr']), aboutSec, 'recipient', 'recipient'],
    ['other IT security / about the manager', person('sec2', ['it_security']), aboutSec, 'it_security', 'it_security'],
    ['reporter / about the manager', person('rep'), aboutSec, 'reporter', undefined],
  ];

  it.each(cases)('%s', (_name, viewer, report, view, handle) => {
    expect(viewAccess(report, viewer)).toBe(view);
    expect(handleAccess(report, viewer)).toBe(handle);
  });
});

describe.each(BACKENDS)('access through the service on %s', (backend) => {
  let r: TestReporting;
  let threat: string;
  let harassment: string;
  let escalated: string;
  beforeAll(async () => {
    r = await openTestReporting(backend);
    threat = (await r.service.submit(draft({ category: 'threat' }), DEMO.anna)).reference;
    harassment = (await r.service.submit(draft({ category: 'harassment' }), DEMO.anna)).reference;
    escalated = (await r.service.submit(draft({ category: 'harassment' }), DEMO.mikko)).reference;
    // Nobody acknowledges, so after 2T every report also goes to karin's manager, kaisa (escalation level 2).
    r.clock.advanceMinutes(121);
    await r.escalator.tick();
  });
  afterAll(async () => {
    await r.dispose();
  });

  const refusals = async (reference: string): Promise<string[]> =>
    (await r.store.timeline(reference)).filter((e) => e.event === 'view_refused').map((e) => e.actor);

  const reports = { threat: () => threat, harassment: () => harassment, escalated: () => escalated };
  // [viewer id, who they are, report, expected access reason or 'refused']
  const matrix: [string, string, keyof typeof reports, string][] = [
    [DEMO.anna, 'reporter', 'threat', 'reporter'],
    [DEMO.anna, 'reporter', 'harassment', 'reporter'],
    [DEMO.karin, 'manager', 'threat', 'recipient'],
    [DEMO.karin, 'manager', 'harassment', 'recipient'],
    [DEMO.kaisa, 'escalation recipient', 'escalated', 'recipient'],
    // IT security is told by the team post: its people see the report as IT security, not as personal recipients.
    [DEMO.timo, 'IT security', 'threat', 'it_security'],
    [DEMO.linnea, 'IT security', 'threat', 'it_security'],
    [DEMO.timo, 'IT security', 'harassment', 'refused'],
    [DEMO.mikko, 'colleague (stranger)', 'harassment', 'refused'],
    [DEMO.sofia, 'communications (stranger)', 'threat', 'refused'],
    [DEMO.helena, 'HR (stranger)', 'harassment', 'refused'],
    [DEMO.jussi, 'stranger', 'escalated', 'refused'],
  ];

  it.each(matrix)('%s (%s) viewing the %s report → %s', async (viewerId, _who, name, expected) => {
    const reference = reports[name]();
    const before = (await refusals(reference)).length;
    if (expected === 'refused') {
      const err = await r.service.view(reference, viewerId).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(isReportError(err) && err.code).toBe(ReportErrorCode.AccessDenied);
      if (isReportError(err)) expect(reportErrorMessage(err, 'sv')).toMatch(/inte tillgång/);
      const after = await refusals(reference);
      expect(after).toHaveLength(before + 1);
      expect(after.at(-1)).toBe(`person:${viewerId}`);
    } else {
      const view = await r.service.view(reference, viewerId);
      expect(view.access).toBe(expected);
      expect(view.report.content?.description).toBeDefined();
      const viewed = (await r.store.timeline(reference)).filter((e) => e.event === 'viewed');
      expect(viewed.at(-1)).toMatchObject({ actor: `person:${viewerId}`, details: { access: expected } });
    }
  });

  it('shows the reporter only the lifecycle of their report (escalation included), not who looked at it', async () => {
    const view = await r.service.view(harassment, DEMO.anna);
    expect(view.timeline.map((e) => e.event)).toEqual(['submitted', 'escalated']);
    const full = await r.service.view(harassment, DEMO.karin);
    expect(full.timeline.map((e) => e.event)).toEqual(expect.arrayContaining(['submitted', 'reminded', 'escalated', 'viewed', 'view_refused']));
  });

  it('lists to each person exactly the reports they may see; an admin sees all', async () => {
    const refs = async (viewer: string | { kind: 'admin'; name: string }) => (await r.service.list(viewer)).map((s) => s.reference).sort();
    expect(await refs(DEMO.anna)).toEqual([threat, harassment].sort());
    expect(await refs(DEMO.timo)).toEqual([threat]);
    expect(await refs(DEMO.kaisa)).toEqual([threat, harassment, escalated].sort());
    expect(await refs(DEMO.sofia)).toEqual([]);
    expect(await refs({ kind: 'admin', name: 'root' })).toEqual([threat, harassment, escalated].sort());
  });

  it('audits an admin view under the admin name', async () => {
    const view = await r.service.view(threat, { kind: 'admin', name: 'root' });
    expect(view.access).toBe('admin');
    expect((await r.store.timeline(threat)).at(-1)).toMatchObject({ event: 'viewed', actor: 'admin:root' });
  });
});
