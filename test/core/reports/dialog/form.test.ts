/** Form mode (Slack modal, Adaptive Card): the whole report at once over the same schema. */
import { REPORT_CATEGORIES, type ReportCategory } from '../../../../src/core/reports/categories';
import { step } from '../../../../src/core/reports/dialog/dialog';
import { describeReportForm, FORM_FIELD, reportFormTexts, validateReportForm } from '../../../../src/core/reports/dialog/form';
import { CHOICE, STEP } from '../../../../src/core/reports/dialog/steps';
import { REPLY_KIND, type DialogState } from '../../../../src/core/reports/dialog/types';
import type { ReportDraft } from '../../../../src/core/reports/report';
import { readLocaleResources } from '../../../../src/core/i18n';
import { DEMO, defaultRoutingTable, demoContext } from '../../../helpers/reportFixtures';
import { choice, kind, play } from './transcript';

const table = defaultRoutingTable();
const locales = readLocaleResources();
const fieldMessage = (lang: 'sv' | 'fi', field: string) => (locales[lang]!.reports as any).error.field[field] as string;

const LANGUAGES = [
  { lang: 'sv' as const, reporter: DEMO.anna, manager: 'Karin Nyström – din chef', evidenceText: 'https://instagram.com/p/abc\nbild.png' },
  { lang: 'fi' as const, reporter: DEMO.mikko, manager: 'Karin Nyström – esihenkilösi', evidenceText: 'https://instagram.com/p/abc\nkuva.png' },
];

const expectedDraft = (category: ReportCategory, file: string): ReportDraft => ({
  category,
  platform: 'instagram',
  accountKind: 'organisation_account',
  description: 'Kommentar med olagligt innehåll.',
  occurredOn: '2026-03-13',
  evidence: { links: ['https://instagram.com/p/abc'], quotes: [], files: [file] },
  immediateDanger: false,
  subjectIsManager: false,
});

describe.each(LANGUAGES)('form mode in $lang', ({ lang, reporter, manager, evidenceText }) => {
  describe.each(REPORT_CATEGORIES)('%s', (category) => {
    it('valid form → preview → confirm → submit', async () => {
      const ctx = await demoContext(reporter, lang);
      const values = {
        category,
        platform: 'instagram',
        platformOther: '',
        accountKind: 'organisation_account',
        description: '  Kommentar med olagligt innehåll. ',
        occurredOn: '2026-03-13',
        evidence: evidenceText,
        immediateDanger: false,
        subjectIsManager: 'false',
        alternateRecipientId: null,
      };
      const run = play(
        [
          [{ type: 'form', values }, [manager, table.rows[category].rules[0]!.quote]],
          [choice(CHOICE.confirm), { effect: 'submit' }],
        ],
        ctx,
      );
      expect(run.results[0]!.replies.map((r) => r.kind)).toEqual([REPLY_KIND.preview]);
      expect(run.results[0]!.state).toMatchObject({ step: STEP.confirm, mode: 'form' });
      const file = evidenceText.split('\n')[1]!;
      expect(run.final.effect).toEqual({ type: 'submit', draft: expectedDraft(category, file) });
    });

    it('invalid form → translated per-field errors, no effect, state unchanged', async () => {
      const ctx = await demoContext(reporter, lang);
      const before: DialogState = { version: 1, step: STEP.description, mode: 'text', draft: { category, platform: 'x' } };
      const values = {
        category,
        platform: 'myspace',
        accountKind: 'nobody',
        description: '   ',
        occurredOn: '2030-01-01',
        evidence: { links: ['not a link'], quotes: [], files: [] },
        immediateDanger: false,
        subjectIsManager: true,
      };
      const result = step(before, { type: 'form', values }, ctx);
      expect(result.effect).toBeUndefined();
      expect(result.state).toBe(before);
      expect(result.replies.map((r) => r.kind)).toEqual([REPLY_KIND.error]);
      expect(result.fieldErrors).toEqual([
        { field: 'platform', message: fieldMessage(lang, 'platform') },
        { field: 'accountKind', message: fieldMessage(lang, 'accountKind') },
        { field: 'description', message: fieldMessage(lang, 'description') },
        { field: 'occurredOn', message: fieldMessage(lang, 'occurredOnFuture') },
        { field: 'evidence', message: fieldMessage(lang, 'evidence') },
        { field: 'alternateRecipientId', message: fieldMessage(lang, 'alternateRecipientId') },
      ]);
    });
  });
});

describe('form validation with context', () => {
  const base = {
    category: 'harassment',
    platform: 'facebook',
    accountKind: 'own_work_profile',
    description: 'Trakasserier.',
    occurredOn: '2026-03-16',
    immediateDanger: false,
    subjectIsManager: false,
  };

  it('requires the service name for "other" and a real calendar date', async () => {
    const ctx = await demoContext(DEMO.anna, 'sv');
    const result = validateReportForm({ ...base, platform: 'other', occurredOn: '2026-02-31' }, ctx);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors.map((e) => e.field)).toEqual(['platformOther', 'occurredOn']);
  });

  it('accepts relative dates, unticked checkboxes and drops fields that do not apply', async () => {
    const ctx = await demoContext(DEMO.anna, 'sv');
    const { immediateDanger: _a, subjectIsManager: _b, ...unticked } = base;
    const result = validateReportForm({ ...unticked, occurredOn: 'igår', platformOther: 'ignored', managerId: DEMO.kaisa }, ctx);
    expect(result).toEqual({
      ok: true,
      draft: { ...base, occurredOn: '2026-03-15', evidence: { links: [], quotes: [], files: [] } },
    });
  });

  it('asks a reporter without a manager to pick one of the offered managers', async () => {
    const ctx = await demoContext(DEMO.jussi, 'fi');
    const missing = validateReportForm(base, ctx);
    expect(missing).toEqual({ ok: false, errors: [{ field: 'managerId', message: fieldMessage('fi', 'managerId') }] });
    const wrong = validateReportForm({ ...base, managerId: DEMO.helena }, ctx);
    expect(wrong.ok).toBe(false);
    const right = validateReportForm({ ...base, managerId: DEMO.karin, subjectIsManager: true, alternateRecipientId: DEMO.kaisa }, ctx);
    expect(right).toMatchObject({ ok: true, draft: { managerId: DEMO.karin, alternateRecipientId: DEMO.kaisa } });
  });

  it('rejects a form that is not an object', async () => {
    const ctx = await demoContext(DEMO.anna, 'sv');
    const result = step(undefined, { type: 'form', values: 'hello' }, ctx);
    expect(result.state).toBeUndefined();
    expect(result.fieldErrors?.length).toBeGreaterThan(0);
  });

  it('a confirmed form can still be cancelled at the preview', async () => {
    const ctx = await demoContext(DEMO.anna, 'sv');
    play([[{ type: 'form', values: base }, kind('preview')], ['avbryt', { effect: 'cancelled' }]], ctx);
  });
});

describe('describeReportForm', () => {
  it('lists every draft field a renderer needs, with choices, in the reporter\'s language', async () => {
    const ctx = await demoContext(DEMO.anna, 'sv');
    const fields = describeReportForm(ctx, 'phishing');
    expect(fields.map((f) => f.id)).toEqual([
      'category', 'immediateDanger', 'platform', 'platformOther', 'accountKind', 'description', 'occurredOn', 'evidence',
      'subjectIsManager', 'alternateRecipientId',
    ]);
    const byId = Object.fromEntries(fields.map((f) => [f.id, f]));
    expect(byId.category).toMatchObject({ type: 'choice', required: true, initial: 'phishing', label: 'Vad gäller anmälan?' });
    expect(byId.category!.choices).toHaveLength(REPORT_CATEGORIES.length);
    expect(byId.platformOther!.when).toEqual({ field: 'platform', equals: 'other' });
    expect(byId.occurredOn).toMatchObject({ type: 'date', initial: '2026-03-16' });
    expect(byId.evidence).toMatchObject({ type: 'evidence', required: false });
    expect(byId.evidence!.hint).toContain('innan något tas bort');
    expect(byId.immediateDanger!.hint).toContain('112');
    expect(byId.alternateRecipientId!.choices).toEqual([
      { id: DEMO.kaisa, label: 'Kaisa Virtanen (din chefs chef)' },
      { id: DEMO.helena, label: 'Helena Aaltonen (HR)' },
    ]);
    expect(Object.values(FORM_FIELD).sort()).toEqual([...fields.map((f) => f.id), 'managerId'].sort());
  });

  it('has a translated title and submit label', () => {
    expect(reportFormTexts('sv')).toEqual({ title: 'Gör en anmälan', submit: 'Fortsätt' });
    expect(reportFormTexts('fi')).toEqual({ title: 'Tee ilmoitus', submit: 'Jatka' });
  });

  it('adds the manager field for a reporter the directory has no manager for', async () => {
    const ctx = await demoContext(DEMO.jussi, 'fi');
    const manager = describeReportForm(ctx).find((f) => f.id === 'managerId')!;
    expect(manager).toMatchObject({ type: 'choice', required: true, label: 'Kuka on esihenkilösi?' });
    expect(manager.choices?.map((c) => c.id)).toEqual([DEMO.kaisa, DEMO.karin]);
  });
});
