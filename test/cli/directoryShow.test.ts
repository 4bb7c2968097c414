import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { directoryCommand } from '../../src/cli/commands/directory';
import type { CliIo } from '../../src/cli/command';
import { tempFile } from '../helpers/reportFixtures';
import { demoGraphUsers, FAKE_CLIENT_ID, FAKE_CLIENT_SECRET, FAKE_TENANT, FakeGraph, selfSignedCertificate } from '../directory/fakeGraph';

const ROOT = path.join(__dirname, '../..');

async function run(args: string[], env: NodeJS.ProcessEnv = {}, teamsKeys?: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = { out: (t) => out.push(t), err: (t) => err.push(t), stdin: process.stdin };
  const code = await directoryCommand({ env: { SOMEBOT_LANG: 'en', ...env }, ...(teamsKeys ? { teamsConversationKeys: async () => teamsKeys } : {}) }).run(args, io);
  return { code, out: out.join('\n'), err: err.join('\n') };
}

/** A directory file naming Graph as the source, with the demo's IT security channels. */
function graphDirectoryFile(): string {
  return tempFile(
    'graph-directory.yaml',
    [
      'organisation: "Kyrkslätts kommun"',
      'source:',
      '  kind: graph',
      '  itSecurityGroup: g-itsec',
      '  hrGroup: g-hr',
      '  communicationsGroup: g-comms',
      'itSecurity:',
      '  channels:',
      '    - { platform: email, id: informationsforvaltningen@kyrkslatt.example, name: "Informationsförvaltningen" }',
    ].join('\n'),
  );
}

function demoGraph(): FakeGraph {
  const { users, idOf } = demoGraphUsers();
  const graph = new FakeGraph(users);
  graph.groups.set('g-itsec', [idOf('timo.korhonen'), idOf('linnea.berg')]);
  graph.groups.set('g-hr', [idOf('helena.aaltonen')]);
  graph.groups.set('g-comms', []);
  graph.pageSize = 1;
  return graph;
}

const graphEnv = (graph: FakeGraph, file: string) => ({
  ORG_DIRECTORY: file,
  AZURE_TENANT_ID: FAKE_TENANT,
  AZURE_CLIENT_ID: FAKE_CLIENT_ID,
  AZURE_CLIENT_SECRET: FAKE_CLIENT_SECRET,
  AZURE_AUTHORITY_HOST: graph.url,
  GRAPH_API_URL: graph.url,
});

describe('somebot directory show', () => {
  it('shows a person of the demo directory: chain, roles, and who each category reaches by which rule', async () => {
    const result = await run(['show', 'anna.lindqvist@kyrkslatt.example']);
    expect(result.code).toBe(0);
    expect(result.out).toContain('Anna Lindqvist (anna.lindqvist)');
    expect(result.out).toContain('Manager chain: Anna Lindqvist → Karin Nyström → Kaisa Virtanen (top)');
    expect(result.out).toMatch(/Threat:\n {2}• Karin Nyström – manager\n {2}• #informationsforvaltningen \/ .+ – IT security: one post for the team \(.*Timo Korhonen.*\)/);
    expect(result.out).toMatch(/Rule: “.+” \(.+, section “.+”\)/);
    const json = JSON.parse((await run(['show', 'jussi.heikkinen', '--json'])).out) as { chain: { managers: unknown[] }; categories: { category: string; recipients: { role: string }[] }[] };
    expect(json.chain.managers).toEqual([]);
    expect(json.categories.find((c) => c.category === 'threat')?.recipients.some((r) => r.role === 'manager')).toBe(false);
    expect((await run(['show', 'nobody@kyrkslatt.example'])).code).toBe(1);
    expect((await run(['show'])).code).toBe(2);
  });

  it('checks a Graph directory: counts, groups, people without a manager, loops, and whom Teams has not met', async () => {
    const graph = demoGraph();
    await graph.start();
    try {
      const { idOf } = demoGraphUsers();
      const result = await run(['check', '--teams'], graphEnv(graph, graphDirectoryFile()), [`user:${idOf('anna.lindqvist')}`]);
      expect(result.out).toMatch(/source graph: 9 people; IT security: 2 people and 1 channels\./);
      expect(result.out).toContain('Group itSecurityGroup: 2 members.');
      expect(result.out).toContain('warning: Group communicationsGroup has no members.');
      expect(result.out).toMatch(/no conversation yet with 8 people/);
      expect(result.out).not.toMatch(/• Anna Lindqvist/);
      expect(result.code).toBe(0);

      graph.users.get(idOf('kaisa.virtanen'))!.managerId = idOf('mikko.laine');
      const looped = await run(['check'], graphEnv(graph, graphDirectoryFile()));
      expect(looped.code).toBe(1);
      expect(looped.out).toMatch(/error: .*→/);

      graph.down = true;
      const down = await run(['check'], graphEnv(graph, graphDirectoryFile()));
      expect(down.code).toBe(1);
      expect(down.err).toContain('cannot be reached (directory_unavailable)');
    } finally {
      await graph.stop();
    }
  });

  it('from outside: `somebot directory show` over HTTPS names her manager, his manager and IT security from both pages, after a 429', async () => {
    const cert = selfSignedCertificate();
    const graph = demoGraph();
    await graph.start({ key: cert.key, cert: cert.cert });
    graph.throttleNext(1, '1');
    try {
      const { stdout } = await promisify(execFile)(process.execPath, [path.join(ROOT, 'bin/somebot.js'), 'directory', 'show', 'anna.lindqvist@kyrkslatt.example'], {
        cwd: ROOT,
        env: { ...process.env, ...graphEnv(graph, graphDirectoryFile()), SOMEBOT_LANG: 'en', NODE_EXTRA_CA_CERTS: cert.certFile },
        timeout: 120_000,
      });
      expect(stdout).toContain('Manager chain: Anna Lindqvist → Karin Nyström → Kaisa Virtanen (top)');
      expect(stdout).toMatch(/Phishing:(\n {2}• .+)*\n {2}• .+ – IT security: one post for the team \(.*Timo Korhonen.*\)/);
      expect(stdout).toMatch(/Phishing:(\n {2}• .+)*\n {2}• .+ – IT security: one post for the team \(.*Linnea Berg.*\)/);
      expect(stdout).toContain('Directory source: graph');
      // The 429 was honoured: the next Graph call came after Retry-After (1 s).
      const calls = graph.graphCalls();
      expect(calls[0]!.status).toBe(429);
      expect(calls[1]!.at - calls[0]!.at).toBeGreaterThanOrEqual(1000);
      // IT security's group came in two pages.
      const groupPages = graph.graphCalls('/groups/g-itsec/transitiveMembers').filter((c) => c.status === 200);
      expect(groupPages.length).toBe(2);
      expect(graph.url.startsWith('https://')).toBe(true);
    } finally {
      await graph.stop();
      fs.rmSync(cert.dir, { recursive: true, force: true });
    }
  }, 180_000);
});
