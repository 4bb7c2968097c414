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

/** The rows of the taught list: the header cells and, per row, its id and cells (the undo form left as HTML). */
function learnedRows(page: string): { id: number; cells: string[] }[] {
  return rowsOf(page).rows;
}
function rowsOf(page: string): { headers: string[]; rows: { id: number; cells: string[] }[] } {
  const table = /<table class="learned">([\s\S]*?)<\/table>/.exec(page)![1]!;
  const headers = [...table.matchAll(/<th scope="col">([^<]*)<\/th>/g)].map((m) => m[1]!);
  const rows = [...table.matchAll(/<tr data-learned="(\d+)"[^>]*>([\s\S]*?)<\/tr>/g)].map((m) => ({
    id: Number(m[1]),
    cells: [...m[2]!.matchAll(/<td>([\s\S]*?)<\/td>/g)].map((c) => c[1]!),
  }));
  return { headers, rows };
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
    // The door by the name the rest of the product uses; scores written as Finnish writes decimals.
    expect(group).toContain('kanava: verkkochat');
    expect(group).not.toContain('kanava: web');
    expect(group).toMatch(/pisteet \d+,\d{2}</);
    expect(group).not.toMatch(/pisteet \d+\.\d/);
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
    expect(groupOf(sv.text, ASKED).html).toContain('via webbchatten');
    expect(groupOf(sv.text, ASKED).html).toMatch(/poäng \d+,\d{2}</);
    expect(groupOf((await contentPage(browsers.sofia!, 'en')).text, ASKED).html).toMatch(/via the web chat[\s\S]*score \d+\.\d{2}</);
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
    // Who taught: the directory's name, never the stored id.
    expect(learnedRows(page).find((r) => r.id === item!.id)!.cells[2]).toBe('Sofia Holmberg');
    expect(page).not.toContain('person:');
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

  it('the same teaching again, however typed, changes nothing and says so', async () => {
    const existing = (await server.bot.reporting.store.learnedItems()).at(-1)!;
    const teach = formsOf(groupOf((await contentPage(browsers.sofia!)).text, ASKED).html).find((f) => f.fields.action === 'passage' && f.fields.passage === existing.passageId)!;
    const before = await learnedCount();
    for (const question of [teach.fields.question!, ...ASKED]) {
      const res = await post(browsers.sofia!, teach.action, { ...teach.fields, question });
      expect(res.status).toBe(200);
      const text = await res.text();
      expect(text).toContain(`<p class="notice-status" role="status">Tämä on jo opetettu (nro ${existing.id}). Mitään ei muutettu.</p>`);
    }
    const sv = await post(browsers.sofia!, teach.action.replace('lang=fi', 'lang=sv'), teach.fields);
    expect(await sv.text()).toContain(`Det här är redan inlärt (nr ${existing.id}). Inget ändrades.`);
    expect(await learnedCount()).toBe(before);
  });

  it('an over-long question or whom to ask: the translated limit, nothing taught', async () => {
    const forms = formsOf(groupOf((await contentPage(browsers.sofia!, 'sv')).text, [FOR_CONTACT]).html);
    const before = await learnedCount();
    const scope = forms.find((f) => f.fields.action === 'out_of_scope')!;
    const question = await post(browsers.sofia!, scope.action, { ...scope.fields, question: `Får jag ${'skriva '.repeat(600)}?` });
    expect(question.status).toBe(400);
    expect(await question.text()).toMatch(/role="alert">Frågan är längre än 4\s000 tecken\. Inget lärdes in\./);
    const contact = forms.find((f) => f.fields.action === 'contact')!;
    const tooLong = await post(browsers.sofia!, contact.action.replace('lang=sv', 'lang=fi'), { ...contact.fields, contact: 'x'.repeat(301) });
    expect(tooLong.status).toBe(400);
    expect(await tooLong.text()).toContain('Keneltä kysyä -teksti saa olla enintään 300 merkkiä');
    expect(await learnedCount()).toBe(before);
  });

  it('the taught list: who taught by name, each column holding what its header says, undo in its own column', async () => {
    const store = server.bot.reporting.store;
    const passageId = [...server.bot.guidelines.index.passages.keys()][0]!;
    const gone = await store.addLearned({ kind: 'example_question', text: 'Fråga av någon som slutat?', lang: 'sv', passageId, words: [], contact: null, taughtBy: 'person:former.employee', taughtAt: new Date() });
    const page = (await contentPage(browsers.sofia!, 'sv')).text;
    const { headers, rows } = rowsOf(page);
    expect(headers).toEqual(['Nr', 'Det som lärts', 'Lärt av', 'När', 'I kraft', 'Åtgärd']);
    const kaisa = (await server.bot.reporting.directory.person('kaisa.virtanen'))!.name;
    const items = await store.learnedItems({ includeUndone: true });
    expect(rows).toHaveLength(items.length);
    for (const row of rows) {
      const item = items.find((i) => i.id === row.id)!;
      expect(row.cells).toHaveLength(headers.length);
      expect(row.cells[0]).toBe(String(item.id));
      expect(row.cells[2]).toBe(
        item.taughtBy === 'person:sofia.holmberg' ? 'Sofia Holmberg' : item.taughtBy === 'admin:console:kaisa.virtanen' ? `${kaisa} (administratör)` : 'former.employee',
      );
      expect(row.cells[3]).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);
      // "In effect" says yes or when it was undone; the undo button is in the action column only.
      expect(row.cells[4]).toEqual(item.undoneAt ? expect.stringMatching(/^Ångrat \d{4}-/) : 'Ja');
      expect(row.cells.slice(0, 5).join('')).not.toContain('<form');
      if (item.undoneAt) expect(row.cells[5]).toBe('');
      else expect(row.cells[5]).toContain(`<button type="submit" class="undo" aria-label="Ångra nr ${item.id}">Ångra</button>`);
    }
    expect(rows.find((r) => r.id === gone.id)!.cells[2]).toBe('former.employee');
    expect(page).not.toMatch(/person:|admin:console:/);
    await store.undoLearned(gone.id, 'admin:test', new Date());
  });
});

describe('the content page in pages, by period', () => {
  const DAY = 24 * 60 * 60 * 1000;
  /** A made-up word per number, so that no two logged questions share their stems. */
  const word = (n: number, salt: string) => `${salt}${[...String(n).padStart(3, '0')].map((d) => 'bcdfghjklm'[Number(d)]).join('')}`;
  const question = (n: number) => `Testfråga om ${word(n, 'qv')} och ${word(n, 'zx')}?`;
  /** How many questions were logged how many days ago. */
  const AGES: [number, number][] = [
    [25, 0.1], // 25 asked within the day
    [5, 20],
    [3, 60],
    [2, 120], // older than the default period (90 days)
  ];
  const logged: { text: string; days: number }[] = [];

  /** The page's text (status 200 expected) and the headings of its question groups, as shown. */
  async function view(query: string, browser = browsers.sofia!): Promise<{ text: string; groups: string[]; showing: string }> {
    const res = await browser.request(`${app}/web/content?${query}`);
    expect(res.status).toBe(200);
    const text = await res.text();
    const section = /<section id="unanswered"[\s\S]*?<\/section>/.exec(text)![0];
    const groups = [...section.matchAll(/<h3 id="q\d+-heading"><q[^>]*>([^<]*)<\/q><\/h3>/g)].map((m) => unescape(m[1]!));
    const showing = /<p class="showing">([^<]*)<\/p>/.exec(section)?.[1] ?? '';
    return { text, groups, showing };
  }
  const totalOf = (showing: string) => Number(/(\d+)$/.exec(showing)![1]);

  beforeAll(async () => {
    const store = server.bot.reporting.store;
    const now = Date.now();
    let n = 0;
    for (const [count, days] of AGES) {
      for (let i = 0; i < count; i++, n++) {
        const text = question(n);
        logged.push({ text, days });
        await store.logQuestion({
          entryKey: `paging-${n}`,
          answerId: null,
          kind: 'unanswered',
          question: text,
          lang: 'sv',
          door: 'web',
          askedAt: new Date(now - days * DAY - n * 60_000),
          reason: 'no_match',
          passageId: null,
          closest: [],
          expiresAt: new Date(now + 365 * DAY),
        });
      }
    }
  });

  it('shows 20 groups a page with "showing 21–40 of N", previous and next, most frequent first as before', async () => {
    const first = await view('lang=sv');
    const total = totalOf(first.showing);
    expect(first.groups).toHaveLength(20);
    expect(first.showing).toBe(`Visar 1–20 av ${total}`);
    expect(first.text).toContain(`(${total})`);
    // The question asked three times still leads.
    expect(ASKED).toContain(first.groups[0]);
    expect(first.text).toContain('Nästa →');
    expect(first.text).not.toContain('← Föregående');
    const next = /<a class="next" rel="next" href="([^"]+)">/.exec(first.text)![1]!;
    expect(unescape(next)).toBe('/web/content?lang=sv&page=2#unanswered');

    const second = await view('lang=sv&page=2');
    expect(second.showing).toBe(`Visar 21–${Math.min(40, total)} av ${total}`);
    expect(second.text).toContain('← Föregående');
    expect(second.groups.filter((g) => first.groups.includes(g))).toEqual([]);
    // Every group of the period is on exactly one page.
    const pages = Math.ceil(total / 20);
    const all: string[] = [];
    for (let p = 1; p <= pages; p++) all.push(...(await view(`lang=sv&page=${p}`)).groups);
    expect(all).toHaveLength(total);
    expect(new Set(all).size).toBe(total);
    // Newest first among groups asked once: the same order as the whole list.
    const once = logged.filter((q) => q.days < 90).map((q) => q.text);
    expect(all.filter((g) => once.includes(g))).toEqual(once);
    // A page past the end shows the last one.
    expect((await view(`lang=sv&page=${pages + 5}`)).showing).toBe(`Visar ${(pages - 1) * 20 + 1}–${total} av ${total}`);
    // In Finnish and English as well.
    expect((await view('lang=fi&page=2')).showing).toBe(`Näytetään 21–${Math.min(40, total)} / ${total}`);
    expect((await view('lang=en&page=2')).text).toContain(`Showing 21–${Math.min(40, total)} of ${total}`);
  });

  it('filters by period: 7, 30, 90 days or all that is kept, with paging within the period', async () => {
    const totals: Record<string, number> = {};
    for (const since of ['7', '30', '90', 'all']) {
      const page = await view(`lang=sv&since=${since}`);
      totals[since] = totalOf(page.showing);
      expect(page.text).toContain(`<option value="${since}" selected>`);
      // The default period (90 days) is left out of the links.
      const kept = since === '90' ? '' : `&since=${since}`;
      expect(unescape(/<a class="next" rel="next" href="([^"]+)">/.exec(page.text)![1]!)).toBe(`/web/content?lang=sv${kept}&page=2#unanswered`);
    }
    // The asking from before this block and the 25 of today are within 7 days; the others by their age.
    expect(totals['30']! - totals['7']!).toBe(5);
    expect(totals['90']! - totals['30']!).toBe(3);
    expect(totals.all! - totals['90']!).toBe(2);
    // The default period is 90 days, and its links leave the period out.
    expect(totalOf((await view('lang=sv')).showing)).toBe(totals['90']);
    expect((await view('lang=sv')).text).toContain('<option value="90" selected>');
    // The oldest questions appear only under "all".
    const oldest = logged.filter((q) => q.days > 90).map((q) => q.text);
    const allGroups: string[] = [];
    for (let p = 1; p <= Math.ceil(totals.all! / 20); p++) allGroups.push(...(await view(`lang=sv&since=all&page=${p}`)).groups);
    expect(allGroups).toEqual(expect.arrayContaining(oldest));
    const within7 = (await view('lang=sv&since=7&page=2')).groups;
    expect(within7.some((g) => logged.some((q) => q.text === g && q.days > 7))).toBe(false);
    expect((await view('lang=fi&since=all')).text).toContain('niin kaukaa kuin niitä säilytetään');
    expect((await view('lang=sv&since=30')).text).toContain('under de senaste 30 dagarna');
    // Another language keeps the period and the pages.
    expect((await view('lang=sv&since=30&page=2')).text).toContain('<a href="/web/content?lang=fi&amp;since=30&amp;page=2" lang="fi">Suomi</a>');
  });

  it('a period or page it does not understand: a translated message and the default, never a failure', async () => {
    const byDefault = await view('lang=sv');
    const cases: [string, string, string][] = [
      ['lang=sv&since=abc', 'Perioden ”abc” förstods inte, därför visas de senaste 90 dagarna.', 'sv'],
      ['lang=fi&since=0', 'Ajanjaksoa ”0” ei ymmärretty, joten näytetään viimeiset 90 päivää.', 'fi'],
      ['lang=en&since=-7', 'The period “-7” was not understood, so the last 90 days are shown.', 'en'],
      ['lang=sv&since=99999999999', 'Perioden ”99999999999” förstods inte', 'sv'],
      ['lang=sv&since=7&since=30', 'Perioden ”["7","30"]” förstods inte', 'sv'],
      ['lang=sv&page=-1', 'Det finns ingen sida ”-1”, därför visas första sidan.', 'sv'],
      ['lang=fi&page=abc', 'Sivua ”abc” ei ole, joten näytetään ensimmäinen sivu.', 'fi'],
      ['lang=sv&page=1.5', 'Det finns ingen sida ”1.5”', 'sv'],
      ['lang=sv&lpage=2&lpage=3', 'Det finns ingen sida ”["2","3"]”', 'sv'],
    ];
    for (const [query, message] of cases) {
      const page = await view(query);
      expect(unescape(page.text)).toContain(message);
      expect(page.text).toContain('role="alert"');
      expect(totalOf(page.showing)).toBe(totalOf(byDefault.showing));
      expect(page.groups).toHaveLength(20);
      expect(page.groups[0]).toBe(byDefault.groups[0]);
    }
    // Script in a query value is shown as text.
    const script = await view(`lang=sv&since=${encodeURIComponent('<script>alert(1)</script>')}`);
    expect(script.text).not.toContain('<script>alert(1)');
    expect(script.text).toContain('&lt;script&gt;');
    // Employees are still refused whatever the query.
    expect((await browsers.anna!.request(`${app}/web/content?lang=sv&since=7&page=2`)).status).toBe(403);
  });

  it('pages what was taught, newest first; a teaching from a page comes back to the same period and page', async () => {
    const store = server.bot.reporting.store;
    const passageId = [...server.bot.guidelines.index.passages.keys()][0]!;
    for (let i = 0; i < 22; i++) {
      await store.addLearned({ kind: 'example_question', text: question(900 + i), lang: 'sv', passageId, words: [], contact: null, taughtBy: 'person:sofia.holmberg', taughtAt: new Date() });
    }
    const items = await store.learnedItems({ includeUndone: true });
    const ids = items.map((i) => i.id).reverse();
    const rows = (text: string) => [...text.matchAll(/<tr data-learned="(\d+)"/g)].map((m) => Number(m[1]));
    const first = await view('lang=sv');
    expect(rows(first.text)).toEqual(ids.slice(0, 20));
    const learned = /<section id="learned"[\s\S]*?<\/section>/.exec(first.text)![0];
    expect(learned).toContain(`Visar 1–20 av ${ids.length}`);
    expect(unescape(/<a class="next" rel="next" href="([^"]+)">/.exec(learned)![1]!)).toBe('/web/content?lang=sv&lpage=2#learned');
    const second = await view('lang=sv&lpage=2');
    expect(rows(second.text)).toEqual(ids.slice(20, 40));

    // Teaching from page 2 of the last 30 days comes back there (303), with the confirmation.
    const page = await view('lang=sv&since=30&page=2');
    const form = formsOf(page.text).find((f) => f.fields.action === 'contact')!;
    expect(form.action).toBe('/web/content/teach?lang=sv&since=30&page=2');
    const res = await post(browsers.sofia!, form.action, { ...form.fields, contact: 'Kommunikation, kommunikation@kyrkslatt.example' });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toMatch(/^\/web\/content\?lang=sv&since=30&page=2&done=taught&id=\d+#learned$/);
    const back = await view(res.headers.get('location')!.replace(/^\/web\/content\?/, '').replace(/#.*$/, ''));
    expect(back.text).toContain('<option value="30" selected>');
    expect(back.showing).toMatch(/^Visar 21–/);
    expect(back.text).toContain('role="status"');
  });
});
