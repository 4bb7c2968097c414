/**
 * One workspace: a correctly signed request for another team_id (another workspace the app was installed
 * in, an org-wide install) is refused before any listener runs; the configured workspace is served.
 */
import { FAKE_BOT } from './fakeSlackApi';
import { eventCallback, imMessage, newEventId, slashCommand, type Encoded } from './slackPayloads';
import { SLACK, startSlackHarness, type SlackHarness } from './slackHarness';

/** The same payload as coming from another workspace. */
const fromTeam = (encoded: Encoded, teamId: string): Encoded => ({ ...encoded, body: encoded.body.split(FAKE_BOT.teamId).join(teamId) });
const quiet = () => new Promise((r) => setTimeout(r, 500));

describe.each([
  ['learned from auth.test', {}],
  ['set in SLACK_TEAM_ID', { SLACK_TEAM_ID: FAKE_BOT.teamId }],
])('Slack: the workspace %s', (_name, env: Record<string, string>) => {
  let h: SlackHarness;
  beforeAll(async () => {
    h = await startSlackHarness(env);
  }, 60_000);
  afterAll(async () => {
    await h?.close();
  });

  it('refuses an event from another team_id: no answer, nothing stored, the refusal logged', async () => {
    const mark = h.fake.calls.length;
    const eventId = newEventId();
    const res = await h.send(fromTeam(eventCallback(imMessage(SLACK.anna, 'Hur ofta ska lösenorden bytas?'), eventId), 'T0OTHERWS'));
    expect(res.status).toBe(200); // acknowledged, so Slack does not redeliver; no listener ran
    await quiet();
    expect(h.fake.calls.slice(mark).filter((c) => c.method !== 'auth.test')).toEqual([]);
    expect(h.logLines.some((l) => l.includes('"event":"slack_team_refused"') && l.includes('T0OTHERWS'))).toBe(true);
    // The event id was not claimed: nothing of it reached the bot.
    expect(await h.bot.reporting.store.claimSlackEvent(eventId, new Date())).toBe(true);
  });

  it('refuses a slash command from another team_id', async () => {
    const mark = h.fake.calls.length;
    const res = await h.send(fromTeam(slashCommand(SLACK.anna, 'anmäl', 'http://127.0.0.1:9/response'), 'T0OTHERWS'));
    expect(res.status).toBe(200);
    expect(res.text).toBe('');
    await quiet();
    expect(h.fake.calls.slice(mark).filter((c) => c.method !== 'auth.test')).toEqual([]);
  });

  it('serves its own workspace', async () => {
    const mark = h.fake.calls.length;
    await h.send(eventCallback(imMessage(SLACK.anna, 'Hur ofta ska lösenorden bytas?')));
    await h.fake.waitFor('chat.postMessage', (c) => c.args.channel === 'D0ANNA0001');
    expect(h.callsSince(mark, 'chat.postMessage').length).toBeGreaterThan(0);
  });
});
