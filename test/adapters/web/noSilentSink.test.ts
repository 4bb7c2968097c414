/**
 * No silent sinks: in a Teams deployment with the web console (sign-in) on, the web inbox is a delivery
 * only for people who have signed in to the console. An alert for someone Teams cannot reach (the bot was
 * never installed by them) and who never signed in stays undelivered (retried, finally dead-lettered to IT
 * security), instead of being marked delivered into an inbox nobody opens.
 */
import { draft } from '../../helpers/db';
import { FakeClock } from '../../helpers/fakeClock';
import { installedInTeam, installedPersonal, IT_CHANNEL, USERS } from '../teams/activities';
import { activityText } from '../teams/fakeConnector';
import { send, startTeamsBot, type TeamsTestBot } from '../teams/harness';
import { webChannel } from '../../../src/adapters/web';

const SIGN_IN = {
  SOMEBOT_OIDC_ISSUER: 'http://127.0.0.1:9/never-contacted',
  SOMEBOT_OIDC_CLIENT_ID: 'somebot',
  SOMEBOT_OIDC_CLIENT_SECRET: 'a-client-secret-for-tests',
  SOMEBOT_PUBLIC_URL: 'https://somebot.example',
};

describe('a Teams-only deployment with the web console on', () => {
  let t: TeamsTestBot;
  const clock = new FakeClock('2026-03-16T08:00:00.000Z');
  beforeAll(async () => {
    t = await startTeamsBot({ env: { ...SIGN_IN, SOMEBOT_RELAY_MAX_ATTEMPTS: '2' }, moreChannels: [webChannel], clock });
    await send(t, installedPersonal(t.serviceUrl, USERS.anna));
  }, 60_000);
  afterAll(async () => {
    await t?.close();
  });

  it('does not mark an alert delivered to the web for a manager Teams cannot reach', async () => {
    expect(t.server.channels.map((c) => [c.name, c.on])).toEqual([
      ['teams', true],
      ['web', true],
    ]);
    // Karin never installed the bot in Teams (creating her chat is refused: 403) and never signed in to the console.
    t.connector.failNext(403, { kind: 'create', times: 10 });
    const receipt = await t.bot.reporting.service.submit(draft({ category: 'harassment' }), USERS.anna.directoryId);
    await t.bot.deliverDue();
    await t.bot.deliverDue();
    const rows = await t.bot.reporting.store.outboxFor(receipt.reference);
    const alert = rows.find((r) => r.addressee.kind === 'person' && r.addressee.personId === USERS.karin.directoryId);
    expect(alert).toBeDefined();
    // Not delivered into a web inbox nobody watches: Teams was the last door, so IT security is told instead.
    expect(alert!.status).toBe('dead');
    expect(alert!.deliveredVia).toBeNull();
    expect(await t.bot.reporting.store.webInbox({ personId: USERS.karin.directoryId, channelKeys: [], limit: 10 })).toEqual([]);
    expect((await t.bot.reporting.store.timeline(receipt.reference)).map((e) => e.event)).toContain('delivery_failed');
  });

  it('dead-letters an alert no door reaches to IT security (on Teams), with a translated notice', async () => {
    await send(t, installedInTeam(t.serviceUrl, USERS.timo, IT_CHANNEL));
    // Karin reports; her manager Kaisa has neither Teams nor a console sign-in.
    const receipt = await t.bot.reporting.service.submit(draft({ category: 'harassment' }), USERS.karin.directoryId);
    const toKaisa = async () => (await t.bot.reporting.store.outboxFor(receipt.reference)).find((r) => r.addressee.kind === 'person' && r.addressee.personId === 'kaisa.virtanen')!;
    for (let attempt = 0; attempt < 3 && (await toKaisa()).status === 'pending'; attempt++) {
      await t.bot.deliverDue();
      clock.advanceMinutes(16);
    }
    expect((await toKaisa()).status).toBe('dead');
    expect(await t.bot.reporting.store.webInbox({ personId: 'kaisa.virtanen', channelKeys: [], limit: 10 })).toEqual([]);
    await t.bot.deliverDue();
    const notice = t.connector.to(IT_CHANNEL, ['send']).find((c) => JSON.stringify(c.body).includes(receipt.reference));
    expect(notice).toBeDefined();
    expect(activityText(notice!.body)).toMatch(/Kaisa Virtanen/);
    expect((await t.bot.reporting.store.timeline(receipt.reference)).map((e) => e.event)).toContain('delivery_failed');
  });
});
