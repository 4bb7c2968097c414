/**
 * Many tabs of the web chat in one real Chromium (Debian's `chromium`, playwright-core): a browser opens at
 * most six HTTP/1.1 connections to one host and each open live stream (Server-Sent Events) holds one, so
 * with six tabs streaming a seventh could not even load. A page therefore streams only while it is visible.
 * Eight tabs in one browser context (one connection pool): the hidden ones close their streams, the eighth
 * makes a whole report through the chat, and a manager's hidden tab, made visible again, shows the alert
 * that arrived meanwhile exactly once.
 *
 * Headless Chromium reports every tab as visible (bringToFront, background targets and minimised windows
 * change nothing), so an init script lets the test switch document.visibilityState and fire
 * `visibilitychange` as the browser does when a tab goes to the background; the connection limit and the
 * streams are the browser's own.
 */
import fs from 'node:fs';
import path from 'node:path';
import { type Browser, type BrowserContext, type Page } from 'playwright-core';
import { describeInBrowser, launchChromium } from './chromiumBrowser';
import { REPO_ROOT } from '../../src/core/i18n';
import { referenceIn, startTestServer, TEST_DEMO_TOKEN, type TestServer } from '../server/testServer';

declare const document: any;
declare const window: any;
declare const Event: any;

const ARTIFACTS = path.join(REPO_ROOT, 'test-artifacts', 'e2e');

let server: TestServer;
let browser: Browser;
let context: BrowserContext;

/** Lets the test hide and show a tab: document.visibilityState and a `visibilitychange` event. */
function visibilitySwitch(): void {
  let hidden = false;
  Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => (hidden ? 'hidden' : 'visible') });
  Object.defineProperty(document, 'hidden', { configurable: true, get: () => hidden });
  window.somebotTestSetHidden = (value: boolean) => {
    hidden = value;
    document.dispatchEvent(new Event('visibilitychange'));
  };
}

const setHidden = (page: Page, hidden: boolean) => page.evaluate((value) => window.somebotTestSetHidden(value), hidden);

async function openTab(person: string): Promise<Page> {
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (err) => errors.push(err.message));
  await page.goto(`${server.url}/?token=${TEST_DEMO_TOKEN}&as=${person}`, { timeout: 15_000 });
  await page.waitForSelector('body[data-ready="true"]', { timeout: 15_000 });
  await page.waitForSelector('body[data-live="true"]', { timeout: 15_000 });
  expect(errors).toEqual([]);
  return page;
}

async function say(page: Page, text: string): Promise<void> {
  const before = await page.locator('#log .bot').count();
  await page.locator('#message').fill(text);
  await page.locator('#message').press('Enter');
  await page.waitForFunction((n) => document.querySelectorAll('#log .bot').length > n && !document.querySelector('#log[aria-busy]'), before, { timeout: 15_000 });
}

async function choose(page: Page, id: string): Promise<void> {
  const before = await page.locator('#log .bot').count();
  await page.locator('#log .bot').filter({ has: page.locator('.choices') }).last().locator(`button[data-choice="${id}"]`).click();
  await page.waitForFunction((n) => document.querySelectorAll('#log .bot').length > n && !document.querySelector('#log[aria-busy]'), before, { timeout: 15_000 });
}

const alertsFor = (page: Page, reference: string) => page.locator('#inbox article.kind-report_alert', { hasText: reference });

describeInBrowser('eight tabs of the web chat in one Chromium', () => {
  beforeAll(async () => {
    fs.mkdirSync(ARTIFACTS, { recursive: true });
    [server, browser] = await Promise.all([startTestServer(), launchChromium()]);
    context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'sv-FI' });
    await context.addInitScript(visibilitySwitch);
  }, 120_000);

  afterAll(async () => {
    await context?.close().catch(() => undefined);
    await browser?.close();
    await server?.dispose();
  });

  it('the eighth tab works while seven are hidden, and a hidden tab shown again has the alert it missed, once', async () => {
    // Opening a tab puts the one before it in the background, as in a browser window.
    const people = ['karin.nystrom', 'karin.nystrom', 'timo.korhonen', 'anna.lindqvist', 'mikko.laine', 'karin.nystrom', 'linnea.berg'];
    const hidden: Page[] = [];
    for (const person of people) {
      const tab = await openTab(person);
      await setHidden(tab, true);
      hidden.push(tab);
    }
    const reporter = await openTab('anna.lindqvist');
    expect(context.pages()).toHaveLength(8);
    for (const tab of hidden) await expect(tab.evaluate(() => document.body.getAttribute('data-live'))).resolves.toBe('paused');

    // A whole report through the chat of the eighth tab: every message gets its answer.
    await say(reporter, 'Någon trakasserar mig i kommentarerna på vår Facebooksida');
    await choose(reporter, 'no');
    await choose(reporter, 'facebook');
    await choose(reporter, 'organisation_account');
    await say(reporter, 'En okänd profil skriver kränkande kommentarer om mig under varje inlägg.');
    await choose(reporter, 'today');
    await choose(reporter, 'none');
    await choose(reporter, 'no');
    await choose(reporter, 'confirm');
    const reference = referenceIn(await reporter.locator('#log .kind-done').last().innerText())!;
    expect(reference).toBeDefined();
    await reporter.locator(`#reports li[data-reference="${reference}"] [data-status="submitted"]`).waitFor();
    await reporter.screenshot({ path: path.join(ARTIFACTS, 'tabs-eighth-reported.png'), fullPage: true });

    // The alert is delivered while the manager's tabs are hidden (no stream, so nothing arrives live).
    await server.bot.deliverDue();
    const manager = hidden[0]!;
    await expect(alertsFor(manager, reference).count()).resolves.toBe(0);

    // Shown again: the tab reopens its stream, catches up, and shows the alert exactly once.
    await setHidden(manager, false);
    await manager.waitForSelector('body[data-live="true"][data-caught-up="1"]');
    await alertsFor(manager, reference).waitFor();
    await expect(alertsFor(manager, reference).count()).resolves.toBe(1);
    await manager.locator(`#reports li[data-reference="${reference}"]`).waitFor();
    await manager.screenshot({ path: path.join(ARTIFACTS, 'tabs-manager-shown-again.png'), fullPage: true });

    // Acting on it from that tab updates the alert in place; the reporter's visible tab sees it live.
    await alertsFor(manager, reference).locator('button[data-action="report.acknowledge"]').click();
    await alertsFor(manager, reference).locator('button[data-action="report.start_progress"]').waitFor();
    await reporter.locator(`#reports li[data-reference="${reference}"] [data-status="acknowledged"]`).waitFor({ timeout: 10_000 });
    await reporter.locator('#inbox article.kind-reporter_acknowledged', { hasText: reference }).waitFor({ timeout: 10_000 });

    // The manager's second tab, hidden all along, shows the alert once, already acknowledged.
    const second = hidden[1]!;
    await setHidden(second, false);
    await second.waitForSelector('body[data-live="true"][data-caught-up="1"]');
    await alertsFor(second, reference).locator('button[data-action="report.start_progress"]').waitFor();
    await expect(alertsFor(second, reference).count()).resolves.toBe(1);
    // Hidden and shown once more: still once.
    await setHidden(second, true);
    await setHidden(second, false);
    await second.waitForSelector('body[data-live="true"][data-caught-up="2"]');
    await expect(alertsFor(second, reference).count()).resolves.toBe(1);
    await expect(alertsFor(manager, reference).count()).resolves.toBe(1);
  }, 180_000);
});
