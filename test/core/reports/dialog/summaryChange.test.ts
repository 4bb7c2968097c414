/**
 * The summary before sending shows every answer, numbered, and any answer can be changed from it: typed
 * ("ändra 5", "muuta 4", "change 3") or with the summary's change buttons. Transcripts in Swedish and Finnish.
 */
import { step } from '../../../../src/core/reports/dialog/dialog';
import { CHOICE, STEP } from '../../../../src/core/reports/dialog/steps';
import { REPLY_KIND, type DialogStep } from '../../../../src/core/reports/dialog/types';
import { DEMO, demoContext } from '../../../helpers/reportFixtures';
import { allText, choice, play, start, type Turn } from './transcript';

const DESCRIPTION = 'Samma konto skriver elaka kommentarer om mig under varje inlägg.';

/** Anna (sv) reports harassment and reaches the summary. */
const swedishToSummary: Turn[] = [
  [start('harassment'), 'Är någon i omedelbar fara just nu?'],
  ['nej', 'Var hände det?'],
  ['Instagram', 'Vilket konto gäller det?'],
  ['min privata profil', 'Berätta kort vad som hände.'],
  [DESCRIPTION, 'När hände det?'],
  ['i går', 'Har du bevis?'],
  ['https://www.instagram.com/p/abc123\n”Du är så jävla dum”\nskarmdump.png', 'Är den du anmäler din egen chef?'],
  [
    'nej',
    [
      'Kontrollera innan du skickar.',
      '1. Vad gäller det: Trakasserier',
      '2. Någon i omedelbar fara: Nej',
      '3. Var: Instagram',
      '4. Konto: Min privata profil',
      `5. Vad hände: ${DESCRIPTION}`,
      '6. När: 2026-03-15',
      '7. Bevis:\n   – https://www.instagram.com/p/abc123\n   – “”Du är så jävla dum””\n   – skarmdump.png',
      '8. Den du anmäler är din chef: Nej',
      'Skriv ”ändra” och numret, till exempel ”ändra 5”.',
      'Karin Nyström – din chef',
      'Vill du skicka anmälan?',
    ],
  ],
];

const preview = (result: DialogStep) => result.replies.find((r) => r.kind === REPLY_KIND.preview)!;

describe('summary and change (sv)', () => {
  it('shows every answer, numbered, with a change button per answer', async () => {
    const run = play(swedishToSummary, await demoContext(DEMO.anna, 'sv'));
    const summary = preview(run.final);
    expect(summary.choices?.map((c) => c.id)).toEqual([CHOICE.confirm, CHOICE.cancel]);
    expect(summary.changes?.map((c) => c.id)).toEqual([
      'change:category',
      'change:immediate_danger',
      'change:platform',
      'change:account_kind',
      'change:description',
      'change:occurred_on',
      'change:evidence',
      'change:subject_is_manager',
    ]);
    expect(summary.changes?.[4]?.label).toBe('Ändra 5: Vad hände');
  });

  it('"ändra 5" reopens the description with the current text, and the summary shows the new one', async () => {
    const run = play(
      [
        ...swedishToSummary,
        ['ändra 5', ['Ändra svar 5 (Vad hände). Nu: Samma konto skriver', 'Berätta kort vad som hände.']],
        ['Det är tre olika konton som skriver samma sak.', ['5. Vad hände: Det är tre olika konton som skriver samma sak.', '3. Var: Instagram', 'Vill du skicka anmälan?']],
        ['ja', { effect: 'submit' }],
      ],
      await demoContext(DEMO.anna, 'sv'),
    );
    expect(run.final.effect).toMatchObject({ type: 'submit', draft: { description: 'Det är tre olika konton som skriver samma sak.', platform: 'instagram', accountKind: 'private_profile', occurredOn: '2026-03-15' } });
  });

  it('a button of the earlier summary, clicked while a reopened question waits, is explained and nothing is sent', async () => {
    const run = play(
      [
        ...swedishToSummary,
        ['ändra 6', 'När hände det?'],
        [choice(CHOICE.confirm), (result) => {
          expect(result.effect).toBeUndefined();
          expect(allText(result)).toContain('Den här knappen hör till en tidigare fråga');
          expect(allText(result)).not.toContain('Välj ett av alternativen');
          expect(allText(result)).toContain('När hände det?');
        }],
        ['i förrgår', ['6. När: 2026-03-14', 'Vill du skicka anmälan?']],
      ],
      await demoContext(DEMO.anna, 'sv'),
    );
    expect(run.final.state?.step).toBe(STEP.confirm);
  });

  it('a change button works like the typed command, and "other" asks for the service again', async () => {
    const run = play(
      [
        ...swedishToSummary,
        [choice('change:platform'), ['Ändra svar 3 (Var). Nu: Instagram', 'Var hände det?']],
        ['Annan tjänst', 'Vilken tjänst? Skriv namnet.'],
        ['Mastodon', ['3. Var: Annan tjänst: Mastodon', 'Vill du skicka anmälan?']],
        ['ja', { effect: 'submit' }],
      ],
      await demoContext(DEMO.anna, 'sv'),
    );
    expect(run.final.effect).toMatchObject({ draft: { platform: 'other', platformOther: 'Mastodon' } });
  });

  it('a service that has no button of its own, typed by name, is taken as "other" with that name', async () => {
    const run = play(
      [
        ...swedishToSummary,
        ['ändra 3', 'Var hände det?'],
        ['Snapchat', ['3. Var: Annan tjänst: Snapchat', 'Vill du skicka anmälan?']],
        ['ändra 3', 'Var hände det?'],
        ['i whatsapp', ['3. Var: Annan tjänst: WhatsApp', 'Vill du skicka anmälan?']],
        ['ändra 3', 'Var hände det?'],
        ['vet inte', 'Jag förstod inte svaret.'],
      ],
      await demoContext(DEMO.anna, 'sv'),
    );
    expect(run.final.state?.draft).toMatchObject({ platform: 'other', platformOther: 'WhatsApp' });
  });

  it('a new category asks again what depends on it', async () => {
    const run = play(
      [
        ...swedishToSummary,
        ['ändra 1', 'Vad vill du anmäla?'],
        ['Hot', 'Är någon i omedelbar fara just nu?'],
        ['nej', 'Är den du anmäler din egen chef?'],
        ['nej', ['1. Vad gäller det: Hot', '5. Vad hände:']],
      ],
      await demoContext(DEMO.anna, 'sv'),
    );
    expect(run.final.state?.draft).toMatchObject({ category: 'threat', immediateDanger: false, subjectIsManager: false, description: DESCRIPTION });
  });

  it('saying the manager is the person reported asks for the other recipient and lists it', async () => {
    const run = play(
      [
        ...swedishToSummary,
        ['ändra 8', 'Är den du anmäler din egen chef?'],
        ['ja', 'Vem ska få den i stället?'],
        ['1', ['8. Den du anmäler är din chef: Ja', '9. Får anmälan i stället för din chef: Kaisa Virtanen']],
      ],
      await demoContext(DEMO.anna, 'sv'),
    );
    expect(preview(run.final).changes).toHaveLength(9);
    expect(allText(run.final)).not.toContain('Karin Nyström – din chef');
  });

  it.each([
    ['ändra 12', 'Det finns inget svar med nummer 12. Välj ett nummer mellan 1 och 8.'],
    ['ändra', 'Skriv ”ändra” och numret på svaret du vill ändra, till exempel ”ändra 3”.'],
  ])('"%s" explains and keeps the summary as it was', async (typed, error) => {
    const ctx = await demoContext(DEMO.anna, 'sv');
    const before = play(swedishToSummary, ctx).final.state!;
    const result = step(before, { type: 'text', text: typed }, ctx);
    expect(result.state).toBe(before);
    expect(result.replies[0]).toEqual({ kind: REPLY_KIND.error, text: error });
    expect(result.replies[1]?.text).toBe('Vill du skicka anmälan?');
  });

  it('"change 6" (English words work in any language) takes a relative date', async () => {
    const run = play([...swedishToSummary, ['change 6', 'När hände det?'], ['sedan förra veckan', '6. När: sedan 2026-03-09, pågår fortfarande']], await demoContext(DEMO.anna, 'sv'));
    expect(run.final.state?.draft).toMatchObject({ occurredOn: '2026-03-09', ongoing: true });
  });

  it('a change button from a form summary continues as typed questions', async () => {
    const ctx = await demoContext(DEMO.anna, 'sv');
    const form = step(undefined, { type: 'form', values: { category: 'phishing', platform: 'facebook', accountKind: 'organisation_account', description: 'Ett mejl bad mig logga in.', occurredOn: '2026-03-16', evidence: '' } }, ctx);
    expect(form.state?.mode).toBe('form');
    const change = step(form.state, { type: 'choice', id: 'change:description' }, ctx);
    expect(change.state).toMatchObject({ step: STEP.description, mode: 'text' });
    const back = step(change.state, { type: 'text', text: 'Ett sms bad mig logga in.' }, ctx);
    expect(back.state?.step).toBe(STEP.confirm);
    expect(allText(back)).toContain('4. Vad hände: Ett sms bad mig logga in.');
  });
});

describe('summary and change (fi)', () => {
  const finnishToSummary: Turn[] = [
    [start('phishing'), 'Missä se tapahtui?'],
    ['Facebook', 'Mitä tiliä asia koskee?'],
    ['kunnan tili', 'Kerro lyhyesti'],
    ['Meta Support -niminen tili pyysi vahvistamaan sivun linkistä.', 'Milloin se tapahtui?'],
    ['toissapäivänä', 'Onko sinulla todisteita?'],
    ['ei', ['Tarkista ennen lähettämistä.', '1. Mitä se koskee: Tietojenkalastelu', '3. Tili: Kunnan tili', '4. Mitä tapahtui: Meta Support -niminen tili pyysi vahvistamaan sivun linkistä.', '5. Milloin: 14.3.2026', '6. Todisteet: ei liitteitä', '”muuta 4”']],
  ];

  it('"muuta 3" changes the account and the summary shows it', async () => {
    const run = play(
      [...finnishToSummary, ['muuta 3', ['Muuta vastausta 3 (Tili). Nyt: Kunnan tili', 'Mitä tiliä asia koskee?']], ['1', '3. Tili: Oma työprofiilini'], ['kyllä', { effect: 'submit' }]],
      await demoContext(DEMO.mikko, 'fi'),
    );
    expect(run.final.effect).toMatchObject({ draft: { accountKind: 'own_work_profile', occurredOn: '2026-03-14' } });
  });

  it('quotes the Swedish-only rule with the note that it exists only in Swedish', async () => {
    const summary = allText(play(finnishToSummary, await demoContext(DEMO.mikko, 'fi')).final);
    expect(summary).toMatch(/”Om man märker eller ens misstänker[^\n]*” \(Kyrkslätts kommun[^\n]*\) Teksti on olemassa vain ruotsiksi\./);
    // Read in its own language, a rule needs no such note.
    const swedish = allText(play(swedishToSummary, await demoContext(DEMO.anna, 'sv')).final);
    expect(swedish).toContain('”Den som producerar innehåll i sociala medier ska omedelbart meddela sin chef');
    expect(swedish).not.toMatch(/bara på svenska/);
  });

  it('"muuta 9" names the numbers there are, in Finnish', async () => {
    play([...finnishToSummary, ['muuta 9', 'Vastausta numero 9 ei ole. Valitse numero väliltä 1–6.']], await demoContext(DEMO.mikko, 'fi'));
  });
});
