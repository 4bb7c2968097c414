import { BACKENDS, closeSharedPglite, draft, openTestReporting, type TestReporting } from '../../helpers/db';
import { DEMO } from '../../helpers/reportFixtures';
import { FakeNotifier } from '../../helpers/fakeNotifier';
import { Escalator, escalationTimers } from '../../../src/core/reports/escalation';
import { StaticDirectory } from '../../../src/core/directory/staticDirectory';
import type { Person } from '../../../src/core/directory/directory';
import type { OutboxRow } from '../../../src/core/reports/records';
import { MESSAGE_ACTIONS } from '../../../src/core/delivery/messageKinds';

afterAll(closeSharedPglite);

const personIds = (rows: OutboxRow[]) =>
  rows.map((row) => (row.addressee.kind === 'person' ? row.addressee.personId : `#${row.addressee.channel.id}`));

describe('escalationTimers', () => {
  it('schedules the reminder at T and the escalation at 2T', () => {
    const at = new Date('2026-03-16T08:00:00Z');
    expect(escalationTimers('SOME-2026-0001', at, 60).map((t) => [t.level, t.dueAt.toISOString()])).toEqual([
      [1, '2026-03-16T09:00:00.000Z'],
      [2, '2026-03-16T10:00:00.000Z'],
    ]);
  });
});

describe.each(BACKENDS)('escalation on %s (fake clock)', (backend) => {
  let r: TestReporting;
  afterEach(async () => {
    await r?.dispose();
  });

  const rowsOf = async (reference: string, kind: OutboxRow['kind']) => (await r.store.outboxFor(reference)).filter((row) => row.kind === kind);
  const events = async (reference: string) => (await r.store.timeline(reference)).map((e) => e.event);

  it('reminds the manager at T and escalates to the manager’s manager at 2T, each exactly once', async () => {
    r = await openTestReporting(backend);
    const { reference } = await r.service.submit(draft({ category: 'harassment' }), DEMO.anna); // T = 60 min
    r.clock.advanceMinutes(59);
    expect(await r.escalator.tick()).toBe(0);
    r.clock.advanceMinutes(1);
    expect(await r.escalator.tick()).toBe(1);
    expect(await r.escalator.tick()).toBe(0);
    expect(personIds(await rowsOf(reference, 'ack_reminder'))).toEqual([DEMO.karin]);
    expect(await rowsOf(reference, 'escalation_alert')).toHaveLength(0);

    r.clock.advanceMinutes(60);
    expect(await r.escalator.tick()).toBe(1);
    r.clock.advanceMinutes(600);
    expect(await r.escalator.tick()).toBe(0);
    expect(personIds(await rowsOf(reference, 'escalation_alert'))).toEqual([DEMO.kaisa]);
    expect(personIds(await rowsOf(reference, 'ack_reminder'))).toEqual([DEMO.karin]);
    const report = await r.store.getReport(reference);
    expect(report?.recipients.map((x) => [x.role, x.level])).toEqual([
      ['manager', 0],
      ['escalation', 2],
    ]);
    expect(await events(reference)).toEqual(['submitted', 'reminded', 'escalated']);
  });

  it('never fires after an acknowledgement before T', async () => {
    r = await openTestReporting(backend);
    const { reference } = await r.service.submit(draft({ category: 'harassment' }), DEMO.anna);
    r.clock.advanceMinutes(30);
    await r.service.acknowledge(reference, DEMO.karin);
    r.clock.advanceMinutes(24 * 60);
    expect(await r.escalator.tick()).toBe(0);
    expect(await rowsOf(reference, 'ack_reminder')).toHaveLength(0);
    expect(await rowsOf(reference, 'escalation_alert')).toHaveLength(0);
  });

  it('stops between the reminder and the escalation when acknowledged in between', async () => {
    r = await openTestReporting(backend);
    const { reference } = await r.service.submit(draft({ category: 'threat' }), DEMO.anna); // T = 15 min
    r.clock.advanceMinutes(16);
    expect(await r.escalator.tick()).toBe(1);
    await r.service.acknowledge(reference, DEMO.timo);
    r.clock.advanceMinutes(60);
    expect(await r.escalator.tick()).toBe(0);
    expect(personIds(await rowsOf(reference, 'ack_reminder'))).toEqual([DEMO.karin]);
    expect(await rowsOf(reference, 'escalation_alert')).toHaveLength(0);
    const timers = await r.store.timersFor(reference);
    expect(timers.map((t) => [t.level, t.firedAt !== null, t.cancelledAt !== null])).toEqual([
      [1, true, false],
      [2, false, true],
    ]);
  });

  it('fires each level once when several processes tick at the same time', async () => {
    r = await openTestReporting(backend);
    const refs = [];
    for (let i = 0; i < 4; i++) refs.push((await r.service.submit(draft({ category: 'harassment' }), DEMO.anna)).reference);
    const escalators = [0, 1, 2].map(() => new Escalator({ store: r.store, directory: r.directory, clock: r.clock }));
    r.clock.advanceMinutes(60);
    const fired1 = await Promise.all(escalators.map((e) => e.tick()));
    r.clock.advanceMinutes(60);
    const fired2 = await Promise.all(escalators.map((e) => e.tick()));
    expect(fired1.reduce((a, b) => a + b)).toBe(4);
    expect(fired2.reduce((a, b) => a + b)).toBe(4);
    for (const reference of refs) {
      expect(await rowsOf(reference, 'ack_reminder')).toHaveLength(1);
      expect(await rowsOf(reference, 'escalation_alert')).toHaveLength(1);
      expect((await events(reference)).filter((e) => e === 'escalated')).toHaveLength(1);
    }
  });

  it('never escalates after an acknowledgement racing with the tick', async () => {
    r = await openTestReporting(backend);
    const { reference } = await r.service.submit(draft({ category: 'harassment' }), DEMO.anna);
    r.clock.advanceMinutes(120);
    await Promise.all([r.escalator.tick(), r.service.acknowledge(reference, DEMO.karin)]);
    const trail = await events(reference);
    const acked = trail.indexOf('acknowledged');
    expect(acked).toBeGreaterThan(0);
    expect(trail.slice(acked + 1)).not.toContain('escalated');
    expect(trail.slice(acked + 1)).not.toContain('reminded');
    r.clock.advanceMinutes(600);
    expect(await r.escalator.tick()).toBe(0);
  });

  it('escalates to IT security when the manager has no manager, and IT security may then see the report', async () => {
    r = await openTestReporting(backend);
    const { reference } = await r.service.submit(draft({ category: 'harassment' }), DEMO.sofia); // manager kaisa, top of the tree
    r.clock.advanceMinutes(120);
    expect(await r.escalator.tick()).toBe(2);
    expect(personIds(await rowsOf(reference, 'escalation_alert'))).toEqual([
      DEMO.timo,
      DEMO.linnea,
      // IT security's three channels are one team post (the relay takes the first a running door reaches).
      '#C0INFOSEC01',
    ]);
    expect((await r.service.view(reference, DEMO.timo)).access).toBe('recipient');
  });

  it('never escalates to the manager who is the subject of the report', async () => {
    const people: Person[] = [
      { id: 'boss', name: 'Boss', roles: ['manager'], identities: {} },
      { id: 'rep', name: 'Reporter', managerId: 'boss', roles: ['employee'], identities: {} },
      { id: 'hr1', name: 'HR Person', managerId: 'boss', roles: ['hr'], identities: {} },
      { id: 'sec', name: 'Security', roles: ['it_security'], identities: {} },
    ];
    r = await openTestReporting(backend, { directory: new StaticDirectory(people) });
    const { reference } = await r.service.submit(
      draft({ category: 'harassment', subjectIsManager: true, alternateRecipientId: 'hr1' }),
      'rep',
    );
    r.clock.advanceMinutes(120);
    await r.escalator.tick();
    const everyone = personIds(await r.store.outboxFor(reference));
    expect(everyone).not.toContain('boss');
    expect(personIds(await rowsOf(reference, 'ack_reminder'))).toEqual(['hr1']);
    expect(personIds(await rowsOf(reference, 'escalation_alert'))).toEqual(['sec']);
  });

  it('delivers reminders through the relay loop, with an acknowledge button, in the manager’s language', async () => {
    r = await openTestReporting(backend);
    const notifier = new FakeNotifier();
    const relay = r.relay(notifier);
    const { reference } = await r.service.submit(draft({ category: 'harassment' }), DEMO.mikko);
    await relay.runOnce();
    r.clock.advanceMinutes(60);
    await relay.runOnce();
    const [reminder] = notifier.ofKind('ack_reminder');
    expect(reminder?.to).toMatchObject({ kind: 'person', person: { id: DEMO.karin } });
    expect(reminder?.lang).toBe('sv');
    expect(reminder?.subject).toBe(`Påminnelse: anmälan ${reference} har inte bekräftats`);
    expect(reminder?.actions).toEqual([{ id: MESSAGE_ACTIONS.acknowledge, label: 'Bekräfta', reference }]);
  });
});
