/**
 * Questions over HTTP through the real CloudAdapter: cited answer cards in the asker's language, feedback,
 * channel @mentions, people the directory does not know, redelivered and malformed activities.
 */
import { cardSubmit, channelMention, GENERAL_CHANNEL, installedPersonal, personalMessage, USERS } from './activities';
import { activityText, cardButtons, type ConnectorCall } from './fakeConnector';
import { send, startTeamsBot, type TeamsTestBot } from './harness';
import { conversationId } from '../../../src/core/reports/dialogSessions';

describe('Teams: answers', () => {
  let t: TeamsTestBot;
  beforeAll(async () => {
    t = await startTeamsBot();
  });
  afterAll(async () => {
    await t?.close();
  });
  beforeEach(() => t.connector.reset());

  const repliesIn = (conversationId: string): ConnectorCall[] => t.connector.to(conversationId, ['send', 'reply']);

  it('answers a Swedish question with the quoted passage and its citation, in Swedish', async () => {
    const message = personalMessage(t.serviceUrl, USERS.anna, 'Hur ofta ska lösenorden bytas?');
    await send(t, message);
    const [answer] = repliesIn(USERS.anna.personalConversation);
    expect(answer?.kind).toBe('reply');
    expect(answer?.activityId).toBe(message.id);
    const text = activityText(answer!.body);
    expect(text).toContain('Lösenorden ska bytas tillräckligt ofta');
    expect(text).toMatch(/— Kyrkslätts kommun.*avsnitt|— Kyrkslätts kommun/);
    expect(cardButtons(answer!.body).map((b) => b.title)).toEqual(['Till hjälp', 'Inte till hjälp']);
    expect((answer!.body.attachments as { contentType: string }[])[0]?.contentType).toBe('application/vnd.microsoft.card.adaptive');
  });

  it('answers a Finnish question with the quoted passage and its citation, in Finnish', async () => {
    await send(t, personalMessage(t.serviceUrl, USERS.mikko, 'Kuka vastaa kunnan tiedottamisesta?'));
    const [answer] = repliesIn(USERS.mikko.personalConversation);
    const text = activityText(answer!.body);
    expect(text).toContain('Enontekiön kunnan yleisestä tiedottamisesta vastaa kunnanjohtaja');
    expect(text).toMatch(/— Enontekiön kunta/);
    expect(cardButtons(answer!.body).map((b) => b.title)).toEqual(['Hyödyllinen', 'Ei hyödyllinen']);
  });

  it('stores "Not helpful" without the question and thanks the person', async () => {
    await send(t, personalMessage(t.serviceUrl, USERS.mikko, 'Kuka vastaa kunnan tiedottamisesta?'));
    const [answer] = repliesIn(USERS.mikko.personalConversation);
    const notHelpful = cardButtons(answer!.body).find((b) => b.data.helpful === false)!;
    const before = (await t.bot.reporting.store.operationsFigures()).feedback;
    await send(t, cardSubmit(t.serviceUrl, USERS.mikko, notHelpful.data, answer!.newId));
    // Pressing it again (a new activity, same answer) replaces the verdict instead of adding one.
    await send(t, cardSubmit(t.serviceUrl, USERS.mikko, notHelpful.data, answer!.newId));
    const after = (await t.bot.reporting.store.operationsFigures()).feedback;
    expect(after.notHelpful).toBe(before.notHelpful + 1);
    expect(activityText(repliesIn(USERS.mikko.personalConversation).at(-1)!.body)).toBe('Kiitos palautteesta.');
  });

  it('answers an @mention in a channel in the thread, without the mention', async () => {
    const mention = channelMention(t.serviceUrl, USERS.linnea, GENERAL_CHANNEL, 'Får samma lösenord användas i kommunens nät och i sociala medier?');
    await send(t, mention);
    const [answer] = repliesIn(mention.conversation!.id);
    expect(answer?.kind).toBe('reply');
    expect(activityText(answer!.body)).toContain('Samma lösenord får inte användas i kommunens nät');
  });

  it('answers a journalist\'s call told in free text and offers the report on the same card; the button opens the form', async () => {
    await send(t, personalMessage(t.serviceUrl, USERS.anna, 'en journalist från lokaltidningen ringde mig precis om mitt inlägg på fb'));
    const [answer] = repliesIn(USERS.anna.personalConversation);
    const text = activityText(answer!.body);
    expect(text).toContain('Vill du göra en anmälan?');
    const buttons = cardButtons(answer!.body);
    expect(buttons.map((b) => b.title)).toEqual(expect.arrayContaining(['Till hjälp', 'Inte till hjälp']));
    const report = buttons.find((b) => b.data.action === 'report.open_form')!;
    expect(report.data).toMatchObject({ category: 'media_contact' });
    await send(t, cardSubmit(t.serviceUrl, USERS.anna, report.data, answer!.newId));
    const form = t.connector.to(USERS.anna.personalConversation, ['send', 'reply']).at(-1)!;
    expect(activityText(form.body)).toContain('Gör en anmälan');
  });

  it('moves a report started in a channel to the personal chat: nothing of it is asked in the channel', async () => {
    await send(t, installedPersonal(t.serviceUrl, USERS.linnea));
    t.connector.reset();
    const mention = channelMention(t.serviceUrl, USERS.linnea, GENERAL_CHANNEL, 'Någon hotar mig i kommentarerna');
    await send(t, mention);
    const [pointer] = repliesIn(mention.conversation!.id);
    expect(activityText(pointer!.body)).toContain('privat chatt');
    const report = cardButtons(pointer!.body).find((b) => b.data.action === 'report.open_form')!;
    // The dialog the core opened for that channel message is gone.
    expect(await t.bot.reporting.store.loadDialog(conversationId('teams', GENERAL_CHANNEL, mention.id), new Date(0))).toBeUndefined();

    await send(t, cardSubmit(t.serviceUrl, USERS.linnea, report.data, pointer!.newId, { channel: GENERAL_CHANNEL }));
    const form = t.connector.to(USERS.linnea.personalConversation, ['send']).at(-1)!;
    expect(activityText(form.body)).toContain('Gör en anmälan');
  });

  it('tells someone the directory does not know that reports need their account, and still answers questions', async () => {
    const { stranger } = USERS;
    await send(t, installedPersonal(t.serviceUrl, stranger));
    const welcome = activityText(repliesIn(stranger.personalConversation)[0]!.body);
    expect(welcome).toContain('En löydä Teams-tiliäsi');
    await send(t, personalMessage(t.serviceUrl, stranger, 'ilmoita'));
    expect(activityText(repliesIn(stranger.personalConversation).at(-1)!.body)).toMatch(/hakemistosta/);
    await send(t, personalMessage(t.serviceUrl, stranger, 'Kuka vastaa kunnan tiedottamisesta?'));
    expect(activityText(repliesIn(stranger.personalConversation).at(-1)!.body)).toContain('kunnanjohtaja');
    expect(await t.bot.reporting.store.listReports()).toEqual([]);
  });

  it('answers a redelivered activity once (Teams resends after 15 s)', async () => {
    const message = personalMessage(t.serviceUrl, USERS.anna, 'Hur ofta ska lösenorden bytas?');
    const [first, second] = await Promise.all([t.post(message), t.post(message)]);
    expect([first.status, second.status]).toEqual([200, 200]);
    const third = await t.post(message);
    expect(third.status).toBe(200);
    expect(repliesIn(USERS.anna.personalConversation)).toHaveLength(1);
    expect(t.logLines.filter((l) => l.includes('teams_redelivery_dropped'))).toHaveLength(2);
  });

  it.each([
    ['not JSON', '{"type": "message",'],
    ['an array', '[]'],
    ['no type', { id: '1', channelId: 'msteams', serviceUrl: 'http://127.0.0.1:1/', from: { id: 'u' }, recipient: { id: 'b' }, conversation: { id: 'c' } }],
    ['no conversation', { type: 'message', id: '1', channelId: 'msteams', serviceUrl: 'http://127.0.0.1:1/', from: { id: 'u' }, recipient: { id: 'b' } }],
    ['a service URL that is not http(s)', { type: 'message', id: '1', channelId: 'msteams', serviceUrl: 'file:///etc/passwd', from: { id: 'u' }, recipient: { id: 'b' }, conversation: { id: 'c' } }],
  ])('refuses a malformed activity (%s) with 400 and changes nothing', async (_case, body) => {
    const res = await t.post(body);
    expect(res.status).toBe(400);
    expect(JSON.parse(res.body)).toEqual(expect.objectContaining({ error: 'teams_malformed_activity' }));
    expect(t.connector.calls).toEqual([]);
  });
});
