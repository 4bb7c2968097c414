/**
 * Long messages in the web chat: the page never cuts a text silently. A description longer than the page's old
 * 4,000-character cap but within the dialog's 5,000 arrives whole; a 20,000-character one gets the dialog's
 * translated "too long" answer and changes nothing; a 20,000-character question is answered with the note
 * that only its beginning was read. The page’s textareas (message, outcome note) allow exactly what the API takes; an outcome note over the report's limit gets the translated limit.
 */
import fs from 'node:fs';
import { translator } from '../../../src/core/i18n';
import { MAX_MESSAGE_CHARS } from '../../../src/adapters/web/routes/messages';
import { PAGE_TEMPLATE } from '../../../src/adapters/web/paths';
import { startTestServer, webClient, type TestServer } from '../../server/testServer';
import { draft } from '../../helpers/db';

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer();
}, 60_000);

afterAll(async () => {
  await server?.dispose();
});

type Reply = { status: number; body: { replies: { html: string }[] } };
const text = (r: Reply) => r.body.replies.map((x) => x.html).join('\n');

describe('long messages in the web chat', () => {
  it('the page’s textarea takes as much as the API', () => {
    expect(fs.readFileSync(PAGE_TEMPLATE, 'utf8')).toContain(`id="message" name="message" rows="3" maxlength="${MAX_MESSAGE_CHARS}"`);
  });

  it('a 4,500-character description arrives whole; a 20,000-character one is refused with a translated sentence', async () => {
    const client = webClient(server.url, 'anna.lindqvist');
    for (const body of [{ text: 'Någon trakasserar mig i kommentarerna på vår Facebooksida' }, { choice: 'no' }, { choice: 'facebook' }, { choice: 'organisation_account' }]) {
      expect((await client.post('/messages', body)).status).toBe(200);
    }
    const tooLong = (await client.post('/messages', { text: 'Hatiska kommentarer. '.repeat(1000).slice(0, MAX_MESSAGE_CHARS) })) as Reply;
    expect(tooLong.status).toBe(200);
    expect(text(tooLong)).toContain(translator('sv')('reports:error.tooLong', { max: 5000 }).split(' (')[0]);
    const long = `${'Hatiska kommentarer varje dag. '.repeat(145)}SLUTET-AV-BESKRIVNINGEN`;
    expect(long.length).toBeGreaterThan(4000);
    expect(long.length).toBeLessThan(5000);
    expect((await client.post('/messages', { text: long })).status).toBe(200);
    let last: Reply | undefined;
    for (const body of [{ choice: 'today' }, { choice: 'none' }, { choice: 'no' }]) last = (await client.post('/messages', body)) as Reply;
    expect(text(last!)).toContain('SLUTET-AV-BESKRIVNINGEN');
    expect((await client.post('/messages', { text: 'avbryt' })).status).toBe(200);
  });

  it('a 20,000-character question is answered, saying only its beginning was read', async () => {
    const question = `Får jag gilla kommunens inlägg med mitt privata konto? ${'Jag undrar verkligen. '.repeat(1000)}`.slice(0, MAX_MESSAGE_CHARS);
    const reply = (await webClient(server.url, 'mikko.laine').post('/messages', { text: question })) as Reply;
    expect(reply.status).toBe(200);
    expect(text(reply)).toContain(translator('sv')('guidelines:truncated'));
  });

  it('more than the API takes is refused, and nothing happens', async () => {
    const reply = await webClient(server.url, 'mikko.laine').post('/messages', { text: 'x'.repeat(MAX_MESSAGE_CHARS + 1) });
    expect(reply.status).toBe(400);
  });

  it('an outcome note longer than a report takes is refused with the translated limit, not cut by the page, and the report stays open', async () => {
    const { reference } = await server.bot.reporting.service.submit(draft(), 'anna.lindqvist');
    const karin = webClient(server.url, 'karin.nystrom');
    const details = (await karin.get(`/reports/${reference}`)) as { status: number; body: { html: string } };
    const noteField = /<textarea[^>]*data-note-for="[^"]*"[^>]*>/.exec(details.body.html)?.[0] ?? '';
    expect(noteField).not.toBe('');
    // A pasted note is never cut silently by the page: its field takes what the chat's message box takes.
    const maxlength = Number(/maxlength="(\d+)"/.exec(noteField)?.[1] ?? Infinity);
    expect(maxlength).toBeGreaterThanOrEqual(MAX_MESSAGE_CHARS);
    const refused = await karin.post(`/reports/${reference}/actions`, { action: 'report.resolve', note: 'Polisanmält. '.repeat(500) });
    expect(refused.status).toBe(400);
    expect(refused.body.error).toBe(translator('sv')('notifications:errors.report_invalid_outcome', { max: 5000 }));
    expect((await server.bot.reporting.store.getReport(reference))!.status).not.toBe('resolved');
  });
});
