import os from 'node:os';
import path from 'node:path';
import fs from 'node:fs';
import { createGuidelineRuntime, guidelineSettings, teachRuntime, type GuidelineRuntime } from '../../../src/app/guidelineRuntime';
import { contentCommand } from '../../../src/cli/commands/content';
import type { CliIo } from '../../../src/cli/command';
import { AlreadyTaughtError, ContentOwners, TeachingError } from '../../../src/core/content/contentOwners';
import { ContentReloader } from '../../../src/core/content/contentReloader';
import { learnedFromItems, readLearnedFile } from '../../../src/core/content/learnedContent';
import { QuestionLog } from '../../../src/core/content/questionLog';
import { Conversation, type ConversationReply, type ConversationSession } from '../../../src/core/conversation/conversation';
import { DialogSessions } from '../../../src/core/reports/dialogSessions';
import { renderAnswerText } from '../../../src/core/guidelines/answerText';
import { silentLogger } from '../../../src/core/logger';
import type { Reporting } from '../../../src/reporting';
import { BACKENDS, closeSharedPglite, openTestReporting, type TestReporting } from '../../helpers/db';
import { DEMO } from '../../helpers/reportFixtures';

afterAll(closeSharedPglite);

const DAY = 24 * 60 * 60 * 1000;

/** A runtime of its own (teaching changes it), on a temporary index file. */
function freshRuntime(): GuidelineRuntime {
  return createGuidelineRuntime({ ...guidelineSettings({}), indexFile: path.join(os.tmpdir(), `somebot-content-loop-${process.pid}.json`) });
}

describe.each(BACKENDS)('the content owners loop (%s)', (backend) => {
  let r: TestReporting;
  let runtime: GuidelineRuntime;
  let log: QuestionLog;
  let conversation: Conversation;
  beforeAll(async () => {
    runtime = freshRuntime();
  });
  beforeEach(async () => {
    r = await openTestReporting(backend);
    log = new QuestionLog({ store: r.store, clock: r.clock, classifier: () => runtime.classifier, keepDays: 90 });
    conversation = new Conversation({
      answerer: runtime.answerer,
      clock: r.clock,
      timeZone: 'Europe/Helsinki',
      questionLog: log,
      reporting: { service: r.service, sessions: new DialogSessions<ConversationSession>({ store: r.store, clock: r.clock, ttlHours: 72 }), directory: r.directory, routingTable: r.routingTable },
    });
  });
  afterEach(async () => {
    await r.dispose();
  });

  const ask = (text: string, door = 'web', person: string = DEMO.anna): Promise<ConversationReply[]> =>
    conversation.handle({ conversationId: `${door}:${person}`, personId: person, text });
  const answerOf = (replies: ConversationReply[]) => {
    const reply = replies.find((x) => x.type === 'answer');
    if (!reply || reply.type !== 'answer') throw new Error('no answer reply');
    return reply.answer;
  };

  async function run(args: string[]): Promise<{ code: number; out: string; err: string }> {
    const out: string[] = [];
    const err: string[] = [];
    const io: CliIo = { out: (t) => out.push(t), err: (t) => err.push(t), stdin: process.stdin };
    const reporting = { store: r.store, directory: r.directory, close: async () => undefined } as unknown as Reporting;
    const code = await contentCommand({ env: { SOMEBOT_LANG: 'en' }, open: async () => reporting }).run(args, io);
    return { code, out: out.join('\n'), err: err.join('\n') };
  }

  it('keeps unanswered questions without a name, encrypted, and says so in the reply', async () => {
    const answer = answerOf(await ask('Hur bokar jag ett mötesrum i stadshuset?'));
    expect(answer.answered).toBe(false);
    expect(answer.keptDays).toBe(90);
    expect(renderAnswerText(answer, 'x@example.org')).toContain('utan namn');
    const rows = await r.driver.query<Record<string, unknown>>('SELECT * FROM question_log');
    expect(rows).toHaveLength(1);
    const raw = JSON.stringify(rows[0], (_k, v: unknown) => (v instanceof Uint8Array ? Buffer.from(v).toString('latin1') : v));
    expect(raw).not.toContain('mötesrum');
    expect(raw).not.toContain(DEMO.anna);
    expect(Object.keys(rows[0]!)).not.toEqual(expect.arrayContaining(['person_id']));
    const [kept] = await r.store.loggedQuestions(new Date(0));
    expect(kept).toMatchObject({ kind: 'unanswered', question: 'Hur bokar jag ett mötesrum i stadshuset?', lang: 'sv', door: 'web' });
  });

  it('keeps nothing that may be a report, nothing answered, and nothing at all with 0 days', async () => {
    await ask('någon hotar mig i kommentarerna');
    await ask('Vad gör jag om någon hotar mig på nätet?', 'web', DEMO.mikko);
    await ask('Får jag använda emojis i kommunens inlägg?', 'slack', DEMO.karin);
    expect(await r.store.loggedQuestions(new Date(0))).toEqual([]);
    // An answer that offers a report is never kept, whatever words the message has.
    const unanswered = answerOf(await ask('Hur bokar jag ett mötesrum i stadshuset?', 'web', DEMO.mikko));
    await r.driver.query('DELETE FROM question_log WHERE kind = $1', ['unanswered']);
    expect(await log.noteAnswer('Hur bokar jag ett mötesrum i stadshuset?', { ...unanswered, reportOffer: {} }, 'web')).toBe(false);
    expect(await r.store.loggedQuestions(new Date(0))).toEqual([]);
    // The answered one is held (a day at most) only in case it is marked "not helpful".
    expect((await r.driver.query<{ kind: string }>('SELECT kind FROM question_log')).map((x) => x.kind)).toEqual(['held']);
    await r.driver.query('DELETE FROM question_log');
    const off = new QuestionLog({ store: r.store, clock: r.clock, classifier: () => runtime.classifier, keepDays: 0 });
    const quiet = new Conversation({ answerer: runtime.answerer, clock: r.clock, timeZone: 'Europe/Helsinki', questionLog: off });
    const [reply] = await quiet.handle({ conversationId: 'web:x', personId: 'x', text: 'Hur bokar jag ett mötesrum?' });
    expect(reply?.type === 'answer' && reply.answer.keptDays).toBeFalsy();
    expect((await r.driver.query('SELECT * FROM question_log')).length).toBe(0);
  });

  it('keeps an answered question only when it is marked not helpful', async () => {
    const helpful = answerOf(await ask('Får jag använda emojis i kommunens inlägg?'));
    const unhelpful = answerOf(await ask('Saako kunnan somessa käyttää murretta?', 'teams', DEMO.mikko));
    expect(helpful.answered && unhelpful.answered).toBe(true);
    const verdict = (answerId: string, ok: boolean, a: typeof helpful) =>
      log.recordFeedback({ answerId, platform: 'web', helpful: ok, lang: a.lang, answered: true, passageId: a.quoted[0]!.passage.id, at: r.clock.now() });
    await verdict(helpful.answerId!, true, helpful);
    await verdict(unhelpful.answerId!, false, unhelpful);
    const logged = await r.store.loggedQuestions(new Date(0));
    expect(logged).toHaveLength(1);
    expect(logged[0]).toMatchObject({ kind: 'unhelpful', question: 'Saako kunnan somessa käyttää murretta?', passageId: unhelpful.quoted[0]!.passage.id });
    // Held answers without a verdict are gone after a day; unhelpful ones after the keeping period.
    r.clock.advance(2 * DAY);
    await r.retention.purge();
    expect((await r.driver.query(`SELECT kind FROM question_log`)).map((x) => (x as { kind: string }).kind)).toEqual(['unhelpful']);
    r.clock.advance(90 * DAY);
    const purged = await r.retention.purge();
    expect(purged.questions).toBe(1);
    expect(await r.store.loggedQuestions(new Date(0))).toEqual([]);
  });

  it('review groups the same question typed differently, counts it, and names no one', async () => {
    // `review` looks back from the real time.
    r.clock.advance(Date.now() - r.clock.now().getTime());
    await ask('Hur bokar jag ett mötesrum?');
    await ask('hur bokar jag ett MÖTESRUM', 'slack', DEMO.karin);
    await ask('Hur bokar jag ett mötesrum ??', 'teams', DEMO.timo);
    await ask('Vem godkänner mina övertimmar?');
    const denied = await run(['review', '--as', DEMO.anna]);
    expect(denied.code).toBe(2);
    const result = await run(['review', '--json', '--as', DEMO.sofia]);
    expect(result.code).toBe(0);
    const json = JSON.parse(result.out) as { questions: { text: string; count: number; doors: string[]; lang: string }[] };
    expect(json.questions[0]).toMatchObject({ count: 3, lang: 'sv', doors: ['slack', 'teams', 'web'] });
    expect(json.questions[1]).toMatchObject({ count: 1, text: 'Vem godkänner mina övertimmar?' });
    for (const id of Object.values(DEMO)) expect(result.out).not.toContain(id);
    const text = await run(['review', '--admin']);
    expect(text.out).toContain('3×');
  });

  it('learn --passage answers the question at once in a running bot, and --undo takes it back', async () => {
    const question = 'Kan jag skriva på dialekt i kommunens kanaler?';
    expect(runtime.answerer.answer(question).answered).toBe(false);
    const target = [...runtime.index.passages.keys()].find((id) => id.startsWith('kyrkslatt-anvisningar#'))!;
    const reloader = new ContentReloader({ store: r.store, logger: silentLogger, pollMs: 60_000, apply: (l) => teachRuntime(runtime, l) });
    await reloader.check();
    expect((await run(['learn', question, '--passage', 'nonexistent#9.9', '--as', DEMO.sofia])).code).toBe(2);
    const taught = await run(['learn', question, '--passage', target, '--as', DEMO.sofia]);
    expect(taught.code).toBe(0);
    await reloader.check();
    const after = runtime.answerer.answer(question);
    expect(after.answered).toBe(true);
    expect(after.quoted[0]!.passage.id).toBe(target);
    const [item] = await r.store.learnedItems();
    expect(item).toMatchObject({ kind: 'example_question', passageId: target, taughtBy: `person:${DEMO.sofia}` });
    expect((await run(['learned', '--undo', String(item!.id), '--as', DEMO.sofia])).code).toBe(0);
    await reloader.check();
    expect(runtime.answerer.answer(question).answered).toBe(false);
    expect((await run(['learned', '--undo', String(item!.id), '--admin'])).code).toBe(1);
  });

  it('learn --out-of-scope declines the matter from then on; --contact names whom to ask', async () => {
    const reloader = new ContentReloader({ store: r.store, logger: silentLogger, pollMs: 60_000, apply: (l) => teachRuntime(runtime, l) });
    await reloader.check();
    expect(runtime.answerer.answer('Får jag ta med hunden till jobbet?').reason).not.toBe('off_topic');
    const taught = await run(['learn', 'Får jag ta med hunden till jobbet?', '--out-of-scope', '--as', DEMO.sofia]);
    expect(taught.code).toBe(0);
    expect((await run(['learn', 'Får jag dela kommunens inlägg?', '--out-of-scope', '--admin'])).code).toBe(2);
    await run(['learn', 'Vem godkänner mina övertimmar?', '--contact', 'hr@kyrkslatt.example', '--admin']);
    await reloader.check();
    expect(runtime.answerer.answer('Får man ha hunden med på jobbet?').reason).toBe('off_topic');
    const overtime = runtime.answerer.answer('vem godkänner övertimmar');
    expect(overtime.answered).toBe(false);
    expect(renderAnswerText(overtime, 'viestinta@kirkkonummi.fi')).toContain('hr@kyrkslatt.example');
    // export-learned writes the readable file content/ can keep; reading it gives the same teachings.
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'somebot-learned-'));
    const file = path.join(dir, 'learned.yaml');
    expect((await run(['export-learned', '--out', file, '--admin'])).code).toBe(0);
    expect(readLearnedFile(file)).toEqual(learnedFromItems(await r.store.learnedItems()));
    fs.rmSync(dir, { recursive: true, force: true });
    // Undo everything so the shared runtime is as it was.
    for (const item of await r.store.learnedItems()) await r.store.undoLearned(item.id, 'admin:test', r.clock.now());
    await reloader.check();
    expect(runtime.answerer.answer('Får man ha hunden med på jobbet?').reason).not.toBe('off_topic');
  });
  it('the same teaching twice is stored once: the CLI says it is already taught and exits 0, nothing changes', async () => {
    const question = 'Kan jag skriva på dialekt i kommunens kanaler?';
    const [target, other] = [...runtime.index.passages.keys()].filter((id) => id.startsWith('kyrkslatt-anvisningar#'));
    const first = await run(['learn', question, '--passage', target!, '--lang', 'sv', '--as', DEMO.sofia]);
    expect(first.code).toBe(0);
    const [item] = await r.store.learnedItems();
    // Again, and typed differently (case, punctuation, spaces): the same teaching.
    for (const again of [question, '  kan jag skriva PÅ DIALEKT i kommunens kanaler ']) {
      const res = await run(['learn', again, '--passage', target!, '--lang', 'sv', '--admin']);
      expect(res.code).toBe(0);
      expect(res.out).toContain(`Already taught as #${item!.id}`);
      expect(res.out).toContain('Nothing changed');
    }
    expect(await r.store.learnedItems({ includeUndone: true })).toHaveLength(1);
    // The core refuses it whoever asks; another passage, or another person to ask, is a new teaching.
    const owners = new ContentOwners({ store: r.store, clock: r.clock, index: () => runtime.index });
    await expect(owners.teach({ question, passageId: target! }, 'admin:test')).rejects.toBeInstanceOf(AlreadyTaughtError);
    await owners.teach({ question, passageId: other! }, 'admin:test');
    await owners.teach({ question, contact: 'hr@kyrkslatt.example' }, 'admin:test');
    await expect(owners.teach({ question, contact: ' hr@kyrkslatt.example ' }, 'admin:test')).rejects.toBeInstanceOf(AlreadyTaughtError);
    await owners.teach({ question, contact: 'kommunikation@kyrkslatt.example' }, 'admin:test');
    expect(await r.store.learnedItems()).toHaveLength(4);
    // Once undone, it may be taught again.
    await r.store.undoLearned(item!.id, 'admin:test', r.clock.now());
    expect((await run(['learn', question, '--passage', target!, '--lang', 'sv', '--as', DEMO.sofia])).out).toMatch(/^Taught as #\d+/);
    expect(await r.store.learnedItems()).toHaveLength(4);
  });

  it('an over-long question or whom-to-ask text is refused with its limit; nothing is stored', async () => {
    const owners = new ContentOwners({ store: r.store, clock: r.clock, index: () => runtime.index });
    const long = `Får jag ${'skriva '.repeat(600)}?`;
    await expect(owners.teach({ question: long, lang: 'sv', outOfScope: true }, 'admin:test')).rejects.toMatchObject({ problem: 'questionTooLong', limit: 4000 });
    await expect(owners.teach({ question: 'Vem godkänner övertid?', contact: 'x'.repeat(301) }, 'admin:test')).rejects.toBeInstanceOf(TeachingError);
    const cli = await run(['learn', long, '--out-of-scope', '--lang', 'sv', '--admin']);
    expect(cli.code).toBe(2);
    expect(cli.err).toContain('longer than 4000 characters');
    const contact = await run(['learn', 'Vem godkänner övertid?', '--contact', 'x'.repeat(301), '--admin']);
    expect(contact.code).toBe(2);
    expect(contact.err).toContain('longer than 300 characters');
    expect(await r.store.learnedItems({ includeUndone: true })).toHaveLength(0);
  });

  it('learned names who taught: the directory name, the plain id of someone no longer there, administrators marked', async () => {
    const passageId = [...runtime.index.passages.keys()][0]!;
    const teach = (text: string, taughtBy: string) =>
      r.store.addLearned({ kind: 'example_question', text, lang: 'sv', passageId, words: [], contact: null, taughtBy, taughtAt: r.clock.now() });
    await teach('Fråga ett?', `person:${DEMO.sofia}`);
    await teach('Fråga två?', 'person:former.employee');
    await teach('Fråga tre?', 'admin:opsuser');
    await teach('Fråga fyra?', 'admin:console:kaisa.virtanen');
    const { code, out } = await run(['learned', '--admin']);
    expect(code).toBe(0);
    const name = (await r.directory.person(DEMO.sofia))!.name;
    const lines = out.split('\n');
    expect(lines[0]).toContain(`— ${name}, `);
    expect(lines[1]).toContain('— former.employee, ');
    expect(lines[2]).toContain('— opsuser (administrator), ');
    expect(lines[3]).toContain(`— ${(await r.directory.person('kaisa.virtanen'))?.name ?? 'kaisa.virtanen'} (administrator), `);
    expect(out).not.toMatch(/person:|admin:/);
  });
});
