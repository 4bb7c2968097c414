/**
 * The reporter's receipt shown while PostgreSQL is away: the real bot over HTTP (Bolt with signature checks
 * on; the real CloudAdapter) on a PostgreSQL of the test's own (PrivatePostgres), Slack's Web API and the Bot
 * Connector faked on loopback. The database is stopped right after the platform took the receipt, before the
 * bot records it as a copy of the report. Once the database is back the relay records it (ReceiptRecorder),
 * and a later change of the report — made outside that door — redraws the receipt in place (chat.update,
 * updateActivity): its Withdraw is gone. A change made while the receipt waited redraws it as soon as it is
 * recorded. The receipt is sent once.
 */
import { ACTION } from '../../src/adapters/slack/ids';
import { PrivatePostgres } from '../helpers/privatePostgres';
import { DEMO } from '../helpers/reportFixtures';
import { blockText, buttonIds, SLACK, startSlackHarness, type SlackHarness } from '../adapters/slack/slackHarness';
import { slashCommand, stateOf, viewSubmission } from '../adapters/slack/slackPayloads';
import type { RecordedCall } from '../adapters/slack/fakeSlackApi';
import { cardSubmit, installedPersonal, messageActionInvoke, USERS, type TeamsUser } from '../adapters/teams/activities';
import { cardButtons, cardInputs, type ConnectorCall } from '../adapters/teams/fakeConnector';
import { send, startTeamsBot, type TeamsTestBot } from '../adapters/teams/harness';
import { FakeClock } from '../helpers/fakeClock';

jest.setTimeout(120_000);

const HARASSMENT = {
  category: 'harassment',
  platform: 'facebook',
  accountKind: 'own_work_profile',
  description: 'SECRET-RECEIPT Någon skriver elaka kommentarer om mig.',
  occurredOn: '2026-03-15',
  evidence: 'https://facebook.com/kyrkslatt/posts/7',
};

const dmTo = (user: string) => `D${user.slice(1)}`;

async function until(check: () => boolean | Promise<boolean>, ms: number, what: string): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

let pg: PrivatePostgres;

beforeAll(async () => {
  pg = await PrivatePostgres.start();
}, 90_000);

afterAll(async () => {
  await pg?.destroy();
});

describe('Slack (Bolt over HTTP, the fake Slack Web API)', () => {
let h: SlackHarness;

beforeAll(async () => {
  await pg.createDatabase('somebot_receipt_slack');
  h = await startSlackHarness({ DATABASE_URL: pg.url('somebot_receipt_slack') });
}, 90_000);

afterAll(async () => {
  await h?.close();
});

const isReceipt = (c: RecordedCall) => c.method === 'chat.postMessage' && c.args.channel === dmTo(SLACK.anna) && buttonIds(c.args.blocks).includes(ACTION.withdraw);
/** The receipt's posts (the steps Anna is told of are messages of their own). */
const receiptPosts = (reference: string) => h.fake.calls.filter((c) => c.method === 'chat.postMessage' && c.args.channel === dmTo(SLACK.anna) && String(c.args.text).includes(`Din anmälan ${reference} är skickad`));
const logged = (event: string) => h.logLines.filter((l) => l.includes(`"${event}"`)).length;

/** Anna reports through the modal; PostgreSQL stops right after Slack took her receipt. Returns the receipt's post. */
async function reportWhileTheStoreGoesAway(): Promise<{ receipt: RecordedCall; reference: string }> {
  const deferredBefore = logged('receipt_record_deferred');
  h.fake.beforeAnswer = async (call) => {
    if (!isReceipt(call)) return;
    h.fake.beforeAnswer = undefined;
    await pg.stop('fast');
  };
  const mark = h.fake.calls.length;
  await h.send(slashCommand(SLACK.anna, 'anmäl', h.fake.responseUrl(`open-${mark}`)));
  const opened = await h.fake.waitFor('views.open', (c) => h.fake.calls.indexOf(c) >= mark);
  const form = { ...opened.args.view, id: opened.result!.view.id };
  const pushed = (await h.send(viewSubmission(SLACK.anna, form, stateOf(form, HARASSMENT)))).json();
  const preview = { ...pushed.view, id: `VPREVIEW${mark}`, root_view_id: form.id, previous_view_id: form.id };
  expect((await h.send(viewSubmission(SLACK.anna, preview, stateOf(preview)))).json()).toEqual({ response_action: 'clear' });
  const receipt = await h.fake.waitFor('chat.postMessage', (c) => h.fake.calls.indexOf(c) >= mark && isReceipt(c), 20_000);
  const reference = /\bSOME-\d{4}-\d{4,}\b/.exec(blockText(receipt.args.blocks))?.[0];
  expect(reference).toBeDefined();
  // The store's retries run out while the database is still down: the receipt waits in the process.
  await until(() => logged('receipt_record_deferred') > deferredBefore, 40_000, 'the receipt record deferred');
  return { receipt, reference: reference! };
}

/** Brings PostgreSQL back (unless it is) and lets the receipt's next try come due. */
async function storeBack(resume = true): Promise<void> {
  const before = logged('receipt_recorded_later');
  if (resume) await pg.resume();
  h.clock.advance(5 * 60_000);
  await until(() => logged('receipt_recorded_later') > before, 40_000, 'the receipt recorded once the store is back');
}

test('recorded once PostgreSQL is back; resolving the report elsewhere then redraws the receipt in place without Withdraw', async () => {
  const { receipt, reference } = await reportWhileTheStoreGoesAway();
  await storeBack();
  const mark = h.fake.calls.length;
  // Karin resolves the report outside Slack (the core's step, as the web chat and Teams call it).
  await h.bot.reporting.service.resolve(reference, DEMO.karin, 'Klart.');
  await h.bot.deliverDue();
  const update = await h.fake.waitFor('chat.update', (c) => h.fake.calls.indexOf(c) >= mark && c.args.ts === receipt.result!.ts, 20_000);
  expect(update.args.channel).toBe(dmTo(SLACK.anna));
  expect(buttonIds(update.args.blocks)).not.toContain(ACTION.withdraw);
  expect(blockText(update.args.blocks)).toContain(reference);
  expect(blockText(update.args.blocks)).toContain('Avslutad');
  // The receipt was posted once (Anna is told of the outcome in a message of its own); no report text in the logs.
  expect(receiptPosts(reference)).toHaveLength(1);
  expect(h.logLines.filter((l) => l.includes('receipt_record')).some((l) => l.includes('SECRET-RECEIPT'))).toBe(false);
});

test('withdrawn while the receipt waited to be recorded: redrawn as soon as it is recorded', async () => {
  const { receipt, reference } = await reportWhileTheStoreGoesAway();
  // Anna's own Withdraw reached the database first, on another connection, once it was back.
  await pg.resume();
  await h.bot.reporting.service.withdraw(reference, DEMO.anna);
  expect(h.bot.reporting.receipts.pending).toBe(1);
  const mark = h.fake.calls.length;
  await storeBack(false);
  const update = await h.fake.waitFor('chat.update', (c) => h.fake.calls.indexOf(c) >= mark && c.args.ts === receipt.result!.ts, 20_000);
  expect(buttonIds(update.args.blocks)).not.toContain(ACTION.withdraw);
  expect(blockText(update.args.blocks)).toContain('Återkallad');
  expect(receiptPosts(reference)).toHaveLength(1);
});
});

describe('Teams (the real CloudAdapter over HTTP, the fake Bot Connector)', () => {
  let t: TeamsTestBot;
  const clock = new FakeClock();
  const { anna, karin } = USERS;

  beforeAll(async () => {
    await pg.createDatabase('somebot_receipt_teams');
    t = await startTeamsBot({ env: { DATABASE_URL: pg.url('somebot_receipt_teams'), SOMEBOT_RELAY_POLL_MS: '100' }, clock });
    for (const u of [karin, anna]) await send(t, installedPersonal(t.serviceUrl, u));
  }, 120_000);
  afterAll(async () => {
    await t?.close();
  });

  const logged = (event: string) => t.logLines.filter((l) => l.includes(`"${event}"`)).length;
  const actionsOf = (call: ConnectorCall) => cardButtons(call.body).map((b) => String(b.data.action));
  const isReceiptCard = (call: ConnectorCall) => call.conversationId === anna.personalConversation && ['send', 'reply'].includes(call.kind) && actionsOf(call).includes('report.withdraw');

  const extensionInvoke = (u: TeamsUser, name: string, value: Record<string, unknown>) => messageActionInvoke(t.serviceUrl, u, name, value);

  it('a receipt card sent while PostgreSQL stops is recorded once it is back; resolving elsewhere updates it in place without Withdraw', async () => {
    const messagePayload = {
      id: '1716888000001',
      messageType: 'message',
      createdDateTime: '2026-03-16T07:55:00.000Z',
      from: { user: { id: 'aad-of-sender', displayName: 'Okänd avsändare', userIdentityType: 'aadUser' } },
      body: { contentType: 'html', content: '<p>Logga in här: https://evil.example/login</p>' },
      linkToMessage: 'https://teams.microsoft.com/l/message/19:general-kyrkslatt@thread.tacv2/1716888000001',
    };
    const fetched = await t.post(extensionInvoke(anna, 'composeExtension/fetchTask', { commandId: 'reportMessage', commandContext: 'message', context: { theme: 'default' }, messagePayload }));
    const task = JSON.parse(fetched.body) as { task: { value: { card: Record<string, unknown> } } };
    const form = { attachments: [task.task.value.card] };
    const submit = cardButtons(form).find((b) => b.data.action === 'report.submit_form')!.data;
    const values = {
      category: 'phishing',
      immediateDanger: 'false',
      platform: 'other',
      platformOther: 'Teams',
      accountKind: 'organisation_account',
      occurredOn: String(cardInputs(form).get('occurredOn')?.value),
      evidence: String(cardInputs(form).get('evidence')?.value),
      subjectIsManager: 'false',
      description: 'SECRET-TEAMS-RECEIPT Ett nätfiske i kanalen Allmänt.',
    };
    await t.post(extensionInvoke(anna, 'composeExtension/submitAction', { commandId: 'reportMessage', commandContext: 'message', data: { ...submit, ...values }, messagePayload }));
    const preview = t.connector.to(anna.personalConversation, ['send', 'reply']).at(-1)!;
    const confirm = cardButtons(preview.body).find((b) => b.data.choice === 'confirm')!;

    // PostgreSQL stops right after the Bot Connector took the receipt card.
    const deferredBefore = logged('receipt_record_deferred');
    t.connector.beforeAnswer = async (call) => {
      if (!isReceiptCard(call)) return;
      t.connector.beforeAnswer = undefined;
      await pg.stop('fast');
    };
    await send(t, cardSubmit(t.serviceUrl, anna, confirm.data, preview.newId));
    const receipt = t.connector.calls.find(isReceiptCard)!;
    expect(receipt.newId).toBeDefined();
    const reference = String(cardButtons(receipt.body).find((b) => b.data.action === 'report.details')!.data.reference);
    await until(() => logged('receipt_record_deferred') > deferredBefore, 40_000, 'the receipt record deferred');

    const recordedBefore = logged('receipt_recorded_later');
    await pg.resume();
    clock.advance(5 * 60_000);
    await until(() => logged('receipt_recorded_later') > recordedBefore, 40_000, 'the receipt recorded once the store is back');

    // Karin resolves the report outside Teams (the core's step, as the web chat and Slack call it).
    await t.bot.reporting.service.resolve(reference, DEMO.karin, 'Klart.');
    await t.bot.deliverDue();
    const updates = () => t.connector.to(anna.personalConversation, ['update']).filter((c) => c.activityId === receipt.newId);
    await until(() => updates().length > 0, 20_000, 'the receipt card updated in place');
    const updated = updates().at(-1)!;
    expect(actionsOf(updated)).not.toContain('report.withdraw');
    expect(JSON.stringify(updated.body)).toContain(reference);
    // Sent once; no report text in the logs.
    expect(t.connector.calls.filter(isReceiptCard)).toHaveLength(1);
    expect(t.logLines.some((l) => l.includes('SECRET-TEAMS-RECEIPT'))).toBe(false);
  });
});
