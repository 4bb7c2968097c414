/**
 * Withdraw on Slack through the real Bolt stack and the fake Slack Web API: the reporter's receipt and their
 * report's details carry "Withdraw the report", which asks first ([Återkalla] [Avbryt]); only the confirm
 * withdraws (the web chat's service call): the report closes, every alert copy loses its steps in place.
 * Cancel changes nothing; an outdated, repeated or someone else's click gets the translated explanation while
 * nothing changes.
 */
import { ACTION } from '../../../src/adapters/slack/ids';
import { blockAction, eventCallback, imMessage, slashCommand, stateOf, viewSubmission } from './slackPayloads';
import { draft } from '../../helpers/db';
import { encodeWithdrawBinding } from '../../../src/core/reports/withdrawal';
import { blockText, button, buttonIds, SLACK, startSlackHarness, type SlackHarness } from './slackHarness';

const HARASSMENT = {
  category: 'harassment',
  platform: 'facebook',
  accountKind: 'own_work_profile',
  description: 'SECRET-WITHDRAW Någon skriver elaka kommentarer om mig.',
  occurredOn: '2026-03-15',
  evidence: 'https://facebook.com/kyrkslatt/posts/7',
};

const dmTo = (user: string) => `D${user.slice(1)}`;

describe('Slack: the reporter withdraws a report', () => {
  let h: SlackHarness;
  beforeAll(async () => {
    h = await startSlackHarness();
  }, 60_000);
  afterAll(async () => {
    await h?.close();
  });

  it('withdraws from the details opened on the receipt; alerts follow; stale and foreign clicks are explained', async () => {
    // Anna reports through the modal and the preview.
    let mark = h.fake.calls.length;
    await h.send(slashCommand(SLACK.anna, 'anmäl', h.fake.responseUrl('open')));
    const opened = await h.fake.waitFor('views.open', (c) => h.fake.calls.indexOf(c) >= mark);
    const form = { ...opened.args.view, id: opened.result!.view.id };
    const pushed = (await h.send(viewSubmission(SLACK.anna, form, stateOf(form, HARASSMENT)))).json();
    expect(pushed.response_action).toBe('push');
    const preview = { ...pushed.view, id: 'VPREVIEWW1', root_view_id: form.id, previous_view_id: form.id };
    expect((await h.send(viewSubmission(SLACK.anna, preview, stateOf(preview)))).json()).toEqual({ response_action: 'clear' });
    const [summary] = await h.bot.reporting.store.listReports();
    const reference = summary!.reference;

    const receipt = await h.fake.waitFor('chat.postMessage', (c) => c.args.channel === dmTo(SLACK.anna) && blockText(c.args.blocks).includes(reference));
    expect(buttonIds(receipt.args.blocks)).toEqual([ACTION.details, ACTION.withdraw]);
    expect(button(receipt.args.blocks, ACTION.withdraw).value).toBe(reference);
    await h.bot.deliverDue();
    const alert = await h.fake.waitFor('chat.postMessage', (c) => c.args.channel === dmTo(SLACK.karin) && blockText(c.args.blocks).includes(reference));
    expect(buttonIds(alert.args.blocks)).not.toContain(ACTION.withdraw);

    // Karin is not the reporter: a forged Withdraw, and a forged confirm naming Anna, are refused privately; nothing changes.
    await h.send(blockAction(SLACK.karin, { actionId: ACTION.withdraw, value: reference }, { message: { channel: dmTo(SLACK.karin), ts: alert.result!.ts as string }, responseUrl: h.fake.responseUrl('karin-withdraw') }));
    const refused = await h.fake.waitForResponse('karin-withdraw');
    expect(refused.body.response_type).toBe('ephemeral');
    expect(String(refused.body.text)).toContain(reference);
    const annasBinding = encodeWithdrawBinding({ reference, reporterId: 'anna.lindqvist' });
    await h.send(blockAction(SLACK.karin, { actionId: ACTION.withdrawConfirm, value: annasBinding }, { message: { channel: dmTo(SLACK.karin), ts: alert.result!.ts as string }, responseUrl: h.fake.responseUrl('karin-confirm') }));
    expect(String((await h.fake.waitForResponse('karin-confirm')).body.text)).toContain(reference);
    expect((await h.bot.reporting.store.getReport(reference))!.status).toBe('submitted');

    // Anna opens the details from her receipt: the modal offers Withdraw.
    const receiptMessage = { channel: dmTo(SLACK.anna), ts: receipt.result!.ts as string, blocks: receipt.args.blocks };
    mark = h.fake.calls.length;
    await h.send(blockAction(SLACK.anna, { actionId: ACTION.details, value: reference }, { message: receiptMessage, responseUrl: h.fake.responseUrl('anna-details') }));
    const details = await h.fake.waitFor('views.open', (c) => h.fake.calls.indexOf(c) >= mark);
    expect(buttonIds(details.args.view.blocks)).toEqual([ACTION.withdraw]);
    const view = { ...details.args.view, id: details.result!.view.id, type: 'modal' };

    // Withdraw in the modal asks first, in the button's place; nothing changes yet.
    mark = h.fake.calls.length;
    await h.send(blockAction(SLACK.anna, { actionId: ACTION.withdraw, value: reference }, { view }));
    const asking = await h.fake.waitFor('views.update', (c) => h.fake.calls.indexOf(c) >= mark);
    expect(asking.args.view_id).toBe(view.id);
    expect(blockText(asking.args.view.blocks)).toContain(`Vill du verkligen återkalla anmälan ${reference}? Mottagarna får veta att den återkallats.`);
    expect(buttonIds(asking.args.view.blocks)).toEqual([ACTION.withdrawConfirm, ACTION.withdrawCancel]);
    expect(button(asking.args.view.blocks, ACTION.withdrawConfirm).value).toBe(annasBinding);
    expect((await h.bot.reporting.store.getReport(reference))!.status).toBe('submitted');

    // Cancel: the modal says nothing changed and offers Withdraw again.
    mark = h.fake.calls.length;
    await h.send(blockAction(SLACK.anna, { actionId: ACTION.withdrawCancel, value: annasBinding }, { view }));
    const cancelled = await h.fake.waitFor('views.update', (c) => h.fake.calls.indexOf(c) >= mark);
    expect(blockText(cancelled.args.view.blocks)).toContain(`Anmälan ${reference} är inte återkallad. Inget har ändrats.`);
    expect(buttonIds(cancelled.args.view.blocks)).toEqual([ACTION.withdraw]);
    expect((await h.bot.reporting.store.getReport(reference))!.status).toBe('submitted');

    // Confirm: the report closes, the modal is redrawn without buttons, Karin's alert loses its steps.
    mark = h.fake.calls.length;
    await h.send(blockAction(SLACK.anna, { actionId: ACTION.withdrawConfirm, value: annasBinding }, { view }));
    expect((await h.bot.reporting.store.getReport(reference))!.status).toBe('withdrawn');
    const redrawn = await h.fake.waitFor('views.update', (c) => h.fake.calls.indexOf(c) >= mark);
    expect(redrawn.args.view_id).toBe(view.id);
    expect(buttonIds(redrawn.args.view.blocks)).toEqual([]);
    expect(blockText(redrawn.args.view.blocks)).toContain('Återkallad');
    const update = await h.fake.waitFor('chat.update', (c) => h.fake.calls.indexOf(c) >= mark && c.args.ts === alert.result!.ts);
    expect(buttonIds(update.args.blocks)).toEqual([ACTION.details]);
    // Anna's own receipt is a copy like any other: redrawn in place without its Withdraw.
    const receiptUpdate = await h.fake.waitFor('chat.update', (c) => h.fake.calls.indexOf(c) >= mark && c.args.ts === receipt.result!.ts);
    expect(receiptUpdate.args.channel).toBe(dmTo(SLACK.anna));
    expect(buttonIds(receiptUpdate.args.blocks)).toEqual([ACTION.details]);
    expect(blockText(receiptUpdate.args.blocks)).toContain('Återkallad');
    const told = await h.fake.waitFor('chat.postMessage', (c) => h.fake.calls.indexOf(c) >= mark && c.args.channel === dmTo(SLACK.karin));
    expect(blockText(told.args.blocks)).toContain(reference);
    const toldKarin = () => h.fake.calls.filter((c) => c.method === 'chat.postMessage' && c.args.channel === dmTo(SLACK.karin) && blockText(c.args.blocks).includes(reference)).length;
    const toldBefore = toldKarin();

    // The receipt's Withdraw again, and the confirm once more: the outdated-click explanation, nothing more.
    await h.send(blockAction(SLACK.anna, { actionId: ACTION.withdraw, value: reference }, { message: receiptMessage, responseUrl: h.fake.responseUrl('anna-again') }));
    const again = await h.fake.waitForResponse('anna-again');
    expect(String(again.body.text)).toMatch(new RegExp(`^Det går inte längre\\. ${reference}: Återkallad`));
    await h.send(blockAction(SLACK.anna, { actionId: ACTION.withdrawConfirm, value: annasBinding }, { message: { channel: dmTo(SLACK.anna), ts: '1700000000.000200', ephemeral: true }, responseUrl: h.fake.responseUrl('anna-confirm-again') }));
    const confirmAgain = await h.fake.waitForResponse('anna-confirm-again');
    expect(String(confirmAgain.body.text)).toMatch(new RegExp(`^Det går inte längre\\. ${reference}: Återkallad`));
    // A confirm left in a details modal: the modal is redrawn as the report is now, without stale buttons.
    mark = h.fake.calls.length;
    await h.send(blockAction(SLACK.anna, { actionId: ACTION.withdrawConfirm, value: annasBinding }, { view }));
    const stale = await h.fake.waitFor('views.update', (c) => h.fake.calls.indexOf(c) >= mark);
    expect(buttonIds(stale.args.view.blocks)).toEqual([]);
    expect(blockText(stale.args.view.blocks)).toMatch(new RegExp(`Det går inte längre\\. ${reference}: Återkallad`));
    await h.bot.deliverDue();
    const timeline = await h.bot.reporting.store.timeline(reference);
    expect(timeline.filter((e) => e.event === 'withdrawn')).toHaveLength(1);
    expect(toldKarin()).toBe(toldBefore);
    expect(h.logLines.join('\n')).not.toContain('SECRET-WITHDRAW');
  });

  /** Anna reports through the modal; her receipt DM as Slack got it. */
  async function reportThroughModal(): Promise<{ reference: string; receipt: Awaited<ReturnType<SlackHarness['fake']['waitFor']>> }> {
    const mark = h.fake.calls.length;
    await h.send(slashCommand(SLACK.anna, 'anmäl', h.fake.responseUrl('open-again')));
    const opened = await h.fake.waitFor('views.open', (c) => h.fake.calls.indexOf(c) >= mark);
    const form = { ...opened.args.view, id: opened.result!.view.id };
    const pushed = (await h.send(viewSubmission(SLACK.anna, form, stateOf(form, { ...HARASSMENT, description: `${HARASSMENT.description} ${mark}` })))).json();
    const preview = { ...pushed.view, id: `VPREVIEW${mark}`, root_view_id: form.id, previous_view_id: form.id };
    expect((await h.send(viewSubmission(SLACK.anna, preview, stateOf(preview)))).json()).toEqual({ response_action: 'clear' });
    const receipt = await h.fake.waitFor('chat.postMessage', (c) => h.fake.calls.indexOf(c) >= mark && c.args.channel === dmTo(SLACK.anna) && buttonIds(c.args.blocks).includes(ACTION.withdraw));
    const reference = /SOME-\d{4}-\d{4}/.exec(blockText(receipt.args.blocks))![0];
    return { reference, receipt };
  }

  it('redraws the receipt in place on every change made elsewhere: its Withdraw goes once someone else closes the report', async () => {
    const { reference, receipt } = await reportThroughModal();
    expect(buttonIds(receipt.args.blocks)).toEqual([ACTION.details, ACTION.withdraw]);
    await h.bot.deliverDue();

    // Karin acknowledges from another door: the receipt says so and still offers Withdraw (it still applies).
    let mark = h.fake.calls.length;
    await h.bot.reporting.service.acknowledge(reference, 'karin.nystrom');
    await h.bot.deliverDue();
    const acknowledged = await h.fake.waitFor('chat.update', (c) => h.fake.calls.indexOf(c) >= mark && c.args.ts === receipt.result!.ts);
    expect(buttonIds(acknowledged.args.blocks)).toEqual([ACTION.details, ACTION.withdraw]);
    expect(blockText(acknowledged.args.blocks)).toContain('Karin Nyström (chef) bekräftade detta');

    // Karin resolves it: the receipt is redrawn without Withdraw, naming who closed it.
    mark = h.fake.calls.length;
    await h.bot.reporting.service.resolve(reference, 'karin.nystrom', 'Vi har kontaktat plattformen.');
    await h.bot.deliverDue();
    const resolved = await h.fake.waitFor('chat.update', (c) => h.fake.calls.indexOf(c) >= mark && c.args.ts === receipt.result!.ts);
    expect(resolved.args.channel).toBe(dmTo(SLACK.anna));
    expect(buttonIds(resolved.args.blocks)).toEqual([ACTION.details]);
    expect(blockText(resolved.args.blocks)).toContain('Avslutad');
    expect(blockText(resolved.args.blocks)).toContain('Karin Nyström (chef) avslutade detta');
    // What the receipt said stays: who was told.
    expect(blockText(resolved.args.blocks)).toContain('Den har gått till:');
  });

  it('asks under the receipt privately; the answer replaces the question', async () => {
    const { reference } = await h.bot.reporting.service.submit(draft({ category: 'harassment' }), 'anna.lindqvist', { lang: 'sv' });
    const receipt = { channel: dmTo(SLACK.anna), ts: '1700000000.000300' };
    await h.send(blockAction(SLACK.anna, { actionId: ACTION.withdraw, value: reference }, { message: receipt, responseUrl: h.fake.responseUrl('ask') }));
    const question = await h.fake.waitForResponse('ask');
    expect(question.body).toMatchObject({ response_type: 'ephemeral', replace_original: false });
    expect(String(question.body.text)).toBe(`Vill du verkligen återkalla anmälan ${reference}? Mottagarna får veta att den återkallats.`);
    expect(buttonIds(question.body.blocks)).toEqual([ACTION.withdrawConfirm, ACTION.withdrawCancel]);
    expect((await h.bot.reporting.store.getReport(reference))!.status).toBe('submitted');
    const asked = { channel: dmTo(SLACK.anna), ts: '1700000000.000301', ephemeral: true, blocks: question.body.blocks };

    await h.send(blockAction(SLACK.anna, { actionId: ACTION.withdrawCancel, value: button(question.body.blocks, ACTION.withdrawCancel).value }, { message: asked, responseUrl: h.fake.responseUrl('cancel') }));
    const cancelled = await h.fake.waitForResponse('cancel');
    expect(cancelled.body).toMatchObject({ replace_original: true, text: `Anmälan ${reference} är inte återkallad. Inget har ändrats.` });
    expect((await h.bot.reporting.store.getReport(reference))!.status).toBe('submitted');

    await h.send(blockAction(SLACK.anna, { actionId: ACTION.withdrawConfirm, value: button(question.body.blocks, ACTION.withdrawConfirm).value }, { message: asked, responseUrl: h.fake.responseUrl('confirm') }));
    const done = await h.fake.waitForResponse('confirm');
    expect(done.body).toMatchObject({ replace_original: true });
    expect(String(done.body.text)).toContain(`Du har återkallat anmälan ${reference}.`);
    expect((await h.bot.reporting.store.getReport(reference))!.status).toBe('withdrawn');
  });

  it('asks with its buttons in a modal of its own when the click has neither a modal nor a message to answer under (App Home)', async () => {
    const { reference } = await h.bot.reporting.service.submit(draft({ category: 'harassment' }), 'anna.lindqvist', { lang: 'sv' });
    let mark = h.fake.calls.length;
    await h.send(blockAction(SLACK.anna, { actionId: ACTION.withdraw, value: reference }, { view: { id: 'VHOME00001', type: 'home' } }));
    const opened = await h.fake.waitFor('views.open', (c) => h.fake.calls.indexOf(c) >= mark);
    expect(blockText(opened.args.view.blocks)).toContain(`Vill du verkligen återkalla anmälan ${reference}? Mottagarna får veta att den återkallats.`);
    expect(buttonIds(opened.args.view.blocks)).toEqual([ACTION.withdrawConfirm, ACTION.withdrawCancel]);
    expect((await h.bot.reporting.store.getReport(reference))!.status).toBe('submitted');

    // Its confirm, clicked in that modal: withdrawn, and the modal shows the report as it is now.
    const modal = { ...opened.args.view, id: opened.result!.view.id, type: 'modal' };
    mark = h.fake.calls.length;
    await h.send(blockAction(SLACK.anna, { actionId: ACTION.withdrawConfirm, value: button(opened.args.view.blocks, ACTION.withdrawConfirm).value }, { view: modal }));
    const updated = await h.fake.waitFor('views.update', (c) => h.fake.calls.indexOf(c) >= mark);
    expect(updated.args.view_id).toBe(modal.id);
    expect(blockText(updated.args.view.blocks)).toContain('Återkallad');
    expect(buttonIds(updated.args.view.blocks)).toEqual([]);
    expect((await h.bot.reporting.store.getReport(reference))!.status).toBe('withdrawn');
  });

  it('asks the same question when the reporter types the command in a DM; its buttons answer it', async () => {
    const { reference } = await h.bot.reporting.service.submit(draft({ category: 'harassment' }), 'anna.lindqvist', { lang: 'sv' });
    const mark = h.fake.calls.length;
    await h.send(eventCallback(imMessage(SLACK.anna, `återkalla ${reference}`)));
    const post = await h.fake.waitFor('chat.postMessage', (c) => h.fake.calls.indexOf(c) >= mark && c.args.channel === dmTo(SLACK.anna));
    expect(blockText(post.args.blocks)).toContain(`Vill du verkligen återkalla anmälan ${reference}?`);
    expect(buttonIds(post.args.blocks)).toEqual([ACTION.withdrawConfirm, ACTION.withdrawCancel]);
    expect((await h.bot.reporting.store.getReport(reference))!.status).toBe('submitted');
    const asked = { channel: dmTo(SLACK.anna), ts: post.result!.ts as string, blocks: post.args.blocks };
    await h.send(blockAction(SLACK.anna, { actionId: ACTION.withdrawConfirm, value: button(post.args.blocks, ACTION.withdrawConfirm).value }, { message: asked, responseUrl: h.fake.responseUrl('typed-confirm') }));
    expect(String((await h.fake.waitForResponse('typed-confirm')).body.text)).toContain(`Du har återkallat anmälan ${reference}.`);
    expect((await h.bot.reporting.store.getReport(reference))!.status).toBe('withdrawn');
  });

  it('explains a click that no longer applies in the language of the person’s copies of the report, not the Slack locale', async () => {
    // Anna's Slack speaks Swedish, but she reported in Finnish: her receipt, and so the explanation, are Finnish.
    const { reference } = await h.bot.reporting.service.submit(draft({ category: 'harassment' }), 'anna.lindqvist', { lang: 'fi' });
    await h.bot.reporting.service.withdraw(reference, 'anna.lindqvist');
    await h.send(blockAction(SLACK.anna, { actionId: ACTION.withdraw, value: reference }, { message: { channel: dmTo(SLACK.anna), ts: '1700000000.000100' }, responseUrl: h.fake.responseUrl('anna-fi') }));
    expect(String((await h.fake.waitForResponse('anna-fi')).body.text)).toMatch(new RegExp(`^Tämä ei ole enää mahdollista\\. ${reference}: Peruttu`));
    expect((await h.bot.reporting.store.timeline(reference)).filter((e) => e.event === 'withdrawn')).toHaveLength(1);
  });
});
