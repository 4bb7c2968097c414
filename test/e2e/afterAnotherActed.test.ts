/**
 * The web chat in real Chromium after someone else acted on a report: Anna reports a threat; Karin (manager)
 * and Timo (IT security, Finnish) have their pages open; Linnea (IT security) acknowledges and resolves it
 * from her own page. Karin's alert and Timo's team post change in place, live, to say who did what and when,
 * and lose their buttons; Karin is told who closed it; a click on a button a page still showed from before
 * is answered next to the button with the current state. Screenshots of the manager's and IT security's
 * views go to test-artifacts/one-truth/.
 */
import fs from 'node:fs';
import path from 'node:path';
import { type Browser, type BrowserContext, type Page } from 'playwright-core';
import { describeInBrowser, launchChromium } from './chromiumBrowser';
import { REPO_ROOT } from '../../src/core/i18n';
import { startTestServer, webClient, TEST_DEMO_TOKEN, type TestServer } from '../server/testServer';
import { draft, SECRET } from '../helpers/db';

declare const document: any;

const ARTIFACTS = path.join(REPO_ROOT, 'test-artifacts', 'one-truth');

let server: TestServer;
let browser: Browser;
const contexts: BrowserContext[] = [];

async function open(person: string): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 1000 }, locale: 'sv-FI' });
  contexts.push(context);
  const page = await context.newPage();
  await page.goto(`${server.url}/?token=${TEST_DEMO_TOKEN}&as=${person}`);
  await page.waitForSelector('body[data-ready="true"]');
  await page.waitForSelector('body[data-live="true"]');
  return page;
}

describeInBrowser('the web chat after another person acted', () => {
  beforeAll(async () => {
    fs.mkdirSync(ARTIFACTS, { recursive: true });
    [server, browser] = await Promise.all([
      startTestServer(),
      launchChromium(),
    ]);
  }, 120_000);

  afterAll(async () => {
    for (const c of contexts) await c.close().catch(() => undefined);
    await browser?.close();
    await server?.dispose();
  });

  it('redraws the manager’s alert and IT security’s team post live, and explains an outdated click next to the button', async () => {
    const karin = await open('karin.nystrom');
    const timo = await open('timo.korhonen');
    const { reference } = await server.bot.reporting.service.submit(draft(), 'anna.lindqvist');
    await server.bot.deliverDue();
    const karinAlert = karin.locator('#inbox article.kind-report_alert', { hasText: reference });
    const timoAlert = timo.locator('#inbox article.kind-report_alert', { hasText: reference });
    await karinAlert.waitFor();
    await timoAlert.waitFor();
    // One copy each: Timo sees the team post once, in Finnish, with the button the team may use.
    expect(await timo.locator('#inbox article', { hasText: reference }).count()).toBe(1);
    expect(await timoAlert.getAttribute('lang')).toBe('fi');
    await expect(timoAlert.locator('button[data-action="report.acknowledge"]').count()).resolves.toBe(1);
    const staleAlert = await karinAlert.evaluate((el: any) => el.outerHTML as string);
    const staleTeamPost = await timoAlert.evaluate((el: any) => el.outerHTML as string);

    const linnea = webClient(server.url, 'linnea.berg');
    expect((await linnea.post(`/reports/${reference}/actions`, { action: 'report.acknowledge' })).status).toBe(200);
    expect((await linnea.post(`/reports/${reference}/actions`, { action: 'report.resolve', note: SECRET.outcome })).status).toBe(200);
    await server.bot.deliverDue();

    await karin.waitForFunction((ref) => [...document.querySelectorAll('#inbox article.kind-report_alert')].some((a: any) => a.textContent.includes(ref) && /Linnea Berg \(informationsförvaltningen\) avslutade detta/.test(a.textContent)), reference);
    await timo.waitForFunction((ref) => [...document.querySelectorAll('#inbox article.kind-report_alert')].some((a: any) => a.textContent.includes(ref) && /Linnea Berg \(tietohallinto\) sulki tämän/.test(a.textContent)), reference);
    await expect(karinAlert.locator('button').count()).resolves.toBe(0);
    await expect(timoAlert.locator('button').count()).resolves.toBe(0);
    await karin.locator('#inbox article.kind-report_closed', { hasText: 'Linnea Berg' }).waitFor();

    // Karin's report, opened: who was told through which door, and who acted.
    await karin.locator(`button[data-open="${reference}"]`).click();
    await karin.locator(`#report-${reference} .timeline`).waitFor();
    const trail = await karin.locator(`#report-${reference} .timeline`).innerText();
    expect(trail).toMatch(/Meddelande levererat: Ny anmälan till Karin Nyström \(chef\) via webbchatten/);
    expect(trail).toMatch(/Meddelande levererat: Ny anmälan till informationsförvaltningen \(var och en i teamet\) via webbchatten/);
    await karin.screenshot({ path: path.join(ARTIFACTS, 'manager-after-it-security-resolved.png'), fullPage: true });
    await timo.screenshot({ path: path.join(ARTIFACTS, 'it-security-after-colleague-resolved.png'), fullPage: true });

    // A page that missed the update still shows Acknowledge: the click is answered next to the button.
    await karin.evaluate((html: string) => {
      const holder = document.createElement('div');
      holder.id = 'stale';
      holder.innerHTML = html;
      document.querySelector('#inbox').prepend(holder);
    }, staleAlert);
    await karin.locator('#stale button[data-action="report.acknowledge"]').click();
    const note = karin.locator('#stale .action-note');
    await note.waitFor();
    expect(await note.innerText()).toMatch(new RegExp(`^Det går inte längre\\. ${reference}: Avslutad\\. Linnea Berg \\(informationsförvaltningen\\) avslutade detta \\d\\d:\\d\\d\\.`));
    await expect(karin.locator('#stale button[data-action="report.acknowledge"]').isDisabled()).resolves.toBe(true);
    await karin.locator('#stale').screenshot({ path: path.join(ARTIFACTS, 'manager-outdated-click.png') });

    // Timo's page is in Swedish, his team post in Finnish: the explanation next to its button is in Finnish, as the post.
    await timo.locator('button[data-lang-switch="sv"]').click();
    await timo.waitForFunction(() => document.documentElement.lang === 'sv');
    await timo.evaluate((html: string) => {
      const holder = document.createElement('div');
      holder.id = 'stale';
      holder.innerHTML = html;
      document.querySelector('#inbox').prepend(holder);
    }, staleTeamPost);
    await timo.locator('#stale button[data-action="report.acknowledge"]').click();
    const timoNote = timo.locator('#stale .action-note');
    await timoNote.waitFor();
    expect(await timoNote.innerText()).toMatch(new RegExp(`^Tämä ei ole enää mahdollista\\. ${reference}: Käsitelty\\. Linnea Berg \\(tietohallinto\\) sulki tämän \\d\\d[:.]\\d\\d\\.`));
    await timo.locator('#stale').screenshot({ path: path.join(ARTIFACTS, 'it-security-outdated-click-sv-page.png') });
  }, 90_000);
});
