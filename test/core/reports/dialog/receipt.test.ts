import { formatReceipt } from '../../../../src/core/reports/dialog/receipt';
import { defaultRoutingTable } from '../../../helpers/reportFixtures';

const table = defaultRoutingTable();
const recipients = [
  { name: 'Karin Nyström', role: 'manager' as const },
  { name: 'Timo Korhonen', role: 'it_security' as const },
  { name: '#informationsforvaltningen', role: 'it_security' as const },
];

describe('formatReceipt', () => {
  it('Swedish: reference, who was told and the advice', () => {
    const reply = formatReceipt({ reference: 'SOME-2026-0042', recipients, advice: table.rows.phishing.advice.sv }, 'sv');
    expect(reply.kind).toBe('done');
    expect(reply.text).toBe(
      [
        'Tack. Din anmälan SOME-2026-0042 är skickad.',
        '',
        'Den har gått till:',
        '• Karin Nyström – din chef',
        '• Timo Korhonen, #informationsforvaltningen – informationsförvaltningen (IT-säkerhet)',
        '',
        'Det här kan du göra nu:',
        ...table.rows.phishing.advice.sv.map((a) => `• ${a}`),
      ].join('\n'),
    );
  });

  it('Finnish, and without recipients or advice', () => {
    const reply = formatReceipt({ reference: 'SOME-2026-0007', recipients, advice: table.rows.threat.advice.fi }, 'fi');
    expect(reply.text).toContain('Kiitos. Ilmoituksesi SOME-2026-0007 on lähetetty.');
    expect(reply.text).toContain('• Karin Nyström – esihenkilösi');
    expect(reply.text).toContain('• Jos joku on välittömässä vaarassa, soita 112.');
  });

  it('without recipients: says the report is saved and that IT security was told it needs one (sv, fi, en)', () => {
    const none = { reference: 'R-1', recipients: [], advice: [] };
    expect(formatReceipt(none, 'sv').text).toBe(
      'Tack. Din anmälan R-1 är sparad.\nIngen mottagare hittades i katalogen. Anmälan är sparad, och informationsförvaltningen har fått veta att den behöver en mottagare. Kontakta gärna också din chef eller HR direkt.',
    );
    expect(formatReceipt(none, 'fi').text).toMatch(/^Kiitos. Ilmoituksesi R-1 on tallennettu.\nHakemistosta ei löytynyt vastaanottajaa./);
    expect(formatReceipt(none, 'en').text).not.toContain('has been sent');
  });
});
