/**
 * Evidence longer than the schema allows is refused at the evidence step, with the same sentence as other
 * too-long input; and a draft that fails the schema at confirmation goes back to the failing step instead of
 * asking to confirm again and again.
 */
import { step } from '../../../../src/core/reports/dialog/dialog';
import { CHOICE, STEP } from '../../../../src/core/reports/dialog/steps';
import { REPLY_KIND, type DialogState } from '../../../../src/core/reports/dialog/types';
import { MAX_FILE_NAME_LENGTH, MAX_QUOTE_LENGTH, reportDraftSchema } from '../../../../src/core/reports/report';
import { DEMO, demoContext } from '../../../helpers/reportFixtures';
import { choice } from './transcript';

const LANGUAGES = [
  {
    lang: 'sv' as const,
    reporter: DEMO.anna,
    tooLong: (max: number) => `Texten är för lång (högst ${max} tecken).`,
    evidencePrompt: 'Har du bevis?',
    confirmPrompt: 'Vill du skicka anmälan?',
    formError: 'Kontrollera de markerade fälten.',
    no: 'nej',
  },
  {
    lang: 'fi' as const,
    reporter: DEMO.mikko,
    tooLong: (max: number) => `Teksti on liian pitkä (enintään ${max} merkkiä).`,
    evidencePrompt: 'Onko sinulla todisteita?',
    confirmPrompt: 'Lähetetäänkö ilmoitus?',
    formError: 'Tarkista merkityt kentät.',
    no: 'ei',
  },
];

/** Everything answered except the evidence, for a phishing report. */
const answered = {
  category: 'phishing',
  immediateDanger: false,
  subjectIsManager: false,
  platform: 'facebook',
  accountKind: 'own_work_profile',
  description: 'Ett meddelande bad om mitt lösenord.',
  occurredOn: '2026-03-15',
} as const;

describe.each(LANGUAGES)('evidence limits in $lang', ({ lang, reporter, tooLong, evidencePrompt, confirmPrompt, formError, no }) => {
  const atEvidence: DialogState = { version: 1, step: STEP.evidence, mode: 'text', draft: { ...answered } };

  it.each([
    ['a quoted line longer than 5000 characters', `https://facebook.com/x\n${'å'.repeat(MAX_QUOTE_LENGTH + 1)}`, MAX_QUOTE_LENGTH],
    ['a file name longer than 500 characters', `${'k'.repeat(MAX_FILE_NAME_LENGTH)}.png`, MAX_FILE_NAME_LENGTH],
  ])('refuses %s at the evidence step, and changes nothing', async (_name, text, max) => {
    const ctx = await demoContext(reporter, lang);
    const before = JSON.stringify(atEvidence);
    const result = step(atEvidence, { type: 'text', text }, ctx);
    expect(result.state).toBe(atEvidence);
    expect(JSON.stringify(atEvidence)).toBe(before);
    expect(result.replies.map((r) => r.kind)).toEqual([REPLY_KIND.error, REPLY_KIND.prompt]);
    expect(result.replies[0]!.text).toBe(tooLong(max));
    expect(result.replies[1]!.text).toContain(evidencePrompt);
  });

  it('accepts evidence exactly at the limits and goes on to the preview', async () => {
    const ctx = await demoContext(reporter, lang);
    const text = `${'q'.repeat(MAX_QUOTE_LENGTH)}\n${'f'.repeat(MAX_FILE_NAME_LENGTH - 4)}.png`;
    const result = step(atEvidence, { type: 'text', text }, ctx);
    expect(result.state?.step).toBe(STEP.confirm);
    expect(result.replies[0]!.kind).toBe(REPLY_KIND.preview);
    expect(reportDraftSchema.safeParse(result.state!.draft).success).toBe(true);
  });

  it('a stored draft that fails the schema goes back to the failing step from the confirmation, then can be sent', async () => {
    const ctx = await demoContext(reporter, lang);
    // E.g. saved by an earlier version that did not check the length of quotes.
    const stuck: DialogState = {
      version: 1,
      step: STEP.confirm,
      mode: 'text',
      draft: { ...answered, evidence: { links: [], quotes: ['x'.repeat(MAX_QUOTE_LENGTH + 1)], files: [] } },
    };
    const back = step(stuck, choice(CHOICE.confirm), ctx);
    expect(back.effect).toBeUndefined();
    expect(back.state?.step).toBe(STEP.evidence);
    expect(back.replies.map((r) => r.text)).not.toContain(formError);
    expect(back.replies[0]).toEqual({ kind: REPLY_KIND.error, text: tooLong(MAX_QUOTE_LENGTH) });
    expect(back.replies[1]!.text).toContain(evidencePrompt);
    expect(back.state!.draft.description).toBe(answered.description);

    const preview = step(back.state, { type: 'text', text: no }, ctx);
    expect(preview.state?.step).toBe(STEP.confirm);
    expect(preview.replies[0]!.kind).toBe(REPLY_KIND.preview);
    expect(preview.replies[0]!.text).toContain(confirmPrompt);
    const sent = step(preview.state, choice(CHOICE.confirm), ctx);
    expect(sent.effect).toEqual({ type: 'submit', draft: { ...answered, evidence: { links: [], quotes: [], files: [] } } });
  });

  it('an invalid field reached without the confirmation (a tampered date) is asked again before any preview', async () => {
    const ctx = await demoContext(reporter, lang);
    const state: DialogState = { version: 1, step: STEP.evidence, mode: 'text', draft: { ...answered, occurredOn: '2026-13-45' } };
    const result = step(state, { type: 'text', text: no }, ctx);
    expect(result.state?.step).toBe(STEP.occurredOn);
    expect(result.replies.map((r) => r.kind)).toEqual([REPLY_KIND.error, REPLY_KIND.prompt]);
    const fixed = step(result.state, choice(CHOICE.yesterday), ctx);
    expect(fixed.state?.step).toBe(STEP.confirm);
    expect(fixed.state?.draft.occurredOn).toBe('2026-03-15');
    expect(fixed.replies[0]!.kind).toBe(REPLY_KIND.preview);
  });
});
