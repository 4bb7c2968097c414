/**
 * Reporting on Slack, end to end: the modal (views.open), inline validation (response_action "errors"), the
 * preview and the commit before the acknowledgement, the receipt by DM, the manager's alert by DM and IT
 * security's post in its channel, Acknowledge / Details / Resolve on the alert with the alert updated in
 * place (chat.update), reminders, the message shortcut, and delivery failures reported to the relay.
 */
import { ACTION, SHORTCUT } from '../../../src/adapters/slack/ids';
import { METHOD_SCOPES } from '../../../src/adapters/slack/slackApi';
import { blockAction, messageShortcut, newTs, slashCommand, stateOf, viewSubmission } from './slackPayloads';
import { blockText, button, buttonIds, IT_SECURITY_CHANNEL, SLACK, startSlackHarness, type SlackHarness } from './slackHarness';
import type { RecordedCall } from './fakeSlackApi';

const SECRET_DESCRIPTION = 'SECRET-SLACK-DESCRIPTION Någon har skapat en falsk profil med mitt namn och min bild';

const IDENTITY_THEFT = {
  category: 'identity_theft',
  platform: 'facebook',
  accountKind: 'own_work_profile',
  description: SECRET_DESCRIPTION,
  occurredOn: '2026-03-15',
  evidence: 'https://facebook.com/fake.profile.123',
};

describe('Slack: reports', () => {
  let h: SlackHarness;
  let viewCount = 0;
  beforeAll(async () => {
    h = await startSlackHarness();
  }, 60_000);
  afterAll(async () => {
    await h?.close();
  });

  /** Opens the report modal with /somebot <command> and returns the view as Slack holds it (with id and hash). */
  async function openForm(slackId: string, command = 'anmäl'): Promise<any> {
    const mark = h.fake.calls.length;
    await h.send(slashCommand(slackId, command, h.fake.responseUrl(`open-${mark}`)));
    const call = await h.fake.waitFor('views.open', (c) => h.fake.calls.indexOf(c) >= mark);
    return { ...call.args.view, id: call.result!.view.id, hash: call.result!.view.hash };
  }

  function submit(slackId: string, view: any, set: Record<string, string | boolean | null> = {}) {
    return h.send(viewSubmission(slackId, view, stateOf(view, set)));
  }

  /** Fills in the form, checks the preview and sends it; returns the new report's reference. */
  async function report(slackId: string, values: Record<string, string | boolean | null>): Promise<{ reference: string; preview: any }> {
    const form = await openForm(slackId);
    const pushed = await submit(slackId, form, values);
    expect(pushed.status).toBe(200);
    const body = pushed.json();
    expect(body.response_action).toBe('push');
    viewCount++;
    const preview = { ...body.view, id: `VPREVIEW${viewCount}`, root_view_id: form.id, previous_view_id: form.id };
    const before = await h.bot.reporting.store.listReports();
    const sent = await submit(slackId, preview);
    expect(sent.json()).toEqual({ response_action: 'clear' });
    // Committed before the acknowledgement: the report is in the store when Slack gets the answer.
    const after = await h.bot.reporting.store.listReports();
    expect(after).toHaveLength(before.length + 1);
    return { reference: after[0]!.reference, preview };
  }

  const dmTo = (user: string) => `D${user.slice(1)}`;
  const postAbout = (reference: string, channel: string) => (c: RecordedCall) => c.args.channel === channel && String(c.args.text).includes(reference);

  it('opens the form as a modal: every field, the date picker on today, the manager as a users_select pre-filled from the directory', async () => {
    const view = await openForm(SLACK.anna);
    expect(view.type).toBe('modal');
    expect(view.title.text).toBe('Gör en anmälan');
    const ids = (view.blocks as any[]).map((b) => b.block_id);
    expect(ids).toEqual(['category', 'immediateDanger', 'platform', 'platformOther', 'accountKind', 'description', 'occurredOn', 'evidence', 'managerId', 'subjectIsManager', 'alternateRecipientId']);
    const block = (id: string) => (view.blocks as any[]).find((b) => b.block_id === id);
    expect(block('occurredOn').element).toEqual(expect.objectContaining({ type: 'datepicker', initial_date: '2026-03-16' }));
    expect(block('managerId').element).toEqual(expect.objectContaining({ type: 'users_select', initial_user: SLACK.karin }));
    expect(block('immediateDanger').element.type).toBe('checkboxes');
    expect(block('description').element).toEqual(expect.objectContaining({ type: 'plain_text_input', multiline: true }));
    expect(block('evidence').optional).toBe(true);
  });

  it('shows validation errors inline on their fields, in the reporter\'s language, and stores nothing', async () => {
    const view = await openForm(SLACK.mikko, 'ilmoita');
    const res = await submit(SLACK.mikko, view, { occurredOn: '2099-01-01' });
    expect(res.status).toBe(200);
    const body = res.json();
    expect(body.response_action).toBe('errors');
    expect(Object.keys(body.errors)).toEqual(expect.arrayContaining(['category', 'platform', 'accountKind', 'description', 'occurredOn']));
    expect(body.errors.occurredOn).toMatch(/tulevaisuu/i);
    expect(await h.bot.reporting.store.listReports()).toHaveLength(0);
  });

  it('refuses, inline, a manager other than the directory\'s, and a person who is not in the directory', async () => {
    const anna = await openForm(SLACK.anna);
    const other = (await submit(SLACK.anna, anna, { ...IDENTITY_THEFT, managerId: SLACK.sofia })).json();
    expect(other.response_action).toBe('errors');
    expect(other.errors.managerId).toContain('Karin Nyström');

    const jussi = await openForm(SLACK.jussi, 'report');
    const picker = (jussi.blocks as any[]).find((b) => b.block_id === 'managerId');
    expect(picker.element.type).toBe('users_select');
    expect(picker.element.initial_user).toBeUndefined();
    const stranger = (await submit(SLACK.jussi, jussi, { ...IDENTITY_THEFT, managerId: SLACK.stranger })).json();
    expect(stranger.errors.managerId).toBeDefined();
    const karin = (await submit(SLACK.jussi, jussi, { ...IDENTITY_THEFT, managerId: SLACK.karin })).json();
    expect(karin.response_action).toBe('push');
    expect(blockText(karin.view.blocks)).toContain('Karin Nyström');
  });

  let theft: string;
  let karinAlert: RecordedCall;

  it('commits a report from the modal, DMs the receipt, alerts the manager by DM and IT security in its channel', async () => {
    const { reference, preview } = await report(SLACK.anna, IDENTITY_THEFT);
    theft = reference;
    expect(preview.callback_id).toBe('report_preview');
    expect(blockText(preview.blocks)).toContain('Karin Nyström');

    const receipt = await h.fake.waitFor('chat.postMessage', postAbout(reference, dmTo(SLACK.anna)));
    expect(blockText(receipt.args.blocks)).toContain(reference);

    await h.bot.deliverDue();
    karinAlert = await h.fake.waitFor('chat.postMessage', (c) => c.args.channel === dmTo(SLACK.karin) && blockText(c.args.blocks).includes(reference));
    expect(h.fake.callsTo('conversations.open').some((c) => c.args.users === SLACK.karin)).toBe(true);
    const alert = blockText(karinAlert.args.blocks);
    expect(alert).toContain('Anna Lindqvist');
    expect(alert).toMatch(/Identitetsstöld/);
    expect(alert).toContain('informationsförvaltningen'); // the rule (K8-b) that sends it to the manager
    expect(alert).toContain('Status: Inskickad');
    expect(buttonIds(karinAlert.args.blocks)).toEqual([ACTION.acknowledge, ACTION.resolve, ACTION.details]);
    // The notification text (lock screens, previews) carries no report content.
    expect(String(karinAlert.args.text)).not.toContain('SECRET');

    const channelPost = await h.fake.waitFor('chat.postMessage', (c) => c.args.channel === IT_SECURITY_CHANNEL && blockText(c.args.blocks).includes(reference));
    expect(blockText(channelPost.args.blocks)).toContain('Anna Lindqvist');
    // The team post carries the steps anyone in IT security may take.
    expect(buttonIds(channelPost.args.blocks)).toEqual([ACTION.acknowledge, ACTION.resolve, ACTION.details]);
    expect(h.logLines.join('\n')).not.toContain('SECRET-SLACK');
  });

  it('Acknowledge updates the alert in place and tells the reporter', async () => {
    const ts = karinAlert.result!.ts as string;
    const mark = h.fake.calls.length;
    const res = await h.send(
      blockAction(SLACK.karin, { actionId: ACTION.acknowledge, value: theft }, { message: { channel: dmTo(SLACK.karin), ts, blocks: karinAlert.args.blocks }, responseUrl: h.fake.responseUrl('karin-ack') }),
    );
    expect(res.status).toBe(200);
    const update = await h.fake.waitFor('chat.update', (c) => h.fake.calls.indexOf(c) >= mark && c.args.ts === ts);
    expect(update.args.channel).toBe(dmTo(SLACK.karin));
    expect(buttonIds(update.args.blocks)).toEqual([ACTION.startProgress, ACTION.resolve, ACTION.details]);
    expect(blockText(update.args.blocks)).toMatch(/Status: Mottagen · Karin Nyström \(chef\) bekräftade detta \d\d:\d\d\./);
    // IT security's post follows too.
    await h.fake.waitFor('chat.update', (c) => h.fake.calls.indexOf(c) >= mark && c.args.channel === IT_SECURITY_CHANNEL);
    const told = await h.fake.waitFor('chat.postMessage', (c) => h.fake.calls.indexOf(c) >= mark && c.args.channel === dmTo(SLACK.anna));
    expect(told.args.text).toContain(theft);
    expect(blockText(told.args.blocks)).toContain('Karin Nyström');
    expect((await h.bot.reporting.store.getReport(theft))!.status).toBe('acknowledged');
  });

  it('Details opens the full report for a recipient, and only a refusal for anyone else', async () => {
    const message = { channel: dmTo(SLACK.karin), ts: karinAlert.result!.ts as string };
    let mark = h.fake.calls.length;
    await h.send(blockAction(SLACK.karin, { actionId: ACTION.details, value: theft }, { message, responseUrl: h.fake.responseUrl('karin-details') }));
    const full = await h.fake.waitFor('views.open', (c) => h.fake.calls.indexOf(c) >= mark);
    expect(full.args.view.title.text).toBe(theft);
    expect(blockText(full.args.view.blocks)).toContain(SECRET_DESCRIPTION);
    expect(blockText(full.args.view.blocks)).toContain('https://facebook.com/fake.profile.123');

    mark = h.fake.calls.length;
    await h.send(blockAction(SLACK.mikko, { actionId: ACTION.details, value: theft }, { message, responseUrl: h.fake.responseUrl('mikko-details') }));
    const refused = await h.fake.waitFor('views.open', (c) => h.fake.calls.indexOf(c) >= mark);
    expect(blockText(refused.args.view.blocks)).not.toContain('SECRET');
    expect(blockText(refused.args.view.blocks)).toContain(theft);
    const timeline = await h.bot.reporting.store.timeline(theft);
    expect(timeline.map((e) => e.event)).toEqual(expect.arrayContaining(['viewed', 'view_refused']));
  });

  it('Resolve asks for the outcome, closes the report, updates the alert and sends the outcome to the reporter', async () => {
    const ts = karinAlert.result!.ts as string;
    let mark = h.fake.calls.length;
    await h.send(blockAction(SLACK.karin, { actionId: ACTION.resolve, value: theft }, { message: { channel: dmTo(SLACK.karin), ts }, responseUrl: h.fake.responseUrl('karin-resolve') }));
    const opened = await h.fake.waitFor('views.open', (c) => h.fake.calls.indexOf(c) >= mark);
    const view = { ...opened.args.view, id: opened.result!.view.id };
    expect(view.callback_id).toBe('report_resolve');

    const empty = await submit(SLACK.karin, view, { outcome: '   ' });
    expect(empty.json().response_action).toBe('errors');
    expect((await h.bot.reporting.store.getReport(theft))!.status).toBe('acknowledged');

    mark = h.fake.calls.length;
    const done = await submit(SLACK.karin, view, { outcome: 'Profilen anmäld till Facebook och borttagen.' });
    expect(done.status).toBe(200);
    expect(done.text).toBe('');
    expect((await h.bot.reporting.store.getReport(theft))!.status).toBe('resolved');
    const update = await h.fake.waitFor('chat.update', (c) => h.fake.calls.indexOf(c) >= mark && c.args.ts === ts);
    expect(buttonIds(update.args.blocks)).toEqual([ACTION.details]);
    expect(blockText(update.args.blocks)).toContain('Status: Avslutad');
    const outcome = await h.fake.waitFor('chat.postMessage', (c) => h.fake.calls.indexOf(c) >= mark && c.args.channel === dmTo(SLACK.anna));
    expect(blockText(outcome.args.blocks)).toContain('Profilen anmäld till Facebook och borttagen.');
  });

  it('the same preview sent twice (a double click) is one report', async () => {
    const form = await openForm(SLACK.sofia);
    const pushed = (await submit(SLACK.sofia, form, { ...IDENTITY_THEFT, accountKind: 'organisation_account' })).json();
    const preview = { ...pushed.view, id: 'VTWICE', root_view_id: form.id };
    const before = (await h.bot.reporting.store.listReports()).length;
    const [first, second] = await Promise.all([submit(SLACK.sofia, preview), submit(SLACK.sofia, preview)]);
    expect(first.status).toBe(200);
    expect(second.status).toBe(200);
    expect(await h.bot.reporting.store.listReports()).toHaveLength(before + 1);
  });

  it('reminds the manager by DM, with the Acknowledge button, when nobody acknowledged in time', async () => {
    const { reference } = await report(SLACK.mikko, { category: 'threat', platform: 'instagram', accountKind: 'organisation_account', description: 'Uhkaava viesti', occurredOn: '2026-03-16' });
    await h.bot.deliverDue();
    await h.fake.waitFor('chat.postMessage', (c) => c.args.channel === dmTo(SLACK.karin) && blockText(c.args.blocks).includes(reference));
    const stored = await h.bot.reporting.store.getReport(reference);
    h.clock.advanceMinutes(stored!.ackTimeoutMinutes + 1);
    await h.bot.deliverDue();
    await h.bot.deliverDue();
    const reminder = await h.fake.waitFor('chat.postMessage', (c) => c.args.channel === dmTo(SLACK.karin) && String(c.args.text).startsWith('Påminnelse') && String(c.args.text).includes(reference));
    expect(button(reminder.args.blocks, ACTION.acknowledge)?.value).toBe(reference);
  });

  it('"Report this message" opens the form with the message\'s permalink and text as evidence', async () => {
    const mark = h.fake.calls.length;
    const ts = newTs();
    const res = await h.send(messageShortcut(SLACK.mikko, SHORTCUT.reportMessage, { channel: 'C0YOUTH0001', ts, user: 'U0TROLL001', text: 'Tiedän missä asut.' }, h.fake.responseUrl('shortcut')));
    expect(res.status).toBe(200);
    const permalink = await h.fake.waitFor('chat.getPermalink', (c) => h.fake.calls.indexOf(c) >= mark);
    expect(permalink.args).toEqual(expect.objectContaining({ channel: 'C0YOUTH0001', message_ts: ts }));
    const opened = await h.fake.waitFor('views.open', (c) => h.fake.calls.indexOf(c) >= mark);
    const evidence = (opened.args.view.blocks as any[]).find((b) => b.block_id === 'evidence');
    expect(evidence.element.initial_value).toBe(`${permalink.result!.permalink}\nTiedän missä asut.`);
    expect(opened.args.view.title.text).toBe('Tee ilmoitus');
  });

  it('a 429 on an alert makes the relay wait Retry-After; an unknown channel is a permanent failure', async () => {
    h.fake.failNext('chat.postMessage', { status: 429, retryAfterSeconds: 120, where: (args) => args.channel === IT_SECURITY_CHANNEL });
    const { reference } = await report(SLACK.linnea, { ...IDENTITY_THEFT, category: 'phishing', description: 'Ett falskt inloggningsmejl' });
    await h.bot.deliverDue();
    const now = h.clock.now().getTime();
    const row = async () => (await h.bot.reporting.store.outboxFor(reference)).find((r) => r.addressee.kind === 'channel' && r.addressee.channel.id === IT_SECURITY_CHANNEL)!;
    await h.fake.waitFor('chat.postMessage', (c) => c.args.channel === IT_SECURITY_CHANNEL && c.result === undefined);
    const waiting = await eventually(async () => ((await row()).lastError ? row() : undefined));
    expect(waiting.lastError).toBe('slack_rate_limited');
    expect(waiting.status).toBe('pending');
    expect(waiting.nextAttemptAt.getTime() - now).toBeGreaterThanOrEqual(120_000);

    h.fake.failNext('chat.postMessage', { error: 'channel_not_found', where: (args) => args.channel === IT_SECURITY_CHANNEL });
    const second = await report(SLACK.linnea, { ...IDENTITY_THEFT, category: 'malware', description: 'En app som bad om lösenord' });
    await h.bot.deliverDue();
    const dead = await eventually(async () => {
      const r = (await h.bot.reporting.store.outboxFor(second.reference)).find((x) => x.addressee.kind === 'channel' && x.addressee.channel.id === IT_SECURITY_CHANNEL);
      return r?.status === 'dead' ? r : undefined;
    });
    expect(dead.lastError).toBe('slack_channel_not_found');
  });

  it('called only Web API methods whose scopes the manifest grants', () => {
    const called = new Set(h.fake.calls.map((c) => c.method));
    expect([...called].filter((method) => !(method in METHOD_SCOPES))).toEqual([]);
    expect(called.size).toBeGreaterThanOrEqual(7);
  });
});

async function eventually<T>(check: () => Promise<T | undefined>, ms = 8000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 30));
  }
}
