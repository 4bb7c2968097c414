/**
 * The unauthenticated Teams endpoint (SOMEBOT_DEV=1, for the emulator) takes only direct requests from this
 * computer: anything that came through a proxy is refused before botbuilder sees it.
 */
import { installedPersonal, USERS } from './activities';
import { startTeamsBot, type TeamsTestBot } from './harness';

describe('Teams with SOMEBOT_DEV=1', () => {
  let t: TeamsTestBot;
  beforeAll(async () => {
    t = await startTeamsBot();
  }, 60_000);
  afterAll(async () => {
    await t?.close();
  });

  it('refuses a request carrying forwarding headers, and handles the same request sent directly', async () => {
    const activity = installedPersonal(t.serviceUrl, USERS.karin);
    for (const headers of [{ 'X-Forwarded-For': '203.0.113.9' }, { Forwarded: 'for=203.0.113.9' }, { 'X-Real-IP': '203.0.113.9' }] as Record<string, string>[]) {
      const refused = await t.post(activity, headers);
      expect(refused.status).toBe(403);
      expect(JSON.parse(refused.body)).toEqual({ error: 'teams_not_direct' });
    }
    expect(await t.bot.reporting.store.teamsConversations()).toEqual([]);
    expect((await t.post(activity)).status).toBe(200);
    expect((await t.bot.reporting.store.teamsConversations()).length).toBe(1);
  });
});
