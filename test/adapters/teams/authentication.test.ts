/**
 * With an app id configured every request needs a valid Bot Framework token. Refused requests get 401 and
 * change nothing: no conversation reference, no dialog, no report, nothing sent. Tokens are checked for real
 * against a local key server (Microsoft's endpoints are not reachable from the tests).
 */
import { generateKeyPairSync } from 'node:crypto';
import { personalMessage, USERS } from './activities';
import { startTeamsBot, type TeamsTestBot } from './harness';
import { CHANNEL_ISSUER, signJwt, TokenIssuer } from './tokenIssuer';
import { conversationId } from '../../../src/core/reports/dialogSessions';

const APP_ID = '5b9e4c3a-1f2d-4e6b-8a7c-9d0e1f2a3b4c';
const AUTH_ENV = {
  SOMEBOT_DEV: '0',
  MICROSOFT_APP_ID: APP_ID,
  MICROSOFT_APP_PASSWORD: 'not-a-real-secret',
  MICROSOFT_APP_TENANT_ID: '6f1a8d2e-4b1c-4c3d-9e8f-0a1b2c3d4e5f',
  MICROSOFT_APP_TYPE: 'SingleTenant',
};

async function expectNothingChanged(t: TeamsTestBot): Promise<void> {
  const store = t.bot.reporting.store;
  expect(await store.teamsConversations()).toEqual([]);
  expect(await store.loadDialog(conversationId('teams', USERS.anna.personalConversation), new Date(0))).toBeUndefined();
  expect(await store.listReports()).toEqual([]);
  expect(t.connector.calls).toEqual([]);
}

describe('Teams: authentication with an app id', () => {
  let t: TeamsTestBot;
  const issuer = new TokenIssuer();
  beforeAll(async () => {
    // botbuilder prints every refused request to the console; the assertions are on the responses.
    jest.spyOn(console, 'error').mockImplementation(() => undefined);
    await issuer.start();
    t = await startTeamsBot({ env: AUTH_ENV, channel: { openIdMetadataUrl: issuer.metadataUrl, authTimeoutMs: 3000 } });
  });
  afterAll(async () => {
    await t?.close();
    await issuer.stop();
    jest.restoreAllMocks();
  });

  /** "anmäl" would open a report dialog if it got through. */
  const report = () => personalMessage(t.serviceUrl, USERS.anna, 'anmäl');
  const valid = () => issuer.token({ appId: APP_ID, serviceUrl: t.serviceUrl });

  it('refuses a request without a token with 401', async () => {
    expect((await t.post(report())).status).toBe(401);
    await expectNothingChanged(t);
  });

  // Runs before any token makes the bot fetch the keys (botbuilder then caches them for a day).
  it('fails closed when the signing keys cannot be fetched: even a genuine token gets 401, not 500', async () => {
    issuer.unavailable = true;
    try {
      const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
      const now = Math.floor(Date.now() / 1000);
      const forged = signJwt({ iss: CHANNEL_ISSUER, aud: APP_ID, serviceurl: t.serviceUrl, nbf: now - 60, exp: now + 3600 }, privateKey, 'unknown-kid');
      expect((await t.post(report(), { authorization: `Bearer ${forged}` })).status).toBe(401);
      expect((await t.post(report(), { authorization: `Bearer ${valid()}` })).status).toBe(401);
    } finally {
      issuer.unavailable = false;
    }
    await expectNothingChanged(t);
  });

  it.each([
    ['not a JWT', 'Bearer garbage'],
    ['another scheme', 'Basic dXNlcjpwYXNz'],
    ['an unsigned token', `Bearer ${Buffer.from('{"alg":"none"}').toString('base64url')}.${Buffer.from(JSON.stringify({ iss: CHANNEL_ISSUER, aud: APP_ID })).toString('base64url')}.`],
  ])('refuses %s with 401', async (_case, authorization) => {
    expect((await t.post(report(), { authorization })).status).toBe(401);
    await expectNothingChanged(t);
  });

  it('refuses a token signed with another key, an expired one, one for another bot and one for another service URL', async () => {
    for (const token of [
      issuer.token({ appId: APP_ID, serviceUrl: t.serviceUrl }, { forged: true }),
      issuer.token({ appId: APP_ID, serviceUrl: t.serviceUrl }, { expired: true }),
      issuer.token({ appId: '00000000-0000-0000-0000-000000000001', serviceUrl: t.serviceUrl }),
      issuer.token({ appId: APP_ID, serviceUrl: 'https://evil.example/' }),
    ]) {
      expect((await t.post(report(), { authorization: `Bearer ${token}` })).status).toBe(401);
    }
    await expectNothingChanged(t);
  });

  it('accepts a valid token and handles the activity', async () => {
    // A conversation update needs no answer (answering would need a token from Microsoft's login service).
    const update = { ...personalMessage(t.serviceUrl, USERS.anna, ''), type: 'conversationUpdate', text: undefined };
    expect((await t.post(update, { authorization: `Bearer ${valid()}` })).status).toBe(200);
    const saved = await t.bot.reporting.store.teamsConversations();
    expect(saved.map((c) => c.conversationKey)).toEqual([`user:${USERS.anna.aadObjectId}`]);
  });
});
