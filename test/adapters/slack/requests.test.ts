/**
 * What reaches POST /slack/events before any listener: Slack's request verification (signature and
 * timestamp), malformed bodies, the URL check, and redelivered events.
 */
import { ACTION } from '../../../src/adapters/slack/ids';
import { blockAction, eventCallback, imMessage, newEventId, postToSlackUrl, signature, SIGNING_SECRET } from './slackPayloads';
import { SLACK, startSlackHarness, type SlackHarness } from './slackHarness';

describe('Slack: requests to /slack/events', () => {
  let h: SlackHarness;
  beforeAll(async () => {
    h = await startSlackHarness();
  }, 60_000);
  afterAll(async () => {
    await h?.close();
  });

  const question = (eventId = newEventId()) => eventCallback(imMessage(SLACK.anna, 'Hur ofta ska lösenorden bytas?'), eventId);
  const quiet = () => new Promise((r) => setTimeout(r, 400));
  /** Web API calls since `mark` (the start-up auth.test is before every test's mark). */
  const callsSince = (mark: number) => h.fake.calls.slice(mark);

  it('answers 401 to a request signed with another secret, and changes nothing', async () => {
    const mark = h.fake.calls.length;
    const eventId = newEventId();
    const res = await h.send(question(eventId), { secret: 'not-the-signing-secret' });
    expect(res.status).toBe(401);
    await quiet();
    expect(callsSince(mark)).toHaveLength(0);
    // The event id was not recorded: the genuine delivery of the same event is still answered.
    expect(await h.bot.reporting.store.claimSlackEvent(eventId, new Date())).toBe(true);
  });

  it('answers 401 to a request whose timestamp is older than five minutes, even when correctly signed', async () => {
    const mark = h.fake.calls.length;
    const timestamp = Math.floor(Date.now() / 1000) - 5 * 60 - 10;
    const res = await h.send(question(), { timestamp });
    expect(res.status).toBe(401);
    await quiet();
    expect(callsSince(mark)).toHaveLength(0);
  });

  it('answers 401 when the signature headers are missing or the body was changed after signing', async () => {
    const mark = h.fake.calls.length;
    const encoded = question();
    const timestamp = Math.floor(Date.now() / 1000);
    const tampered = await postToSlackUrl(h.eventsUrl, { ...encoded, body: encoded.body.replace('lösenorden', 'LÖSENORDEN') }, {
      timestamp,
      signature: signature(SIGNING_SECRET, timestamp, encoded.body),
    });
    expect(tampered.status).toBe(401);
    const unsigned = await fetch(h.eventsUrl, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: encoded.body });
    expect(unsigned.status).toBe(401);
    await quiet();
    expect(callsSince(mark)).toHaveLength(0);
  });

  it('answers 400 to a correctly signed body that is not JSON, and to JSON that is no Slack payload', async () => {
    const mark = h.fake.calls.length;
    expect((await h.send({ contentType: 'application/json', body: '{"type": "event_callback", ' })).status).toBe(400);
    expect((await h.send({ contentType: 'application/json', body: '{"hello": "world"}' })).status).toBe(400);
    expect((await h.send({ contentType: 'application/json', body: '[1, 2, 3]' })).status).toBe(400);
    expect((await h.send({ contentType: 'application/json', body: '{"type": "event_callback", "event": {"type": "message"}}' })).status).toBe(400);
    expect((await h.send({ contentType: 'application/x-www-form-urlencoded', body: 'payload=%7Bnot-json' })).status).toBe(400);
    await quiet();
    expect(callsSince(mark)).toHaveLength(0);
  });

  it('echoes the challenge of Slack\'s URL verification', async () => {
    const res = await h.send({ contentType: 'application/json', body: JSON.stringify({ token: 'Jhj5dZrVaK7ZwHHjRyZWjbDl', challenge: '3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P', type: 'url_verification' }) });
    expect(res.status).toBe(200);
    expect(res.json()).toEqual({ challenge: '3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P' });
  });

  it('answers a message once when Slack delivers the same event_id twice (a retry after a timeout)', async () => {
    const eventId = newEventId();
    const encoded = eventCallback(imMessage(SLACK.mikko, 'kuka meillä vastaa kunnan tiedottamisesta ylipäätään?'), eventId);
    const mark = h.fake.calls.length;
    const first = await h.send(encoded);
    const retry = await h.send(encoded, { retryNum: 1 });
    expect([first.status, retry.status]).toEqual([200, 200]);
    await h.fake.waitFor('chat.postMessage', (c) => c.args.channel === 'D0MIKKO001');
    await quiet();
    expect(h.callsSince(mark, 'chat.postMessage')).toHaveLength(1);
    expect(h.logLines.some((l) => l.includes('slack_event_redelivered'))).toBe(true);
  });

  it('acknowledges within 3 s, before the slow work: the HTTP answer does not wait for the Web API', async () => {
    h.fake.failNext('chat.postMessage', { status: 429, retryAfterSeconds: 2 });
    const mark = h.fake.calls.length;
    const started = Date.now();
    const res = await h.send(eventCallback(imMessage(SLACK.sofia, 'Hur ofta ska lösenorden bytas?')));
    expect(res.status).toBe(200);
    expect(Date.now() - started).toBeLessThan(1000);
    await h.fake.waitFor('chat.postMessage', () => h.callsSince(mark, 'chat.postMessage').length >= 2, 8000);
  });

  it('acknowledges a click on a button it does not know at once, and does nothing', async () => {
    const started = Date.now();
    const res = await h.send(
      blockAction(SLACK.anna, { actionId: 'something.else', value: 'x' }, { message: { channel: 'D0ANNA0001', ts: '1.1' }, responseUrl: h.fake.responseUrl('unknown') }),
    );
    expect(res.status).toBe(200);
    expect(Date.now() - started).toBeLessThan(1000);
    expect(ACTION.details).toBe('report.details');
  });

  it('answers 200 to Slack\'s app_rate_limited notice and logs it', async () => {
    const res = await h.send({ contentType: 'application/json', body: JSON.stringify({ token: 'x', type: 'app_rate_limited', team_id: 'T0KYRK', minute_rate_limited: 1518467820, api_app_id: 'A0SOMEBOT' }) });
    expect(res.status).toBe(200);
    expect(h.logLines.some((l) => l.includes('slack_app_rate_limited'))).toBe(true);
  });
});
