import { CachedDirectory } from '../../src/core/directory/cachedDirectory';
import { checkDirectory, DirectoryProblemCode } from '../../src/core/directory/checkDirectory';
import { managerChain } from '../../src/core/directory/managerChain';
import { resolveRouting } from '../../src/core/reports/routing';
import type { ReportDraft } from '../../src/core/reports/report';
import { loadRoutingTable } from '../../src/core/reports/routingTable';
import path from 'node:path';
import { createJsonLogger } from '../../src/core/logger';
import { GraphClient } from '../../src/directory/graph/graphClient';
import { GraphSource } from '../../src/directory/graph/graphSource';
import { demoGraphUsers, FAKE_CLIENT_ID, FAKE_CLIENT_SECRET, FAKE_TENANT, FakeGraph } from './fakeGraph';

/** Resolves when `test` holds, checking every 20 ms for up to 5 s. */
async function until(test: () => boolean | Promise<boolean>): Promise<void> {
  for (let i = 0; i < 250; i++) {
    if (await test()) return;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error('condition not met in time');
}

const GROUPS = { itSecurityGroup: 'g-itsec', hrGroup: 'g-hr', communicationsGroup: 'g-comms' };

describe('Microsoft Graph directory (fake Graph on loopback)', () => {
  const { users, idOf } = demoGraphUsers();
  let graph: FakeGraph;
  let now: number;
  let sleeps: number[];
  let logLines: string[];

  const open = (ttlMs = 60_000) => {
    const client = new GraphClient(
      { tenantId: FAKE_TENANT, clientId: FAKE_CLIENT_ID, clientSecret: FAKE_CLIENT_SECRET, authorityHost: graph.url, graphUrl: graph.url },
      { sleep: async (ms) => void sleeps.push(ms), maxWaitMs: 5000 },
    );
    return new CachedDirectory({
      source: new GraphSource(client, { kind: 'graph', ...GROUPS }),
      itSecurityChannels: [{ platform: 'email', id: 'infosec@kyrkslatt.example' }],
      ttlMs,
      logger: createJsonLogger('debug', (line) => logLines.push(line)),
      now: () => now,
    });
  };

  beforeEach(async () => {
    graph = new FakeGraph(users);
    // IT security: Timo directly, Linnea through a nested group; one user per page, so the group spans pages.
    graph.groups.set('g-itsec', [idOf('timo.korhonen'), 'g-itsec-nested']);
    graph.groups.set('g-itsec-nested', [idOf('linnea.berg')]);
    graph.groups.set('g-hr', [idOf('helena.aaltonen')]);
    graph.groups.set('g-comms', []);
    graph.pageSize = 1;
    await graph.start();
    now = 1_000_000;
    sleeps = [];
    logLines = [];
  });
  afterEach(() => graph.stop());

  it('finds a person by e-mail and follows users/{id}/manager to the top (404 = no manager)', async () => {
    const directory = open();
    const anna = await directory.findByIdentity('email', 'Anna.Lindqvist@kyrkslatt.example');
    expect(anna).toMatchObject({ id: idOf('anna.lindqvist'), name: 'Anna Lindqvist', lang: 'sv', managerId: idOf('karin.nystrom') });
    expect(anna!.identities).toEqual({ email: 'anna.lindqvist@kyrkslatt.example', teams: idOf('anna.lindqvist') });
    const chain = await managerChain(directory, anna!.id);
    expect(chain.managers.map((p) => p.name)).toEqual(['Karin Nyström', 'Kaisa Virtanen']);
    expect(chain.end).toBe('top');
    expect(graph.graphCalls(`/users/${idOf('kaisa.virtanen')}/manager`).map((c) => c.status)).toContain(404);
    // Teams sends the Entra object id: the same person.
    expect((await directory.findByIdentity('teams', idOf('anna.lindqvist').toUpperCase()))?.id).toBe(anna!.id);
    expect((await directory.findByIdentity('email', 'nobody@kyrkslatt.example'))).toBeUndefined();
  });

  it('gives roles from the groups’ transitive members across pages, and languages from preferredLanguage', async () => {
    const directory = open();
    const itSecurity = await directory.itSecurity();
    expect(itSecurity.people.map((p) => p.name).sort()).toEqual(['Linnea Berg', 'Timo Korhonen']);
    expect(itSecurity.channels).toEqual([{ platform: 'email', id: 'infosec@kyrkslatt.example' }]);
    expect(graph.graphCalls('/groups/g-itsec/transitiveMembers').filter((c) => c.path.includes('$skiptoken')).length).toBeGreaterThan(0);
    expect((await directory.withRole('hr')).map((p) => p.name)).toEqual(['Helena Aaltonen']);
    expect(await directory.withRole('communications')).toEqual([]);
    const timo = await directory.person(idOf('timo.korhonen'));
    expect(timo?.roles).toEqual(expect.arrayContaining(['employee', 'it_security']));
    expect(timo?.lang).toBe('fi');
    // Managers: whoever is someone's manager in the listing (paged, with $expand=manager).
    expect((await directory.withRole('manager')).map((p) => p.name).sort()).toEqual(['Kaisa Virtanen', 'Karin Nyström', 'Timo Korhonen']);
    expect((await directory.all()).length).toBe(users.length);
  });

  it('knows a person without a manager, and finds a loop in the chain', async () => {
    const directory = open();
    expect(await directory.managerOf(idOf('jussi.heikkinen'))).toBeUndefined();
    graph.users.get(idOf('kaisa.virtanen'))!.managerId = idOf('mikko.laine');
    const chain = await managerChain(directory, idOf('mikko.laine'));
    expect(chain.end).toBe('loop');
    expect(chain.loopsTo).toBe(idOf('mikko.laine'));
    const problems = checkDirectory(await directory.all(), []);
    expect(problems.find((p) => p.code === DirectoryProblemCode.ManagerCycle)?.personIds).toHaveLength(3);
    expect(problems.filter((p) => p.code === DirectoryProblemCode.NoManager).map((p) => p.personIds[0])).toEqual([idOf('jussi.heikkinen')]);
  });

  it('honours 429 Retry-After, then answers', async () => {
    const directory = open();
    graph.throttleNext(2, '2', '/manager');
    expect((await directory.managerOf(idOf('anna.lindqvist')))?.name).toBe('Karin Nyström');
    expect(sleeps).toEqual([2000, 2000]);
    expect(graph.graphCalls('/manager').map((c) => c.status).slice(0, 3)).toEqual([429, 429, 200]);
  });

  it('serves the last known values while the source is down, refreshes in the background, never throws', async () => {
    const directory = open(60_000);
    const annaId = idOf('anna.lindqvist');
    expect((await directory.person(annaId))?.managerId).toBe(idOf('karin.nystrom'));
    expect((await directory.managerOf(annaId))?.name).toBe('Karin Nyström');
    expect((await directory.itSecurity()).people).toHaveLength(2);

    // Fresh: no call at all.
    const before = graph.calls.length;
    expect((await directory.person(annaId))?.name).toBe('Anna Lindqvist');
    expect(graph.calls.length).toBe(before);

    // Stale and the source down: last known values, a refresh tried in the background.
    now += 120_000;
    graph.down = true;
    expect((await directory.managerOf(annaId))?.name).toBe('Karin Nyström');
    expect((await directory.itSecurity()).people).toHaveLength(2);
    await until(() => directory.sourceHealth().failures > 0);
    expect(graph.calls.filter((c) => c.status === 503).length).toBeGreaterThan(0);
    expect(directory.sourceHealth().lastFailure).toBe('directory_unavailable');

    // Nothing known and down: unknown, not an error (the dialog asks for a manager).
    expect(await directory.managerOf(idOf('mikko.laine'))).toBeUndefined();
    expect(await directory.findByIdentity('email', 'mikko.laine@kyrkslatt.example')).toBeUndefined();
    // By id (a stored report, a session) a person is known provisionally; a web chat identity is not.
    expect(await directory.person(idOf('mikko.laine'))).toMatchObject({ id: idOf('mikko.laine'), roles: ['employee'] });
    expect(await directory.findByIdentity('web', 'made-up')).toBeUndefined();
    // A Teams user is known provisionally by the Entra object id the source keys people by.
    expect(await directory.findByIdentity('teams', idOf('mikko.laine'))).toMatchObject({ id: idOf('mikko.laine'), roles: ['employee'] });

    // Back up: the background refresh brings changes in.
    graph.down = false;
    graph.users.get(annaId)!.managerId = idOf('kaisa.virtanen');
    now += 120_000;
    await directory.managerOf(annaId);
    await until(async () => (await directory.managerOf(annaId))?.name === 'Kaisa Virtanen');

    // No person data in the logs.
    const logs = logLines.join('\n');
    expect(logs).toContain('directory_source_failed');
    for (const user of users) {
      expect(logs).not.toContain(user.id);
      expect(logs).not.toContain(user.mail!);
      expect(logs).not.toContain(user.displayName);
    }
  });

  it('refuses wrong credentials as Refused, without the secret in the error', async () => {
    const client = new GraphClient({ tenantId: FAKE_TENANT, clientId: FAKE_CLIENT_ID, clientSecret: 'wrong', authorityHost: graph.url, graphUrl: graph.url });
    const source = new GraphSource(client, { kind: 'graph' });
    await expect(source.findPerson({ by: 'id', value: idOf('anna.lindqvist') })).rejects.toMatchObject({ code: 'directory_refused', status: 401 });
  });

  it('routes a report while the source is down: the reporter is known by id, and IT security is told when the manager is unknown', async () => {
    const table = loadRoutingTable(path.join(__dirname, '../../content/routing.yaml'));
    const harassment = { category: 'harassment', immediateDanger: false, subjectIsManager: false } as ReportDraft;
    const directory = open();
    await directory.itSecurity(); // IT security known from before the outage
    // Up: a person without a manager goes to HR (as with the YAML directory), not to IT security.
    const jussi = await resolveRouting(harassment, idOf('jussi.heikkinen'), table, directory);
    expect(jussi.recipients.map((r) => r.role)).not.toContain('it_security');

    graph.down = true;
    const mikko = await resolveRouting(harassment, idOf('mikko.laine'), table, directory);
    expect(directory.managerUnknown(idOf('mikko.laine'))).toBe(true);
    expect(mikko.recipients.filter((r) => r.role === 'it_security').map((r) => (r.kind === 'person' ? r.personId : r.channel.id)).sort()).toEqual(
      // IT security is told by a post for the team (its people personally only where the routing table says so).
      ['infosec@kyrkslatt.example'],
    );
  });
});
