/** The report schema's evidence links and dates, and form mode over the same schema. */
import { evidenceLinkSchema, reportDraftSchema } from '../../../src/core/reports/report';
import { parseEvidenceText } from '../../../src/core/reports/dialog/evidence';
import { validateReportForm } from '../../../src/core/reports/dialog/form';
import { DEMO, demoContext } from '../../helpers/reportFixtures';

const UNSAFE = ['javascript:alert(1)', 'JAVASCRIPT:alert(1)', 'data:text/html;base64,PHNjcmlwdD4=', 'file:///C:/secret.txt', 'vbscript:msgbox', 'ftp://example.com/x'];

describe('evidence links', () => {
  it.each(['https://facebook.com/kyrkslatt/posts/1', 'http://example.com/a?b=c', 'HTTPS://EXAMPLE.COM'])('accepts %s', (link) => {
    expect(evidenceLinkSchema.safeParse(link).success).toBe(true);
  });

  it.each(UNSAFE)('refuses %s in the schema', (link) => {
    expect(evidenceLinkSchema.safeParse(link).success).toBe(false);
  });

  it('text mode never turns an unsafe link into a link (it stays quoted text, as typed)', () => {
    expect(parseEvidenceText('javascript:alert(1)\nhttps://ok.example/x')).toEqual({
      links: ['https://ok.example/x'],
      quotes: ['javascript:alert(1)'],
      files: [],
    });
  });

  it.each(UNSAFE)('form mode refuses an evidence object with %s, naming the evidence field', async (link) => {
    const ctx = await demoContext(DEMO.anna, 'sv');
    const result = validateReportForm(
      {
        category: 'phishing',
        platform: 'facebook',
        accountKind: 'own_work_profile',
        description: 'En länk.',
        occurredOn: '2026-03-15',
        evidence: { links: [link], quotes: [], files: [] },
      },
      ctx,
    );
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors.map((e) => e.field)).toEqual(['evidence']);
  });
});

describe('occurredOn', () => {
  const base = {
    category: 'phishing',
    platform: 'facebook',
    accountKind: 'own_work_profile',
    description: 'x',
    evidence: { links: [], quotes: [], files: [] },
    immediateDanger: false,
    subjectIsManager: false,
  };
  it.each(['2026-13-45', '2026-02-29', '2026-04-31', '2026-00-10', '26-03-15', '2026-3-5'])('refuses %s', (occurredOn) => {
    expect(reportDraftSchema.safeParse({ ...base, occurredOn }).success).toBe(false);
  });
  it.each(['2026-03-15', '2024-02-29', '1999-12-31'])('accepts %s', (occurredOn) => {
    expect(reportDraftSchema.safeParse({ ...base, occurredOn }).success).toBe(true);
  });
});
