/**
 * The console's content pages in real Chromium (Debian's `chromium`, playwright-core) with sign-in through a real
 * OpenID Connect provider (oidc-provider, in its own process on loopback): someone with the communications role
 * sees the questions the bot could not answer with the closest passages side by side, in Swedish and Finnish,
 * with all texts and no serious accessibility violation (axe-core), and teaches one with a click. Screenshots go
 * to test-artifacts/e2e/.
 */
import fs from 'node:fs';
import path from 'node:path';
import { type Browser, type BrowserContext, type Page } from 'playwright-core';
import { describeInBrowser, launchChromium } from './chromiumBrowser';
import { REPO_ROOT } from '../../src/core/i18n';
import { startTestServer, type TestServer } from '../server/testServer';
import { Browser as HarnessBrowser, freePort, startProvider, type RunningProvider } from '../adapters/web/oidcHarness';

declare const document: any;
declare const window: any;

const ARTIFACTS = path.join(REPO_ROOT, 'test-artifacts', 'e2e');
const AXE_SOURCE = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

const CLIENT = { clientId: 'somebot-console', clientSecret: 'content-console-secret-for-browser-tests' };
const ACCOUNTS = {
  sofia: { email: 'sofia.holmberg@kyrkslatt.example', name: 'Sofia Holmberg' },
  anna: { email: 'anna.lindqvist@kyrkslatt.example', name: 'Anna Lindqvist' },
};
const QUESTIONS = [
  { text: 'Saako kunnan tilillä julkaista meemejä säästä?', lang: 'fi' },
  { text: 'saako kunnan tilillä julkaista meemejä säästä', lang: 'fi' },
  { text: 'Hur ofta ska kaffemaskinen rengöras?', lang: 'sv' },
];

let server: TestServer;
let provider: RunningProvider;
let browser: Browser;
const contexts: BrowserContext[] = [];

async function missingTexts(page: Page): Promise<string[]> {
  return page.evaluate(() => [...(document.body.innerText.match(/⟦[^⟧]+⟧|\{\{[^}]+\}\}|contentConsole:[\w.]+/g) ?? [])]);
}

async function seriousViolations(page: Page): Promise<string[]> {
  await page.evaluate(AXE_SOURCE);
  const violations = await page.evaluate(async () => {
    const result = await window.axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
    return result.violations.map((v: any) => ({ id: v.id, impact: v.impact, targets: v.nodes.map((n: any) => n.target.join(' ')) }));
  });
  return violations.filter((v: any) => v.impact === 'serious' || v.impact === 'critical').map((v: any) => `${v.id} (${v.impact}): ${v.targets.join(', ')}`);
}

async function signIn(login: string, lang: string): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: lang === 'fi' ? 'fi-FI' : 'sv-FI' });
  contexts.push(context);
  const page = await context.newPage();
  await page.goto(`${server.url}/?lang=${lang}`);
  await page.locator('a[href="/web/auth/login"]').click();
  await page.locator('input[name="login"]').fill(login);
  await page.locator('input[name="password"]').fill('any');
  await page.locator('button[type="submit"]').click();
  await page.waitForURL(`${server.url}/`);
  return page;
}

describeInBrowser('the content pages in Chromium', () => {
  beforeAll(async () => {
    fs.mkdirSync(ARTIFACTS, { recursive: true });
    const providerPort = await freePort();
    const appPort = await freePort();
    const app = `http://127.0.0.1:${appPort}`;
    [provider, browser] = await Promise.all([
      startProvider({ port: providerPort, ...CLIENT, redirectUris: [`${app}/web/auth/callback`], accounts: ACCOUNTS }),
      launchChromium(),
    ]);
    server = await startTestServer({
      port: appPort,
      env: { SOMEBOT_OIDC_ISSUER: provider.issuer, SOMEBOT_OIDC_CLIENT_ID: CLIENT.clientId, SOMEBOT_OIDC_CLIENT_SECRET: CLIENT.clientSecret, SOMEBOT_PUBLIC_URL: app, SOMEBOT_CONTENT_POLL_MS: '3600000' },
    });
    // An employee asks through the web chat what the guidelines do not answer.
    const anna = new HarnessBrowser();
    const start = await anna.request(`${app}/web/auth/login`);
    await anna.request(await anna.signInAtProvider(start.headers.get('location')!, 'anna', `${app}/web/auth/callback`));
    for (const q of QUESTIONS) {
      const res = await anna.request(`${app}/web/api/messages`, { method: 'POST', headers: { 'Content-Type': 'application/json', 'X-Somebot-Lang': q.lang }, body: JSON.stringify({ text: q.text }) });
      expect(res.status).toBe(200);
    }
  }, 120_000);

  afterAll(async () => {
    for (const c of contexts) await c.close().catch(() => undefined);
    await browser?.close();
    await server?.dispose();
    await provider?.stop();
  });

  it('the communications role reaches the content page from the console; it is complete and accessible in Swedish and Finnish', async () => {
    const results: Record<string, string[]> = {};
    for (const lang of ['sv', 'fi']) {
      const page = await signIn('sofia', lang);
      await page.goto(`${server.url}/?lang=${lang}`);
      await page.locator('#content-link').click();
      await page.waitForURL(new RegExp(`/web/content\\?lang=${lang}$`));
      expect(await page.evaluate(() => document.documentElement.lang)).toBe(lang);
      const groups = await page.locator('#unanswered article.question').evaluateAll((els) => els.map((e: any) => Number(e.getAttribute('data-count'))));
      expect(groups).toEqual([2, 1]);
      await expect(page.locator('#unanswered article.question').first().locator('li.candidate blockquote').count()).resolves.toBeGreaterThan(0);
      results[lang] = [...(await missingTexts(page)), ...(await seriousViolations(page))];
      await page.screenshot({ path: path.join(ARTIFACTS, `content-review-${lang}.png`), fullPage: true });
    }
    expect(results).toEqual({ sv: [], fi: [] });
  }, 120_000);

  it('one click teaches the first candidate; the confirmation and the taught list with undo are shown', async () => {
    const page = await signIn('sofia', 'fi');
    await page.goto(`${server.url}/web/content?lang=fi`);
    const first = page.locator('#unanswered article.question').first().locator('li.candidate').first();
    const passageId = await first.locator('.passage-id').innerText();
    await first.locator('button.teach').click();
    await page.waitForURL(/done=taught/);
    await expect(page.locator('p.notice-status').innerText()).resolves.toMatch(/^Opetettu \(nro \d+\)/);
    await expect(page.locator('#learned tbody tr').count()).resolves.toBe(1);
    await expect(page.locator('#learned tbody tr').first().innerText()).resolves.toContain(passageId);
    await expect(page.locator('#learned button.undo').count()).resolves.toBe(1);
    // Each column holds what its header says: who taught by name, "in effect" yes, undo in the action column.
    await expect(page.locator('#learned thead th').allInnerTexts()).resolves.toEqual(['Nro', 'Opetus', 'Opettaja', 'Milloin', 'Voimassa', 'Toiminto']);
    const cells = await page.locator('#learned tbody tr').first().locator('td').allInnerTexts();
    expect([cells[2], cells[4], cells[5]]).toEqual(['Sofia Holmberg', 'Kyllä', 'Peru']);
    await expect(page.locator('#unanswered article.question').first().locator('p.meta').innerText()).resolves.toContain('kanava: verkkochat');
    await expect(page.locator('#unanswered article.question').first().locator('p.taught').innerText()).resolves.toMatch(/^Jo opetettu \(nro \d+\)/);
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: path.join(ARTIFACTS, 'content-taught-fi.png'), fullPage: true });
    // The same click again: told it is already taught, nothing changes.
    await page.locator('#unanswered article.question').first().locator('li.candidate').first().locator('button.teach').click();
    await page.waitForLoadState();
    await expect(page.locator('p.notice-status').innerText()).resolves.toMatch(/^Tämä on jo opetettu \(nro \d+\)\. Mitään ei muutettu\.$/);
    await expect(page.locator('#learned tbody tr').count()).resolves.toBe(1);
    await page.screenshot({ path: path.join(ARTIFACTS, 'content-already-fi.png'), fullPage: true });
  }, 60_000);
  it('pages of 20 with next and previous, and the period filter, keep working and accessible', async () => {
    const store = server.bot.reporting.store;
    const now = Date.now();
    const letters = (n: number) => [...String(n).padStart(3, '0')].map((d) => 'bcdfghjklm'[Number(d)]).join('');
    // 24 questions asked once today and 3 forty days ago, none alike.
    for (let n = 0; n < 27; n++) {
      await store.logQuestion({
        entryKey: `browser-paging-${n}`,
        answerId: null,
        kind: 'unanswered',
        question: `Testfråga om qv${letters(n)} och zx${letters(n)}?`,
        lang: 'sv',
        door: 'web',
        askedAt: new Date(now - (n < 24 ? n * 60_000 : 40 * 24 * 60 * 60 * 1000)),
        reason: 'no_match',
        passageId: null,
        closest: [],
        expiresAt: new Date(now + 365 * 24 * 60 * 60 * 1000),
      });
    }
    const page = await signIn('sofia', 'sv');
    await page.goto(`${server.url}/web/content?lang=sv`);
    const showing = () => page.locator('#unanswered nav.pager-top .showing').innerText();
    const total = 2 + 27;
    await expect(showing()).resolves.toBe(`Visar 1–20 av ${total}`);
    await expect(page.locator('#unanswered article.question').count()).resolves.toBe(20);
    await page.locator('#unanswered nav.pager-top a[rel="next"]').click();
    await page.waitForURL(/page=2#unanswered$/);
    await expect(showing()).resolves.toBe(`Visar 21–${total} av ${total}`);
    await expect(page.locator('#unanswered article.question').count()).resolves.toBe(total - 20);
    expect(await seriousViolations(page)).toEqual([]);
    expect(await missingTexts(page)).toEqual([]);
    await page.screenshot({ path: path.join(ARTIFACTS, 'content-page2-sv.png'), fullPage: false });
    await page.locator('#unanswered nav.pager-bottom a[rel="prev"]').click();
    await page.waitForURL(/\/web\/content\?lang=sv#unanswered$/);
    await expect(showing()).resolves.toBe(`Visar 1–20 av ${total}`);
    // The last 7 days: the three old ones drop out, and the list starts again at page 1.
    await page.locator('select#since').selectOption('7');
    await page.locator('form.filter button[type="submit"]').click();
    await page.waitForURL(/since=7/);
    await expect(showing()).resolves.toBe(`Visar 1–20 av ${total - 3}`);
    await expect(page.locator('select#since').inputValue()).resolves.toBe('7');
    await page.screenshot({ path: path.join(ARTIFACTS, 'content-since7-sv.png'), fullPage: false });
    // A period the page does not understand: a message and the default period.
    await page.goto(`${server.url}/web/content?lang=fi&since=abc&page=-1`);
    await expect(page.locator('p.notice-error').allInnerTexts()).resolves.toEqual([
      'Ajanjaksoa ”abc” ei ymmärretty, joten näytetään viimeiset 90 päivää. Valitse ajanjakso luettelosta.',
      'Sivua ”-1” ei ole, joten näytetään ensimmäinen sivu.',
    ]);
    await expect(showing()).resolves.toBe(`Näytetään 1–20 / ${total}`);
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: path.join(ARTIFACTS, 'content-bad-query-fi.png'), fullPage: false });
  }, 60_000);
});
