/**
 * Teams at parity with the other doors, over HTTP through the real CloudAdapter with the fake Bot Connector:
 * resolve with an outcome note from the alert card, the reporter's withdraw, details (access-checked and
 * audited), "my reports" and "assigned to me", the message extension "Report this message", and each
 * viewer's copy redrawn with only the buttons that still apply.
 */
import { draft } from '../../helpers/db';
import { cardSubmit, installedInTeam, installedPersonal, IT_CHANNEL, IT_TEAM, messageActionInvoke, personalMessage, USERS, type TeamsUser } from './activities';
import { activityText, cardButtons, cardInputs, type ConnectorCall } from './fakeConnector';
import { send, startTeamsBot, type TeamsTestBot } from './harness';

/** Every button of a card, Action.ShowCard included (its inner submit is found by cardButtons). */
function actionsOf(call: ConnectorCall): string[] {
  return cardButtons(call.body).map((b) => String(b.data.action));
}

/** All text of a card, RichTextBlock runs included. */
function cardJson(call: ConnectorCall): string {
  return JSON.stringify(call.body);
}

function lastTo(t: TeamsTestBot, u: TeamsUser, kinds: ConnectorCall['kind'][] = ['send', 'reply']): ConnectorCall {
  const last = t.connector.to(u.personalConversation, kinds).at(-1);
  if (!last) throw new Error(`nothing was posted to ${u.directoryId}`);
  return last;
}

function buttonData(call: ConnectorCall, action: string): Record<string, unknown> {
  const found = cardButtons(call.body).find((b) => b.data.action === action);
  if (!found) throw new Error(`no ${action} button in ${JSON.stringify(cardButtons(call.body))}`);
  return found.data;
}

/** A message extension invoke from a message in the IT team's channel. */
const extensionInvoke = (t: TeamsTestBot, u: TeamsUser, name: string, value: Record<string, unknown>) => messageActionInvoke(t.serviceUrl, u, name, value, { teamId: IT_TEAM });

const MESSAGE_PAYLOAD = {
  id: '1716999000001',
  messageType: 'message',
  createdDateTime: '2026-03-16T07:55:00.000Z',
  from: { user: { id: 'aad-of-sender', displayName: 'Okänd avsändare', userIdentityType: 'aadUser' } },
  body: { contentType: 'html', content: '<p>Klicka här &amp; logga in: https://evil.example/login</p><p>Annars stängs ditt konto <b>i dag</b>.</p>' },
  linkToMessage: 'https://teams.microsoft.com/l/message/19:general-kyrkslatt@thread.tacv2/1716999000001',
};

describe('Teams at parity: resolve, withdraw, details, lists, report a message, per-viewer refresh', () => {
  let t: TeamsTestBot;
  beforeAll(async () => {
    t = await startTeamsBot();
    for (const u of [USERS.karin, USERS.anna, USERS.mikko, USERS.timo]) await send(t, installedPersonal(t.serviceUrl, u));
    await send(t, installedInTeam(t.serviceUrl, USERS.timo, IT_CHANNEL));
  }, 120_000); // the first bot of a process may build the search index, slow on a busy machine
  afterAll(async () => {
    await t?.close();
  });
  beforeEach(() => t.connector.reset());

  it('resolves from the alert card with an outcome note that reaches the reporter; an empty note is refused', async () => {
    const { karin, anna } = USERS;
    const receipt = await t.bot.reporting.service.submit(draft({ category: 'harassment' }), anna.directoryId);
    await t.bot.deliverDue();
    const alert = t.connector.to(karin.personalConversation, ['send']).find((c) => activityText(c.body).includes(receipt.reference))!;
    expect(actionsOf(alert)).toEqual(['report.acknowledge', 'report.resolve', 'report.details']);
    expect(cardInputs(alert.body).get('outcome')).toEqual(expect.objectContaining({ type: 'Input.Text', isRequired: true }));

    const resolve = buttonData(alert, 'report.resolve');
    await send(t, cardSubmit(t.serviceUrl, karin, { ...resolve, outcome: '   ' }, alert.newId));
    expect(activityText(lastTo(t, karin).body)).toMatch(/utfallet|anteckning|5000/i);
    expect((await t.bot.reporting.store.getReport(receipt.reference))?.status).toBe('submitted');

    const note = 'Kontot är anmält till Facebook och kommentarerna är borttagna.';
    await send(t, cardSubmit(t.serviceUrl, karin, { ...resolve, outcome: note }, alert.newId));
    const stored = await t.bot.reporting.store.getReport(receipt.reference);
    expect(stored?.status).toBe('resolved');
    expect(stored?.outcomeNote).toBe(note);
    // Her card is redrawn in place: no step is left, only Details.
    const updated = t.connector.to(karin.personalConversation, ['update']).filter((c) => c.activityId === alert.newId).at(-1)!;
    expect(actionsOf(updated)).toEqual(['report.details']);
    expect(activityText(updated.body)).toMatch(/Karin Nyström \(chef\) .* \d\d:\d\d/);
    // The reporter hears of it, with the note.
    await t.bot.deliverDue();
    expect(t.connector.to(anna.personalConversation, ['send']).some((c) => activityText(c.body).includes(note))).toBe(true);
  });

  it('redraws each viewer’s copy with only the buttons that still apply, whichever copy was used', async () => {
    const { karin, timo } = USERS;
    const receipt = await t.bot.reporting.service.submit(draft({ category: 'phishing', immediateDanger: false }), USERS.anna.directoryId);
    await t.bot.deliverDue();
    const channelPost = t.connector.to(IT_CHANNEL, ['send']).find((c) => activityText(c.body).includes(receipt.reference))!;
    const karinCopy = t.connector.to(karin.personalConversation, ['send']).find((c) => activityText(c.body).includes(receipt.reference))!;
    expect(actionsOf(channelPost)).toEqual(['report.acknowledge', 'report.resolve', 'report.details']);

    // Timo acknowledges from the team's post: Karin's own copy changes too.
    await send(t, cardSubmit(t.serviceUrl, timo, buttonData(channelPost, 'report.acknowledge'), channelPost.newId, { channel: IT_CHANNEL }));
    await t.bot.deliverDue();
    const karinAfterAck = t.connector.to(karin.personalConversation, ['update']).filter((c) => c.activityId === karinCopy.newId).at(-1)!;
    expect(actionsOf(karinAfterAck)).toEqual(['report.start_progress', 'report.resolve', 'report.details']);
    expect(activityText(karinAfterAck.body)).toContain('Timo Korhonen');

    // Karin resolves from her copy: the team's post loses every step.
    await send(t, cardSubmit(t.serviceUrl, karin, { ...buttonData(karinAfterAck, 'report.resolve'), outcome: 'Länken är spärrad.' }, karinCopy.newId));
    await t.bot.deliverDue();
    const postAfterResolve = t.connector.to(IT_CHANNEL, ['update']).filter((c) => c.activityId === channelPost.newId).at(-1)!;
    expect(actionsOf(postAfterResolve)).toEqual(['report.details']);
    expect(activityText(postAfterResolve.body)).toContain('Karin Nyström');

    // An outdated Acknowledge on the team's post gets the translated state, and nothing changes.
    t.connector.reset();
    await send(t, cardSubmit(t.serviceUrl, timo, buttonData(channelPost, 'report.acknowledge'), channelPost.newId, { channel: IT_CHANNEL }));
    const told = t.connector.calls.find((c) => c.kind === 'reply' || c.kind === 'send')!;
    expect(activityText(told.body)).toMatch(new RegExp(`${receipt.reference}: Käsitelty\\. Karin Nyström`));
    expect((await t.bot.reporting.store.getReport(receipt.reference))?.status).toBe('resolved');
  });

  it('lists my reports and those assigned to me on request, in the person’s language', async () => {
    const { anna, karin, mikko } = USERS;
    const receipt = await t.bot.reporting.service.submit(draft({ category: 'harassment' }), mikko.directoryId);
    await send(t, personalMessage(t.serviceUrl, mikko, 'omat ilmoitukset'));
    const mine = lastTo(t, mikko);
    expect(activityText(mine.body)).toContain('Omat ilmoitukseni');
    expect(activityText(mine.body)).toContain(receipt.reference);
    expect(cardButtons(mine.body).find((b) => b.data.reference === receipt.reference)?.data.action).toBe('report.details');
    // Listing is not a view: nothing decrypted is shown, nothing is audited.
    expect(cardJson(mine)).not.toContain(draft().description);
    expect((await t.bot.reporting.store.timeline(receipt.reference)).filter((e) => e.event === 'viewed')).toEqual([]);

    await send(t, personalMessage(t.serviceUrl, karin, 'Anmälningar till mig'));
    const assigned = lastTo(t, karin);
    expect(activityText(assigned.body)).toContain('Anmälningar till mig');
    expect(activityText(assigned.body)).toContain(receipt.reference);

    // Anna made none of Mikko's: her list does not name it, and his is not "assigned" to her.
    await send(t, personalMessage(t.serviceUrl, anna, 'anmälningar till mig'));
    expect(activityText(lastTo(t, anna).body)).not.toContain(receipt.reference);
  });

  it('shows details only to those allowed, records views once per window and refusals always', async () => {
    const { karin, timo, mikko } = USERS;
    const receipt = await t.bot.reporting.service.submit(draft({ category: 'harassment', description: 'Se [Bekräfta här](https://evil.example) nu' }), mikko.directoryId);
    const details = { action: 'report.details', reference: receipt.reference };
    await send(t, cardSubmit(t.serviceUrl, karin, details, undefined));
    const card = lastTo(t, karin);
    expect(activityText(card.body)).toContain(`Anmälan ${receipt.reference}`);
    // Reporter text is a TextRun (never Markdown) inside the card.
    expect(card.body.attachments).toBeDefined();
    expect(cardJson(card)).toContain('"type":"TextRun","text":"Se [Bekräfta här](https://evil.example) nu"');
    expect(actionsOf(card)).toEqual(['report.resolve']);
    await send(t, cardSubmit(t.serviceUrl, karin, details, undefined));

    await send(t, cardSubmit(t.serviceUrl, timo, details, undefined));
    expect(cardJson(lastTo(t, timo))).not.toContain('Bekräfta här');
    const timeline = await t.bot.reporting.store.timeline(receipt.reference);
    expect(timeline.filter((e) => e.event === 'viewed').map((e) => e.actor)).toEqual(['person:karin.nystrom']);
    expect(timeline.filter((e) => e.event === 'view_refused').map((e) => e.actor)).toEqual(['person:timo.korhonen']);
  });

  it('keeps a details card up to date in place for its own viewer when someone else acts on another door; the old button gets the current state', async () => {
    const { karin, timo } = USERS;
    const { reference } = await t.bot.reporting.service.submit(draft({ category: 'phishing', immediateDanger: false }), USERS.anna.directoryId);
    await t.bot.deliverDue();
    const details = { action: 'report.details', reference };
    // Karin (manager) opens the details in her personal chat; Timo (IT security) from the team's channel, so his
    // card goes to his personal chat. Each is a copy of the report for its own viewer.
    await send(t, cardSubmit(t.serviceUrl, karin, details, undefined));
    const karinCard = lastTo(t, karin);
    expect(actionsOf(karinCard)).toEqual(['report.resolve']);
    await send(t, cardSubmit(t.serviceUrl, timo, details, undefined, { channel: IT_CHANNEL }));
    const timoCard = lastTo(t, timo, ['send']);
    expect(activityText(timoCard.body)).toContain(`Ilmoitus ${reference}`);
    expect(actionsOf(timoCard)).toEqual(['report.resolve']);
    const nowOf = (u: TeamsUser, card: ConnectorCall) => t.connector.to(u.personalConversation, ['update']).filter((c) => c.activityId === card.newId).at(-1);

    // Timo acknowledges from another door: both cards are redrawn in place, Resolve still applies.
    await t.bot.reporting.service.acknowledge(reference, timo.directoryId);
    await t.bot.deliverDue();
    expect(actionsOf(nowOf(karin, karinCard)!)).toEqual(['report.resolve']);
    expect(activityText(nowOf(karin, karinCard)!.body)).toContain('Timo Korhonen');
    expect(activityText(nowOf(karin, karinCard)!.body)).toContain('Bekräftad');

    // Timo resolves from another door: Karin's card (Swedish, as she asked) shows the new state, who closed it
    // and the outcome note, and no longer offers Resolve; Timo's own card (Finnish) too.
    const note = 'Länken är spärrad i brandväggen.';
    await t.bot.reporting.service.resolve(reference, timo.directoryId, note);
    await t.bot.deliverDue();
    const karinNow = nowOf(karin, karinCard)!;
    expect(actionsOf(karinNow)).toEqual([]);
    expect(activityText(karinNow.body)).toContain(`Anmälan ${reference}`);
    expect(activityText(karinNow.body)).toContain('Avslutad');
    expect(activityText(karinNow.body)).toMatch(/Timo Korhonen \(informationsförvaltningen\) avslutade detta \d\d:\d\d/);
    expect(activityText(karinNow.body)).toContain(note);
    expect(actionsOf(nowOf(timo, timoCard)!)).toEqual([]);
    expect(activityText(nowOf(timo, timoCard)!.body)).toContain('Käsitelty');
    // A redraw is not a new view: each viewer's view is recorded once.
    const timeline = await t.bot.reporting.store.timeline(reference);
    expect(timeline.filter((e) => e.event === 'viewed').map((e) => e.actor).sort()).toEqual(['person:karin.nystrom', 'person:timo.korhonen']);

    // Karin's old Resolve (from the card as first sent) gets the current state in words; nothing changes.
    t.connector.reset();
    await send(t, cardSubmit(t.serviceUrl, karin, { ...buttonData(karinCard, 'report.resolve'), outcome: 'Något annat.' }, karinCard.newId));
    expect(activityText(lastTo(t, karin).body)).toMatch(new RegExp(`${reference}: Avslutad\\. Timo Korhonen`));
    const stored = await t.bot.reporting.store.getReport(reference);
    expect(stored).toMatchObject({ status: 'resolved', outcomeNote: note });
  });

  it('lets the reporter withdraw from the details card after confirming; cancel changes nothing; the card and every alert copy lose their buttons', async () => {
    const { karin, mikko } = USERS;
    const receipt = await t.bot.reporting.service.submit(draft({ category: 'harassment' }), mikko.directoryId);
    const reference = receipt.reference;
    await t.bot.deliverDue();
    const alert = t.connector.to(karin.personalConversation, ['send']).find((c) => activityText(c.body).includes(reference))!;
    const status = async () => (await t.bot.reporting.store.getReport(reference))?.status;
    const cardNow = () => t.connector.to(mikko.personalConversation, ['update']).filter((c) => c.activityId === card.newId).at(-1)!;

    await send(t, cardSubmit(t.serviceUrl, mikko, { action: 'report.details', reference }, undefined));
    const card = lastTo(t, mikko);
    expect(actionsOf(card)).toEqual(['report.withdraw']);
    // Karin may not withdraw Mikko's report: neither ask, nor confirm with a forged payload.
    await send(t, cardSubmit(t.serviceUrl, karin, buttonData(card, 'report.withdraw'), undefined));
    await send(t, cardSubmit(t.serviceUrl, karin, { action: 'report.withdraw_confirm', reference, reporter: karin.directoryId }, undefined));
    await send(t, cardSubmit(t.serviceUrl, karin, { action: 'report.withdraw_confirm', reference, reporter: mikko.directoryId }, undefined));
    expect(await status()).toBe('submitted');
    expect((await t.bot.reporting.store.timeline(reference)).filter((e) => e.event === 'action_refused')).toHaveLength(3);

    // Withdraw asks first, on the card in the button's place (Mikko reads Finnish); nothing changes yet.
    await send(t, cardSubmit(t.serviceUrl, mikko, buttonData(card, 'report.withdraw'), card.newId));
    expect(await status()).toBe('submitted');
    const asking = cardNow();
    expect(actionsOf(asking)).toEqual(['report.withdraw_confirm', 'report.withdraw_cancel']);
    expect(activityText(asking.body)).toContain(`Haluatko varmasti perua ilmoituksen ${reference}? Vastaanottajille kerrotaan, että se on peruttu.`);
    expect(buttonData(asking, 'report.withdraw_confirm')).toMatchObject({ reference, reporter: mikko.directoryId, from: 'details' });

    // Cancel: nothing changes and Mikko is told so; the card has its Withdraw back.
    await send(t, cardSubmit(t.serviceUrl, mikko, buttonData(asking, 'report.withdraw_cancel'), card.newId));
    expect(await status()).toBe('submitted');
    expect(actionsOf(cardNow())).toEqual(['report.withdraw']);
    expect(activityText(lastTo(t, mikko).body)).toBe(`Ilmoitusta ${reference} ei peruttu. Mitään ei muutettu.`);

    // Ask again and confirm: the report is withdrawn, the card and Karin's alert lose their steps.
    await send(t, cardSubmit(t.serviceUrl, mikko, buttonData(cardNow(), 'report.withdraw'), card.newId));
    const confirm = buttonData(cardNow(), 'report.withdraw_confirm');
    await send(t, cardSubmit(t.serviceUrl, mikko, confirm, card.newId));
    expect(await status()).toBe('withdrawn');
    expect(actionsOf(cardNow())).toEqual([]);
    expect(activityText(cardNow().body)).toContain('Peruttu');
    await t.bot.deliverDue();
    const karinCopy = t.connector.to(karin.personalConversation, ['update']).filter((c) => c.activityId === alert.newId).at(-1)!;
    expect(actionsOf(karinCopy)).toEqual(['report.details']);
    const toldKarin = t.connector.to(karin.personalConversation, ['send']).filter((c) => activityText(c.body).includes(reference)).length;

    // The old buttons again (Withdraw, and the confirm clicked twice): the outdated-click explanation, nothing changes.
    t.connector.reset();
    await send(t, cardSubmit(t.serviceUrl, mikko, buttonData(card, 'report.withdraw'), card.newId));
    expect(activityText(lastTo(t, mikko).body)).toMatch(new RegExp(`^Tämä ei ole enää mahdollista\\. ${reference}: Peruttu`));
    await send(t, cardSubmit(t.serviceUrl, mikko, confirm, undefined));
    expect(activityText(lastTo(t, mikko).body)).toMatch(new RegExp(`^Tämä ei ole enää mahdollista\\. ${reference}: Peruttu`));
    await t.bot.deliverDue();
    expect((await t.bot.reporting.store.timeline(reference)).filter((e) => e.event === 'withdrawn')).toHaveLength(1);
    expect(t.connector.to(karin.personalConversation, ['send']).filter((c) => activityText(c.body).includes(reference))).toHaveLength(0);
    expect(toldKarin).toBeGreaterThan(1);
  });

  it('"Report this message" opens the form with the message as evidence and submits it through the same dialog', async () => {
    const { anna, karin } = USERS;
    const reportsBefore = (await t.bot.reporting.store.listReports()).length;
    const fetched = await t.post(extensionInvoke(t, anna, 'composeExtension/fetchTask', { commandId: 'reportMessage', commandContext: 'message', context: { theme: 'default' }, messagePayload: MESSAGE_PAYLOAD }));
    expect(fetched.status).toBe(200);
    const task = JSON.parse(fetched.body) as { task: { type: string; value: { title: string; card: { contentType: string; content: Record<string, unknown> } } } };
    expect(task.task.type).toBe('continue');
    expect(task.task.value.title).toBe('Anmäl meddelandet');
    expect(task.task.value.card.contentType).toBe('application/vnd.microsoft.card.adaptive');
    const form = { body: { attachments: [task.task.value.card] } } as unknown as ConnectorCall;
    const evidence = cardInputs(form.body).get('evidence');
    expect(evidence?.value).toBe(`${MESSAGE_PAYLOAD.linkToMessage}\nKlicka här & logga in: https://evil.example/login\nAnnars stängs ditt konto i dag.`);
    const submit = buttonData(form, 'report.submit_form');
    const values = {
      category: 'phishing',
      immediateDanger: 'false',
      platform: 'other',
      platformOther: 'Teams',
      accountKind: 'organisation_account',
      occurredOn: String(cardInputs(form.body).get('occurredOn')?.value),
      evidence: String(evidence?.value),
      subjectIsManager: 'false',
    };

    // Without a description the form comes back with the error, in the task module.
    const rejected = await t.post(extensionInvoke(t, anna, 'composeExtension/submitAction', { commandId: 'reportMessage', commandContext: 'message', data: { ...submit, ...values, description: '' }, messagePayload: MESSAGE_PAYLOAD }));
    const again = JSON.parse(rejected.body) as { task: { type: string; value: { card: Record<string, unknown> } } };
    expect(again.task.type).toBe('continue');
    expect(JSON.stringify(again.task.value.card)).toContain('attention');
    expect(await t.bot.reporting.store.listReports()).toHaveLength(reportsBefore);

    const accepted = await t.post(
      extensionInvoke(t, anna, 'composeExtension/submitAction', {
        commandId: 'reportMessage',
        commandContext: 'message',
        data: { ...submit, ...values, description: 'Ett nätfiske i kanalen Allmänt.' },
        messagePayload: MESSAGE_PAYLOAD,
      }),
    );
    expect(JSON.parse(accepted.body)).toEqual({ task: { type: 'message', value: expect.stringContaining('privata chatt') } });
    // The preview waits in Anna's personal chat; Confirm there commits it like any report.
    const preview = lastTo(t, anna);
    expect(preview.kind).toBe('send');
    const confirm = cardButtons(preview.body).find((b) => b.data.choice === 'confirm')!;
    await send(t, cardSubmit(t.serviceUrl, anna, confirm.data, preview.newId));
    // Under the receipt: the reporter's Details and Withdraw.
    const receiptActions = lastTo(t, anna);
    expect(actionsOf(receiptActions)).toEqual(['report.details', 'report.withdraw']);
    const reports = await t.bot.reporting.store.listReports();
    expect(reports).toHaveLength(reportsBefore + 1);
    const made = (await t.bot.reporting.store.getReport(reports.find((r) => r.category === 'phishing' && r.status === 'submitted')!.reference))!;
    expect(made.content?.evidence.links).toEqual([MESSAGE_PAYLOAD.linkToMessage, 'https://evil.example/login']);
    // A line with words is kept whole as a quote (its link is also a link).
    expect(made.content?.evidence.quotes).toEqual(['Klicka här & logga in: https://evil.example/login', 'Annars stängs ditt konto i dag.']);
    await t.bot.deliverDue();
    expect(t.connector.to(karin.personalConversation, ['send']).some((c) => activityText(c.body).includes(made.reference))).toBe(true);

    // Withdraw from under the receipt asks first on that card; confirmed, the report closes and the card keeps only Details.
    expect(buttonData(receiptActions, 'report.withdraw').reference).toBe(made.reference);
    await send(t, cardSubmit(t.serviceUrl, anna, buttonData(receiptActions, 'report.withdraw'), receiptActions.newId));
    const receiptNow = () => t.connector.to(anna.personalConversation, ['update']).filter((c) => c.activityId === receiptActions.newId).at(-1)!;
    expect(actionsOf(receiptNow())).toEqual(['report.details', 'report.withdraw_confirm', 'report.withdraw_cancel']);
    expect(activityText(receiptNow().body)).toContain(`Vill du verkligen återkalla anmälan ${made.reference}? Mottagarna får veta att den återkallats.`);
    expect((await t.bot.reporting.store.getReport(made.reference))?.status).toBe('submitted');
    await send(t, cardSubmit(t.serviceUrl, anna, buttonData(receiptNow(), 'report.withdraw_confirm'), receiptActions.newId));
    expect((await t.bot.reporting.store.getReport(made.reference))?.status).toBe('withdrawn');
    expect(actionsOf(receiptNow())).toEqual(['report.details']);
  });

  /** Anna reports a message through the message extension and confirms the preview; her receipt's card as sent. */
  async function reportThroughExtension(description: string): Promise<{ reference: string; receiptActions: ConnectorCall }> {
    const { anna } = USERS;
    const fetched = await t.post(extensionInvoke(t, anna, 'composeExtension/fetchTask', { commandId: 'reportMessage', commandContext: 'message', context: { theme: 'default' }, messagePayload: MESSAGE_PAYLOAD }));
    const task = JSON.parse(fetched.body) as { task: { value: { card: Record<string, unknown> } } };
    const form = { body: { attachments: [task.task.value.card] } } as unknown as ConnectorCall;
    const values = {
      category: 'phishing',
      immediateDanger: 'false',
      platform: 'other',
      platformOther: 'Teams',
      accountKind: 'organisation_account',
      occurredOn: String(cardInputs(form.body).get('occurredOn')?.value),
      evidence: String(cardInputs(form.body).get('evidence')?.value),
      subjectIsManager: 'false',
      description,
    };
    await t.post(extensionInvoke(t, anna, 'composeExtension/submitAction', { commandId: 'reportMessage', commandContext: 'message', data: { ...buttonData(form, 'report.submit_form'), ...values }, messagePayload: MESSAGE_PAYLOAD }));
    const preview = lastTo(t, anna);
    await send(t, cardSubmit(t.serviceUrl, anna, cardButtons(preview.body).find((b) => b.data.choice === 'confirm')!.data, preview.newId));
    const receiptActions = lastTo(t, anna);
    return { reference: String(buttonData(receiptActions, 'report.details').reference), receiptActions };
  }

  it('redraws the receipt card in place on every change made on another door; its Withdraw goes once someone else closes the report', async () => {
    const { anna } = USERS;
    const { reference, receiptActions } = await reportThroughExtension('Ett nätfiske till, i kanalen Allmänt.');
    expect(actionsOf(receiptActions)).toEqual(['report.details', 'report.withdraw']);
    await t.bot.deliverDue();
    const receiptNow = () => t.connector.to(anna.personalConversation, ['update']).filter((c) => c.activityId === receiptActions.newId).at(-1);

    // Timo (IT security) acknowledges elsewhere: the card says so and still offers Withdraw.
    await t.bot.reporting.service.acknowledge(reference, USERS.timo.directoryId);
    await t.bot.deliverDue();
    expect(actionsOf(receiptNow()!)).toEqual(['report.details', 'report.withdraw']);
    expect(activityText(receiptNow()!.body)).toContain('Timo Korhonen');

    // Timo resolves it: the card loses Withdraw, and says who closed it.
    await t.bot.reporting.service.resolve(reference, USERS.timo.directoryId, 'Länken är blockerad.');
    await t.bot.deliverDue();
    expect(actionsOf(receiptNow()!)).toEqual(['report.details']);
    expect(activityText(receiptNow()!.body)).toContain('Avslutad');
  });

  it('tells a person outside the directory why the message cannot be reported, in their language', async () => {
    const res = await t.post(extensionInvoke(t, USERS.stranger, 'composeExtension/fetchTask', { commandId: 'reportMessage', commandContext: 'message', messagePayload: MESSAGE_PAYLOAD }));
    expect(res.status).toBe(200);
    expect(JSON.parse(res.body)).toEqual({ task: { type: 'message', value: expect.stringMatching(/hakemisto/) } });
  });

  it('still answers 501 to invokes and extension commands it does not know', async () => {
    const unknownCommand = await t.post(extensionInvoke(t, USERS.anna, 'composeExtension/fetchTask', { commandId: 'somethingElse', commandContext: 'message' }));
    expect(unknownCommand.status).toBe(501);
    const query = await t.post(extensionInvoke(t, USERS.anna, 'composeExtension/query', { commandId: 'search', parameters: [] }));
    expect(query.status).toBe(501);
  });
  it('explains a click that no longer applies in the language of the person’s copies of the report', async () => {
    // Timo's copies are Finnish (his directory language), whatever his Teams client is set to today.
    const timoInSwedish = { ...USERS.timo, locale: 'sv-FI' };
    const phishing = await t.bot.reporting.service.submit(draft({ category: 'phishing' }), USERS.anna.directoryId);
    await t.bot.reporting.service.acknowledge(phishing.reference, USERS.linnea.directoryId);
    t.connector.reset();
    await send(t, cardSubmit(t.serviceUrl, timoInSwedish, { action: 'report.acknowledge', reference: phishing.reference }, undefined));
    expect(activityText(lastTo(t, USERS.timo).body)).toMatch(new RegExp(`${phishing.reference}: Vastaanotettu\\. Linnea Berg`));
    expect((await t.bot.reporting.store.timeline(phishing.reference)).filter((e) => e.event === 'acknowledged')).toHaveLength(1);

    // Anna (Swedish in the directory and in Teams) reported in Finnish: her receipt, and so the refusal, are Finnish.
    const harassment = await t.bot.reporting.service.submit(draft({ category: 'harassment' }), USERS.anna.directoryId, { lang: 'fi' });
    await t.bot.reporting.service.resolve(harassment.reference, USERS.karin.directoryId, 'Hanterat.');
    t.connector.reset();
    await send(t, cardSubmit(t.serviceUrl, USERS.anna, { action: 'report.withdraw', reference: harassment.reference }, undefined));
    expect(activityText(lastTo(t, USERS.anna).body)).toMatch(new RegExp(`${harassment.reference}: Käsitelty`));
    // The confirm of a question asked before the report was resolved: the same explanation, nothing changes.
    await send(t, cardSubmit(t.serviceUrl, USERS.anna, { action: 'report.withdraw_confirm', reference: harassment.reference, reporter: USERS.anna.directoryId, from: 'question' }, undefined));
    expect(activityText(lastTo(t, USERS.anna).body)).toMatch(new RegExp(`^Tämä ei ole enää mahdollista\\. ${harassment.reference}: Käsitelty`));
    expect((await t.bot.reporting.store.getReport(harassment.reference))?.status).toBe('resolved');
  });

  it('answers a question card’s Cancel and Withdraw with a message of their own when the card cannot be redrawn', async () => {
    const { mikko } = USERS;
    const { reference } = await t.bot.reporting.service.submit(draft({ category: 'harassment' }), mikko.directoryId);
    // A Withdraw with no card to draw on (an alert's, an old message's) asks on a question card of its own.
    await send(t, cardSubmit(t.serviceUrl, mikko, { action: 'report.withdraw', reference }, undefined));
    const question = lastTo(t, mikko);
    expect(actionsOf(question)).toEqual(['report.withdraw_confirm', 'report.withdraw_cancel']);

    // Teams refuses to update the card: Cancel is still answered, visibly, and nothing changes.
    t.connector.failNext(404, { kind: 'update' });
    await send(t, cardSubmit(t.serviceUrl, mikko, buttonData(question, 'report.withdraw_cancel'), question.newId));
    expect(activityText(lastTo(t, mikko).body)).toBe(`Ilmoitusta ${reference} ei peruttu. Mitään ei muutettu.`);
    expect((await t.bot.reporting.store.getReport(reference))?.status).toBe('submitted');

    // And the confirm: withdrawn, and said so in a message.
    t.connector.failNext(404, { kind: 'update' });
    await send(t, cardSubmit(t.serviceUrl, mikko, buttonData(question, 'report.withdraw_confirm'), question.newId));
    expect((await t.bot.reporting.store.getReport(reference))?.status).toBe('withdrawn');
    expect(t.connector.to(mikko.personalConversation, ['send', 'reply']).map((c) => activityText(c.body))).toContain(`Peruit ilmoituksen ${reference}. Sen saaneille kerrotaan siitä.`);

    // With a card that can be redrawn, the question card itself becomes the answer: no second message.
    const other = await t.bot.reporting.service.submit(draft({ category: 'harassment' }), mikko.directoryId);
    await send(t, cardSubmit(t.serviceUrl, mikko, { action: 'report.withdraw', reference: other.reference }, undefined));
    const asked = lastTo(t, mikko);
    const before = t.connector.to(mikko.personalConversation, ['send', 'reply']).length;
    await send(t, cardSubmit(t.serviceUrl, mikko, buttonData(asked, 'report.withdraw_cancel'), asked.newId));
    expect(t.connector.to(mikko.personalConversation, ['send', 'reply'])).toHaveLength(before);
    expect(activityText(t.connector.to(mikko.personalConversation, ['update']).filter((c) => c.activityId === asked.newId).at(-1)!.body)).toBe(`Ilmoitusta ${other.reference} ei peruttu. Mitään ei muutettu.`);
  });

  it('asks the same question when the reporter types the command; the question card’s buttons answer it', async () => {
    const { mikko } = USERS;
    const { reference } = await t.bot.reporting.service.submit(draft({ category: 'harassment' }), mikko.directoryId);
    await send(t, personalMessage(t.serviceUrl, mikko, `peru ${reference}`));
    const question = lastTo(t, mikko);
    expect(activityText(question.body)).toContain(`Haluatko varmasti perua ilmoituksen ${reference}?`);
    // The question's own two buttons: no second Cancel, no "use the form".
    expect(cardButtons(question.body).map((b) => b.data.choice)).toEqual(['report.withdraw_confirm', 'cancel']);
    expect((await t.bot.reporting.store.getReport(reference))?.status).toBe('submitted');
    const confirm = cardButtons(question.body).find((b) => b.data.choice === 'report.withdraw_confirm')!;
    await send(t, cardSubmit(t.serviceUrl, mikko, confirm.data, question.newId));
    expect(activityText(lastTo(t, mikko).body)).toContain(reference);
    expect((await t.bot.reporting.store.getReport(reference))?.status).toBe('withdrawn');
  });
});
