import { Conversation, type ConversationReply, type ConversationSession } from '../../../src/core/conversation/conversation';
import { DialogSessions, conversationId } from '../../../src/core/reports/dialogSessions';
import { openTestReporting, type TestReporting } from '../../helpers/db';
import { testGuidelineRuntime } from '../../helpers/guidelineRuntime';
import { DEMO } from '../../helpers/reportFixtures';

const runtime = testGuidelineRuntime();

function conversationOn(r: TestReporting): Conversation {
  return new Conversation({
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
}

const texts = (replies: ConversationReply[]) =>
  replies.map((r) => (r.type === 'answer' ? r.answer.quoted.map((h) => h.passage.text).join('\n') : r.reply.text)).join('\n');

/** Typed answers through a threat report: not in danger, Facebook, organisation account, what, when, evidence, not the manager, confirm. */
const THREAT_ANSWERS = ['2', '1', '2', 'En man skrev att han vet var jag bor.', 'idag', 'https://facebook.com/kommun/posts/1', '2', '1'];

describe('Conversation', () => {
  let r: TestReporting;
  beforeEach(async () => {
    r = await openTestReporting('pglite');
  });
  afterEach(async () => {
    await r.dispose();
  });

  const id = conversationId('test', 'anna');

  it('answers a guideline question with a cited passage', async () => {
    const replies = await conversationOn(r).handle({ conversationId: id, personId: DEMO.anna, text: 'Hur ofta ska lösenorden bytas?' });
    expect(replies[0]).toEqual(expect.objectContaining({ type: 'answer', lang: 'sv' }));
    expect(texts(replies)).toContain('Lösenorden ska bytas');
  });

  it('turns a report into the guided dialog, submits it and shows the receipt', async () => {
    const conversation = conversationOn(r);
    const first = await conversation.handle({ conversationId: id, personId: DEMO.anna, text: 'Någon har hotat mig i kommentarerna' });
    expect(first.every((x) => x.type === 'dialog')).toBe(true);
    let last: ConversationReply[] = first;
    for (const answer of THREAT_ANSWERS) last = await conversation.handle({ conversationId: id, personId: DEMO.anna, text: answer });
    expect(texts(last)).toMatch(/SOME-\d{4}-\d{4}/);
    const reports = await r.store.listReports();
    expect(reports).toHaveLength(1);
    expect(reports[0]!.category).toBe('threat');
    // The dialog is over: the next message is a question again.
    const after = await conversation.handle({ conversationId: id, personId: DEMO.anna, text: 'Vilka hashtaggar använder kommunen?' });
    expect(after[0]!.type).toBe('answer');
  });

  it('does not ask again for the service the first message named, and says so; two services are asked about', async () => {
    const conversation = conversationOn(r);
    const sv = texts(await conversation.handle({ conversationId: id, personId: DEMO.anna, text: 'nån har hackat vår insta, kan inte logga in' }));
    expect(sv).toContain('Du nämnde Instagram, så jag har skrivit in det (du kan ändra det i sammanfattningen).');
    expect(sv).not.toContain('Var hände det?');
    const fiId = conversationId('test', 'mikko');
    const fi = texts(await conversation.handle({ conversationId: fiId, personId: DEMO.mikko, text: 'joku uhkailee mua tiktokissa' }));
    expect(fi).toContain('Mainitsit palvelun TikTok');
    expect(fi).not.toContain('Missä se tapahtui?');
    const helena = conversationId('test', 'helena');
    const both = texts(await conversation.handle({ conversationId: helena, personId: DEMO.helena, text: 'någon hotar mig på facebook och på instagram' }));
    expect(both).not.toContain('Du nämnde');
    expect(texts(await conversation.handle({ conversationId: helena, personId: DEMO.helena, text: 'nej' }))).toContain('Var hände det?');
  });

  it('resumes an unfinished dialog after a restart', async () => {
    await conversationOn(r).handle({ conversationId: id, personId: DEMO.anna, text: 'Någon har hotat mig i kommentarerna' });
    for (const answer of THREAT_ANSWERS.slice(0, 4)) await conversationOn(r).handle({ conversationId: id, personId: DEMO.anna, text: answer });
    let last: ConversationReply[] = [];
    for (const answer of THREAT_ANSWERS.slice(4)) last = await conversationOn(r).handle({ conversationId: id, personId: DEMO.anna, text: answer });
    expect(texts(last)).toMatch(/SOME-\d{4}-\d{4}/);
    expect(await r.store.listReports()).toHaveLength(1);
  });

  it('starts a report on request, in Finnish, and cancels it without a trace', async () => {
    const conversation = conversationOn(r);
    const start = await conversation.handle({ conversationId: id, personId: DEMO.mikko, text: 'ilmoita' });
    expect(start[0]).toEqual(expect.objectContaining({ type: 'dialog', lang: 'fi' }));
    const cancelled = await conversation.handle({ conversationId: id, personId: DEMO.mikko, text: 'peruuta' });
    expect(cancelled[0]!.type).toBe('dialog');
    expect(await r.store.listReports()).toHaveLength(0);
    expect((await conversation.handle({ conversationId: id, personId: DEMO.mikko, text: 'Kuka vastaa kunnan tiedottamisesta?' }))[0]!.type).toBe('answer');
  });

  it('tells a person missing from the directory, in their language, that it cannot take the report', async () => {
    const replies = await conversationOn(r).handle({ conversationId: id, personId: 'nobody', text: 'Minua uhkaillaan Facebookissa' });
    expect(texts(replies)).toMatch(/hakemistosta/);
    expect(await r.store.listReports()).toHaveLength(0);
  });

  it('answers a button of a dialog that has ended (sent, cancelled) by saying so, in the person’s language, and changes nothing', async () => {
    const conversation = conversationOn(r);
    await conversation.handle({ conversationId: id, personId: DEMO.anna, text: 'Någon har hotat mig i kommentarerna' });
    let summary: ConversationReply[] = [];
    for (const answer of THREAT_ANSWERS.slice(0, -1)) summary = await conversation.handle({ conversationId: id, personId: DEMO.anna, text: answer });
    const buttons = summary.flatMap((x) => (x.type === 'dialog' ? [...(x.reply.choices ?? []), ...(x.reply.changes ?? [])] : []));
    expect(buttons.map((b) => b.id)).toEqual(expect.arrayContaining(['confirm', 'change:description']));
    await conversation.handle({ conversationId: id, personId: DEMO.anna, text: THREAT_ANSWERS[THREAT_ANSWERS.length - 1]! });
    expect(await r.store.listReports()).toHaveLength(1);
    // The summary's buttons are still on the screen: a click on one must not read as an empty question.
    for (const old of ['confirm', 'change:description']) {
      const replies = await conversation.handle({ conversationId: id, personId: DEMO.anna, choice: old, localeHint: 'sv' });
      expect(replies).toHaveLength(1);
      expect(replies[0]!.type).toBe('dialog');
      expect(texts(replies)).toMatch(/avslutad/);
      expect(texts(replies)).not.toMatch(/Skriv din fråga/);
    }
    // Mikko's dialog ran in Finnish, his directory language, although the page around it is Swedish.
    const fi = await conversation.handle({ conversationId: conversationId('test', 'mikko'), personId: DEMO.mikko, choice: 'yes', localeHint: 'sv' });
    expect(fi[0]!.lang).toBe('fi');
    expect(texts(fi)).toMatch(/päättynyt/);
    expect(await r.store.listReports()).toHaveLength(1);
  });
});
