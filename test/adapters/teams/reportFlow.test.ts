/**
 * End to end over HTTP through the real CloudAdapter: a harassment report made with the card form reaches
 * the manager proactively, Acknowledge updates the manager's card in place and the reporter is told.
 */
import { cardSubmit, installedPersonal, personalMessage, USERS, type TeamsUser } from './activities';
import { activityText, cardButtons, cardInputs, type ConnectorCall } from './fakeConnector';
import { send, startTeamsBot, type TeamsTestBot } from './harness';

const DESCRIPTION = 'SECRET-TEAMS En man skriver kränkande kommentarer om mig under varje inlägg.';

/** The last activity the bot posted to a user (send or reply). */
function lastTo(t: TeamsTestBot, u: TeamsUser): ConnectorCall {
  const calls = t.connector.to(u.personalConversation, ['send', 'reply']);
  const last = calls[calls.length - 1];
  if (!last) throw new Error(`nothing was posted to ${u.directoryId}`);
  return last;
}

function button(call: ConnectorCall, action: string, extra: (data: Record<string, unknown>) => boolean = () => true) {
  const found = cardButtons(call.body).find((b) => b.data.action === action && extra(b.data));
  if (!found) throw new Error(`no ${action} button in: ${JSON.stringify(cardButtons(call.body))}`);
  return found;
}

describe('Teams: a report from the card form reaches the manager, who acknowledges it', () => {
  let t: TeamsTestBot;
  beforeAll(async () => {
    t = await startTeamsBot();
    await send(t, installedPersonal(t.serviceUrl, USERS.karin));
    await send(t, installedPersonal(t.serviceUrl, USERS.anna));
  });
  afterAll(async () => {
    await t?.close();
  });

  it('runs the whole flow', async () => {
    const { anna, karin } = USERS;
    // Anna describes the incident; the core recognises a report and the card offers the form.
    await send(t, personalMessage(t.serviceUrl, anna, 'Någon trakasserar mig i kommentarerna på Facebook'));
    const offer = lastTo(t, anna);
    const useForm = button(offer, 'report.open_form');

    await send(t, cardSubmit(t.serviceUrl, anna, useForm.data, offer.newId));
    const form = lastTo(t, anna);
    const inputs = cardInputs(form.body);
    expect([...inputs.keys()]).toEqual(expect.arrayContaining(['category', 'platform', 'accountKind', 'description', 'occurredOn', 'evidence']));
    expect(activityText(form.body)).toContain('Gör en anmälan');

    // A first submit without a description comes back in place, with the error under the field.
    const submit = button(form, 'report.submit_form');
    const values = {
      category: 'harassment',
      immediateDanger: 'false',
      platform: 'facebook',
      accountKind: 'own_work_profile',
      occurredOn: String(inputs.get('occurredOn')?.value),
      evidence: 'https://facebook.com/kyrkslatt/posts/42',
      subjectIsManager: 'false',
    };
    await send(t, cardSubmit(t.serviceUrl, anna, { ...submit.data, ...values, description: '' }, form.newId));
    const rejected = t.connector.to(anna.personalConversation, ['update']).at(-1)!;
    expect(rejected.activityId).toBe(form.newId);
    expect(cardInputs(rejected.body).get('category')?.value).toBe('harassment');

    await send(t, cardSubmit(t.serviceUrl, anna, { ...submit.data, ...values, description: DESCRIPTION }, form.newId));
    const preview = lastTo(t, anna);
    expect(activityText(preview.body)).toContain('Karin Nyström');
    const confirm = button(preview, 'dialog.choice', (d) => d.choice === 'confirm');

    await send(t, cardSubmit(t.serviceUrl, anna, confirm.data, preview.newId));
    const receipt = activityText(lastTo(t, anna).body);
    const reference = /SOME-\d{4}-\d{4}/.exec(receipt)?.[0];
    expect(reference).toBeDefined();
    // Committed before the request was answered.
    expect((await t.bot.reporting.store.listReports()).map((r) => r.reference)).toEqual([reference]);

    // The relay alerts Karin in her personal chat, proactively, with an Acknowledge button.
    await t.bot.deliverDue();
    const alert = t.connector.to(karin.personalConversation, ['send']).at(-1)!;
    expect(alert).toBeDefined();
    const alertText = activityText(alert.body);
    expect(alertText).toContain(reference!);
    expect(alertText).toContain(DESCRIPTION);
    const acknowledge = button(alert, 'report.acknowledge');
    expect(acknowledge.data.reference).toBe(reference);

    // Karin acknowledges: her card is replaced in place and has no button any more.
    await send(t, cardSubmit(t.serviceUrl, karin, acknowledge.data, alert.newId));
    const updated = t.connector.to(karin.personalConversation, ['update']).at(-1)!;
    expect(updated.activityId).toBe(alert.newId);
    expect(activityText(updated.body)).toContain('Status: Mottagen');
    expect(activityText(updated.body)).toMatch(/Karin Nyström \(chef\) bekräftade detta \d\d:\d\d\./);
    expect(cardButtons(updated.body).filter((b) => b.data.action === 'report.acknowledge')).toEqual([]);
    expect((await t.bot.reporting.store.getReport(reference!))?.status).toBe('acknowledged');

    // Anna is told.
    await t.bot.deliverDue();
    const told = lastTo(t, anna);
    expect(told.kind).toBe('send');
    expect(activityText(told.body)).toContain(reference!);
    expect(activityText(told.body)).toContain('Karin Nyström');

    // No report text in the logs.
    expect(t.logLines.join('\n')).not.toContain('SECRET-TEAMS');
  });
});
