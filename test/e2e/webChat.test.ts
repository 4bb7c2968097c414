/**
 * The web chat end to end in real Chromium (Debian's `chromium`, driven by playwright-core) against a real
 * server: a Swedish question gets a cited answer; the Finnish switch turns the page and the answers Finnish;
 * a harassment report appears live in the manager's view, and Acknowledge changes its status in the
 * reporter's view. Every screen, in Swedish and Finnish, has no missing text and no serious accessibility
 * violation (axe-core). Screenshots go to test-artifacts/e2e/.
 */
import fs from 'node:fs';
import path from 'node:path';
import { type Browser, type BrowserContext, type Page } from 'playwright-core';
import { describeInBrowser, launchChromium } from './chromiumBrowser';
import { REPO_ROOT } from '../../src/core/i18n';
import { harassmentUntilConfirm, referenceIn, startTestServer, TEST_DEMO_TOKEN, webClient, type TestServer } from '../server/testServer';

// Functions passed to page.evaluate run in the browser and see its globals; the project compiles without the
// DOM library, so they are declared here, for this file only.
declare const document: any;
declare const window: any;

const ARTIFACTS = path.join(REPO_ROOT, 'test-artifacts', 'e2e');
const AXE_SOURCE = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');


let server: TestServer;
let browser: Browser;
const contexts: BrowserContext[] = [];

async function open(person: string, lang?: string): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'sv-FI' });
  contexts.push(context);
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (err) => errors.push(err.message));
  // The address npm start prints carries the demo token; the page keeps it and takes it out of the address.
  await page.goto(`${server.url}/?token=${TEST_DEMO_TOKEN}&as=${person}${lang ? `&lang=${lang}` : ''}`);
  await page.waitForSelector('body[data-ready="true"]');
  await page.waitForSelector('body[data-live="true"]');
  expect(new URL(page.url()).searchParams.has('token')).toBe(false);
  expect(errors).toEqual([]);
  return page;
}

async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: path.join(ARTIFACTS, `${name}.png`), fullPage: true });
}

/** Sends a message the way a person does: type it, press Enter; resolves when the replies are shown. */
async function say(page: Page, text: string): Promise<void> {
  const before = await page.locator('#log .bot').count();
  await page.locator('#message').fill(text);
  await page.locator('#message').press('Enter');
  await page.waitForFunction((n) => document.querySelectorAll('#log .bot').length > n && !document.querySelector('#log[aria-busy]'), before);
}

/** Clicks the option `id` of the latest question in the chat. */
async function choose(page: Page, id: string): Promise<void> {
  const before = await page.locator('#log .bot').count();
  // The latest message that offers choices (a summary also has its change buttons, in a group of their own).
  await page.locator('#log .bot').filter({ has: page.locator('.choices') }).last().locator(`button[data-choice="${id}"]`).click();
  await page.waitForFunction((n) => document.querySelectorAll('#log .bot').length > n && !document.querySelector('#log[aria-busy]'), before);
}

/** No untranslated key (⟦key⟧), no template placeholder, no empty translated element. */
async function missingTexts(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const problems: string[] = [];
    const text = document.body.innerText;
    for (const m of text.match(/⟦[^⟧]+⟧|\{\{[^}]+\}\}/g) ?? []) problems.push(m);
    for (const el of document.querySelectorAll('[data-i18n]')) if (!el.textContent?.trim()) problems.push(`empty ${el.getAttribute('data-i18n')}`);
    if (/⟦|\{\{/.test(document.title)) problems.push(`title ${document.title}`);
    return problems;
  });
}

/** axe-core over the whole page (WCAG 2.0/2.1 A and AA rules): the serious and critical violations. */
async function seriousViolations(page: Page): Promise<string[]> {
  await page.evaluate(AXE_SOURCE);
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(ctx: unknown, opts: object): Promise<{ violations: { id: string; impact: string; nodes: { target: string[] }[] }[] }> } }).axe;
    const result = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, targets: v.nodes.map((n) => n.target.join(' ')) }));
  });
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id} (${v.impact}): ${v.targets.join(', ')}`);
}

describeInBrowser('the web chat in Chromium', () => {
  beforeAll(async () => {
    fs.mkdirSync(ARTIFACTS, { recursive: true });
    [server, browser] = await Promise.all([
      startTestServer(),
      launchChromium(),
    ]);
  }, 90_000);

  afterAll(async () => {
    for (const c of contexts) await c.close().catch(() => undefined);
    await browser?.close();
    await server?.dispose();
  });

  it('answers a Swedish question with a quoted passage and its source, and takes feedback', async () => {
    const page = await open('mikko.laine');
    expect(await page.locator('html').getAttribute('lang')).toBe('sv');
    await say(page, 'Hur ofta ska lösenorden bytas?');
    const answer = page.locator('#log .bot.answer').last();
    await expect(answer.getAttribute('lang')).resolves.toBe('sv');
    await expect(answer.locator('blockquote').first().innerText()).resolves.toMatch(/\w{4,}/);
    await expect(answer.locator('figcaption').first().innerText()).resolves.toMatch(/Kyrkslätts kommun.*avsnitt ”/s);
    await answer.locator('button[data-feedback="helpful"]').click();
    await expect(answer.locator('.thanks').innerText()).resolves.toBe('Tack för din återkoppling.');
    // Focus returns to the message box, so the keyboard user can go on typing.
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('message');
    await shot(page, 'answer-sv');
  }, 30_000);

  it('without the token the page says how to open it, and shows no one', async () => {
    const context = await browser.newContext({ locale: 'en' });
    contexts.push(context);
    const page = await context.newPage();
    await page.goto(`${server.url}/?lang=en`);
    await page.locator('#log .error').waitFor();
    await expect(page.locator('#log .error').innerText()).resolves.toBe('Open the demo chat with the address npm start printed (it carries a token).');
    await expect(page.locator('#person option').count()).resolves.toBe(0);
    await shot(page, 'demo-without-token');
  }, 30_000);

  it('switches the interface and the answers to Finnish', async () => {
    const page = await open('mikko.laine');
    await page.getByRole('button', { name: 'Suomi' }).click();
    await page.waitForFunction(() => document.documentElement.lang === 'fi');
    await expect(page.locator('#chat-heading').innerText()).resolves.toBe('Kysy tai ilmoita');
    await expect(page.locator('#composer button[type="submit"]').innerText()).resolves.toBe('Lähetä');
    await expect(page.locator('label[for="person"]').innerText()).resolves.toBe('Kuka olet?');
    await expect(page.getByRole('button', { name: 'Suomi' }).getAttribute('aria-pressed')).resolves.toBe('true');
    await say(page, 'Kuka hoitaa kunnan yleisen tiedottamisen?');
    const answer = page.locator('#log .bot.answer').last();
    await expect(answer.getAttribute('lang')).resolves.toBe('fi');
    await expect(answer.locator('blockquote').first().getAttribute('lang')).resolves.toBe('fi');
    await expect(answer.locator('figcaption').first().innerText()).resolves.toContain('kohta ”Kuka voi tiedottaa”');
    await expect(answer.locator('button[data-feedback="helpful"]').innerText()).resolves.toBe('Oli apua');
    expect(await missingTexts(page)).toEqual([]);
    // The choice is remembered: a reload stays Finnish.
    await page.goto(`${server.url}/?as=mikko.laine`);
    await page.waitForSelector('body[data-ready="true"]');
    await page.waitForFunction(() => document.documentElement.lang === 'fi');
    await shot(page, 'answer-fi');
  }, 30_000);

  it('a harassment report reaches the manager live; Acknowledge changes its status in the reporter view', async () => {
    const manager = await open('karin.nystrom');
    const reporter = await open('anna.lindqvist');

    await say(reporter, 'Någon trakasserar mig i kommentarerna på vår Facebooksida');
    await choose(reporter, 'no');
    await choose(reporter, 'facebook');
    await choose(reporter, 'organisation_account');
    await say(reporter, 'En okänd profil skriver kränkande kommentarer om mig under varje inlägg.');
    await choose(reporter, 'today');
    await choose(reporter, 'none');
    await choose(reporter, 'no');
    await expect(reporter.locator('#log .kind-preview').last().innerText()).resolves.toContain('Karin Nyström');
    await choose(reporter, 'confirm');
    const receipt = await reporter.locator('#log .kind-done').last().innerText();
    const reference = referenceIn(receipt)!;
    expect(reference).toBeDefined();
    await reporter.locator(`#reports li[data-reference="${reference}"] [data-status="submitted"]`).waitFor();
    await shot(reporter, 'report-submitted');

    // The alert arrives in the manager's open page without a reload.
    const alert = manager.locator('#inbox article.kind-report_alert', { hasText: reference });
    await alert.waitFor({ timeout: 10_000 });
    await expect(alert.innerText()).resolves.toContain('Anna Lindqvist');
    await manager.locator(`#reports li[data-reference="${reference}"]`).waitFor();
    await shot(manager, 'manager-alert');
    await alert.locator('button[data-action="report.acknowledge"]').click();
    // The alert is redrawn: Acknowledge is gone, the next step (Start handling) is offered.
    await manager.locator('#inbox article.kind-report_alert', { hasText: reference }).locator('button[data-action="report.acknowledge"]').waitFor({ state: 'detached' });
    await manager.locator('#inbox article.kind-report_alert', { hasText: reference }).locator('button[data-action="report.start_progress"]').waitFor();
    await manager.locator(`#reports li[data-reference="${reference}"] [data-status="acknowledged"]`).waitFor();

    // The reporter's page shows the new status and the message that it was received.
    await reporter.locator(`#reports li[data-reference="${reference}"] [data-status="acknowledged"]`).waitFor({ timeout: 10_000 });
    await reporter.locator('#inbox article.kind-reporter_acknowledged', { hasText: reference }).waitFor({ timeout: 10_000 });
    await shot(reporter, 'reporter-acknowledged');

    // The manager opens the report (keyboard only) and sees its content and timeline.
    const openButton = manager.locator(`#reports button[data-open="${reference}"]`);
    await openButton.focus();
    await manager.keyboard.press('Enter');
    await manager.locator(`#report-${reference} .timeline li`).first().waitFor();
    await expect(openButton.getAttribute('aria-expanded')).resolves.toBe('true');
    await expect(manager.locator(`#report-${reference}`).innerText()).resolves.toContain('kränkande kommentarer');
    await shot(manager, 'manager-report-open');
  }, 60_000);

  const SCREENS = [
    { name: 'employee', person: 'anna.lindqvist' },
    { name: 'manager', person: 'karin.nystrom' },
    { name: 'it-security', person: 'timo.korhonen' },
  ];

  it('every screen in Swedish and Finnish has all its texts and no serious accessibility violation', async () => {
    // Something in every view: an IT report for IT security's queue, a report waiting for the manager.
    await harassmentUntilConfirm(server.url, 'mikko.laine');
    await webClient(server.url, 'mikko.laine').post('/messages', { choice: 'confirm' });
    const phishing = webClient(server.url, 'anna.lindqvist');
    for (const body of [{ text: 'Jag fick ett mejl med en misstänkt länk som bad om mitt lösenord' }, { choice: 'linkedin' }, { choice: 'own_work_profile' }, { text: 'Länk till en falsk inloggningssida.' }, { choice: 'today' }, { choice: 'none' }, { choice: 'confirm' }]) {
      await phishing.post('/messages', body);
    }
    await server.bot.deliverDue();

    const results: Record<string, string[]> = {};
    for (const lang of ['sv', 'fi']) {
      for (const screen of SCREENS) {
        const page = await open(screen.person, lang);
        await page.waitForFunction(() => document.querySelector('#reports')?.children.length);
        if (screen.name === 'employee') {
          await say(page, lang === 'fi' ? 'Kuka hoitaa kunnan yleisen tiedottamisen?' : 'Får jag använda min privata Facebook för att svara på kommentarer?');
          await say(page, lang === 'fi' ? 'ilmoita' : 'anmäl');
        } else {
          await page.locator('#inbox article').first().waitFor({ timeout: 10_000 });
          await page.locator('#reports button[data-open]').first().click();
          await page.locator('#reports .report-detail:not([hidden]) .timeline').first().waitFor();
        }
        expect(await page.evaluate(() => document.documentElement.lang)).toBe(lang);
        const problems = [...(await missingTexts(page)), ...(await seriousViolations(page))];
        results[`${screen.name}-${lang}`] = problems;
        await shot(page, `screen-${screen.name}-${lang}`);
        // Leave no report dialog open for the next screen.
        if (screen.name === 'employee') await say(page, lang === 'fi' ? 'peruuta' : 'avbryt');
      }
    }
    expect(results).toEqual(Object.fromEntries(Object.keys(results).map((k) => [k, []])));
  }, 90_000);
});
