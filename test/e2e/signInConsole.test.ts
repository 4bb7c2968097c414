/**
 * The web console with sign-in in real Chromium (Debian's `chromium`, playwright-core) against a real
 * OpenID Connect provider (oidc-provider, in its own process on loopback): an employee, a manager and IT
 * security each sign in through the provider's login form and use their screens: the chat, their reports,
 * reports sent to them, IT security's queue with a report's details and timeline, and the export download.
 * Every screen (and the sign-in, refusal and sign-out pages) in Swedish and Finnish has all its texts and no
 * serious accessibility violation (axe-core). Screenshots go to test-artifacts/e2e/.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { type Browser, type BrowserContext, type Page } from 'playwright-core';
import { describeInBrowser, launchChromium } from './chromiumBrowser';
import { REPO_ROOT } from '../../src/core/i18n';
import { draft } from '../helpers/db';
import { startTestServer, type TestServer } from '../server/testServer';
import { Browser as HarnessBrowser, freePort, startProvider, type RunningProvider } from '../adapters/web/oidcHarness';

declare const document: any;
declare const window: any;

const ARTIFACTS = path.join(REPO_ROOT, 'test-artifacts', 'e2e');
const AXE_SOURCE = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

const CLIENT = { clientId: 'somebot-console', clientSecret: 'console-client-secret-for-browser-tests' };
const ACCOUNTS = {
  anna: { oid: '8c2f1a40-0003-4c1e-9a53-000000000003', name: 'Anna Lindqvist' },
  karin: { email: 'karin.nystrom@kyrkslatt.example', email_verified: true, name: 'Karin Nyström' },
  timo: { preferred_username: 'timo.korhonen@kyrkslatt.example', name: 'Timo Korhonen' },
  stranger: { email: 'stranger@example.org', name: 'Stranger' },
};

let server: TestServer;
let provider: RunningProvider;
let browser: Browser;
const contexts: BrowserContext[] = [];

async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: path.join(ARTIFACTS, `${name}.png`), fullPage: true });
}

async function missingTexts(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const problems: string[] = [];
    for (const m of document.body.innerText.match(/⟦[^⟧]+⟧|\{\{[^}]+\}\}/g) ?? []) problems.push(m);
    for (const el of document.querySelectorAll('[data-i18n]')) if (!el.textContent?.trim()) problems.push(`empty ${el.getAttribute('data-i18n')}`);
    return problems;
  });
}

async function seriousViolations(page: Page): Promise<string[]> {
  await page.evaluate(AXE_SOURCE);
  const violations = await page.evaluate(async () => {
    const result = await window.axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
    return result.violations.map((v: any) => ({ id: v.id, impact: v.impact, targets: v.nodes.map((n: any) => n.target.join(' ')) }));
  });
  return violations.filter((v: any) => v.impact === 'serious' || v.impact === 'critical').map((v: any) => `${v.id} (${v.impact}): ${v.targets.join(', ')}`);
}

/** Opens the console in a fresh browser, signs in at the provider as `login`; returns the console page. */
async function signIn(login: string, lang: string): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: lang === 'fi' ? 'fi-FI' : 'sv-FI', acceptDownloads: true });
  contexts.push(context);
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (err) => errors.push(err.message));
  await page.goto(`${server.url}/?lang=${lang}`);
  await page.locator('a[href="/web/auth/login"]').click();
  await page.locator('input[name="login"]').fill(login);
  await page.locator('input[name="password"]').fill('any');
  await page.locator('button[type="submit"]').click();
  await page.waitForURL(`${server.url}/`);
  await page.goto(`${server.url}/?lang=${lang}`);
  await page.waitForSelector('body[data-ready="true"]');
  await page.waitForSelector('body[data-live="true"]');
  expect(errors).toEqual([]);
  return page;
}

describeInBrowser('the web console with sign-in in Chromium', () => {
  beforeAll(async () => {
    fs.mkdirSync(ARTIFACTS, { recursive: true });
    const providerPort = await freePort();
    const appPort = await freePort();
    const app = `http://127.0.0.1:${appPort}`;
    [provider, browser] = await Promise.all([
      startProvider({ port: providerPort, ...CLIENT, redirectUris: [`${app}/web/auth/callback`], postLogoutRedirectUris: [`${app}/web/auth/signed-out`], accounts: ACCOUNTS }),
      launchChromium(),
    ]);
    server = await startTestServer({
      port: appPort,
      env: {
        SOMEBOT_OIDC_ISSUER: provider.issuer,
        SOMEBOT_OIDC_CLIENT_ID: CLIENT.clientId,
        SOMEBOT_OIDC_CLIENT_SECRET: CLIENT.clientSecret,
        SOMEBOT_PUBLIC_URL: app,
      },
    });
    // The manager and IT security have signed in before, so the web inbox is a place they look (an alert
    // for someone who never signed in is not delivered to the web at all).
    for (const login of ['karin', 'timo']) {
      const earlier = new HarnessBrowser();
      const start = await earlier.request(`${app}/web/auth/login`);
      await earlier.request(await earlier.signInAtProvider(start.headers.get('location')!, login, `${app}/web/auth/callback`));
    }
    // Something on every screen: a threat (manager and IT security) and a harassment report (manager).
    await server.bot.reporting.service.submit(draft(), 'anna.lindqvist');
    await server.bot.reporting.service.submit(draft({ category: 'harassment', description: 'En profil skriver kränkande kommentarer under varje inlägg.' }), 'anna.lindqvist');
    await server.bot.deliverDue();
  }, 120_000);

  afterAll(async () => {
    for (const c of contexts) await c.close().catch(() => undefined);
    await browser?.close();
    await server?.dispose();
    await provider?.stop();
  });

  it('the sign-in page, and a refusal for someone not in the directory, are readable and accessible', async () => {
    const context = await browser.newContext({ locale: 'sv-FI' });
    contexts.push(context);
    const page = await context.newPage();
    await page.goto(`${server.url}/?lang=sv`);
    await expect(page.locator('h1').innerText()).resolves.toBe('Logga in');
    expect(await seriousViolations(page)).toEqual([]);
    await shot(page, 'signin-page-sv');
    await page.locator('a[href="/web/auth/login"]').click();
    await page.locator('input[name="login"]').fill('stranger');
    await page.locator('input[name="password"]').fill('any');
    await page.locator('button[type="submit"]').click();
    await page.waitForURL(/\/web\/auth\/callback/);
    await expect(page.locator('h1').innerText()).resolves.toBe('Du finns inte i katalogen');
    expect(await seriousViolations(page)).toEqual([]);
    await shot(page, 'signin-refused-sv');
  }, 60_000);

  const SCREENS = [
    { name: 'employee', login: 'anna', who: 'Anna Lindqvist', groups: ['mine'] },
    { name: 'manager', login: 'karin', who: 'Karin Nyström', groups: ['mine', 'sentToMe'] },
    { name: 'it-security', login: 'timo', who: 'Timo Korhonen', groups: ['mine', 'queue'] },
  ];

  it('an employee, a manager and IT security each see their screens, in Swedish and Finnish, accessible', async () => {
    const results: Record<string, string[]> = {};
    for (const lang of ['sv', 'fi']) {
      for (const screen of SCREENS) {
        const page = await signIn(screen.login, lang);
        await expect(page.locator('#signed-in-as').innerText()).resolves.toContain(screen.who);
        await expect(page.locator('#person').count()).resolves.toBe(0);
        const groups = await page.locator('#reports [data-group]').evaluateAll((els) => els.map((e: any) => e.getAttribute('data-group')));
        expect(groups).toEqual(screen.groups);
        await expect(page.locator('#export').isVisible()).resolves.toBe(screen.name === 'it-security');
        if (screen.name === 'employee') {
          await page.locator('#message').fill(lang === 'fi' ? 'Kuka hoitaa kunnan yleisen tiedottamisen?' : 'Får jag använda min privata Facebook för att svara på kommentarer?');
          await page.locator('#message').press('Enter');
          await page.locator('#log .bot.answer').first().waitFor();
        } else {
          await page.locator('#inbox article').first().waitFor({ timeout: 10_000 });
          await page.locator('#reports button[data-open]').first().click();
          await page.locator('#reports .report-detail:not([hidden]) .timeline').first().waitFor();
        }
        expect(await page.evaluate(() => document.documentElement.lang)).toBe(lang);
        results[`${screen.name}-${lang}`] = [...(await missingTexts(page)), ...(await seriousViolations(page))];
        await shot(page, `signin-${screen.name}-${lang}`);
      }
    }
    expect(results).toEqual(Object.fromEntries(Object.keys(results).map((k) => [k, []])));
  }, 180_000);

  it('IT security downloads the export with the timeline; signing out ends the console and the provider session', async () => {
    const page = await signIn('timo', 'sv');
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('button[data-export="json"]').click()]);
    expect(download.suggestedFilename()).toMatch(/^somebot-reports-\d{4}-\d{2}-\d{2}\.json$/);
    const exported = JSON.parse(fs.readFileSync((await download.path())!, 'utf8')) as { reports: { category: string; timeline: { event: string }[] }[] };
    expect(exported.reports.map((r) => r.category)).toEqual(['threat']);
    expect(exported.reports[0]!.timeline.map((e) => e.event)).toContain('submitted');
    const [csv] = await Promise.all([page.waitForEvent('download'), page.locator('button[data-export="csv"]').click()]);
    expect(fs.readFileSync((await csv.path())!, 'utf8').split('\r\n')[0]).toMatch(/^reference,.*,timeline$/);
    await shot(page, 'signin-it-security-export');

    // Sign-out goes on to the provider (RP-Initiated Logout), whose own form asks to confirm.
    await page.locator('form[action="/web/auth/logout"] button').click();
    await page.waitForURL(`${provider.issuer}/**`);
    await shot(page, 'signout-provider-confirm');
    await page.locator('button[name="logout"][value="yes"]').click();
    await page.waitForURL(/\/web\/auth\/signed-out\?state=/);
    await expect(page.locator('h1').innerText()).resolves.toBe('Du har loggat ut');
    await expect(page.locator('main p').first().innerText()).resolves.toContain('Om du valde att förbli inloggad i organisationens inloggningstjänst');
    expect(await missingTexts(page)).toEqual([]);
    expect(await seriousViolations(page)).toEqual([]);
    await shot(page, 'signin-signed-out-sv');
    await page.goto(`${server.url}/`);
    await expect(page.locator('h1').innerText()).resolves.toBe('Logga in');

    // The next person at the same browser: the provider asks who it is (before, it signed Timo in again).
    await page.locator('a[href="/web/auth/login"]').click();
    await page.locator('input[name="login"]').waitFor({ timeout: 10_000 });
    await shot(page, 'signout-next-signin-asks');
    await page.locator('input[name="login"]').fill('karin');
    await page.locator('input[name="password"]').fill('any');
    await page.locator('button[type="submit"]').click();
    await page.waitForURL(`${server.url}/`);
    await page.waitForSelector('body[data-ready="true"]');
    await expect(page.locator('#signed-in-as').innerText()).resolves.toContain('Karin Nyström');
    await shot(page, 'signout-then-karin');
  }, 60_000);

  it('in Finnish: the sign-out address asks before signing out; the signed-out page is Finnish; both accessible', async () => {
    const page = await signIn('anna', 'fi');
    await page.goto(`${server.url}/web/auth/logout?lang=fi`);
    await expect(page.locator('h1').innerText()).resolves.toBe('Kirjaudu ulos');
    expect(await missingTexts(page)).toEqual([]);
    expect(await seriousViolations(page)).toEqual([]);
    await shot(page, 'signout-ask-fi');
    // Only asked: the console still works until the button is pressed.
    await page.goto(`${server.url}/?lang=fi`);
    await expect(page.locator('#signed-in-as').innerText()).resolves.toContain('Anna Lindqvist');
    // The console's own button, on the Finnish page: the page after the provider is Finnish too.
    await page.locator('form[action="/web/auth/logout"] button').click();
    await page.waitForURL(`${provider.issuer}/**`);
    await page.locator('button[name="logout"][value="yes"]').click();
    await page.waitForURL(/\/web\/auth\/signed-out\?state=/);
    await expect(page.locator('h1').innerText()).resolves.toBe('Olet kirjautunut ulos');
    await expect(page.locator('main p').first().innerText()).resolves.toContain('Jos valitsit organisaation kirjautumispalvelussa pysyä kirjautuneena');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('fi');
    expect(await missingTexts(page)).toEqual([]);
    expect(await seriousViolations(page)).toEqual([]);
    await shot(page, 'signout-signed-out-fi');
  }, 60_000);

  it('"No, stay signed in" at the provider: the page says the console session ended and what staying signed in there means, which is true', async () => {
    const page = await signIn('karin', 'sv');
    await page.locator('form[action="/web/auth/logout"] button').click();
    await page.waitForURL(`${provider.issuer}/**`);
    await page.getByRole('button', { name: 'No, stay signed in' }).click();
    await page.waitForURL(/\/web\/auth\/signed-out\?state=/);
    await expect(page.locator('h1').innerText()).resolves.toBe('Du har loggat ut');
    const text = await page.locator('main p').first().innerText();
    expect(text).toContain('Du har loggat ut från webbkonsolen.');
    expect(text).toContain('Om du valde att förbli inloggad i organisationens inloggningstjänst är du fortfarande inloggad där');
    expect(text).not.toContain('och från organisationens inloggningstjänst');
    expect(await missingTexts(page)).toEqual([]);
    expect(await seriousViolations(page)).toEqual([]);
    await shot(page, 'signout-stayed-at-provider-sv');
    // The console's session has ended ...
    await page.goto(`${server.url}/`);
    await expect(page.locator('h1').innerText()).resolves.toBe('Logga in');
    // ... the provider's has not, as the page said: signing in again asks nothing.
    await page.locator('a[href="/web/auth/login"]').click();
    await page.waitForURL(`${server.url}/`);
    await page.waitForSelector('body[data-ready="true"]');
    await expect(page.locator('#signed-in-as').innerText()).resolves.toContain('Karin Nyström');
  }, 60_000);

  it('right after a restart, the sign-out on the first page goes on to an end-session endpoint at another origin than the issuer', async () => {
    const [providerPort, endSessionPort, appPort] = [await freePort(), await freePort(), await freePort()];
    const app = `http://127.0.0.1:${appPort}`;
    const endSessionOrigin = `http://127.0.0.1:${endSessionPort}`;
    const other = await startProvider({ port: providerPort, endSessionPort, ...CLIENT, redirectUris: [`${app}/web/auth/callback`], postLogoutRedirectUris: [`${app}/web/auth/signed-out`], accounts: ACCOUNTS });
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'somebot-e2e-restart-'));
    const env = { SOMEBOT_OIDC_ISSUER: other.issuer, SOMEBOT_OIDC_CLIENT_ID: CLIENT.clientId, SOMEBOT_OIDC_CLIENT_SECRET: CLIENT.clientSecret, SOMEBOT_PUBLIC_URL: app, SOMEBOT_DATA_DIR: dataDir };
    let running: TestServer | undefined;
    try {
      running = await startTestServer({ port: appPort, env });
      const context = await browser.newContext({ locale: 'sv-FI' });
      contexts.push(context);
      const page = await context.newPage();
      await page.goto(`${app}/?lang=sv`);
      await page.locator('a[href="/web/auth/login"]').click();
      await page.locator('input[name="login"]').fill('anna');
      await page.locator('input[name="password"]').fill('any');
      await page.locator('button[type="submit"]').click();
      await page.waitForURL(`${app}/`);
      await page.goto('about:blank');
      await running.dispose();
      running = await startTestServer({ port: appPort, env });
      // The first page of the new process, before anything there has asked the provider for its metadata.
      await page.goto(`${app}/?lang=sv`);
      await page.waitForSelector('body[data-ready="true"]');
      await expect(page.locator('#signed-in-as').innerText()).resolves.toContain('Anna Lindqvist');
      await page.locator('form[action="/web/auth/logout"] button').click();
      await page.waitForURL(`${endSessionOrigin}/**`, { timeout: 10_000 });
      await page.locator('button[name="logout"][value="yes"]').click();
      await page.waitForURL(/\/web\/auth\/signed-out\?state=/);
      await expect(page.locator('h1').innerText()).resolves.toBe('Du har loggat ut');
    } finally {
      await running?.dispose();
      fs.rmSync(dataDir, { recursive: true, force: true });
      await other.stop();
    }
  }, 90_000);
});
