/**
 * Request hygiene at POST /slack/events (real Bolt over HTTP): Slack's five-minute window applies in both
 * directions, a signed but malformed payload is answered 400 (never 500), and a replayed slash command or
 * interaction (same trigger_id, or the same signed body) is handled once.
 */
import { ACTION, SLASH_COMMAND, VIEW } from '../../../src/adapters/slack/ids';
import { FAKE_BOT } from './fakeSlackApi';
import { blockAction, eventCallback, imMessage, slashCommand, type Encoded } from './slackPayloads';
import { SLACK, startSlackHarness, type SlackHarness } from './slackHarness';

describe('Slack: request hygiene', () => {
  let h: SlackHarness;
  beforeAll(async () => {
    h = await startSlackHarness();
  }, 60_000);
  afterAll(async () => {
    await h?.close();
  });

  const quiet = () => new Promise((r) => setTimeout(r, 400));
  const form = (payload: string): Encoded => ({ contentType: 'application/x-www-form-urlencoded', body: new URLSearchParams({ payload }).toString() });
  const user = { id: SLACK.anna, username: 'anna', name: 'anna', team_id: FAKE_BOT.teamId };
  const team = { id: FAKE_BOT.teamId, domain: 'kyrkslatt' };

  it('answers 401 to a correctly signed request timestamped six minutes in the future, and changes nothing', async () => {
    const mark = h.fake.calls.length;
    const timestamp = Math.floor(Date.now() / 1000) + 6 * 60;
    const res = await h.send(eventCallback(imMessage(SLACK.anna, 'Hur ofta ska lösenorden bytas?')), { timestamp });
    expect(res.status).toBe(401);
    await quiet();
    expect(h.fake.calls.slice(mark)).toHaveLength(0);
  });

  it('still accepts a request four minutes in the future (clock skew within the window)', async () => {
    const mark = h.fake.calls.length;
    const res = await h.send(eventCallback(imMessage(SLACK.sofia, 'Hur ofta ska lösenorden bytas?')), { timestamp: Math.floor(Date.now() / 1000) + 4 * 60 });
    expect(res.status).toBe(200);
    await h.fake.waitFor('chat.postMessage', (c) => h.fake.calls.indexOf(c) >= mark && c.args.channel === 'D0SOFIA001');
  });

  it.each([
    ['a view_submission without view', { type: 'view_submission', team, user, api_app_id: FAKE_BOT.appId, trigger_id: '1.2.x' }],
    ['a view_submission whose view is not an object', { type: 'view_submission', team, user, view: 'report_form', trigger_id: '1.2.y' }],
    ['a view_submission whose view lacks callback_id and state', { type: 'view_submission', team, user, view: { id: 'V1' }, trigger_id: '1.2.z' }],
    ['a block_actions without actions', { type: 'block_actions', team, user, trigger_id: '1.3.x' }],
    ['a block_actions whose actions are not a list', { type: 'block_actions', team, user, actions: { action_id: 'x' }, trigger_id: '1.3.y' }],
    ['a message_action without message', { type: 'message_action', team, user, callback_id: 'report_message', trigger_id: '1.4.x' }],
    ['a shortcut without callback_id', { type: 'shortcut', team, user, trigger_id: '1.5.x' }],
    ['an interaction whose user is a string', { type: 'view_submission', team, user: SLACK.anna, view: { id: 'V1', callback_id: VIEW.reportForm, state: { values: {} } } }],
  ])('answers 400 to %s, and changes nothing', async (_name, payload) => {
    const mark = h.fake.calls.length;
    const res = await h.send(form(JSON.stringify(payload)));
    expect(res.status).toBe(400);
    await quiet();
    expect(h.fake.calls.slice(mark)).toHaveLength(0);
  });

  it('answers 400 to broken JSON in payload and to a slash command without its fields', async () => {
    expect((await h.send(form('{"type":"view_submission","view":'))).status).toBe(400);
    expect((await h.send(form('null'))).status).toBe(400);
    const missing = new URLSearchParams({ command: SLASH_COMMAND, user_id: SLACK.anna, text: 'hjälp' }).toString();
    expect((await h.send({ contentType: 'application/x-www-form-urlencoded', body: missing })).status).toBe(400);
  });

  it('answers a replayed slash command once (same signed request sent again)', async () => {
    const encoded = slashCommand(SLACK.anna, 'Hur ofta ska lösenorden bytas?', h.fake.responseUrl('replayed-command'));
    const timestamp = Math.floor(Date.now() / 1000);
    const first = await h.send(encoded, { timestamp });
    const replay = await h.send(encoded, { timestamp });
    expect([first.status, replay.status]).toEqual([200, 200]);
    await h.fake.waitForResponse('replayed-command');
    await quiet();
    await quiet();
    expect(h.fake.responses.filter((r) => r.id === 'replayed-command')).toHaveLength(1);
  });

  it('answers a slash command replayed with a fresh timestamp once (same trigger_id)', async () => {
    const encoded = slashCommand(SLACK.mikko, 'kuka vastaa tiedottamisesta?', h.fake.responseUrl('replayed-later'));
    const first = await h.send(encoded, { timestamp: Math.floor(Date.now() / 1000) - 60 });
    const replay = await h.send(encoded);
    expect([first.status, replay.status]).toEqual([200, 200]);
    await h.fake.waitForResponse('replayed-later');
    await quiet();
    await quiet();
    expect(h.fake.responses.filter((r) => r.id === 'replayed-later')).toHaveLength(1);
  });

  it('handles a replayed interaction once: the same App Home click sent twice opens one modal', async () => {
    const encoded = blockAction(SLACK.anna, { actionId: ACTION.ask, value: '' }, { view: { id: 'V0HOMEHYG1', type: 'home', callback_id: '', blocks: [] } });
    const mark = h.fake.calls.length;
    const timestamp = Math.floor(Date.now() / 1000);
    const first = await h.send(encoded, { timestamp });
    const replay = await h.send(encoded, { timestamp });
    expect([first.status, replay.status]).toEqual([200, 200]);
    await h.fake.waitFor('views.open', (c) => h.fake.calls.indexOf(c) >= mark);
    await quiet();
    expect(h.callsSince(mark, 'views.open')).toHaveLength(1);
  });
});
