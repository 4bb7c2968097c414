/**
 * The text-mode report dialog in the personal chat (for people who type or press buttons), and report
 * buttons pressed by people who may not use them.
 */
import { draft } from '../../helpers/db';
import { cardSubmit, installedPersonal, personalMessage, USERS, type TeamsUser } from './activities';
import { activityText, cardButtons, cardInputs, type ConnectorCall } from './fakeConnector';
import { send, startTeamsBot, type TeamsTestBot } from './harness';

describe('Teams: the report dialog in text mode', () => {
  let t: TeamsTestBot;
  beforeAll(async () => {
    t = await startTeamsBot();
    for (const u of [USERS.mikko, USERS.karin, USERS.anna]) await send(t, installedPersonal(t.serviceUrl, u));
  });
  afterAll(async () => {
    await t?.close();
  });

  const last = (u: TeamsUser): ConnectorCall => t.connector.to(u.personalConversation, ['send', 'reply']).at(-1)!;

  it('asks question by question in Finnish, with a drop-down for many choices and buttons for few', async () => {
    const { mikko } = USERS;
    await send(t, personalMessage(t.serviceUrl, mikko, 'ilmoita'));
    const first = last(mikko);
    expect(activityText(first.body)).toContain('Mistä haluat ilmoittaa?');
    const dropdown = cardInputs(first.body).get('choice');
    expect(dropdown?.type).toBe('Input.ChoiceSet');
    expect((dropdown?.choices as { title: string; value: string }[]).map((c) => c.value)).toContain('threat');
    const answer = cardButtons(first.body).find((b) => b.data.action === 'dialog.choice')!;
    expect(cardButtons(first.body).some((b) => b.title === 'Täytä mieluummin lomake')).toBe(true);

    await send(t, cardSubmit(t.serviceUrl, mikko, { ...answer.data, choice: 'threat' }, first.newId));
    const danger = last(mikko);
    expect(activityText(danger.body)).toContain('Onko joku välittömässä vaarassa juuri nyt?');
    expect(cardButtons(danger.body).filter((b) => b.data.action === 'dialog.choice').map((b) => b.data.choice)).toEqual(['yes', 'no', 'cancel']);

    // A button on the older card no longer answers anything.
    await send(t, cardSubmit(t.serviceUrl, mikko, { ...answer.data, choice: 'harassment' }, first.newId));
    expect(activityText(last(mikko).body)).toBe('Tähän kysymykseen on jo vastattu. Vastaa viimeisimpään kysymykseen.');

    // Typing works as well as pressing.
    await send(t, personalMessage(t.serviceUrl, mikko, 'ei'));
    expect(activityText(last(mikko).body)).toContain('Missä se tapahtui?');
    await send(t, personalMessage(t.serviceUrl, mikko, 'peruuta'));
    expect(activityText(last(mikko).body)).toContain('Ilmoitus peruttiin. Mitään ei lähetetty.');
    expect(await t.bot.reporting.store.listReports()).toEqual([]);
  });

  it('answers Acknowledge from someone who is not a recipient with the core’s refusal, and changes nothing', async () => {
    const receipt = await t.bot.reporting.service.submit(draft({ category: 'harassment' }), USERS.mikko.directoryId);
    const value = { action: 'report.acknowledge', reference: receipt.reference };
    await send(t, cardSubmit(t.serviceUrl, USERS.anna, value, undefined));
    expect(activityText(last(USERS.anna).body)).toContain(`Du har inte tillgång till anmälan ${receipt.reference}`);
    expect((await t.bot.reporting.store.getReport(receipt.reference))?.status).toBe('submitted');
    await send(t, cardSubmit(t.serviceUrl, USERS.stranger, value, undefined));
    expect(activityText(t.connector.to(USERS.stranger.personalConversation, ['reply']).at(-1)!.body)).toContain('En löydä Teams-tiliäsi');
    // A second Acknowledge from the manager changes nothing and says so.
    await send(t, cardSubmit(t.serviceUrl, USERS.karin, value, undefined));
    await send(t, cardSubmit(t.serviceUrl, USERS.karin, value, undefined));
    // A second click is answered with the report's current state: who took it, and when.
    expect(activityText(last(USERS.karin).body)).toMatch(new RegExp(`${receipt.reference}: Mottagen\\. Karin Nyström \\(chef\\) bekräftade detta \\d\\d:\\d\\d\\.`));
  });

  it('ignores a card value that is not one of its actions', async () => {
    const before = t.connector.calls.length;
    await send(t, cardSubmit(t.serviceUrl, USERS.anna, { action: 'report.delete_everything', reference: 'SOME-2026-0001' }, undefined));
    await send(t, cardSubmit(t.serviceUrl, USERS.anna, { action: 'report.acknowledge', reference: 42 }, undefined));
    expect(t.connector.calls.length).toBe(before);
  });
});
