/**
 * A click in the web chat on a report button that no longer applies (someone else acted first, or the report
 * was closed): the explanation and the report's current state are in the language of the person's own copies
 * of the report (their alert, or for the reporter the language they reported in), as Slack and Teams answer
 * such a click, not in the page's language. Real server, PGlite, the demo directory, the web chat's JSON API.
 */
import { startTestServer, webClient, eventually, type TestServer } from '../../server/testServer';
import { draft } from '../../helpers/db';

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer();
}, 60_000);

afterAll(async () => {
  await server?.dispose();
});

describe('a click on a button that no longer applies, in the web chat', () => {
  it('explains a click that no longer applies in the language of the person’s own copies of the report, whatever the page’s language', async () => {
    // Anna (Swedish in the directory) reports in Finnish; Timo (IT security, Finnish) and Linnea (IT security, Swedish) handle it.
    const { reference } = await server.bot.reporting.service.submit(draft(), 'anna.lindqvist', { lang: 'fi' });
    const alertOf = async (person: string) =>
      eventually(async () => ((await webClient(server.url, person).get('/inbox')).body.items as { html: string }[]).find((i) => i.html.includes(reference) && /kind-(report_alert|it_security)/.test(i.html)), 10_000, `${person}'s alert`);
    expect((await alertOf('timo.korhonen')).html).toMatch(/^<article class="message kind-[a-z_]+" lang="fi"/);
    expect((await alertOf('linnea.berg')).html).toMatch(/^<article class="message kind-[a-z_]+" lang="sv"/);

    // Linnea acknowledges first: Timo's Acknowledge, on a Swedish or English page, is told so in Finnish, as his alert is written.
    expect((await webClient(server.url, 'linnea.berg', 'fi').post(`/reports/${reference}/actions`, { action: 'report.acknowledge' })).body.changed).toBe(true);
    for (const page of ['sv', 'en']) {
      const again = await webClient(server.url, 'timo.korhonen', page).post(`/reports/${reference}/actions`, { action: 'report.acknowledge' });
      expect(again.status).toBe(200);
      expect(again.body.changed).toBe(false);
      expect(again.body.message).toMatch(new RegExp(`^${reference}: Vastaanotettu\\. Linnea Berg .*`));
    }
    // Linnea resolves it; Timo's outdated Acknowledge is refused (409) with the current state, in Finnish.
    expect((await webClient(server.url, 'linnea.berg', 'sv').post(`/reports/${reference}/actions`, { action: 'report.resolve', note: 'Polisanmälan gjord.' })).body.status).toBe('resolved');
    for (const page of ['sv', 'en']) {
      const late = await webClient(server.url, 'timo.korhonen', page).post(`/reports/${reference}/actions`, { action: 'report.acknowledge' });
      expect(late.status).toBe(409);
      expect(late.body.outdated).toBe(true);
      expect(late.body.error).toMatch(new RegExp(`^Tämä ei ole enää mahdollista\\. ${reference}: Käsitelty\\. Linnea Berg`));
    }
    // Linnea, Swedish, on a Finnish page: in Swedish.
    const linnea = await webClient(server.url, 'linnea.berg', 'fi').post(`/reports/${reference}/actions`, { action: 'report.acknowledge' });
    expect(linnea.status).toBe(409);
    expect(linnea.body.error).toMatch(new RegExp(`^Det går inte längre\\. ${reference}: Avslutad\\.`));
    // The reporter, on a Swedish page, withdrawing too late: in Finnish, the language she reported in (and her receipt's).
    const withdraw = await webClient(server.url, 'anna.lindqvist', 'sv').post(`/reports/${reference}/actions`, { action: 'report.withdraw' });
    expect(withdraw.status).toBe(409);
    expect(withdraw.body.error).toMatch(new RegExp(`^Tämä ei ole enää mahdollista\\. ${reference}: Käsitelty\\.`));
  }, 60_000);
});
