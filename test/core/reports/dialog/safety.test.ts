/** Immediate danger, the manager as the person reported, and a reporter without a manager. */
import { resolveRouting } from '../../../../src/core/reports/routing';
import { REPLY_KIND } from '../../../../src/core/reports/dialog/types';
import { DEMO, defaultRoutingTable, demoContext, demoDirectory } from '../../../helpers/reportFixtures';
import { CHOICE } from '../../../../src/core/reports/dialog/steps';
import { choice, kind, play, start, type Turn } from './transcript';

describe('immediate danger', () => {
  it.each([
    ['sv', DEMO.anna, 'threat', 'ja', 'Om någon är i omedelbar fara: ring 112 nu.', 'Var hände det?'],
    ['fi', DEMO.mikko, 'harassment', 'Kyllä', 'Jos joku on välittömässä vaarassa, soita heti 112.', 'Missä se tapahtui?'],
    ['sv', DEMO.anna, 'illegal_content', choice(CHOICE.yes), 'Om någon är i omedelbar fara: ring 112 nu.', 'Var hände det?'],
  ] as const)('%s %s: the 112 message is the first reply, then the dialog continues', async (lang, reporter, category, yes, message, next) => {
    const ctx = await demoContext(reporter, lang);
    const run = play([[start(category), kind('prompt')], [yes, kind('emergency')]], ctx);
    const [first, second] = run.final.replies;
    expect(first).toEqual({ kind: REPLY_KIND.emergency, text: message });
    expect(second!.kind).toBe(REPLY_KIND.prompt);
    expect(second!.text).toBe(next);
    expect(run.final.state!.draft.immediateDanger).toBe(true);
  });

  it('a form with immediate danger also puts the 112 message first', async () => {
    const ctx = await demoContext(DEMO.anna, 'sv');
    const run = play(
      [
        [
          {
            type: 'form',
            values: {
              category: 'threat',
              platform: 'x',
              accountKind: 'own_work_profile',
              description: 'Hot mot mig.',
              occurredOn: '2026-03-16',
              immediateDanger: true,
              subjectIsManager: false,
            },
          },
          '112',
        ],
      ],
      ctx,
    );
    expect(run.final.replies[0]!.kind).toBe(REPLY_KIND.emergency);
    expect(run.final.replies[1]!.kind).toBe(REPLY_KIND.preview);
    expect(run.final.replies[1]!.text).toContain('Anmälan märks som brådskande.');
  });
});

describe('the manager is the person reported', () => {
  const swedish: Turn[] = [
    [start('harassment'), 'Är någon i omedelbar fara just nu?'],
    ['nej', 'Var hände det?'],
    ['linkedin', 'Vilket konto gäller det?'],
    ['min arbetsprofil', 'Berätta kort vad som hände.'],
    ['Min chef skriver nedsättande kommentarer om mig.', 'När hände det?'],
    ['12.3.2026', 'Har du bevis?'],
    ['nej', 'Är den du anmäler din egen chef?'],
    ['ja', ['Då skickas anmälan inte till din chef. Vem ska få den i stället?', 'Kaisa Virtanen (din chefs chef)', 'Helena Aaltonen (HR)']],
    ['Kaisa Virtanen', ['Kaisa Virtanen – i stället för din chef']],
    ['skicka', { effect: 'submit' }],
  ];

  it('the report goes to the alternate the reporter chose, never to the manager', async () => {
    const ctx = await demoContext(DEMO.anna, 'sv');
    const run = play(swedish, ctx);
    const alternatePrompt = run.results[7]!.replies[0]!;
    expect(alternatePrompt.choices).toEqual([
      { id: DEMO.kaisa, label: 'Kaisa Virtanen (din chefs chef)' },
      { id: DEMO.helena, label: 'Helena Aaltonen (HR)' },
    ]);
    const preview = run.results[8]!.replies.find((r) => r.kind === REPLY_KIND.preview)!;
    expect(preview.text).not.toContain('Karin Nyström');
    const effect = run.final.effect!;
    if (effect.type !== 'submit') throw new Error('expected submit');
    expect(effect.draft).toMatchObject({ subjectIsManager: true, alternateRecipientId: DEMO.kaisa, occurredOn: '2026-03-12' });
    const decision = await resolveRouting(effect.draft, DEMO.anna, defaultRoutingTable(), await demoDirectory());
    expect(decision.recipients).toEqual([{ kind: 'person', personId: DEMO.kaisa, role: 'alternate' }]);
  });

  it('in Finnish, HR can be chosen by number', async () => {
    const ctx = await demoContext(DEMO.mikko, 'fi');
    const run = play(
      [
        [start('threat'), kind('prompt')],
        ['ei', 'Missä se tapahtui?'],
        ['tiktok', 'Mitä tiliä'],
        ['kunnan tili', 'Kerro lyhyesti'],
        ['Esihenkilöni uhkasi minua kommentissa.', 'Milloin'],
        ['eilen', 'todisteita'],
        ['ei', 'Onko henkilö, josta ilmoitat, oma esihenkilösi?'],
        ['kyllä', ['Kaisa Virtanen (esihenkilösi esihenkilö)', 'Helena Aaltonen (HR)']],
        ['2', 'Helena Aaltonen – esihenkilösi sijaan'],
        ['lähetä', { effect: 'submit' }],
      ],
      ctx,
    );
    expect(run.results[8]!.replies[0]!.text).not.toContain('Karin Nyström');
    expect(run.final.effect).toMatchObject({ draft: { alternateRecipientId: DEMO.helena, occurredOn: '2026-03-15' } });
  });
});

describe('a reporter with no manager in the directory', () => {
  it('is asked for one, with the managers as choices, and the preview names that manager', async () => {
    const ctx = await demoContext(DEMO.jussi, 'fi');
    const run = play(
      [
        [start('phishing'), 'Missä se tapahtui?'],
        ['facebook', 'Mitä tiliä'],
        ['2', 'Kerro lyhyesti'],
        ['Sain kalasteluviestin Messengerissä.', 'Milloin'],
        ['2026-03-10', 'todisteita'],
        ['https://example.com/kirjaudu', ['Esihenkilöäsi ei löydy hakemistosta. Kuka on esihenkilösi?', 'Karin Nyström (esihenkilö)']],
        ['karin nystrom', ['Karin Nyström – esihenkilösi', 'yhteinen kanava – tietohallinto']],
        ['kyllä', { effect: 'submit' }],
      ],
      ctx,
    );
    expect(run.results[5]!.replies[0]!.choices).toEqual([
      { id: DEMO.kaisa, label: 'Kaisa Virtanen (esihenkilö)' },
      { id: DEMO.karin, label: 'Karin Nyström (esihenkilö)' },
    ]);
    expect(run.final.effect).toMatchObject({
      draft: { managerId: DEMO.karin, evidence: { links: ['https://example.com/kirjaudu'], quotes: [], files: [] } },
    });
  });

  it('takes a manager’s first or last name alone when only one offered person has it', async () => {
    const ctx = await demoContext(DEMO.jussi, 'fi');
    const upToManager: Turn[] = [
      [start('phishing'), 'Missä se tapahtui?'],
      ['facebook', 'Mitä tiliä'],
      ['2', 'Kerro lyhyesti'],
      ['Sain kalasteluviestin Messengerissä.', 'Milloin'],
      ['2026-03-10', 'todisteita'],
      ['ei', 'Kuka on esihenkilösi?'],
    ];
    for (const [typed, id] of [['karin', DEMO.karin], ['Nyström', DEMO.karin], ['kaisa', DEMO.kaisa], ['virtanen', DEMO.kaisa]] as const) {
      const run = play([...upToManager, [typed, 'Lähetetäänkö ilmoitus?']], ctx);
      expect([typed, run.final.state?.draft.managerId]).toEqual([typed, id]);
    }
  });
});
