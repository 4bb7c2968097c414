/**
 * A Slack user matched to a remote directory (Microsoft Graph here, on a fake) by the e-mail address Slack
 * gives in users.info (scope users:read.email), with the real Web API client against the fake Slack API.
 */
import { WebClient } from '@slack/web-api';
import { ChannelPacer } from '../../../src/adapters/slack/channelPacer';
import { SlackApi } from '../../../src/adapters/slack/slackApi';
import { SlackUsers } from '../../../src/adapters/slack/slackUsers';
import { CachedDirectory } from '../../../src/core/directory/cachedDirectory';
import { silentLogger } from '../../../src/core/logger';
import { GraphClient } from '../../../src/directory/graph/graphClient';
import { GraphSource } from '../../../src/directory/graph/graphSource';
import { demoGraphUsers, FAKE_CLIENT_ID, FAKE_CLIENT_SECRET, FAKE_TENANT, FakeGraph } from '../../directory/fakeGraph';
import { FakeSlackApi } from './fakeSlackApi';

describe('Slack users matched to the directory by e-mail', () => {
  const { users, idOf } = demoGraphUsers();
  let graph: FakeGraph;
  let slack: FakeSlackApi;

  beforeAll(async () => {
    graph = new FakeGraph(users);
    await graph.start();
    slack = await FakeSlackApi.start([
      { id: 'UANNA', name: 'anna', locale: 'en-US', email: 'Anna.Lindqvist@kyrkslatt.example' },
      { id: 'UGUEST', name: 'guest', locale: 'fi-FI', email: 'guest@elsewhere.example' },
      { id: 'UNOMAIL', name: 'nomail', locale: 'sv-SE' },
    ]);
  });
  afterAll(async () => {
    await graph.stop();
    await slack.close();
  });

  it('finds the person by profile.email, remembers it, and keeps strangers and people without an address out', async () => {
    const directory = new CachedDirectory({
      source: new GraphSource(new GraphClient({ tenantId: FAKE_TENANT, clientId: FAKE_CLIENT_ID, clientSecret: FAKE_CLIENT_SECRET, authorityHost: graph.url, graphUrl: graph.url }), { kind: 'graph' }),
      ttlMs: 60_000,
      logger: silentLogger,
    });
    const api = new SlackApi(new WebClient('xoxb-test', { slackApiUrl: slack.apiUrl, retryConfig: { retries: 0 } }), new ChannelPacer(0));
    const slackUsers = new SlackUsers({ api, directory, defaultLang: 'fi', logger: silentLogger });

    const anna = await slackUsers.identify('UANNA');
    expect(anna.person).toMatchObject({ id: idOf('anna.lindqvist'), name: 'Anna Lindqvist', identities: { slack: 'UANNA', email: 'anna.lindqvist@kyrkslatt.example' } });
    expect(anna.lang).toBe('sv'); // an English Slack locale is Slack's default: her directory language wins
    await slackUsers.identify('UANNA');
    expect(slack.calls.filter((c) => c.method === 'users.info' && c.args.user === 'UANNA')).toHaveLength(1);

    expect((await slackUsers.identify('UGUEST')).person).toBeUndefined();
    const noMail = await slackUsers.identify('UNOMAIL');
    expect(noMail.person).toBeUndefined();
    expect(noMail.lang).toBe('sv');
  });
});
