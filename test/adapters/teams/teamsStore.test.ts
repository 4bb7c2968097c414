/** The Store methods of the Teams adapter (migration 003_teams), on PGlite and on PostgreSQL when configured. */
import { BACKENDS, closeSharedPglite, draft, openTestReporting, type TestReporting } from '../../helpers/db';
import { DEMO } from '../../helpers/reportFixtures';

afterAll(closeSharedPglite);

describe.each(BACKENDS)('Teams store on %s', (backend) => {
  let r: TestReporting;
  beforeEach(async () => {
    r = await openTestReporting(backend);
  });
  afterEach(async () => {
    await r.dispose();
  });

  const at = new Date('2026-03-16T08:00:00.000Z');
  const reference = { serviceUrl: 'https://smba.trafficmanager.net/emea/', conversation: { id: 'a:1personal', conversationType: 'personal' } };

  it('keeps conversation references across reopening, replaces them, and blocks until the next save', async () => {
    await r.store.saveTeamsConversation('user:aad-1', reference, at);
    await r.store.saveTeamsConversation('user:aad-1', { ...reference, serviceUrl: 'https://smba.trafficmanager.net/amer/' }, at);
    await r.store.blockTeamsConversation('user:aad-1', at);
    const blocked = await r.store.teamsConversation('user:aad-1');
    expect(blocked).toEqual({
      conversationKey: 'user:aad-1',
      reference: { ...reference, serviceUrl: 'https://smba.trafficmanager.net/amer/' },
      updatedAt: at,
      blockedAt: at,
    });
    await r.store.saveTeamsConversation('user:aad-1', reference, new Date(at.getTime() + 1000));
    expect((await r.store.teamsConversation('user:aad-1'))?.blockedAt).toBeNull();
    expect((await r.store.teamsConversations()).map((c) => c.conversationKey)).toEqual(['user:aad-1']);
    expect(await r.store.teamsConversation('user:nobody')).toBeUndefined();
  });

  it('records a delivered message once per idempotency key and lists a report’s cards for updating', async () => {
    const receipt = await r.service.submit(draft(), DEMO.anna);
    const card = { idempotencyKey: `${receipt.reference}:report_alert:person:karin.nystrom`, reference: receipt.reference, conversationKey: 'user:aad-2', activityId: '1716001', cardStatus: 'submitted' as const, sentAt: at };
    expect(await r.store.recordTeamsMessage(card)).toBe(true);
    expect(await r.store.recordTeamsMessage({ ...card, activityId: '1716999' })).toBe(false);
    expect(await r.store.recordTeamsMessage({ ...card, idempotencyKey: 'news-for-reporter', cardStatus: null })).toBe(true);
    expect(await r.store.teamsMessage(card.idempotencyKey)).toEqual(card);
    expect(await r.store.teamsReportCards(receipt.reference)).toEqual([card]);
    await r.store.setTeamsCardStatus(card.idempotencyKey, 'acknowledged');
    expect((await r.store.teamsReportCards(receipt.reference))[0]?.cardStatus).toBe('acknowledged');
  });
});
