/**
 * The console's content pages, end to end with sign-in through a real OpenID Connect provider (oidc-provider in
 * its own process on loopback) and the bot as in production (startServer, the web channel, PGlite): questions the
 * bot could not answer, asked through the web chat, appear grouped for the communications role; one click teaches
 * the bot, which then answers the question through the web chat (this process's index is rebuilt at once: the
 * poll interval is an hour here); undo takes it back. An employee and a manager get a translated 403; forms from
 * another site or without the session's token change nothing.
 */
import { startTestServer, type TestServer } from '../../server/testServer';
import { Browser, freePort, startProvider, type ProviderOptions, type RunningProvider } from './oidcHarness';

const CLIENT = { clientId: 'somebot-console', clientSecret: 'content-console-secret-for-tests-only' };
const ACCOUNTS: ProviderOptions['accounts'] = {
  sofia: { email: 'sofia.holmberg@kyrkslatt.example', name: 'Sofia H' }, // communications
  anna: { email: 'anna.lindqvist@kyrkslatt.example', name: 'Anna L' }, // employee
  karin: { email: 'karin.nystrom@kyrkslatt.example', name: 'Karin N' }, // manager
  kaisa: { email: 'kaisa.virtanen@kyrkslatt.example', name: 'Kaisa V' }, // manager, console administrator
};

/** Asked three times, typed differently: one group of 3. No passage is taught for it beforehand. */
const ASKED = ['Saako kunnan tilillä julkaista meemejä säästä?', 'saako kunnan tilillä julkaista meemejä säästä', 'SAAKO KUNNAN TILILLÄ JULKAISTA MEEMEJÄ SÄÄSTÄ ?!'];
const FOR_CONTACT = 'Hur ofta ska kaffemaskinen rengöras?';
/** Answered, then marked "not helpful" by the asker. */
const UNHELPFUL = 'Vem ansvarar för kommunens konton i sociala medier?';
let shownPassage: string;

let provider: RunningProvider;
let server: TestServer;
let app: string;
const browsers: Record<string, Browser> = {};

async function signIn(login: string): Promise<Browser> {
  const browser = new Browser();
  const start = await browser.request(`${app}/web/auth/login`);
  const back = await browser.signInAtProvider(start.headers.get('location')!, login, `${app}/web/auth/callback`);
  expect((await browser.request(back)).status).toBe(303);
  return browser;
}

/** Asks through the web chat API as the signed-in person; the reply's HTML. */
async function ask(browser: Browser, text: string, lang = 'fi'): Promise<string> {
  const res = await browser.request(`${app}/web/api/messages`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Accept: 'application/json', 'X-Somebot-Lang': lang },
    body: JSON.stringify({ text }),
  });
  expect(res.status).toBe(200);
  return ((await res.json()) as { replies: { html: string }[] }).replies.map((r) => r.html).join('\n');
}

const unescape = (s: string) => s.replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');

interface PageForm {
  action: string;
  fields: Record<string, string>;
  html: string;
}

/** The forms of a piece of the page, with their hidden and pre-filled fields. */
function formsOf(html: string): PageForm[] {
  return [...html.matchAll(/<form method="post" action="([^"]+)"[^>]*>([\s\S]*?)<\/form>/g)].map((m) => ({
    action: unescape(m[1]!),
    html: m[2]!,
    fields: Object.fromEntries([...m[2]!.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)">/g)].map((f) => [f[1]!, unescape(f[2]!)])),
  }));
}

/** The article of a question group on the page (by a wording it was asked in), with its count. */
function groupOf(page: string, wordings: string[]): { count: number; html: string } {
  for (const m of page.matchAll(/<article class="question" id="[^"]+" aria-labelledby="[^"]+" data-count="(\d+)">([\s\S]*?)<\/article>/g)) {
    const heading = unescape(/<h3[^>]*><q[^>]*>([^<]*)<\/q><\/h3>/.exec(m[2]!)![1]!);
    if (wordings.includes(heading)) return { count: Number(m[1]), html: m[2]! };
  }
  throw new Error(`no question group for ${wordings[0]} on the page`);
}

async function contentPage(browser: Browser, lang = 'fi'): Promise<{ status: number; text: string }> {
  const res = await browser.request(`${app}/web/content?lang=${lang}`);
  return { status: res.status, text: await res.text() };
}

/** Posts a form as the browser would from the console's own page (Origin = the public URL). */
function post(browser: Browser, action: string, fields: Record<string, string>, origin = app): Promise<Response> {
  return browser.request(new URL(action, app), {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: origin, 'Sec-Fetch-Site': origin === app ? 'same-origin' : 'cross-site' },
    body: new URLSearchParams(fields),
  });
}

const learnedCount = async () => (await server.bot.reporting.store.learnedItems({ includeUndone: true })).length;

beforeAll(async () => {
  const providerPort = await freePort();
  const appPort = await freePort();
  app = `http://127.0.0.1:${appPort}`;
  provider = await startProvider({ port: providerPort, ...CLIENT, redirectUris: [`${app}/web/auth/callback`], accounts: ACCOUNTS });
  server = await startTestServer({
    port: appPort,
    env: {
      SOMEBOT_OIDC_ISSUER: provider.issuer,
      SOMEBOT_OIDC_CLIENT_ID: CLIENT.clientId,
      SOMEBOT_OIDC_CLIENT_SECRET: CLIENT.clientSecret,
      SOMEBOT_PUBLIC_URL: app,
      SOMEBOT_DEMO_TOKEN: '',
      SOMEBOT_CONSOLE_ADMINS: 'kaisa.virtanen',
      // Only the console's own reload can make a teaching take effect within this test.
      SOMEBOT_CONTENT_POLL_MS: '3600000',
    },
  });
  for (const login of Object.keys(ACCOUNTS)) browsers[login] = await signIn(login);
  for (const text of ASKED) expect(await ask(browsers.anna!, text)).toContain('data-answered="false"');
  expect(await ask(browsers.anna!, FOR_CONTACT, 'sv')).toContain('data-answered="false"');
  const answer = await ask(browsers.anna!, UNHELPFUL, 'sv');
  expect(answer).toContain('data-answered="true"');
  shownPassage = /data-passage="([^"]+)"/.exec(answer)![1]!;
  const verdict = await browsers.anna!.request(`${app}/web/api/feedback`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
    body: JSON.stringify({ answerId: /data-answer="([^"]+)"/.exec(answer)![1], verdict: 'not_helpful', lang: 'sv', answered: true, passageId: /data-passage="([^"]+)"/.exec(answer)![1] }),
  });
  expect(verdict.status).toBe(200);
}, 120_000);

afterAll(async () => {
  await server?.dispose();
  await provider?.stop();
});

describe('the content pages of the console', () => {
  it('show the communications role the unanswered questions grouped, with count, language, last seen and the closest passages', async () => {
    const { status, text } = await contentPage(browsers.sofia!);
    expect(status).toBe(200);
    expect(text).toContain('<html lang="fi">');
    expect(text).toContain('Kysymykset, joihin botti ei osannut vastata');
    const { count, html: group } = groupOf(text, ASKED);
    expect(count).toBe(3);
    expect(group).toMatch(/Kysytty 3 kertaa · suomi · viimeksi \d{4}-\d{2}-\d{2} \d{2}:\d{2}/);
    expect(group).toContain('kanava: web');
    // The closest passages side by side: verbatim text, source and id, each with its one-click teaching.
    const candidates = [...group.matchAll(/<li class="candidate" id="[^"]+">([\s\S]*?)<\/li>/g)].map((m) => m[1]!);
    expect(candidates.length).toBeGreaterThan(0);
    for (const c of candidates) {
      const id = /<span class="passage-id">([^<]+)<\/span>/.exec(c)![1]!;
      const passage = server.bot.guidelines.index.passages.get(unescape(id))!;
      expect(passage).toBeDefined();
      expect(c).toContain('<blockquote');
      expect(c).toContain(passage.source.title.replace(/&/g, '&amp;'));
      expect(c).toContain('Opeta: tämä kohta vastaa kysymykseen');
    }
    // The answer marked not helpful, with the passage that was shown (verbatim, with its source).
    const unhelpful = /<section id="unhelpful"[\s\S]*?<\/section>/.exec(text)![0];
    expect(unhelpful).toContain('(1)');
    expect(unhelpful).toContain(`<q lang="sv">${UNHELPFUL}</q>`);
    expect(unhelpful).toContain('Näytetty kohta');
    expect(unhelpful).toContain(`<span class="passage-id">${shownPassage}</span>`);
    expect(unhelpful).toContain('<blockquote');
    // Nobody's name or id is on the page beside the signed-in person's own.
    expect(text).not.toMatch(/anna|lindqvist/i);
    // The Swedish page has the same in Swedish; the console page links to it.
    const sv = await contentPage(browsers.sofia!, 'sv');
    expect(sv.text).toContain('Lär: det här stycket besvarar frågan');
    expect(sv.text).toContain('Frågor som boten inte kunde besvara');
    const consolePage = await (await browsers.sofia!.request(`${app}/?lang=sv`)).text();
    expect(consolePage).toContain('id="content-link" href="/web/content?lang=sv"');
  });

  it('refuse an employee and a manager with a translated 403 page, for pages and forms alike; an administrator may', async () => {
    const token = formsOf(groupOf((await contentPage(browsers.sofia!)).text, ASKED).html)[0]!.fields.csrf!;
    for (const login of ['anna', 'karin']) {
      const fi = await contentPage(browsers[login]!, 'fi');
      expect(fi.status).toBe(403);
      expect(fi.text).toContain('Nämä sivut ovat viestinnän henkilöstölle');
      const sv = await contentPage(browsers[login]!, 'sv');
      expect(sv.status).toBe(403);
      expect(sv.text).toContain('De här sidorna är för kommunikationspersonalen');
      const consolePage = await (await browsers[login]!.request(`${app}/?lang=sv`)).text();
      expect(consolePage).not.toContain('content-link');
      const res = await post(browsers[login]!, '/web/content/teach?lang=sv', { csrf: token, question: ASKED[0]!, qlang: 'fi', action: 'out_of_scope' });
      expect(res.status).toBe(403);
      expect(await res.text()).toContain('De här sidorna är för kommunikationspersonalen');
    }
    expect(await learnedCount()).toBe(0);
    expect((await contentPage(browsers.kaisa!)).status).toBe(200);
    // Without a session: the sign-in page for a GET, 401 for a form.
    const nobody = new Browser();
    const page = await contentPage(nobody, 'sv');
    expect(page.status).toBe(200);
    expect(page.text).toContain('href="/web/auth/login"');
    expect((await post(nobody, '/web/content/teach?lang=sv', { csrf: token, question: ASKED[0]!, qlang: 'fi', action: 'out_of_scope' })).status).toBe(401);
    expect(await learnedCount()).toBe(0);
  });

  it('refuse a form from another site, without a token, or with another session’s token: nothing changes', async () => {
    const form = formsOf(groupOf((await contentPage(browsers.sofia!)).text, ASKED).html)[0]!;
    const foreign = await post(browsers.sofia!, form.action, form.fields, 'https://evil.example');
    expect(foreign.status).toBe(403);
    const { csrf: _token, ...withoutToken } = form.fields;
    const missing = await post(browsers.sofia!, form.action, withoutToken);
    expect(missing.status).toBe(403);
    expect(await missing.text()).toContain('Lomake ei tullut avoimelta sisältösivultasi');
    const kaisasToken = formsOf((await contentPage(browsers.kaisa!)).text)[0]!.fields.csrf!;
    expect(kaisasToken).not.toBe(form.fields.csrf);
    expect((await post(browsers.sofia!, form.action, { ...form.fields, csrf: kaisasToken })).status).toBe(403);
    // A body far too large for a form: a translated page, nothing taught.
    const huge = await post(browsers.sofia!, form.action, { ...form.fields, question: 'x'.repeat(100_000) });
    expect(huge.status).toBe(413);
    expect(await huge.text()).toContain('Lomaketta ei ollut täytetty odotetusti');
    expect(await learnedCount()).toBe(0);
  });

  it('teach in one click: the running server answers the question through the web chat at once; undo takes it back', async () => {
    const group = groupOf((await contentPage(browsers.sofia!)).text, ASKED).html;
    const teach = formsOf(group).find((f) => f.fields.action === 'passage' && f.fields.passage)!;
    const passageId = teach.fields.passage!;
    const res = await post(browsers.sofia!, teach.action, teach.fields);
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toMatch(/^\/web\/content\?lang=fi&done=taught&id=\d+#learned$/);
    const [item] = await server.bot.reporting.store.learnedItems();
    expect(item).toMatchObject({ kind: 'example_question', passageId, lang: 'fi', taughtBy: 'person:sofia.holmberg' });
    expect(ASKED).toContain(item!.text);

    const answered = await ask(browsers.anna!, ASKED[0]!);
    expect(answered).toContain('data-answered="true"');
    expect(answered).toContain(`data-passage="${passageId}"`);

    const after = await browsers.sofia!.request(new URL(res.headers.get('location')!, app));
    const page = await after.text();
    expect(page).toContain(`Opetettu (nro ${item!.id})`);
    expect(page).toContain('person:sofia.holmberg');
    expect(groupOf(page, ASKED).html).toContain(`Jo opetettu (nro ${item!.id})`);
    const undo = formsOf(page).find((f) => f.fields.id === String(item!.id))!;
    const undone = await post(browsers.sofia!, undo.action, undo.fields);
    expect(undone.status).toBe(303);
    expect(await ask(browsers.anna!, ASKED[0]!)).toContain('data-answered="false"');
    // Undoing twice: a translated error, nothing changes.
    const again = await post(browsers.sofia!, undo.action, undo.fields);
    expect(again.status).toBe(409);
    expect(await again.text()).toContain(`Voimassa olevaa opetusta nro ${item!.id} ei ole`);
  });

  it('who to ask (with the text field) and outside the guidelines; an empty contact is a translated error', async () => {
    const page = (await contentPage(browsers.sofia!, 'sv')).text;
    const { count, html: group } = groupOf(page, [FOR_CONTACT]);
    expect(count).toBe(1);
    expect(group).toContain('Ställd en gång · svenska');
    expect(group).toContain('Hur ofta ska kaffemaskinen rengöras?');
    const contact = formsOf(group).find((f) => f.fields.action === 'contact')!;
    expect(contact.html).toContain('name="contact"');
    const empty = await post(browsers.sofia!, contact.action, { ...contact.fields, contact: '   ' });
    expect(empty.status).toBe(400);
    expect(await empty.text()).toContain('Ange vad boten ska lära sig');
    const before = await learnedCount();
    expect((await post(browsers.sofia!, contact.action, { ...contact.fields, contact: 'Lokalservice, lokalservice@kyrkslatt.example' })).status).toBe(303);
    expect(await ask(browsers.anna!, FOR_CONTACT, 'sv')).toContain('lokalservice@kyrkslatt.example');

    const outside = formsOf(group).find((f) => f.fields.action === 'out_of_scope')!;
    expect((await post(browsers.sofia!, outside.action, outside.fields)).status).toBe(303);
    expect(await learnedCount()).toBe(before + 2);
    const items = await server.bot.reporting.store.learnedItems();
    expect(items.at(-2)).toMatchObject({ kind: 'contact', contact: 'Lokalservice, lokalservice@kyrkslatt.example', taughtBy: 'person:sofia.holmberg' });
    expect(items.at(-1)!.kind).toBe('out_of_scope');
    expect(items.at(-1)!.words.join(' ')).toMatch(/kaffemaskin/);
  });

  it('an administrator without the role teaches as admin:console', async () => {
    const page = (await contentPage(browsers.kaisa!, 'en')).text;
    expect(page).toContain('Questions the bot could not answer');
    const teach = formsOf(groupOf(page, ASKED).html).find((f) => f.fields.action === 'passage' && f.fields.passage)!;
    expect((await post(browsers.kaisa!, teach.action, teach.fields)).status).toBe(303);
    expect((await server.bot.reporting.store.learnedItems()).at(-1)!.taughtBy).toBe('admin:console:kaisa.virtanen');
  });
});
