/**
 * Asking on Slack, end to end: signed Events API requests, slash commands and button clicks into the real
 * Bolt app over HTTP; answers checked in what the fake Web API was asked to post.
 */
import { ACTION } from '../../../src/adapters/slack/ids';
import { appMention, blockAction, botMessage, eventCallback, imMessage, newTs, slashCommand } from './slackPayloads';
import { blockText, button, buttonIds, SLACK, startSlackHarness, type SlackHarness } from './slackHarness';

describe('Slack: answers', () => {
  let h: SlackHarness;
  beforeAll(async () => {
    h = await startSlackHarness();
  }, 60_000);
  afterAll(async () => {
    await h?.close();
  });

  it('answers a Swedish DM in Swedish: the quoted passage, its citation in a context block, feedback buttons', async () => {
    const mark = h.fake.calls.length;
    const res = await h.send(eventCallback(imMessage(SLACK.anna, 'Hur ofta ska lösenorden bytas?')));
    expect(res.status).toBe(200);
    const post = await h.fake.waitFor('chat.postMessage', (c) => c.args.channel === 'D0ANNA0001');
    const blocks = post.args.blocks as any[];
    expect(blocks[0]).toEqual(expect.objectContaining({ type: 'section' }));
    expect(blocks[0].text.text).toMatch(/^> .*Lösenorden ska bytas/m);
    expect(blocks[1].type).toBe('context');
    expect(blockText([blocks[1]])).toMatch(/Kyrkslätt/);
    expect(buttonIds(blocks)).toEqual([ACTION.helpful, ACTION.notHelpful]);
    expect(post.token).toBe('xoxb-0000-test-token');
    // The locale was asked for as the hint.
    expect(h.callsSince(mark, 'users.info')[0]?.args).toEqual(expect.objectContaining({ user: SLACK.anna, include_locale: true }));
  });

  it('answers a Finnish @mention in a channel in Finnish, in the thread of the mention', async () => {
    const ts = newTs();
    await h.send(eventCallback(appMention(SLACK.mikko, 'C0YOUTH0001', 'kuka meillä vastaa kunnan tiedottamisesta ylipäätään?', ts)));
    const post = await h.fake.waitFor('chat.postMessage', (c) => c.args.channel === 'C0YOUTH0001');
    expect(post.args.thread_ts).toBe(ts);
    const text = blockText(post.args.blocks);
    expect(text).toContain('Enontekiön kunnan yleisestä tiedottamisesta vastaa kunnanjohtaja');
    expect(text).toMatch(/Enontekiö/);
    expect(buttonIds(post.args.blocks)).toContain(ACTION.helpful);
  });

  it('the text decides the language, not the Slack locale: a Finnish question from a Swedish-locale user is answered in Finnish', async () => {
    await h.send(eventCallback(imMessage(SLACK.karin, 'toimittaja soitti mulle mun fb-postauksen takia, mitä teen')));
    const post = await h.fake.waitFor('chat.postMessage', (c) => c.args.channel === 'D0KARIN001');
    expect(blockText(post.args.blocks)).toContain('Jos media ottaa sinuun yhteyttä, ilmoita siitä esimiehelle');
    expect(blockText(post.args.blocks)).toContain('Hyödyllinen');
    // A journalist's call may be worth telling the manager through a report: offered beside the answer.
    expect(blockText(post.args.blocks)).toContain('Haluatko tehdä ilmoituksen?');
    expect(button(post.args.blocks, ACTION.openReport)).toEqual(expect.objectContaining({ value: 'media_contact' }));
  });

  it('a journalist\'s call told without a question gets the guideline answer and the report offered, not the dialog', async () => {
    const mark = h.fake.calls.length;
    await h.send(eventCallback(imMessage(SLACK.jussi, 'en journalist från lokaltidningen ringde mig precis om mitt inlägg på fb')));
    const post = await h.fake.waitFor('chat.postMessage', (c) => c.args.channel === 'D0JUSSI001' && h.fake.calls.indexOf(c) >= mark);
    expect(buttonIds(post.args.blocks)).toEqual(expect.arrayContaining([ACTION.helpful, ACTION.notHelpful, ACTION.openReport]));
    expect(blockText(post.args.blocks)).toContain('Vill du göra en anmälan?');
    expect(button(post.args.blocks, ACTION.openReport)).toEqual(expect.objectContaining({ value: 'media_contact' }));
  });

  it('offers a "Report" button with the detected category when a message reports something; the button opens the modal', async () => {
    await h.send(eventCallback(imMessage(SLACK.sofia, 'Någon har hotat mig i kommentarerna')));
    const post = await h.fake.waitFor('chat.postMessage', (c) => c.args.channel === 'D0SOFIA001');
    const report = button(post.args.blocks, ACTION.openReport);
    expect(report).toEqual(expect.objectContaining({ value: 'threat' }));
    expect(blockText(post.args.blocks)).toMatch(/anmäla|anmälan/);

    const mark = h.fake.calls.length;
    const click = await h.send(
      blockAction(SLACK.sofia, { actionId: ACTION.openReport, value: 'threat' }, { message: { channel: 'D0SOFIA001', ts: post.args.ts ?? newTs(), blocks: post.args.blocks }, responseUrl: h.fake.responseUrl('sofia-offer') }),
    );
    expect(click.status).toBe(200);
    const opened = await h.fake.waitFor('views.open', (c) => h.fake.calls.indexOf(c) >= mark);
    const category = (opened.args.view.blocks as any[]).find((b) => b.block_id === 'category');
    expect(category.element.initial_option.value).toBe('threat');
    expect(opened.args.view.title.text).toBe('Gör en anmälan');
  });

  it('tells someone missing from the directory, in their language, that it cannot take a report — and still answers questions', async () => {
    await h.send(eventCallback(imMessage(SLACK.stranger, 'Någon har hotat mig i kommentarerna')));
    const refusal = await h.fake.waitFor('chat.postMessage', (c) => c.args.channel === 'D0STRANGER');
    expect(blockText(refusal.args.blocks)).toContain('Jag hittar dig inte i organisationens katalog');
    expect(buttonIds(refusal.args.blocks)).not.toContain(ACTION.openReport);

    const mark = h.fake.calls.length;
    await h.send(eventCallback(imMessage(SLACK.stranger, 'Hur ofta ska lösenorden bytas?')));
    const answer = await h.fake.waitFor('chat.postMessage', (c) => c.args.channel === 'D0STRANGER' && h.fake.calls.indexOf(c) >= mark);
    expect(blockText(answer.args.blocks)).toContain('Lösenorden ska bytas');
  });

  it('/somebot help answers privately with how to use the bot, in the user\'s language', async () => {
    const res = await h.send(slashCommand(SLACK.mikko, 'help', h.fake.responseUrl('mikko-help')));
    expect(res.status).toBe(200);
    const reply = await h.fake.waitForResponse('mikko-help');
    expect(reply.body.response_type).toBe('ephemeral');
    expect(reply.body.text).toContain('Näin käytät somebotia');
    await h.send(slashCommand(SLACK.anna, 'hjälp', h.fake.responseUrl('anna-help')));
    expect((await h.fake.waitForResponse('anna-help')).body.text).toContain('Så använder du somebot');
  });

  it('/somebot with a question answers it privately (ephemeral, through response_url)', async () => {
    await h.send(slashCommand(SLACK.anna, 'Hur ofta ska lösenorden bytas?', h.fake.responseUrl('anna-q')));
    const reply = await h.fake.waitForResponse('anna-q');
    expect(reply.body.response_type).toBe('ephemeral');
    expect(blockText(reply.body.blocks)).toContain('Lösenorden ska bytas');
  });

  it('/somebot report opens the report modal', async () => {
    const mark = h.fake.calls.length;
    await h.send(slashCommand(SLACK.mikko, 'ilmoita', h.fake.responseUrl('mikko-report')));
    const opened = await h.fake.waitFor('views.open', (c) => h.fake.calls.indexOf(c) >= mark);
    expect(opened.args.view.callback_id).toBe('report_form');
    expect(opened.args.view.title.text).toBe('Tee ilmoitus');
  });

  it('"Helpful" stores the verdict for the content owners and replaces the buttons with a thank-you line', async () => {
    await h.send(eventCallback(imMessage(SLACK.linnea, 'Hur ofta ska lösenorden bytas?')));
    const post = await h.fake.waitFor('chat.postMessage', (c) => c.args.channel === 'D0LINNEA01');
    const helpful = button(post.args.blocks, ACTION.helpful);
    const before = (await h.bot.reporting.store.operationsFigures()).feedback.helpful;
    const ts = '1700000000.000100';
    await h.send(
      blockAction(SLACK.linnea, { actionId: ACTION.helpful, value: helpful.value, blockId: 'answer_feedback' }, {
        message: { channel: 'D0LINNEA01', ts, text: post.args.text, blocks: post.args.blocks },
        responseUrl: h.fake.responseUrl('linnea-feedback'),
      }),
    );
    const update = await h.fake.waitFor('chat.update', (c) => c.args.ts === ts);
    expect(update.args.channel).toBe('D0LINNEA01');
    expect(buttonIds(update.args.blocks)).toEqual([]);
    expect(blockText(update.args.blocks)).toContain('Tack! Din återkoppling');
    expect((await h.bot.reporting.store.operationsFigures()).feedback.helpful).toBe(before + 1);
  });

  it('ignores the bot\'s own messages', async () => {
    const mark = h.fake.calls.length;
    const res = await h.send(eventCallback(botMessage('D0ANNA0001', 'Svar från boten')));
    expect(res.status).toBe(200);
    await new Promise((r) => setTimeout(r, 300));
    expect(h.callsSince(mark, 'chat.postMessage')).toHaveLength(0);
  });

  it('on 429 waits Retry-After and posts the answer once', async () => {
    h.fake.failNext('chat.postMessage', { status: 429, retryAfterSeconds: 1 });
    const mark = h.fake.calls.length;
    await h.send(eventCallback(imMessage(SLACK.helena, 'Hur ofta ska lösenorden bytas?')));
    const helena = () => h.callsSince(mark, 'chat.postMessage').filter((c) => c.args.channel === 'D0HELENA01');
    await h.fake.waitFor('chat.postMessage', () => helena().length >= 2);
    await new Promise((r) => setTimeout(r, 200));
    const [refused, accepted] = helena();
    expect(helena()).toHaveLength(2);
    expect(accepted!.at - refused!.at).toBeGreaterThanOrEqual(1000);
    expect(blockText(accepted!.args.blocks)).toContain('Lösenorden ska bytas');
  });

  it('paces posts to one channel to about one a second', async () => {
    const mark = h.fake.calls.length;
    await Promise.all([
      h.send(eventCallback(imMessage(SLACK.kaisa, 'Hur ofta ska lösenorden bytas?'))),
      h.send(eventCallback(imMessage(SLACK.kaisa, 'kuka meillä vastaa kunnan tiedottamisesta ylipäätään?'))),
    ]);
    await h.fake.waitFor('chat.postMessage', () => h.callsSince(mark, 'chat.postMessage').filter((c) => c.args.channel === 'D0KAISA001').length >= 2);
    const [first, second] = h.callsSince(mark, 'chat.postMessage').filter((c) => c.args.channel === 'D0KAISA001');
    expect(second!.at - first!.at).toBeGreaterThanOrEqual(1000);
  });
});
