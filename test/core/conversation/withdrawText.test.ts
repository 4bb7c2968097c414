/**
 * The typed withdraw (text doors): "återkalla SOME-…" / "peru SOME-…" / "withdraw SOME-…" asks the same
 * question as the Withdraw button, then waits for the dialog's yes or no (or the choice buttons); only yes
 * withdraws, no changes nothing and says so, anything else asks again. Real Conversation, ReportService, PGlite.
 */
import { Conversation, type ConversationReply, type ConversationSession } from '../../../src/core/conversation/conversation';
import { withdrawCommand } from '../../../src/core/conversation/withdrawCommand';
import { isCommandOf, isReportCommand } from '../../../src/core/conversation/reportCommand';
import { findReference, parseReference } from '../../../src/core/reports/reference';
import { DialogSessions, conversationId } from '../../../src/core/reports/dialogSessions';
import { closeSharedPglite, draft, openTestReporting, type TestReporting } from '../../helpers/db';
import { testGuidelineRuntime } from '../../helpers/guidelineRuntime';
import { DEMO } from '../../helpers/reportFixtures';

const runtime = testGuidelineRuntime();
afterAll(closeSharedPglite);

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

const only = (replies: ConversationReply[]) => {
  expect(replies).toHaveLength(1);
  const [reply] = replies;
  if (reply?.type !== 'dialog') throw new Error(`expected a dialog reply, got ${JSON.stringify(reply)}`);
  return reply.reply;
};

describe('typed withdraw', () => {
  let r: TestReporting;
  beforeEach(async () => {
    r = await openTestReporting('pglite');
  });
  afterEach(async () => {
    await r.dispose();
  });

  it('reads the command words of every language with a reference, and nothing else', () => {
    expect(withdrawCommand('återkalla SOME-2026-0042')).toEqual({ reference: 'SOME-2026-0042' });
    expect(withdrawCommand('Återkalla anmälan some-2026-42.')).toEqual({ reference: 'SOME-2026-0042' });
    expect(withdrawCommand('peru ilmoitus SOME-2026-0042')).toEqual({ reference: 'SOME-2026-0042' });
    expect(withdrawCommand('withdraw SOME-2026-7')).toEqual({ reference: 'SOME-2026-0007' });
    expect(withdrawCommand('återkalla')).toEqual({});
    expect(withdrawCommand('Hur återkallar jag ett inlägg på Facebook?')).toBeUndefined();
    expect(withdrawCommand('SOME-2026-0042')).toBeUndefined();
  });

  it('reads a reference in the command exactly as parseReference reads it alone, and the words as the report command reads its own', () => {
    // Leading zeros beyond nine digits: parseReference takes them, so the command does too.
    expect(parseReference('SOME-2026-0000000042')).toBe('SOME-2026-0042');
    expect(withdrawCommand('återkalla SOME-2026-0000000042')).toEqual({ reference: 'SOME-2026-0042' });
    expect(findReference('peru some-2026-7 nyt')).toEqual({ typed: 'some-2026-7', reference: 'SOME-2026-0007' });
    // A sequence of 0 is no reference: the command is still one, asking for the reference.
    expect(parseReference('SOME-2026-0000')).toBeUndefined();
    expect(withdrawCommand('återkalla SOME-2026-0000')).toEqual({});
    // The same word-by-word reading as the report command (case, punctuation, at most a few words).
    expect(isCommandOf('Anmäl!', 'conversation:reportCommands', 3)).toBe(isReportCommand('Anmäl!'));
    expect(withdrawCommand('ÅTERKALLA, SOME-2026-0042!')).toEqual({ reference: 'SOME-2026-0042' });
  });

  it('in a shared conversation only the reporter answers the question: another person\'s "nej" and "ja" end nothing', async () => {
    const conversation = conversationOn(r);
    const shared = conversationId('test', 'shared-thread');
    const { reference } = await r.service.submit(draft({ category: 'harassment' }), DEMO.anna);
    only(await conversation.handle({ conversationId: shared, personId: DEMO.anna, text: `återkalla ${reference}` }));
    for (const text of ['nej', 'ja']) {
      const replies = await conversation.handle({ conversationId: shared, personId: DEMO.karin, text });
      expect(JSON.stringify(replies)).not.toContain(`Anmälan ${reference} är inte återkallad`);
    }
    expect((await r.store.getReport(reference))!.status).toBe('submitted');
    const done = only(await conversation.handle({ conversationId: shared, personId: DEMO.anna, text: 'ja' }));
    expect(done.kind).toBe('done');
    expect((await r.store.getReport(reference))!.status).toBe('withdrawn');
  });

  it('asks, takes no for no change and yes for the withdraw, once', async () => {
    const conversation = conversationOn(r);
    const anna = conversationId('test', 'anna');
    const say = (text: string, personId: string = DEMO.anna, id = anna) => conversation.handle({ conversationId: id, personId, text });
    const { reference } = await r.service.submit(draft({ category: 'harassment' }), DEMO.anna);
    const status = async () => (await r.store.getReport(reference))!.status;

    const asked = only(await say(`återkalla ${reference}`));
    expect(asked.text).toBe(`Vill du verkligen återkalla anmälan ${reference}? Mottagarna får veta att den återkallats.`);
    expect(asked.choices).toEqual([
      { id: 'report.withdraw_confirm', label: 'Återkalla' },
      { id: 'cancel', label: 'Avbryt' },
    ]);
    // Something else than yes or no: asked again, with how to answer.
    expect(only(await say('kanske')).text).toBe(`Svara ”ja” för att återkalla eller ”nej” för att avbryta.\n${asked.text}`);
    expect(only(await say('nej')).text).toBe(`Anmälan ${reference} är inte återkallad. Inget har ändrats.`);
    expect(await status()).toBe('submitted');
    // The question is over: "ja" now is an ordinary message, and nothing is withdrawn.
    await say('ja');
    expect(await status()).toBe('submitted');

    // Karin, who received it, may not.
    expect(only(await say(`återkalla ${reference}`, DEMO.karin, conversationId('test', 'karin'))).kind).toBe('error');

    // Finnish command words, Swedish yes: withdrawn, and the reply is "done" (doors deliver the news at once).
    only(await say(`peru ${reference}`));
    const done = only(await say('ja'));
    expect(done.kind).toBe('done');
    expect(done.text).toContain(`Du har återkallat anmälan ${reference}.`);
    expect(await status()).toBe('withdrawn');
    const late = only(await say(`återkalla ${reference}`));
    expect(late.kind).toBe('error');
    expect(late.text).toMatch(new RegExp(`^Det går inte längre\\. ${reference}: Återkallad\\.`));
    expect((await r.store.timeline(reference)).filter((e) => e.event === 'withdrawn')).toHaveLength(1);

    expect(only(await say('återkalla')).text).toMatch(/^Skriv anmälans nummer efter ordet, till exempel ”återkalla SOME-\d{4}-0042”\.$/);
  });

  it('takes the question’s buttons as the answer', async () => {
    const conversation = conversationOn(r);
    const id = conversationId('web', 'anna');
    const { reference } = await r.service.submit(draft({ category: 'harassment' }), DEMO.anna, { lang: 'fi' });
    const asked = only(await conversation.handle({ conversationId: id, personId: DEMO.anna, text: `withdraw ${reference}` }));
    expect(asked.text).toContain('Haluatko varmasti perua ilmoituksen');
    const cancelled = only(await conversation.handle({ conversationId: id, personId: DEMO.anna, choice: 'cancel' }));
    expect(cancelled.text).toBe(`Ilmoitusta ${reference} ei peruttu. Mitään ei muutettu.`);
    // A confirm button of a question already answered belongs to nothing now: nothing is withdrawn.
    await conversation.handle({ conversationId: id, personId: DEMO.anna, choice: 'report.withdraw_confirm' });
    expect((await r.store.getReport(reference))!.status).toBe('submitted');
    only(await conversation.handle({ conversationId: id, personId: DEMO.anna, text: `withdraw ${reference}` }));
    expect(only(await conversation.handle({ conversationId: id, personId: DEMO.anna, choice: 'report.withdraw_confirm' })).kind).toBe('done');
    expect((await r.store.getReport(reference))!.status).toBe('withdrawn');
  });
});
