/**
 * A team post the web chat delivers (Slack and Teams off): the web chat shows it to each of IT security's people
 * in their inbox; no channel of the team gets it. The trail and the export say exactly that — recipient
 * `team:it_security` through door `web`, "informationsförvaltningen (var och en i teamet) via webbchatten" —
 * never the Slack channel the web chat cannot post to. Real server, PGlite, demo directory, the real WebNotifier.
 */
import { exportRow } from '../../../src/cli/commands/reports';
import { startTestServer, webClient, eventually, type TestServer } from '../../server/testServer';
import { draft } from '../../helpers/db';

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer();
}, 60_000);

afterAll(async () => {
  await server?.dispose();
});

describe('a team post shown in the web chat', () => {
  it('is recorded and exported as shown to the team through the web chat, consistently with the trail text', async () => {
    const { reference } = await server.bot.reporting.service.submit(draft(), 'anna.lindqvist');
    await server.bot.deliverDue();
    // Timo (IT security) sees the team's post in his web inbox.
    await eventually(async () => ((await webClient(server.url, 'timo.korhonen').get('/inbox')).body.items as { html: string }[]).some((i) => i.html.includes(reference)), 10_000, 'the team post');

    const [view] = await server.bot.reporting.service.exportReports({ kind: 'admin', name: 'test' }, {}, (r) => r.reference === reference);
    const trail = exportRow(view!).timeline as string[];
    const teamLines = trail.filter((line) => / notified system .*role=it_security/.test(line));
    expect(teamLines.length).toBeGreaterThan(0);
    for (const line of teamLines) expect(line).toMatch(/ to=team:it_security door=web( |$)/);
    expect(trail.join('\n')).not.toMatch(/to=channel:[^ ]+ door=web/);

    // The trail the report's page shows names the same thing.
    const shown = await webClient(server.url, 'timo.korhonen', 'sv').get(`/reports/${reference}`);
    expect(shown.body.html).toContain('Ny anmälan till informationsförvaltningen (var och en i teamet) via webbchatten');
    expect(shown.body.html).not.toContain('(gemensam kanal) via webbchatten');
  }, 60_000);
});
