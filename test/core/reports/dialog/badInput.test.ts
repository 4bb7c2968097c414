/** Bad input re-asks with a clear translated error and changes nothing. */
import { step } from '../../../../src/core/reports/dialog/dialog';
import { CHOICE, STEP, type StepId } from '../../../../src/core/reports/dialog/steps';
import { REPLY_KIND, type DialogEvent, type DialogState } from '../../../../src/core/reports/dialog/types';
import { DEMO, demoContext } from '../../../helpers/reportFixtures';
import { choice } from './transcript';

const sv = (step: StepId, draft: DialogState['draft'] = { category: 'threat' }): DialogState => ({ version: 1, step, mode: 'text', draft });

describe('Swedish bad input', () => {
  it.each<[string, DialogState, DialogEvent, string, string]>([
    ['an unknown platform', sv(STEP.platform), { type: 'text', text: 'myspace' }, 'Jag förstod inte svaret.', 'Var hände det?'],
    ['a number out of range', sv(STEP.accountKind), { type: 'text', text: '9' }, 'Jag förstod inte svaret.', 'Vilket konto gäller det?'],
    ['a button from another step', sv(STEP.accountKind), choice('facebook'), 'Den här knappen hör till en tidigare fråga', 'Vilket konto gäller det?'],
    ['an empty description', sv(STEP.description), { type: 'text', text: '   ' }, 'Skriv ett svar', 'Berätta kort vad som hände.'],
    ['a too long description', sv(STEP.description), { type: 'text', text: 'x'.repeat(5001) }, 'Texten är för lång (högst 5000 tecken).', 'Berätta kort'],
    ['a too long service name', sv(STEP.platformOther, { platform: 'other' }), { type: 'text', text: 'x'.repeat(101) }, 'högst 100 tecken', 'Vilken tjänst?'],
    ['a future date', sv(STEP.occurredOn), { type: 'text', text: '17.3.2026' }, '”17.3.2026” ligger i framtiden.', 'När hände det?'],
    ['an impossible date', sv(STEP.occurredOn), { type: 'text', text: '31.2.2026' }, 'Jag kunde inte läsa tidpunkten ”31.2.2026”.', 'När hände det?'],
    ['words that are not a date', sv(STEP.occurredOn), { type: 'text', text: 'någon gång i vintras' }, 'Jag kunde inte läsa tidpunkten ”någon gång i vintras”.', 'När hände det?'],
    ['a maybe', sv(STEP.immediateDanger), { type: 'text', text: 'kanske' }, 'Jag förstod inte svaret.', 'Är någon i omedelbar fara'],
    ['too much evidence', sv(STEP.evidence), { type: 'text', text: Array.from({ length: 21 }, (_, i) => `https://ex.com/${i}`).join('\n') }, 'Högst 20 av varje slag', 'Har du bevis?'],
    ['an unknown manager', sv(STEP.alternateRecipient, { category: 'harassment', subjectIsManager: true }), { type: 'text', text: 'Sofia Holmberg' }, 'Jag förstod inte svaret.', 'Vem ska få den i stället?'],
    ['neither yes nor cancel at the preview', sv(STEP.confirm), { type: 'text', text: 'kanske' }, 'Svara ”ja” för att skicka eller ”avbryt” för att avbryta.', 'Vill du skicka anmälan?'],
  ])('%s', async (_name, state, event, error, prompt) => {
    const ctx = await demoContext(DEMO.anna, 'sv');
    const before = JSON.stringify(state);
    const result = step(state, event, ctx);
    expect(result.effect).toBeUndefined();
    expect(result.state).toBe(state);
    expect(JSON.stringify(state)).toBe(before);
    expect(result.replies[0]!.kind).toBe(REPLY_KIND.error);
    expect(result.replies[0]!.text).toContain(error);
    expect(result.replies[1]!.kind).toBe(REPLY_KIND.prompt);
    expect(result.replies[1]!.text).toContain(prompt);
  });
});

it('Finnish errors are Finnish', async () => {
  const ctx = await demoContext(DEMO.mikko, 'fi');
  const result = step({ version: 1, step: STEP.occurredOn, mode: 'text', draft: { category: 'phishing' } }, { type: 'text', text: 'joskus talvella' }, ctx);
  expect(result.replies[0]!.text).toBe('En pystynyt lukemaan ajankohtaa ”joskus talvella”. Kirjoita esimerkiksi ”eilen”, ”viime tiistaina”, ”toissapäivänä”, ”15.3.2026” – tai ajanjakso: ”viime viikosta lähtien”, ”kahden viikon ajan”.');
  const future = step({ version: 1, step: STEP.occurredOn, mode: 'text', draft: { category: 'phishing' } }, { type: 'text', text: '2027-01-01' }, ctx);
  expect(future.replies[0]!.text).toBe('”2027-01-01” on tulevaisuudessa. Kirjoita, milloin se tapahtui, esimerkiksi ”eilen” tai ”viime viikosta lähtien”.');
});

describe('dialog lifecycle', () => {
  it('answers a message without a dialog, and a broken stored state, without crashing', async () => {
    const ctx = await demoContext(DEMO.anna, 'sv');
    expect(step(undefined, { type: 'text', text: 'hej' }, ctx)).toEqual({
      state: undefined,
      replies: [{ kind: REPLY_KIND.info, text: 'Du har ingen anmälan på gång.' }],
    });
    const broken = { version: 2, step: 'nowhere', draft: {} } as unknown as DialogState;
    const result = step(broken, { type: 'text', text: 'ja' }, ctx);
    expect(result.state).toBeUndefined();
    expect(result.replies[0]).toEqual({ kind: REPLY_KIND.error, text: 'Din påbörjade anmälan kunde inte fortsätta. Börja gärna om.' });
  });

  it('start begins afresh, replacing an unfinished dialog', async () => {
    const ctx = await demoContext(DEMO.anna, 'sv');
    const old: DialogState = { version: 1, step: STEP.description, mode: 'text', draft: { category: 'threat', platform: 'x' } };
    const result = step(old, { type: 'start', category: 'phishing' }, ctx);
    expect(result.state).toEqual({ version: 1, step: STEP.platform, mode: 'text', draft: { category: 'phishing', immediateDanger: false, subjectIsManager: false } });
  });

  it('an unfinished dialog survives a restart: stored as JSON text, continued with a new context', async () => {
    const first = await demoContext(DEMO.anna, 'sv');
    let r = step(undefined, { type: 'start', category: 'malware' }, first);
    r = step(r.state, { type: 'text', text: 'youtube' }, first);
    r = step(r.state, { type: 'text', text: '1' }, first);
    const stored = JSON.stringify(r.state);

    const afterRestart = await demoContext(DEMO.anna, 'sv');
    let s = step(JSON.parse(stored) as DialogState, { type: 'text', text: 'En länk i en kommentar installerade en app.' }, afterRestart);
    expect(s.replies[0]!.text).toContain('När hände det?');
    s = step(s.state, choice(CHOICE.today), afterRestart);
    s = step(s.state, choice(CHOICE.noEvidence), afterRestart);
    s = step(s.state, choice(CHOICE.confirm), afterRestart);
    expect(s.effect).toEqual({
      type: 'submit',
      draft: {
        category: 'malware',
        immediateDanger: false,
        subjectIsManager: false,
        platform: 'youtube',
        accountKind: 'own_work_profile',
        description: 'En länk i en kommentar installerade en app.',
        occurredOn: '2026-03-16',
        evidence: { links: [], quotes: [], files: [] },
      },
    });
  });

  it('changing the platform from "other" drops the old service name', async () => {
    const ctx = await demoContext(DEMO.anna, 'sv');
    const state: DialogState = { version: 1, step: STEP.platform, mode: 'text', draft: { category: 'phishing', platformOther: 'Mastodon' } };
    const result = step(state, choice('facebook'), ctx);
    expect(result.state!.draft).toEqual({ category: 'phishing', platform: 'facebook' });
  });

  it('answering "yes, my manager" is refused when the directory offers nobody else', async () => {
    const ctx = { ...(await demoContext(DEMO.anna, 'sv')), alternateCandidates: () => [] };
    const state: DialogState = { version: 1, step: STEP.subjectIsManager, mode: 'text', draft: { category: 'harassment' } };
    const result = step(state, { type: 'text', text: 'ja' }, ctx);
    expect(result.state).toBe(state);
    expect(result.replies[0]!.text).toContain('Det finns ingen annan mottagare i katalogen.');
  });
});
