import { renderMessage } from '../../../src/core/delivery/renderMessage';
import { DeliveryError } from '../../../src/core/delivery/deliveryError';
import { MESSAGE_ACTIONS, MESSAGE_KINDS } from '../../../src/core/delivery/messageKinds';
import type { OutboxRow, StoredReport } from '../../../src/core/reports/records';
import type { Directory } from '../../../src/core/directory/directory';
import { DEMO, demoDirectory } from '../../helpers/reportFixtures';

const at = new Date('2026-03-16T08:00:00.000Z');

function report(overrides: Partial<StoredReport> = {}): StoredReport {
  return {
    reference: 'SOME-2026-0007',
    category: 'phishing',
    platform: 'linkedin',
    accountKind: 'own_work_profile',
    occurredOn: '2026-03-15',
    immediateDanger: false,
    subjectIsManager: false,
    urgency: 'high',
    status: 'submitted',
    reporterId: DEMO.mikko,
    reporterLang: 'fi',
    subjectPersonId: null,
    content: { description: 'Sain viestin, jossa pyydettiin kirjautumaan', evidence: { links: ['https://evil.example/login'], quotes: [], files: [] } },
    outcomeNote: null,
    rules: [{ id: 'K8-b', quote: 'Om man märker …', source: { docId: 'k', organisation: 'Kyrkslätts kommun', document: 'Anvisningar', section: '8' } }],
    ackTimeoutMinutes: 240,
    submittedAt: at,
    acknowledgedAt: null,
    acknowledgedBy: null,
    progressAt: null,
    closedAt: null,
    closedBy: null,
    purgedAt: null,
    recipients: [],
    ...overrides,
  };
}

function row(kind: OutboxRow['kind'], addressee: OutboxRow['addressee'], data: OutboxRow['data'] = {}): OutboxRow {
  return {
    id: 1,
    idempotencyKey: `SOME-2026-0007:${kind}:x`,
    reference: 'SOME-2026-0007',
    kind,
    addressee,
    data,
    status: 'pending',
    attempts: 1,
    nextAttemptAt: at,
    leaseUntil: null,
    claimToken: null,
    lastError: null,
    createdAt: at,
    deliveredAt: null,
    attemptStartedAt: null,
    deliveredVia: null,
  };
}

describe('renderMessage', () => {
  let directory: Directory;
  beforeAll(async () => {
    directory = await demoDirectory();
  });
  const ctx = (r: StoredReport | undefined) => ({ report: r, directory, defaultLang: 'sv' as const, timeZone: 'Europe/Helsinki' });

  it('gives a recipient the whole report in their language, with the rules and an acknowledge button', async () => {
    const message = await renderMessage(row('report_alert', { kind: 'person', personId: DEMO.karin, role: 'manager' }), ctx(report()));
    expect(message.lang).toBe('sv');
    expect(message.subject).toBe('Hög prioritet – Nätfiske: ny anmälan SOME-2026-0007');
    expect(message.text).toContain('Mikko Laine har gjort en anmälan som kommer till dig i rollen chef.');
    expect(message.text).toContain('Sain viestin, jossa pyydettiin kirjautumaan');
    expect(message.text).toContain('https://evil.example/login');
    expect(message.text).toContain('Kyrkslätts kommun: Anvisningar, 8');
    expect(message.report).toMatchObject({ categoryLabel: 'Nätfiske', reporterName: 'Mikko Laine', description: expect.any(String) });
    expect(message.actions).toEqual([{ id: MESSAGE_ACTIONS.acknowledge, label: 'Bekräfta', reference: 'SOME-2026-0007' }]);
  });

  it('offers only the step that applies now: Start handling once acknowledged, nothing once closed', async () => {
    const acknowledged = await renderMessage(
      row('ack_reminder', { kind: 'person', personId: DEMO.karin, role: 'manager' }),
      ctx(report({ status: 'acknowledged' })),
    );
    expect(acknowledged.actions.map((a) => a.id)).toEqual([MESSAGE_ACTIONS.startProgress]);
    for (const status of ['in_progress', 'resolved', 'withdrawn'] as const) {
      const later = await renderMessage(row('report_alert', { kind: 'person', personId: DEMO.karin, role: 'manager' }), ctx(report({ status })));
      expect(later.actions).toEqual([]);
    }
  });

  it('writes to the reporter in the language they reported in, with the outcome but not the description', async () => {
    const message = await renderMessage(
      row('reporter_resolved', { kind: 'person', personId: DEMO.mikko, role: 'reporter' }),
      ctx(report({ status: 'resolved', outcomeNote: 'Salasana vaihdettu, linkki estetty.' })),
    );
    expect(message.lang).toBe('fi');
    expect(message.subject).toBe('Ilmoituksesi SOME-2026-0007 on käsitelty');
    expect(message.text).toContain('Salasana vaihdettu, linkki estetty.');
    expect(message.text).not.toContain('Sain viestin');
    expect(message.report?.description).toBeUndefined();
  });

  it('tells the reporter who closed the report, so an outcome note saying "contact me" has a name', async () => {
    const message = await renderMessage(
      row('reporter_resolved', { kind: 'person', personId: DEMO.mikko, role: 'reporter' }, { actor: DEMO.linnea }),
      ctx(report({ status: 'resolved', outcomeNote: 'Ota yhteyttä minuun, jos tämä toistuu.' })),
    );
    expect(message.text).toContain('Linnea Berg (tietohallinto) on käsitellyt ja sulkenut ilmoituksesi SOME-2026-0007');
    expect(message.text).toContain('Ota yhteyttä minuun, jos tämä toistuu.');
  });

  it('writes to channels in the default language, with the buttons the team may use', async () => {
    const message = await renderMessage(
      row('report_alert', { kind: 'channel', channel: { platform: 'slack', id: 'C0INFOSEC01', name: '#infosec' }, role: 'it_security' }),
      ctx(report()),
    );
    expect(message.to).toEqual({ kind: 'channel', channel: { platform: 'slack', id: 'C0INFOSEC01', name: '#infosec' } });
    expect(message.lang).toBe('sv');
    expect(message.actions.map((a) => a.id)).toEqual([MESSAGE_ACTIONS.acknowledge]);
  });

  it('says durations as people do, never "240 minuter"', async () => {
    const karin = { kind: 'person', personId: DEMO.karin, role: 'manager' } as const;
    const sv = await renderMessage(row('report_alert', karin), ctx(report({ ackTimeoutMinutes: 240 })));
    expect(sv.text).toContain('inom 4 timmar');
    expect(sv.text).not.toMatch(/\d+ minuter/);
    const escalation = await renderMessage(row('escalation_alert', karin), ctx(report({ ackTimeoutMinutes: 45 })));
    expect(escalation.text).toContain('inom 1 timme och 30 minuter');
    const kaisa = await renderMessage(row('report_alert', { kind: 'person', personId: DEMO.kaisa, role: 'manager' }), ctx(report({ ackTimeoutMinutes: 15 })));
    expect(kaisa.lang).toBe('fi');
    expect(kaisa.text).toContain('kun 15 minuuttia on kulunut');
  });

  it('says who took the latest step and when, and names the actor of news with their role', async () => {
    const at = new Date('2026-03-16T12:32:00Z'); // 14:32 in Helsinki
    const timeline = [
      { id: 1, reference: 'SOME-2026-0007', at: new Date('2026-03-16T12:00:00Z'), actor: `person:${DEMO.mikko}`, event: 'submitted' as const, details: {} },
      { id: 2, reference: 'SOME-2026-0007', at, actor: `person:${DEMO.timo}`, event: 'resolved' as const, details: {} },
    ];
    const resolved = report({ status: 'resolved', acknowledgedBy: DEMO.timo });
    const alert = await renderMessage(row('report_alert', { kind: 'person', personId: DEMO.karin, role: 'manager' }), { ...ctx(resolved), timeline, now: at });
    expect(alert.report?.stateLine).toBe('Timo Korhonen (informationsförvaltningen) avslutade detta 14:32.');
    expect(alert.text).toContain('Timo Korhonen (informationsförvaltningen) avslutade detta 14:32.');
    const closed = await renderMessage(row('report_closed', { kind: 'person', personId: DEMO.karin, role: 'manager' }, { actor: DEMO.timo }), ctx(resolved));
    expect(closed.subject).toBe('Anmälan SOME-2026-0007 har avslutats av Timo Korhonen');
  });

  it('fails permanently for a person who left the directory', async () => {
    await expect(renderMessage(row('report_alert', { kind: 'person', personId: 'gone', role: 'manager' }), ctx(report()))).rejects.toEqual(
      expect.objectContaining({ reason: 'recipient_unknown', permanent: true }),
    );
    await expect(renderMessage(row('report_alert', { kind: 'person', personId: DEMO.karin, role: 'manager' }), ctx(undefined))).rejects.toBeInstanceOf(
      DeliveryError,
    );
  });

  it.each(MESSAGE_KINDS.flatMap((kind) => (['sv', 'fi', 'en'] as const).map((lang) => [kind, lang] as const)))(
    'renders %s in %s without a missing key or an empty placeholder',
    async (kind, lang) => {
      const channel = { kind: 'channel' as const, channel: { platform: 'slack' as const, id: 'C1' }, role: 'it_security' as const };
      const message = await renderMessage(
        row(kind, channel, { failedKind: 'report_alert', failedRole: 'manager', failedTo: `person:${DEMO.karin}`, attempts: 15 }),
        { ...ctx(report({ acknowledgedBy: DEMO.karin, outcomeNote: 'ok' })), defaultLang: lang },
      );
      expect(message.lang).toBe(lang);
      const text = `${message.subject}\n${message.text}`;
      expect(text).not.toMatch(/notifications:|\{\{|\(\)|""|“”|””/);
    },
  );
});
