/**
 * Complete text-mode dialogs in Swedish and Finnish, for every category, as [user says, bot answers] tables.
 * Swedish starts from a detected category; Finnish asks for it and picks it by number.
 */
import { REPORT_CATEGORIES, type ReportCategory } from '../../../../src/core/reports/categories';
import type { ReportDraft } from '../../../../src/core/reports/report';
import { DANGER_CATEGORIES, SUBJECT_CATEGORIES } from '../../../../src/core/reports/dialog/flow';
import { CHOICE } from '../../../../src/core/reports/dialog/steps';
import { REPLY_KIND } from '../../../../src/core/reports/dialog/types';
import { DEMO, defaultRoutingTable, demoContext } from '../../../helpers/reportFixtures';
import { kind, play, start, type Turn } from './transcript';

const table = defaultRoutingTable();
const asksDanger = (c: ReportCategory) => DANGER_CATEGORIES.includes(c);
const asksSubject = (c: ReportCategory) => SUBJECT_CATEGORIES.includes(c);
const firstQuote = (c: ReportCategory) => table.rows[c].rules[0]!.quote;

/** Swedish: anna.lindqvist (manager Karin Nyström); the category comes from the detected intent. */
function swedish(c: ReportCategory): Turn[] {
  return [
    [start(c), ['Jag hjälper dig att göra en anmälan', asksDanger(c) ? 'Är någon i omedelbar fara just nu?' : 'Var hände det?']],
    ...(asksDanger(c) ? ([['nej', 'Var hände det?']] as Turn[]) : []),
    ['Facebook', 'Vilket konto gäller det?'],
    ['kommunens konto', 'Berätta kort vad som hände.'],
    ['  En okänd profil skrev en kommentar under vårt inlägg.  ', 'När hände det?'],
    ['igår', ['Har du bevis?', 'Spara innehållet och uppgifter om avsändaren']],
    [
      'https://www.facebook.com/kyrkslatt/posts/123\nskarmdump.png\n”Vi vet var du bor”',
      asksSubject(c) ? 'Är den du anmäler din egen chef?' : ['Karin Nyström – din chef', firstQuote(c)],
    ],
    ...(asksSubject(c) ? ([['Nej', ['Karin Nyström – din chef', firstQuote(c)]]] as Turn[]) : []),
    ['ja', { effect: 'submit' }],
  ];
}

const swedishDraft = (c: ReportCategory): ReportDraft => ({
  category: c,
  immediateDanger: false,
  subjectIsManager: false,
  platform: 'facebook',
  accountKind: 'organisation_account',
  description: 'En okänd profil skrev en kommentar under vårt inlägg.',
  occurredOn: '2026-03-15',
  evidence: { links: ['https://www.facebook.com/kyrkslatt/posts/123'], quotes: ['”Vi vet var du bor”'], files: ['skarmdump.png'] },
});

/** Finnish: mikko.laine (manager Karin Nyström); the category is asked and picked by number. */
function finnish(c: ReportCategory): Turn[] {
  return [
    [start(), ['Autan sinua tekemään ilmoituksen', 'Mistä haluat ilmoittaa?']],
    [String(REPORT_CATEGORIES.indexOf(c) + 1), asksDanger(c) ? 'Onko joku välittömässä vaarassa juuri nyt?' : 'Missä se tapahtui?'],
    ...(asksDanger(c) ? ([['EI', 'Missä se tapahtui?']] as Turn[]) : []),
    ['2', 'Mitä tiliä asia koskee?'],
    ['oma tyoprofiilini', 'Kerro lyhyesti, mitä tapahtui.'],
    ['Joku lähetti viestin, jossa oli outo linkki.', 'Milloin se tapahtui?'],
    ['14.3.2026', ['Onko sinulla todisteita?', 'Tallenna sisältö ja lähettäjän tiedot']],
    ['ei', asksSubject(c) ? 'Onko henkilö, josta ilmoitat, oma esihenkilösi?' : ['Karin Nyström – esihenkilösi', firstQuote(c)]],
    ...(asksSubject(c) ? ([['ei', ['Karin Nyström – esihenkilösi', firstQuote(c)]]] as Turn[]) : []),
    ['kyllä', { effect: 'submit' }],
  ];
}

const finnishDraft = (c: ReportCategory): ReportDraft => ({
  category: c,
  immediateDanger: false,
  subjectIsManager: false,
  platform: 'instagram',
  accountKind: 'own_work_profile',
  description: 'Joku lähetti viestin, jossa oli outo linkki.',
  occurredOn: '2026-03-14',
  evidence: { links: [], quotes: [], files: [] },
});

const LANGUAGES = [
  { lang: 'sv' as const, reporter: DEMO.anna, transcript: swedish, draft: swedishDraft },
  { lang: 'fi' as const, reporter: DEMO.mikko, transcript: finnish, draft: finnishDraft },
];

describe.each(LANGUAGES)('text mode in $lang', ({ lang, reporter, transcript, draft }) => {
  describe.each(REPORT_CATEGORIES)('%s', (category) => {
    it('collects a complete report and submits exactly the expected draft', async () => {
      const ctx = await demoContext(reporter, lang);
      const run = play(transcript(category), ctx);
      expect(run.final.effect).toEqual({ type: 'submit', draft: draft(category) });
      expect(run.final.state).toBeUndefined();
      // Only the last row has an effect; every row before it asked something and kept a state.
      expect(run.results.slice(0, -1).every((r) => r.effect === undefined && r.state !== undefined)).toBe(true);
      const preview = run.results[run.results.length - 2]!.replies.find((r) => r.kind === REPLY_KIND.preview)!;
      expect(preview.choices?.map((c) => c.id)).toEqual([CHOICE.confirm, CHOICE.cancel]);
    });

    it('resumes identically when the state goes through JSON between every message (restart)', async () => {
      const ctx = await demoContext(reporter, lang);
      const straight = play(transcript(category), ctx);
      const restarted = play(transcript(category), await demoContext(reporter, lang), { restartBetweenRows: true });
      expect(restarted.results).toEqual(straight.results);
    });
  });
});

it('prompts offer their options as choices that adapters can show as buttons', async () => {
  const ctx = await demoContext(DEMO.anna, 'sv');
  const run = play([[start('phishing'), kind('prompt')]], ctx);
  const prompt = run.final.replies[1]!;
  expect(prompt.text).toBe('Var hände det?');
  expect(prompt.choices).toEqual([
    { id: 'facebook', label: 'Facebook' },
    { id: 'instagram', label: 'Instagram' },
    { id: 'x', label: 'X (Twitter)' },
    { id: 'linkedin', label: 'LinkedIn' },
    { id: 'youtube', label: 'YouTube' },
    { id: 'tiktok', label: 'TikTok' },
    { id: 'other', label: 'Annan tjänst' },
  ]);
});
