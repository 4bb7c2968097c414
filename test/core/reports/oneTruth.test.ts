/**
 * One state, every copy (issue 12), in the core with real PGlite (and PostgreSQL with TEST_DATABASE_URL):
 * a change made anywhere queues one refresh per alert copy already delivered, which the relay sends to the
 * door that holds the copy; the reporter hears of every step; the trail names recipient and door, records
 * nothing no door delivered, counts a person's views once per window, and refuses to be edited.
 */
import { BACKENDS, SECRET, closeSharedPglite, draft, openTestReporting, type TestReporting } from '../../helpers/db';
import { DEMO } from '../../helpers/reportFixtures';
import { FakeNotifier } from '../../helpers/fakeNotifier';
import { PlatformNotifier } from '../../../src/core/delivery/platformNotifier';
import { MESSAGE_ACTIONS } from '../../../src/core/delivery/messageKinds';
import { Escalator } from '../../../src/core/reports/escalation';
import { deliveryText } from '../../../src/core/reports/trailText';
import { translator } from '../../../src/core/i18n';
import type { Notifier, OutboundMessage } from '../../../src/core/ports';

afterAll(closeSharedPglite);

/**
 * Two doors: "slack" reaches Karin and IT security's Slack channel; "web" reaches every person (and, when asked,
 * every channel, whose posts it shows to each of the team's people, as the web chat's WebNotifier says).
 */
function doors(options: { slack?: boolean; webReachesChannels?: boolean } = {}) {
  const slack = new FakeNotifier();
  const web = new FakeNotifier();
  const notifier = new PlatformNotifier();
  if (options.slack !== false) {
    notifier.add({
      platform: 'slack',
      notifier: slack,
      reaches: (to) => (to.kind === 'person' ? to.person.id === DEMO.karin : to.channel.platform === 'slack'),
    });
  }
  const webDoor: Notifier = {
    async deliver(message) {
      await web.deliver(message);
      return message.to.kind === 'channel' ? { door: 'web', shownToTeam: true } : { door: 'web' };
    },
  };
  notifier.add({ platform: 'web', notifier: webDoor, reaches: (to) => to.kind === 'person' || options.webReachesChannels === true });
  return { slack, web, notifier };
}

const keysOf = (messages: OutboundMessage[]) => messages.map((m) => m.idempotencyKey).sort();
/** Rows of one relay pass are delivered concurrently: compare them without order. */
const unordered = (rows: unknown[][]) => rows.map((row) => JSON.stringify(row)).sort();

describe.each(BACKENDS)('one state, every copy on %s', (backend) => {
  let r: TestReporting;
  beforeEach(async () => {
    r = await openTestReporting(backend);
  });
  afterEach(async () => {
    await r.dispose();
  });

  it('redraws every delivered alert copy on the door that holds it, saying who acted, with only the buttons that apply', async () => {
    const { slack, web, notifier } = doors();
    const relay = r.relay(notifier);
    const { reference } = await r.service.submit(draft(), DEMO.anna);
    await relay.runOnce();
    // Karin's alert and the team post went out on Slack: one post for the team, not one per channel.
    expect(unordered(slack.delivered.map((m) => [m.kind, m.to.kind]))).toEqual(unordered([
      ['report_alert', 'person'],
      ['report_alert', 'channel'],
    ]));
    const copies = slack.delivered.filter((m) => m.kind === 'report_alert');
    const rows = await r.store.outboxFor(reference);
    expect(rows.map((row) => row.deliveredVia)).toEqual(['slack', 'slack']);

    await r.service.acknowledge(reference, DEMO.linnea); // IT security, acting from another door
    const refreshes = (await r.store.outboxFor(reference)).filter((row) => row.kind === 'alert_refresh');
    expect(refreshes.map((row) => row.data.door)).toEqual(['slack', 'slack']);
    await relay.runOnce();

    const redrawn = slack.delivered.filter((m) => m.refresh);
    expect(keysOf(redrawn)).toEqual(keysOf(copies));
    for (const message of redrawn) {
      // Redrawn on the door that holds it, keeping the time it was first delivered.
      const copy = rows.find((row) => row.idempotencyKey === message.idempotencyKey)!;
      expect(message.refresh).toEqual({ door: 'slack', deliveredAt: copy.deliveredAt });
      expect(message.report?.status).toBe('acknowledged');
      // No longer "new" nor asking to be acknowledged: it leads with who took it.
      expect(message.subject).not.toMatch(/ny anmälan/);
      expect(message.text).not.toMatch(/Bekräfta|bekräftar/);
      expect(message.text.startsWith(message.report!.stateLine!)).toBe(true);
      expect(message.report?.stateLine).toMatch(/^Linnea Berg \(informationsförvaltningen\) bekräftade detta \d\d:\d\d\.$/);
      expect(message.actions.map((a) => a.id)).toEqual([MESSAGE_ACTIONS.startProgress]);
    }
    // The reporter (on the web door here) hears who took it, and in which role.
    expect(web.ofKind('reporter_acknowledged')[0]?.text).toContain('Linnea Berg (informationsförvaltningen) har bekräftat');

    // Redrawing is not a delivery: the trail lists each message once, with recipient and door.
    const notified = (await r.store.timeline(reference)).filter((e) => e.event === 'notified');
    expect(unordered(notified.map((e) => [e.details.kind, e.details.to, e.details.door]))).toEqual(unordered([
      ['report_alert', `person:${DEMO.karin}`, 'slack'],
      ['report_alert', 'channel:slack:C0INFOSEC01', 'slack'],
      ['reporter_acknowledged', `person:${DEMO.anna}`, 'web'],
    ]));
    const t = translator('sv');
    const names = new Map<string, string>([[DEMO.karin, 'Karin Nyström']]);
    const said = notified.map((e) => deliveryText(e, t, (id) => names.get(id)));
    expect(said).toContain('Ny anmälan till Karin Nyström (chef) via Slack');
    expect(said).toContain('Ny anmälan till informationsförvaltningen (gemensam kanal) via Slack');

    // Closed: every copy is redrawn once more, without buttons.
    await r.service.resolve(reference, DEMO.linnea, SECRET.outcome);
    await relay.runOnce();
    const last = slack.delivered.filter((m) => m.refresh && m.report?.status === 'resolved');
    expect(keysOf(last)).toEqual(keysOf(copies));
    expect(last.every((m) => m.actions.length === 0 && /avslutade detta/.test(m.report?.stateLine ?? ''))).toBe(true);
  });

  it('redraws every copy without its content when the retention purge removes it, then lets the copies\' rows go', async () => {
    const { slack, notifier } = doors();
    const relay = r.relay(notifier);
    const { reference } = await r.service.submit(draft(), DEMO.anna);
    await relay.runOnce();
    const copies = slack.delivered.filter((m) => m.kind === 'report_alert');
    await r.service.resolve(reference, DEMO.linnea, SECRET.outcome);
    await relay.runOnce();
    const before = slack.delivered.length;

    r.clock.advance(366 * 24 * 60 * 60 * 1000);
    expect((await r.retention.purge()).reports.map((c) => c.reference)).toEqual([reference]);
    await relay.runOnce();
    const purged = slack.delivered.slice(before).filter((m) => m.refresh);
    expect(keysOf(purged)).toEqual(keysOf(copies));
    for (const message of purged) {
      expect(message.subject).toContain('(raderad)');
      expect(message.text).toContain('har raderats enligt lagringstiden');
      expect(JSON.stringify(message)).not.toMatch(/SECRET|Anna Lindqvist/);
      expect(message.actions).toEqual([]);
    }
    // Nothing new was posted anywhere, and once redrawn the copies' rows go with the next purge pass.
    expect(slack.delivered.slice(before).every((m) => m.refresh)).toBe(true);
    expect((await r.store.outboxFor(reference)).length).toBeGreaterThan(0);
    await r.retention.purge();
    expect(await r.store.outboxFor(reference)).toEqual([]);
  });

  it('tells the reporter of every step, the outcome note included, and the recipients who did not act who closed it', async () => {
    const { slack, web, notifier } = doors();
    const relay = r.relay(notifier);
    const { reference } = await r.service.submit(draft(), DEMO.anna);
    await r.service.acknowledge(reference, DEMO.karin);
    await r.service.startProgress(reference, DEMO.karin);
    await r.service.resolve(reference, DEMO.linnea, SECRET.outcome);
    await relay.runOnce();
    expect(web.delivered.filter((m) => m.to.kind === 'person' && m.to.person.id === DEMO.anna).map((m) => m.kind).sort()).toEqual([
      'reporter_acknowledged',
      'reporter_progress',
      'reporter_resolved',
    ]);
    expect(web.ofKind('reporter_progress')[0]?.text).toContain('Karin Nyström (chef) har börjat behandla');
    expect(web.ofKind('reporter_resolved')[0]?.text).toContain(SECRET.outcome);
    // Karin received the report and did not close it: she hears who did, on her door.
    expect(slack.ofKind('report_closed').map((m) => m.subject)).toEqual([`Anmälan ${reference} har avslutats av Linnea Berg`]);

    const withdrawn = await r.service.submit(draft(), DEMO.anna);
    await r.service.withdraw(withdrawn.reference, DEMO.anna);
    await relay.runOnce();
    expect(web.ofKind('reporter_withdrawn').map((m) => m.subject)).toEqual([`Du har återkallat anmälan ${withdrawn.reference}`]);
    // Delivered concurrently: compare without order.
    expect(slack.ofKind('report_withdrawn').map((m) => m.to.kind).sort()).toEqual(['channel', 'person']);
  });

  it('tells the reporter that an unacknowledged report went on, naming who only where the routing table says so', async () => {
    const { web, notifier } = doors({ slack: false });
    const relay = r.relay(notifier);
    const quiet = await r.service.submit(draft({ category: 'harassment' }), DEMO.anna); // manager karin, then kaisa
    r.clock.advanceMinutes(120);
    await r.escalator.tick();
    await relay.runOnce();
    const told = web.ofKind('reporter_escalated');
    expect(told.map((m) => m.subject)).toEqual([`Din anmälan ${quiet.reference} har skickats vidare`]);
    expect(told[0]?.text).toContain('inom 2 timmar');
    expect(told[0]?.text).not.toContain('Kaisa Virtanen');

    const named = new Escalator({ store: r.store, directory: r.directory, clock: r.clock, routingTable: { escalation: { nameToReporter: true } } });
    const loud = await r.service.submit(draft({ category: 'harassment' }), DEMO.anna);
    r.clock.advanceMinutes(120);
    await named.tick();
    await relay.runOnce();
    expect(web.ofKind('reporter_escalated').find((m) => m.report?.reference === loud.reference)?.text).toContain('Den har skickats till: Kaisa Virtanen.');
  });

  it('redraws the alert and the reminder of a report that went on unacknowledged without the deadline that has passed', async () => {
    const { web, notifier } = doors({ slack: false });
    const relay = r.relay(notifier);
    const { reference } = await r.service.submit(draft({ category: 'harassment' }), DEMO.anna); // manager karin, then kaisa
    await relay.runOnce();
    const minutes = (await r.store.getReport(reference))!.ackTimeoutMinutes;
    r.clock.advanceMinutes(minutes);
    await r.escalator.tick();
    await relay.runOnce();
    expect(web.ofKind('ack_reminder').filter((m) => !m.refresh).map((m) => m.to.kind === 'person' && m.to.person.id)).toEqual([DEMO.karin]);
    r.clock.advanceMinutes(minutes);
    await r.escalator.tick();
    await relay.runOnce();

    const redrawn = web.delivered.filter((m) => m.refresh && m.to.kind === 'person' && m.to.person.id === DEMO.karin);
    expect(redrawn.map((m) => m.kind).sort()).toEqual(['ack_reminder', 'report_alert']);
    for (const message of redrawn) {
      expect(message.subject).toBe(`Hög prioritet – Trakasserier: anmälan ${reference} har inte bekräftats`);
      expect(message.text.startsWith(message.report!.stateLine!)).toBe(true);
      expect(message.report?.stateLine).toMatch(/^Skickades vidare till nästa nivå \d\d:\d\d eftersom ingen hade bekräftat\.$/);
      // The passed deadline is gone; the report is open, so it may still be acknowledged.
      expect(message.text).not.toMatch(/inom|påminnelse|Påminnelse/);
      expect(message.text).toContain('Du kan fortfarande bekräfta den.');
      expect(message.actions.map((a) => a.id)).toEqual([MESSAGE_ACTIONS.acknowledge]);
    }
    // The next level's own alert still says why it came.
    expect(web.ofKind('escalation_alert').find((m) => !m.refresh)?.text).toMatch(/ei ollut kuitattu, kun 2 tuntia oli kulunut/); // Kaisa reads Finnish
  });

  it('records a team post the web chat showed to the team as such when Slack is off, and nothing that no door delivered', async () => {
    const off = doors({ slack: false });
    const { reference } = await r.service.submit(draft(), DEMO.anna);
    await r.relay(off.notifier).runOnce();
    // No door reaches IT security's channels: only Karin's alert is delivered; the team post waits.
    let notified = (await r.store.timeline(reference)).filter((e) => e.event === 'notified');
    expect(notified.map((e) => [e.details.to, e.details.door])).toEqual([[`person:${DEMO.karin}`, 'web']]);
    expect((await r.store.outboxFor(reference)).find((row) => row.addressee.kind === 'channel')?.status).toBe('pending');

    r.clock.advanceMinutes(20); // past the "no door reaches it" wait
    const webShowsTeam = doors({ slack: false, webReachesChannels: true });
    await r.relay(webShowsTeam.notifier).runOnce();
    notified = (await r.store.timeline(reference)).filter((e) => e.event === 'notified' && e.details.kind === 'report_alert');
    expect(unordered(notified.map((e) => [e.details.to, e.details.door]))).toEqual(unordered([
      [`person:${DEMO.karin}`, 'web'],
      // The web chat showed the post to each of IT security's people: the Slack channel got nothing.
      ['team:it_security', 'web'],
    ]));
    const shown = notified.find((e) => e.details.to === 'team:it_security')!;
    expect(deliveryText(shown, translator('sv'), () => undefined)).toBe('Ny anmälan till informationsförvaltningen (var och en i teamet) via webbchatten');
    expect(deliveryText(shown, translator('fi'), () => undefined)).toBe('Uusi ilmoitus: tietohallinto (jokaiselle tiimissä), kanava: verkkochat');
  });

  it('records a person’s views of one report within ten minutes once', async () => {
    const { reference } = await r.service.submit(draft(), DEMO.anna);
    for (let i = 0; i < 9; i++) {
      await r.service.view(reference, DEMO.karin);
      r.clock.advanceMinutes(1);
    }
    await r.service.view(reference, DEMO.linnea);
    r.clock.advanceMinutes(2); // 11 minutes after Karin's first view
    await r.service.view(reference, DEMO.karin);
    const views = (await r.store.timeline(reference)).filter((e) => e.event === 'viewed').map((e) => e.actor);
    expect(views).toEqual([`person:${DEMO.karin}`, `person:${DEMO.linnea}`, `person:${DEMO.karin}`]);
  });

  it('states the current state to someone whose button no longer applies', async () => {
    const { reference } = await r.service.submit(draft(), DEMO.anna);
    await r.service.resolve(reference, DEMO.linnea, SECRET.outcome);
    const sentence = await r.service.describeState(reference, 'fi');
    expect(sentence).toMatch(new RegExp(`^${reference}: Käsitelty\\. Linnea Berg \\(tietohallinto\\) sulki tämän \\d\\d:\\d\\d\\.$`));
  });

  it('keeps the timeline append-only in the database; only the retention purge removes a report’s entries', async () => {
    const { reference } = await r.service.submit(draft(), DEMO.anna);
    const other = await r.service.submit(draft(), DEMO.mikko);
    await expect(r.driver.query("UPDATE report_timeline SET actor = 'person:someone.else' WHERE reference = $1", [reference])).rejects.toThrow(/append-only/);
    await expect(r.driver.query('DELETE FROM report_timeline WHERE reference = $1', [reference])).rejects.toThrow(/append-only/);
    await expect(r.driver.exec('TRUNCATE report_timeline')).rejects.toThrow(/append-only/);
    // Announcing one report's purge does not open the others.
    await expect(
      r.driver.transaction(async (tx) => {
        await tx.query("SELECT set_config('somebot.timeline_purge', $1, true)", [reference]);
        await tx.query('DELETE FROM report_timeline WHERE reference = $1', [other.reference]);
      }),
    ).rejects.toThrow(/append-only/);
    expect((await r.store.timeline(reference)).map((e) => e.actor)).toEqual([`person:${DEMO.anna}`]);

    await r.service.resolve(reference, DEMO.karin, SECRET.outcome);
    r.clock.advanceMinutes(366 * 24 * 60);
    const purged = await r.retention.purge();
    expect(purged.reports.map((c) => c.reference)).toEqual([reference]);
    expect((await r.store.timeline(reference)).map((e) => e.event)).toEqual(['purged']);
    expect((await r.store.timeline(other.reference)).map((e) => e.event)).toEqual(['submitted']);
    await expect(r.driver.query('DELETE FROM report_timeline WHERE reference = $1', [reference])).rejects.toThrow(/append-only/);
  });
});
