/**
 * App Home on Slack, end to end: the home view (ask, report, my reports, reports assigned to me) and the
 * question modal opened from it.
 */
import { ACTION } from '../../../src/adapters/slack/ids';
import { appHomeOpened, blockAction, eventCallback, viewSubmission, stateOf } from './slackPayloads';
import { blockText, button, buttonIds, SLACK, startSlackHarness, type SlackHarness } from './slackHarness';

describe('Slack: App Home', () => {
  let h: SlackHarness;
  let reference: string;
  beforeAll(async () => {
    h = await startSlackHarness();
    const receipt = await h.bot.reporting.service.submit(
      {
        category: 'harassment',
        platform: 'instagram',
        accountKind: 'own_work_profile',
        description: 'Kränkande kommentarer under varje inlägg',
        occurredOn: '2026-03-15',
        evidence: { links: [], quotes: [], files: [] },
        immediateDanger: false,
        subjectIsManager: false,
      },
      'anna.lindqvist',
      { lang: 'sv' },
    );
    reference = receipt.reference;
  }, 60_000);
  afterAll(async () => {
    await h?.close();
  });

  async function home(slackId: string) {
    const mark = h.fake.calls.length;
    await h.send(eventCallback(appHomeOpened(slackId)));
    const published = await h.fake.waitFor('views.publish', (c) => h.fake.calls.indexOf(c) >= mark);
    expect(published.args.user_id).toBe(slackId);
    return published.args.view;
  }

  it('shows the reporter her report under "My reports", with Ask and Report buttons', async () => {
    const view = await home(SLACK.anna);
    expect(view.type).toBe('home');
    const text = blockText(view.blocks);
    expect(text).toContain('Mina anmälningar');
    expect(buttonIds(view.blocks).slice(0, 2)).toEqual([ACTION.ask, ACTION.openReport]);
    const mine = text.slice(text.indexOf('Mina anmälningar'), text.indexOf('Anmälningar till mig'));
    expect(mine).toContain(reference);
    expect(mine).toContain('Trakasserier');
    expect(button(view.blocks, ACTION.details)?.value).toBe(reference);
  });

  it('shows the manager the report under "Reports assigned to me", in Finnish for a Finnish locale', async () => {
    const karin = blockText((await home(SLACK.karin)).blocks);
    expect(karin.slice(karin.indexOf('Anmälningar till mig'))).toContain(reference);
    const mikko = blockText((await home(SLACK.mikko)).blocks);
    expect(mikko).toContain('Omat ilmoitukseni');
    expect(mikko).not.toContain(reference);
  });

  it('offers only questions to someone missing from the directory', async () => {
    const text = blockText((await home(SLACK.stranger)).blocks);
    expect(text).toContain('I cannot find you in the organisation');
    expect(text).not.toContain('My reports');
  });

  it('"Ask a question" opens a modal; the answer replaces it, with its citation and the feedback buttons', async () => {
    const view = await home(SLACK.anna);
    let mark = h.fake.calls.length;
    await h.send(blockAction(SLACK.anna, { actionId: ACTION.ask }, { view: { ...view, id: 'VHOME0001' } }));
    const opened = await h.fake.waitFor('views.open', (c) => h.fake.calls.indexOf(c) >= mark);
    expect(opened.args.view.callback_id).toBe('ask_question');
    const modal = { ...opened.args.view, id: opened.result!.view.id };
    mark = h.fake.calls.length;
    const res = await h.send(viewSubmission(SLACK.anna, modal, stateOf(modal, { question: 'Hur ofta ska lösenorden bytas?' })));
    const body = res.json();
    expect(body.response_action).toBe('update');
    expect(blockText(body.view.blocks)).toContain('Lösenorden ska bytas');
    expect(buttonIds(body.view.blocks)).toEqual([ACTION.helpful, ACTION.notHelpful]);

    // Feedback inside the modal: the modal is updated in place.
    const answer = { ...body.view, id: modal.id, hash: 'hash.1' };
    await h.send(blockAction(SLACK.anna, { actionId: ACTION.notHelpful, value: button(answer.blocks, ACTION.notHelpful).value }, { view: answer }));
    const updated = await h.fake.waitFor('views.update', (c) => h.fake.calls.indexOf(c) >= mark);
    expect(updated.args.view_id).toBe(modal.id);
    expect(buttonIds(updated.args.view.blocks)).toEqual([]);
    expect((await h.bot.reporting.store.operationsFigures()).feedback.notHelpful).toBe(1);
  });

  it('a report asked about in the question modal gets the Report button, which opens the form on top (views.push)', async () => {
    const view = await home(SLACK.sofia);
    let mark = h.fake.calls.length;
    await h.send(blockAction(SLACK.sofia, { actionId: ACTION.ask }, { view: { ...view, id: 'VHOME0003' } }));
    const opened = await h.fake.waitFor('views.open', (c) => h.fake.calls.indexOf(c) >= mark);
    const modal = { ...opened.args.view, id: opened.result!.view.id };
    const res = await h.send(viewSubmission(SLACK.sofia, modal, stateOf(modal, { question: 'Någon har hotat mig i kommentarerna' })));
    const answer = { ...res.json().view, id: modal.id };
    expect(button(answer.blocks, ACTION.openReport)?.value).toBe('threat');
    mark = h.fake.calls.length;
    await h.send(blockAction(SLACK.sofia, { actionId: ACTION.openReport, value: 'threat' }, { view: answer }));
    const pushed = await h.fake.waitFor('views.push', (c) => h.fake.calls.indexOf(c) >= mark);
    expect(pushed.args.view.callback_id).toBe('report_form');
    expect((pushed.args.view.blocks as any[]).find((b) => b.block_id === 'category').element.initial_option.value).toBe('threat');
  });

  it('"Make a report" in App Home opens the report form', async () => {
    const view = await home(SLACK.mikko);
    const mark = h.fake.calls.length;
    await h.send(blockAction(SLACK.mikko, { actionId: ACTION.openReport, value: '' }, { view: { ...view, id: 'VHOME0002' } }));
    const opened = await h.fake.waitFor('views.open', (c) => h.fake.calls.indexOf(c) >= mark);
    expect(opened.args.view.callback_id).toBe('report_form');
    expect(opened.args.view.title.text).toBe('Tee ilmoitus');
  });
});
