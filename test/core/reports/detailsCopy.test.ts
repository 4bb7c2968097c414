/**
 * A report's details shown on request are a copy of the report like the alert copies and the receipt (core
 * detailsCopy / detailsMessage): a door records the details it showed one viewer, every change then queues one
 * 'alert_refresh' for them through the outbox, and each redraw is drawn for that viewer only after the same
 * access check as the view, with only the steps that apply to them now; purged or no longer visible, it says so
 * and shows nothing of the report. Real store (PGlite, and PostgreSQL when TEST_DATABASE_URL is set).
 */
import { copyRowOf } from '../../../src/core/reports/alertRefresh';
import { renderMessage } from '../../../src/core/delivery/renderMessage';
import { MESSAGE_ACTIONS } from '../../../src/core/delivery/messageKinds';
import type { Directory } from '../../../src/core/ports';
import { detailsCopyKey } from '../../../src/core/reports/detailsCopy';
import { ReportErrorCode } from '../../../src/core/reports/reportErrors';
import { STEP_EVENTS } from '../../../src/core/reports/reportState';
import { BACKENDS, closeSharedPglite, draft, openTestReporting, type TestReporting } from '../../helpers/db';
import { DEMO, reportRejection } from '../../helpers/reportFixtures';

afterAll(closeSharedPglite);

describe.each(BACKENDS)('details shown on request as a copy of the report on %s', (backend) => {
  let r: TestReporting;
  beforeEach(async () => {
    r = await openTestReporting(backend);
  });
  afterEach(async () => {
    await r.dispose();
  });

  const refreshesOf = async (reference: string, key: string) =>
    (await r.store.outboxFor(reference)).filter((row) => row.kind === 'alert_refresh' && row.data.copyOf === key);
  /** The latest redraw of the copy `key`, rendered as the relay renders it (optionally with another directory). */
  const redrawn = async (reference: string, key: string, directory: Directory = r.directory) => {
    const last = (await refreshesOf(reference, key)).at(-1)!;
    return renderMessage(copyRowOf(last), {
      report: await r.store.getReport(reference),
      directory,
      defaultLang: 'sv',
      timeZone: 'Europe/Helsinki',
      timeline: await r.store.timeline(reference, STEP_EVENTS),
      now: r.clock.now(),
    });
  };

  it('is recorded where a door showed it, and redrawn for its viewer on every change: only the steps that still apply', async () => {
    const { reference } = await r.service.submit(draft({ category: 'phishing' }), DEMO.anna, { lang: 'sv' });
    // Karin asks in Finnish (her directory language is Swedish): every redraw keeps the language she asked in.
    const karin = await r.service.detailsCopy(reference, DEMO.karin, 'teams', 'fi');
    expect(karin).toMatchObject({ kind: 'details_card', lang: 'fi', subject: `Ilmoitus ${reference}` });
    expect(karin.details).toMatchObject({ access: 'recipient', reporterName: 'Anna Lindqvist' });
    expect(karin.details?.report.content?.description).toContain('SECRET-DESCRIPTION');
    expect(karin.actions).toEqual([{ id: MESSAGE_ACTIONS.resolve, label: expect.any(String), reference }]);
    const anna = await r.service.detailsCopy(reference, DEMO.anna, 'teams');
    expect(anna.details?.access).toBe('reporter');
    expect(anna.actions.map((a) => a.id)).toEqual([MESSAGE_ACTIONS.withdraw]);

    const karinKey = await r.service.recordDetailsCopy(karin, 'teams', 'activity-karin');
    const annaKey = await r.service.recordDetailsCopy(anna, 'teams', 'activity-anna');
    // A door can know the key before recording (to keep where it showed the card first).
    expect(karinKey).toBe(detailsCopyKey(reference, DEMO.karin, 'teams', 'activity-karin'));
    const stored = (await r.store.outboxFor(reference)).find((row) => row.idempotencyKey === karinKey)!;
    expect(stored).toMatchObject({ kind: 'details_card', status: 'delivered', deliveredVia: 'teams', addressee: { kind: 'person', personId: DEMO.karin, role: 'manager' } });
    expect(await refreshesOf(reference, karinKey)).toEqual([]);

    await r.service.acknowledge(reference, DEMO.timo);
    expect(await refreshesOf(reference, karinKey)).toHaveLength(1);
    expect(await refreshesOf(reference, annaKey)).toHaveLength(1);
    const acknowledged = await redrawn(reference, karinKey);
    expect(acknowledged).toMatchObject({ idempotencyKey: karinKey, lang: 'fi' });
    expect(acknowledged.actions.map((a) => a.id)).toEqual([MESSAGE_ACTIONS.resolve]);
    expect(acknowledged.report?.stateLine).toContain('Timo Korhonen');

    await r.service.resolve(reference, DEMO.timo, 'Linkki on estetty.');
    const resolved = await redrawn(reference, karinKey);
    expect(resolved.actions).toEqual([]);
    expect(resolved.details?.report).toMatchObject({ status: 'resolved', outcomeNote: 'Linkki on estetty.' });
    expect((await redrawn(reference, annaKey)).actions).toEqual([]);
    // A redraw is not a view: only the two views that showed the details are in the trail.
    expect((await r.store.timeline(reference)).filter((e) => e.event === 'viewed')).toHaveLength(2);
  });

  it('queues the redraw at once when the report changed between rendering and recording; recording twice adds nothing', async () => {
    const { reference } = await r.service.submit(draft({ category: 'phishing' }), DEMO.anna, { lang: 'sv' });
    const copy = await r.service.detailsCopy(reference, DEMO.karin, 'teams');
    await r.service.resolve(reference, DEMO.timo, 'Klart.');
    const key = await r.service.recordDetailsCopy(copy, 'teams', 'activity-1');
    expect(await refreshesOf(reference, key)).toHaveLength(1);
    expect((await redrawn(reference, key)).actions).toEqual([]);
    await r.service.recordDetailsCopy(copy, 'teams', 'activity-1');
    expect(await refreshesOf(reference, key)).toHaveLength(1);
  });

  it('is redrawn without any content after the retention purge', async () => {
    const { reference } = await r.service.submit(draft({ category: 'phishing' }), DEMO.anna, { lang: 'sv' });
    const key = await r.service.recordDetailsCopy(await r.service.detailsCopy(reference, DEMO.karin, 'teams'), 'teams', 'activity-1');
    await r.service.resolve(reference, DEMO.timo, 'SECRET-OUTCOME');
    r.clock.advance(366 * 24 * 60 * 60 * 1000);
    expect((await r.retention.purge()).reports.map((c) => c.reference)).toEqual([reference]);
    const purged = await redrawn(reference, key);
    expect(purged.details).toBeUndefined();
    expect(purged.actions).toEqual([]);
    expect(purged.text).toContain('har raderats enligt lagringstiden');
    expect(JSON.stringify(purged.report)).not.toMatch(/SECRET|Anna Lindqvist/);
  });

  it('is redrawn as no longer visible, without content, for a viewer who may no longer see the report', async () => {
    const { reference } = await r.service.submit(draft({ category: 'phishing' }), DEMO.anna, { lang: 'sv' });
    const copy = await r.service.detailsCopy(reference, DEMO.timo, 'teams', 'sv');
    expect(copy.details?.access).toBe('it_security');
    const key = await r.service.recordDetailsCopy(copy, 'teams', 'activity-1');
    await r.service.acknowledge(reference, DEMO.karin);
    // Timo has left IT security by the time the redraw is drawn.
    const withoutRole: Directory = Object.assign(Object.create(r.directory) as Directory, {
      person: async (id: string) => {
        const person = await r.directory.person(id);
        return person && id === DEMO.timo ? { ...person, roles: person.roles.filter((role) => role !== 'it_security') } : person;
      },
    });
    const redraw = await redrawn(reference, key, withoutRole);
    expect(redraw.details).toBeUndefined();
    expect(redraw.actions).toEqual([]);
    expect(redraw.text).toBe(`Du kan inte längre se anmälan ${reference}.`);
    expect(JSON.stringify(redraw)).not.toMatch(/SECRET|Anna Lindqvist/);
  });

  it('is only for those who may see the report: a refusal is audited and nothing is drawn', async () => {
    const { reference } = await r.service.submit(draft({ category: 'harassment' }), DEMO.anna, { lang: 'sv' });
    expect((await reportRejection(r.service.detailsCopy(reference, DEMO.mikko, 'teams'))).code).toBe(ReportErrorCode.AccessDenied);
    expect((await r.store.timeline(reference)).filter((e) => e.event === 'view_refused')).toHaveLength(1);
  });
});
