/**
 * Reports told the way upset staff write (short, slang, symptoms only) are recognised; a journalist's call
 * and false claims are recognised; and a message that only may be a report is answered with the report
 * offered beside the answer. The figures on the whole intent sets are measured by `somebot eval`.
 */
import path from 'node:path';
import { IntentClassifier } from '../../../src/core/intents/intentClassifier';
import { loadIntentCues } from '../../../src/core/intents/intentCues';
import { REPO_ROOT } from '../../../src/core/i18n';
import { Conversation, type ConversationSession } from '../../../src/core/conversation/conversation';
import { reportOfferChoiceId, parseReportOfferChoice } from '../../../src/core/conversation/reportOffer';
import { DialogSessions, conversationId } from '../../../src/core/reports/dialogSessions';
import { openTestReporting, type TestReporting } from '../../helpers/db';
import { testGuidelineRuntime } from '../../helpers/guidelineRuntime';
import { DEMO } from '../../helpers/reportFixtures';

const classifier = new IntentClassifier(loadIntentCues(path.join(REPO_ROOT, 'content', 'intents.yaml')));

describe('reports told by their symptoms', () => {
  it.each([
    ['sv', 'det har kommit inlägg på vår sida som ingen av oss har skrivit', 'report:identity_theft'],
    ['fi', 'salasana ei enää toimi ja sivulla on julkaisuja joita kukaan meistä ei ole tehnyt', 'report:identity_theft'],
    ['sv', 'nån trollar varje inlägg jag gör och kallar mig kärring', 'report:harassment'],
    ['fi', 'mua trollataan joka päivä ja kutsuvat mua lutkaksi', 'report:harassment'],
    ['sv', 'fick ett mejl där nån skrev att han ska slakta mig', 'report:threat'],
    ['fi', 'joku kirjoitti että tappaa mut kun lähden töistä', 'report:threat'],
    ['sv', 'alla filer på jobbdatorn heter .locked', 'report:malware'],
  ])('%s: %s → %s', (_lang, text, intent) => {
    expect(classifier.classify(text).intent).toBe(intent);
  });

  it.each([
    ['sv', 'en journalist från lokaltidningen ringde och vill ha en kommentar om mitt inlägg', 'media_contact'],
    ['fi', 'toimittaja soitti ja haluaa haastatella mua huomenna', 'media_contact'],
    ['sv', 'folk delar ett påhittat beslut om att kommunen stänger biblioteket', 'misinformation'],
    ['fi', 'facebookissa levitetään väärää väitettä että kunta myy sairaalan', 'misinformation'],
  ])('a journalist or false claims, told, get the answer with that report offered: %s: %s → %s', (_lang, text, category) => {
    expect(classifier.classify(text)).toMatchObject({ intent: 'question', possibleReport: { category } });
  });

  it.each([
    ['någon har skrivit rasistiska grejer i kommentarerna på vår fb-sida, får vi ta bort det'],
    ['joku jakoi sovelluksen fb-ryhmässä, saako sen asentaa'],
  ])('a later clause asking what one may do makes the message a question: %s', (text) => {
    expect(classifier.classify(text).intent).toBe('question');
  });

  it.each([
    ['jag kommer inte in på kommunens insta, kan inte logga in', 'identity_theft'],
    ['En kille skrev att han ska komma till jobbet och slå mig, vad gör jag?', 'threat'],
  ])('a later clause that tells, or asks for help, keeps the report: %s', (text, category) => {
    expect(classifier.classify(text).intent).toBe(`report:${category}`);
  });

  it.each([
    ['En journalist ringde mig om ett inlägg, vad gör jag?', 'media_contact'],
    ['Huomasin Facebookissa väärää tietoa kunnasta, mitä teen?', 'misinformation'],
    ['Vad gör jag om någon hotar mig i kommentarerna?', 'threat'],
    ['jag fick ett mejl från en journalist, får jag svara själv?', 'media_contact'],
  ])('asked about, it stays a question with the report offered: %s', (text, category) => {
    expect(classifier.classify(text)).toMatchObject({ intent: 'question', possibleReport: { category } });
  });

  it.each([['Hur ofta ska lösenorden bytas?'], ['Vilka hashtaggar använder kommunen?'], ['Om jag skulle bli hotad, vem anmäler jag till?']])(
    'a plain or hypothetical question offers nothing: %s',
    (text) => {
      expect(classifier.classify(text).possibleReport).toBeUndefined();
    },
  );
});

describe('the offer in the conversation', () => {
  const runtime = testGuidelineRuntime();
  let r: TestReporting;
  beforeEach(async () => {
    r = await openTestReporting('pglite');
  });
  afterEach(async () => {
    await r.dispose();
  });
  const conversation = () =>
    new Conversation({
      answerer: runtime.answerer,
      clock: r.clock,
      timeZone: 'Europe/Helsinki',
      reporting: {
        service: r.service,
        sessions: new DialogSessions<ConversationSession>({ store: r.store, clock: r.clock, ttlHours: 72 }),
        directory: r.directory,
        routingTable: r.routingTable,
      },
    });

  it('answers a doubtful message and offers the report in the same reply; the offer starts the dialog', async () => {
    const id = conversationId('test', 'anna');
    const c = conversation();
    const replies = await c.handle({ conversationId: id, personId: DEMO.anna, text: 'En journalist ringde mig om ett inlägg, vad gör jag?' });
    expect(replies).toHaveLength(1);
    const answer = replies[0]!;
    expect(answer.type).toBe('answer');
    if (answer.type !== 'answer') return;
    expect(answer.answer.reportOffer).toEqual({ category: 'media_contact' });

    const started = await c.handle({ conversationId: id, personId: DEMO.anna, choice: reportOfferChoiceId('media_contact') });
    expect(started.map((x) => (x.type === 'dialog' ? x.reply.text : '')).join('\n')).toContain('Kontakt från media');
  });

  it('reads offer choices back, and ignores other ids', () => {
    expect(parseReportOfferChoice(reportOfferChoiceId('threat'))).toEqual({ category: 'threat' });
    expect(parseReportOfferChoice(reportOfferChoiceId())).toEqual({});
    expect(parseReportOfferChoice('report.offer:nonsense')).toEqual({});
    expect(parseReportOfferChoice('confirm')).toBeUndefined();
  });
});

describe('what counts as a report cue for the question log', () => {
  it.each([
    ['Vem ansvarar för kommunens konton i sociala medier?'],
    ['Saako kunnan somessa vastata median kysymyksiin?'],
    ['Hur länge ska kommentarer på sidan sparas?'],
  ])('a guideline question with everyday hint words only is no report cue: %s', (text) => {
    expect(classifier.hasReportCue(text)).toBe(false);
  });

  it.each([['någon hotar mig i kommentarerna'], ['joku uhkailee mua'], ['en journalist ringde mig'], ['jag vill anmäla något']])(
    'a strong cue or a wish to report is: %s',
    (text) => {
      expect(classifier.hasReportCue(text)).toBe(true);
    },
  );
});
