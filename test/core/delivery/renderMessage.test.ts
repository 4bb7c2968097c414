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

  it('drops the acknowledge button once someone has acknowledged', async () => {
    const message = await renderMessage(
      row('ack_reminder', { kind: 'person', personId: DEMO.karin, role: 'manager' }),
      ctx(report({ status: 'acknowledged' })),
    );
    expect(message.actions).toEqual([]);
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

  it('writes to channels in the default language', async () => {
    const message = await renderMessage(
      row('report_alert', { kind: 'channel', channel: { platform: 'slack', id: 'C0INFOSEC01', name: '#infosec' }, role: 'it_security' }),
      ctx(report()),
    );
    expect(message.to).toEqual({ kind: 'channel', channel: { platform: 'slack', id: 'C0INFOSEC01', name: '#infosec' } });
    expect(message.lang).toBe('sv');
    expect(message.actions).toEqual([]);
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
