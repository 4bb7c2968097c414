/**
 * Withdraw in the web chat, in real Chromium: Anna opens her report and clicks *Återkalla anmälan*; the question
 * "Vill du verkligen återkalla anmälan …? Mottagarna får veta att den återkallats." appears under the button with
 * *Återkalla* and *Avbryt* (focus on Avbryt) and nothing changes; Avbryt removes the question and says nothing
 * changed; asked again, Återkalla withdraws the report and Karin's alert loses its buttons live. Screenshots go to
 * test-artifacts/withdraw-confirm/.
 */
import fs from 'node:fs';
import path from 'node:path';
import { type Browser, type BrowserContext, type Page } from 'playwright-core';
import { describeInBrowser, launchChromium } from './chromiumBrowser';
import { REPO_ROOT } from '../../src/core/i18n';
import { startTestServer, TEST_DEMO_TOKEN, type TestServer } from '../server/testServer';
import { draft } from '../helpers/db';

declare const document: any;

const ARTIFACTS = path.join(REPO_ROOT, 'test-artifacts', 'withdraw-confirm');

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

describeInBrowser('withdrawing a report in the web chat', () => {
  beforeAll(async () => {
    fs.mkdirSync(ARTIFACTS, { recursive: true });
    [server, browser] = await Promise.all([startTestServer(), launchChromium()]);
  }, 120_000);

  afterAll(async () => {
    for (const c of contexts) await c.close().catch(() => undefined);
    await browser?.close();
    await server?.dispose();
  });

  it('asks first; cancel changes nothing; confirm withdraws and the manager’s alert follows', async () => {
    const { reference } = await server.bot.reporting.service.submit(draft({ category: 'harassment' }), 'anna.lindqvist', { lang: 'sv' });
    await server.bot.deliverDue();
    const karin = await open('karin.nystrom');
    const karinAlert = karin.locator('#inbox article.kind-report_alert', { hasText: reference });
    await karinAlert.waitFor();
    await expect(karinAlert.locator('button[data-action="report.acknowledge"]').count()).resolves.toBe(1);

    const anna = await open('anna.lindqvist');
    await anna.locator(`button[data-open="${reference}"]`).click();
    const detail = anna.locator(`#report-${reference}`);
    const withdraw = detail.locator('button[data-action="report.withdraw"]');
    await withdraw.click();

    // The question under the button; focus on Avbryt; nothing changed.
    const question = detail.locator('.withdraw-confirm');
    await question.waitFor();
    expect(await question.locator('p').innerText()).toBe(`Vill du verkligen återkalla anmälan ${reference}? Mottagarna får veta att den återkallats.`);
    expect(await question.locator('button').count()).toBe(2);
    expect(await question.locator('button[data-action="report.withdraw_confirm"]').evaluate((b: any) => b.firstChild.textContent)).toBe('Återkalla');
    expect(await question.locator('button[data-action="report.withdraw_cancel"]').evaluate((b: any) => b.firstChild.textContent)).toBe('Avbryt');
    expect(await anna.evaluate(() => document.activeElement?.getAttribute('data-action'))).toBe('report.withdraw_cancel');
    expect((await server.bot.reporting.store.getReport(reference))!.status).toBe('submitted');
    await anna.screenshot({ path: path.join(ARTIFACTS, 'reporter-withdraw-question.png'), fullPage: true });

    // Avbryt: the question goes, Withdraw works again, and the page says nothing changed.
    await question.locator('button[data-action="report.withdraw_cancel"]').click();
    await detail.locator('.action-note', { hasText: 'Inget har ändrats' }).waitFor();
    expect(await detail.locator('.withdraw-confirm').count()).toBe(0);
    expect(await withdraw.isDisabled()).toBe(false);
    expect((await server.bot.reporting.store.getReport(reference))!.status).toBe('submitted');
    await anna.screenshot({ path: path.join(ARTIFACTS, 'reporter-withdraw-cancelled.png'), fullPage: true });

    // Asked again, Återkalla: withdrawn; her list says so; Karin's alert loses its buttons, live.
    await withdraw.click();
    await detail.locator('.withdraw-confirm button[data-action="report.withdraw_confirm"]').click();
    await anna.locator(`#reports li[data-reference="${reference}"] [data-status="withdrawn"]`).waitFor();
    expect((await server.bot.reporting.store.getReport(reference))!.status).toBe('withdrawn');
    await server.bot.deliverDue();
    await karin.waitForFunction((ref: string) => [...document.querySelectorAll('#inbox article.kind-report_alert')].some((a: any) => a.textContent.includes(ref) && a.querySelectorAll('button[data-action="report.acknowledge"]').length === 0), reference);
    await anna.screenshot({ path: path.join(ARTIFACTS, 'reporter-withdrawn.png'), fullPage: true });
    expect((await server.bot.reporting.store.timeline(reference)).filter((e) => e.event === 'withdrawn')).toHaveLength(1);
  }, 90_000);
});
