/**
 * The web chat's JSON API on a real server (real PGlite, real relay, the demo directory): questions, a
 * complete report through the dialog, the manager's alert, acknowledging it, the reporter seeing the new
 * status, access checks, and the guard against other web sites.
 */
import http from 'node:http';
import { startTestServer, webClient, eventually, TEST_DEMO_TOKEN, type TestServer } from '../../server/testServer';
import { isDirectLocalRequest } from '../../../src/server/guards/directRequest';
import { draft, SECRET } from '../../helpers/db';

const SECRET_DESCRIPTION = 'SECRET-WEB-DESCRIPTION en profil skriver <img src=x onerror=alert(1)> under varje inlägg';

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer();
}, 60_000);

afterAll(async () => {
  await server?.dispose();
});

/** Runs the harassment dialog for `person` and returns the report's reference. */
async function reportHarassment(person: string): Promise<string> {
  const client = webClient(server.url, person);
  const steps: object[] = [
    { text: 'Någon trakasserar mig i kommentarerna på vår Facebooksida' },
    { choice: 'no' },
    { choice: 'facebook' },
    { choice: 'organisation_account' },
    { text: SECRET_DESCRIPTION },
    { choice: 'today' },
    { choice: 'none' },
    { choice: 'no' },
    { choice: 'confirm' },
  ];
  let last: { status: number; body: { replies: { html: string }[] } } | undefined;
  for (const body of steps) {
    last = await client.post('/messages', body);
    expect(last.status).toBe(200);
  }
  const html = last!.body.replies.map((r) => r.html).join('\n');
  expect(html).toContain('kind-done');
  return /SOME-\d{4}-\d{4}/.exec(html)![0];
}

describe('the web chat API', () => {
  it('lists the directory and preselects a plain employee with a manager', async () => {
    const { status, body } = await webClient(server.url).get('/people');
    expect(status).toBe(200);
    expect(body.people.map((p: { id: string }) => p.id)).toContain('karin.nystrom');
    expect(body.preselected).toBe('anna.lindqvist');
  });

  it('serves the page texts per language and refuses an unknown language', async () => {
    const fi = await webClient(server.url).get('/texts/fi');
    expect(fi.body.texts.chat.send).toBe('Lähetä');
    expect((await webClient(server.url).get('/texts/de')).status).toBe(400);
  });

  it('answers a Swedish question with a quoted, cited passage and feedback buttons', async () => {
    const { status, body } = await webClient(server.url, 'mikko.laine').post('/messages', {
      text: 'Hur ofta ska lösenorden bytas?',
    });
    expect(status).toBe(200);
    const html: string = body.replies[0].html;
    expect(html).toMatch(/<blockquote lang="(sv|fi)">/);
    expect(html).toContain('Kyrkslätts kommun');
    expect(html).toContain('data-feedback="helpful"');
    expect(html).toContain('lang="sv"');
  });

  it('answers "ja" typed alone in the language of the page: Swedish on a Swedish page, Finnish on a Finnish one', async () => {
    const sv = (await webClient(server.url, 'anna.lindqvist', 'sv').post('/messages', { text: 'ja' })).body.replies.map((r: { html: string }) => r.html).join('\n');
    expect(sv).toContain('lang="sv"');
    expect(sv).not.toContain('lang="fi"');
    expect(sv).not.toContain('En löytänyt');
    const fi = (await webClient(server.url, 'mikko.laine', 'fi').post('/messages', { text: 'ja' })).body.replies.map((r: { html: string }) => r.html).join('\n');
    expect(fi).toContain('lang="fi"');
    expect(fi).not.toContain('lang="sv"');
  });

  it('answers a Finnish question in Finnish', async () => {
    const { body } = await webClient(server.url, 'mikko.laine', 'fi').post('/messages', { text: 'Kuka hoitaa kunnan yleisen tiedottamisen?' });
    const html: string = body.replies[0].html;
    expect(html).toContain('class="bot answer" lang="fi"');
    expect(html).toContain('<blockquote lang="fi">');
    expect(html).toContain('kohta ”Kuka voi tiedottaa”');
    expect(html).toContain('Oliko vastauksesta apua?');
  });

  it('answers false claims told in free text and offers the report beside the answer; the offer starts the dialog', async () => {
    const client = webClient(server.url, 'jussi.heikkinen', 'fi');
    const { body } = await client.post('/messages', { text: 'facebookissa leviää juttu että kunta sulkee koulun, ei pidä paikkaansa' });
    const html = (body.replies as { html: string }[]).map((r) => r.html).join('\n');
    expect(html).toContain('class="bot answer" lang="fi"');
    expect(html).toContain('Haluatko tehdä ilmoituksen?');
    expect(html).toContain('data-choice="report.offer:misinformation"');
    const started = await client.post('/messages', { choice: 'report.offer:misinformation' });
    expect(started.status).toBe(200);
    const dialog = (started.body.replies as { html: string }[]).map((r) => r.html).join('\n');
    // The dialog starts with the offered category and asks where it happened.
    expect(dialog).toContain('Virheellinen väite kunnasta');
    expect(dialog).toContain('data-choice="facebook"');
    await client.post('/messages', { text: 'peruuta' });
  });

  it('stores feedback without the question and counts it in /metrics', async () => {
    const client = webClient(server.url, 'mikko.laine');
    const { body } = await client.post('/messages', { text: 'Hur ska jag svara på kommentarer på kommunens Facebooksida?' });
    const html: string = body.replies[0].html;
    const answerId = /data-answer="([^"]+)"/.exec(html)![1]!;
    const passageId = /data-passage="([^"]*)"/.exec(html)![1]!;
    const first = await client.post('/feedback', { answerId, verdict: 'helpful', lang: 'sv', answered: true, passageId: passageId || null });
    expect(first.status).toBe(200);
    expect(first.body.message).toBe('Tack för din återkoppling.');
    // A second click on the same answer replaces the verdict.
    await client.post('/feedback', { answerId, verdict: 'not_helpful', lang: 'sv', answered: true, passageId: passageId || null });
    const figures = await server.bot.reporting.store.operationsFigures();
    expect(figures.feedback).toEqual({ helpful: 0, notHelpful: 1 });
    const bad = await client.post('/feedback', { answerId, verdict: 'helpful', lang: 'sv', answered: true, passageId: 'no-such#1.1' });
    expect(bad.status).toBe(400);
    expect(bad.body.error).toBe('Begäran kunde inte tolkas. Ingenting ändrades.');
  });

  it('takes a harassment report; the manager gets the alert, acknowledges it, and the reporter sees the status', async () => {
    const reference = await reportHarassment('anna.lindqvist');
    const karin = webClient(server.url, 'karin.nystrom');
    const anna = webClient(server.url, 'anna.lindqvist');

    const alert = await eventually(async () => {
      const { body } = await karin.get('/inbox');
      return (body.items as { key: string; html: string }[]).find((i) => i.html.includes(reference) && i.html.includes('kind-report_alert'));
    }, 10_000, 'the alert in the manager inbox');
    // Report text is escaped, never markup.
    expect(alert.html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(alert.html).not.toContain('<img');
    expect(alert.html).toContain('data-action="report.acknowledge"');

    const before = await anna.get('/reports');
    expect(before.body.html).toContain(`data-status="submitted"`);

    const ack = await karin.post(`/reports/${reference}/actions`, { action: 'report.acknowledge' });
    expect(ack.status).toBe(200);
    expect(ack.body.status).toBe('acknowledged');
    expect(ack.body.message).toBe(`Anmälan ${reference} är nu: Mottagen.`);

    await eventually(async () => (await anna.get('/reports')).body.html.includes('data-status="acknowledged"'), 10_000, 'status in the reporter view');
    await eventually(async () => {
      const { body } = await anna.get('/inbox');
      return (body.items as { html: string }[]).some((i) => i.html.includes('kind-reporter_acknowledged') && i.html.includes(reference));
    }, 10_000, 'the receipt in the reporter inbox');

    // The alert rendered again now has no Acknowledge button.
    const after = (await karin.get('/inbox')).body.items.find((i: { html: string }) => i.html.includes(reference) && i.html.includes('kind-report_alert'));
    expect(after.html).not.toContain('data-action="report.acknowledge"');

    // A second acknowledgement changes nothing; another employee may not see the report (refusal recorded).
    expect((await karin.post(`/reports/${reference}/actions`, { action: 'report.acknowledge' })).body.changed).toBe(false);
    const refused = await webClient(server.url, 'mikko.laine').get(`/reports/${reference}`);
    expect(refused.status).toBe(403);
    expect(refused.body.error).toContain(reference);
    const events = (await server.bot.reporting.store.timeline(reference)).map((e) => e.event);
    expect(events).toContain('view_refused');

    // The manager opens it (audited) and resolves it with a note; the reporter is told.
    const detail = await karin.get(`/reports/${reference}`);
    expect(detail.status).toBe(200);
    expect(detail.body.html).toContain('SECRET-WEB-DESCRIPTION');
    expect(detail.body.html).toContain('data-action="report.resolve"');
    const resolved = await karin.post(`/reports/${reference}/actions`, { action: 'report.resolve', note: 'Kontot blockerat.' });
    expect(resolved.body.status).toBe('resolved');
    await eventually(async () => (await anna.get('/inbox')).body.items.some((i: { html: string }) => i.html.includes('kind-reporter_resolved')), 10_000, 'resolved message');

    // Nothing of the report's text reached the log.
    expect(server.logLines.length).toBeGreaterThan(10);
    expect(server.logLines.join('\n')).not.toContain('SECRET-WEB-DESCRIPTION');
    expect(server.logLines.join('\n')).not.toContain('Kontot blockerat');
  }, 60_000);

  it('refuses requests without a person, with an unknown person or with a bad body, in the page language', async () => {
    const none = await webClient(server.url, undefined, 'fi').post('/messages', { text: 'hei' });
    expect(none.status).toBe(401);
    expect(none.body.error).toBe('Valitse ensin, kuka olet.');
    const unknown = await webClient(server.url, 'nobody').get('/inbox');
    expect(unknown.status).toBe(403);
    const bad = await webClient(server.url, 'anna.lindqvist').post('/messages', { text: 'x', extra: 1 });
    expect(bad.status).toBe(400);
    const wrongAction = await webClient(server.url, 'karin.nystrom').post('/reports/SOME-2026-0001/actions', { action: 'report.delete' });
    expect(wrongAction.status).toBe(400);
  });

  it('refuses state changes from another web site and requests for another host name', async () => {
    const foreign = await webClient(server.url, 'anna.lindqvist').post('/messages', { text: 'hej' }, { Origin: 'https://evil.example' });
    expect(foreign.status).toBe(403);
    expect(foreign.body.error).toBe('Begäran kom från en annan webbplats och nekades.');
    const crossSite = await webClient(server.url, 'anna.lindqvist').post('/messages', { text: 'hej' }, { 'Sec-Fetch-Site': 'cross-site' });
    expect(crossSite.status).toBe(403);
    // DNS rebinding: the browser would send the attacker's host name.
    // (fetch will not set Host, so node:http sends this one.)
    const rebound = await new Promise<number>((resolve, reject) => {
      const req = http.get(`${server.url}/web/api/people`, { headers: { Host: 'evil.example' } }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      });
      req.on('error', reject);
    });
    expect(rebound).toBe(403);
  });

  it('serves the page with its texts in the requested language and a strict content security policy', async () => {
    const res = await fetch(`${server.url}/?lang=fi`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-security-policy')).toContain("script-src 'self'");
    const page = await res.text();
    expect(page).toContain('<html lang="fi">');
    expect(page).toContain('Kuka olet?');
    expect(page).not.toMatch(/\{\{/);
    expect((await fetch(`${server.url}/web/static/app.js`)).status).toBe(200);
  });

  it('groups reports by why the person sees them, and lets IT security (only) export them with their timelines', async () => {
    const reference = await reportHarassment('mikko.laine');
    const threat = (await server.bot.reporting.service.submit(draft(), 'anna.lindqvist')).reference;
    const timo = await webClient(server.url, 'timo.korhonen').get('/reports');
    expect(timo.body.html).toMatch(new RegExp(`data-group="queue"[\\s\\S]*${threat}`));
    expect(timo.body.html).not.toContain(reference);
    const mine = await webClient(server.url, 'mikko.laine').get('/reports');
    expect(mine.body.html).toMatch(new RegExp(`data-group="mine"[\\s\\S]*${reference}`));
    const karin = await webClient(server.url, 'karin.nystrom').get('/reports');
    expect(karin.body.html).toMatch(new RegExp(`data-group="sentToMe"[\\s\\S]*${reference}`));
    expect(karin.body.html).not.toContain('data-group="queue"');

    const employee = await fetch(`${server.url}/web/api/export?format=csv`, { headers: { 'X-Somebot-Person': 'mikko.laine', 'X-Somebot-Demo-Token': TEST_DEMO_TOKEN } });
    expect(employee.status).toBe(403);
    const itSecurity = (format: string) => fetch(`${server.url}/web/api/export?format=${format}`, { headers: { 'X-Somebot-Person': 'timo.korhonen', 'X-Somebot-Demo-Token': TEST_DEMO_TOKEN, 'X-Somebot-Lang': 'en' } });
    const json = await itSecurity('json');
    expect(json.status).toBe(200);
    expect(json.headers.get('content-disposition')).toMatch(/^attachment; filename="somebot-reports-\d{4}-\d{2}-\d{2}\.json"$/);
    const exported = (await json.json()) as { reports: { reference: string; recipients: string[]; description: string; timeline: { event: string }[] }[] };
    // Harassment goes to the manager only, a threat to IT security too: the export holds only the threat.
    expect(exported.reports.map((r) => r.reference)).toEqual([threat]);
    expect(exported.reports[0]!.description).toBe(SECRET.description);
    expect(exported.reports[0]!.timeline.map((e) => e.event)).toEqual(expect.arrayContaining(['submitted']));
    const csv = await (await itSecurity('csv')).text();
    expect(csv.split('\r\n')[0]).toMatch(/^reference,.*,timeline$/);
    expect(csv).toContain(threat);
    expect(csv).not.toContain(reference);
    // The export is audited on the exported report, and only there.
    expect((await server.bot.reporting.store.timeline(threat)).map((e) => e.event)).toContain('exported');
    expect((await server.bot.reporting.store.timeline(reference)).map((e) => e.event)).not.toContain('exported');
    expect((await itSecurity('xml')).status).toBe(400);
  }, 60_000);
});

describe('the demo guard', () => {
  const get = (path: string, headers: Record<string, string>) => fetch(`${server.url}${path}`, { headers });

  it('answers an API request only with the demo token: none or a wrong one is a translated 401, nothing read', async () => {
    const none = await webClient(server.url, 'karin.nystrom', 'en', null).get('/inbox');
    expect(none.status).toBe(401);
    expect(none.body.error).toBe('Open the demo chat with the address npm start printed (it carries a token).');
    const wrong = await webClient(server.url, 'karin.nystrom', 'sv', 'x'.repeat(TEST_DEMO_TOKEN.length)).post('/messages', { text: 'hej' });
    expect(wrong.status).toBe(401);
    expect((await webClient(server.url, undefined, 'sv', null).get('/people')).status).toBe(401);
    // The event stream takes the token in its address (EventSource sends no headers); without it, 401.
    expect((await get('/web/api/events?person=karin.nystrom', {})).status).toBe(401);
    const stream = await get(`/web/api/events?person=karin.nystrom&token=${TEST_DEMO_TOKEN}`, {});
    expect(stream.status).toBe(200);
    await stream.body?.cancel();
    // Elsewhere a token in the address does not count.
    expect((await get(`/web/api/inbox?person=karin.nystrom&token=${TEST_DEMO_TOKEN}`, {})).status).toBe(401);
  });

  it('never answers a request carrying forwarding headers, token or not: page, files and API', async () => {
    const withToken = { 'X-Somebot-Demo-Token': TEST_DEMO_TOKEN, 'X-Somebot-Person': 'karin.nystrom', 'X-Somebot-Lang': 'en' };
    const proxies: Record<string, string>[] = [{ 'X-Forwarded-For': '203.0.113.9' }, { Forwarded: 'for=203.0.113.9' }, { 'X-Real-IP': '203.0.113.9' }, { 'X-Forwarded-Host': 'bot.example' }, { 'X-Forwarded-Proto': 'https' }];
    for (const proxied of proxies) {
      const inbox = await get('/web/api/inbox', { ...withToken, ...proxied });
      expect(inbox.status).toBe(403);
      const body = (await inbox.json()) as { error: string; items?: unknown };
      expect(body.items).toBeUndefined();
      expect(body.error).toBe('The demo chat answers only requests made directly on this computer, not through a proxy.');
      expect((await get('/web/api/reports', { ...withToken, ...proxied })).status).toBe(403);
      expect((await get('/', proxied)).status).toBe(403);
      expect((await get('/web/static/app.js', proxied)).status).toBe(403);
    }
    expect((await get('/web/api/inbox', withToken)).status).toBe(200);
  });

  it('tells a direct request on this computer from one through a proxy or from elsewhere', () => {
    const req = (remoteAddress: string, headers: Record<string, string> = {}) => ({ socket: { remoteAddress }, headers }) as never;
    expect(isDirectLocalRequest(req('127.0.0.1'))).toBe(true);
    expect(isDirectLocalRequest(req('::1'))).toBe(true);
    expect(isDirectLocalRequest(req('::ffff:127.0.0.1'))).toBe(true);
    expect(isDirectLocalRequest(req('10.0.0.5'))).toBe(false);
    expect(isDirectLocalRequest(req('::ffff:192.168.1.2'))).toBe(false);
    expect(isDirectLocalRequest(req('127.0.0.1', { 'x-forwarded-for': '1.2.3.4' }))).toBe(false);
    expect(isDirectLocalRequest(req('127.0.0.1', { 'x-real-ip': '1.2.3.4' }))).toBe(false);
    expect(isDirectLocalRequest(req('127.0.0.1', { forwarded: 'for=1.2.3.4' }))).toBe(false);
  });

  it('prints the address with its token, and makes a random token when none is configured', async () => {
    const web = server.running.channels.find((c) => c.name === 'web');
    expect(web?.openPath).toBe(`/?token=${TEST_DEMO_TOKEN}`);
    const other = await startTestServer({ env: { SOMEBOT_DEMO_TOKEN: '' } });
    try {
      const path = other.running.channels.find((c) => c.name === 'web')?.openPath ?? '';
      const token = /^\/\?token=([\w-]{32})$/.exec(path)?.[1];
      expect(token).toBeDefined();
      expect((await webClient(other.url, 'karin.nystrom', 'sv', token!).get('/inbox')).status).toBe(200);
      expect((await webClient(other.url, 'karin.nystrom').get('/inbox')).status).toBe(401);
    } finally {
      await other.dispose();
    }
  }, 60_000);
});

