/**
 * What a reporter typed reaches every door as the text it is: never a link, a mention, markup or a terminal
 * control sequence in a message the bot vouches for. And a long report with much evidence still fits each
 * platform's limits, shortened with a pointer to its details instead of failing delivery.
 */
import { renderMessage } from '../../src/core/delivery/renderMessage';
import type { OutboundMessage } from '../../src/core/ports';
import type { OutboxRow, StoredReport } from '../../src/core/reports/records';
import type { BotReply } from '../../src/core/reports/dialog';
import { alertCard } from '../../src/adapters/teams/cards/alertCard';
import { dialogCard } from '../../src/adapters/teams/cards/dialogCard';
import { detailsCard } from '../../src/adapters/teams/cards/detailsCard';
import { CARD_ACTION } from '../../src/adapters/teams/cards/cardActions';
import { notificationBlocks } from '../../src/adapters/slack/blocks/alertBlocks';
import { previewView } from '../../src/adapters/slack/blocks/reportViews';
import { dialogHtml } from '../../src/adapters/web/render/dialogHtml';
import { messageHtml } from '../../src/adapters/web/render/messageHtml';
import { TerminalNotifier } from '../../src/adapters/terminal/terminalNotifier';
import { DEMO, demoDirectory } from '../helpers/reportFixtures';
import { detailsCopyFor } from '../helpers/detailsCopy';

const HOSTILE = [
  '[Bekräfta här](https://evil.example/login) **VIKTIGT** _nu_',
  '<!channel> <!here> <@U012ABCDEF> <https://evil.example|Klicka här> & mer',
  '<script>alert("x")</script><img src=x onerror=alert(1)>',
  '\u001b[2J\u001b[31mröd text\u001b[0m\u0007 slut',
].join('\n');

const at = new Date('2026-03-16T08:00:00.000Z');

function storedReport(description: string, evidence: StoredReport['content'] extends infer C ? (C extends { evidence: infer E } ? E : never) : never): StoredReport {
  return {
    reference: 'SOME-2026-0042',
    category: 'harassment',
    platform: 'facebook',
    accountKind: 'organisation_account',
    occurredOn: '2026-03-09',
    immediateDanger: false,
    subjectIsManager: false,
    urgency: 'high',
    status: 'submitted',
    reporterId: DEMO.anna,
    reporterLang: 'sv',
    subjectPersonId: null,
    content: { description, evidence, ongoing: true },
    outcomeNote: null,
    rules: [{ id: 'K8-a', quote: 'ska omedelbart meddela sin chef', source: { docId: 'k', organisation: 'Kyrkslätts kommun', document: 'Anvisningar', section: '8' } }],
    ackTimeoutMinutes: 60,
    submittedAt: at,
    acknowledgedAt: null,
    acknowledgedBy: null,
    progressAt: null,
    closedAt: null,
    closedBy: null,
    purgedAt: null,
    recipients: [],
  };
}

const alertRow: OutboxRow = {
  id: 1,
  idempotencyKey: 'SOME-2026-0042:report_alert:person:karin.nystrom',
  reference: 'SOME-2026-0042',
  kind: 'report_alert',
  addressee: { kind: 'person', personId: DEMO.karin, role: 'manager' },
  data: {},
  status: 'pending',
  attempts: 0,
  nextAttemptAt: at,
  leaseUntil: null,
  claimToken: null,
  lastError: null,
  attemptStartedAt: null,
  createdAt: at,
  deliveredAt: null,
  deliveredVia: null,
};

async function alertFor(report: StoredReport): Promise<OutboundMessage> {
  return renderMessage(alertRow, { report, directory: await demoDirectory(), defaultLang: 'sv', timeZone: 'Europe/Helsinki' });
}

/** Every string in a JSON tree with the key it is under. */
function strings(node: unknown, key = ''): { key: string; value: string; parentType?: string }[] {
  if (typeof node === 'string') return [{ key, value: node }];
  if (Array.isArray(node)) return node.flatMap((n) => strings(n, key));
  if (!node || typeof node !== 'object') return [];
  const record = node as Record<string, unknown>;
  return Object.entries(record).flatMap(([k, v]) =>
    strings(v, k).map((s) => ({ ...s, parentType: s.parentType ?? (typeof record.type === 'string' ? record.type : undefined) })),
  );
}

const noEvidence = { links: [], quotes: [], files: [] };

describe('a hostile description on every door', () => {
  let message: OutboundMessage;
  beforeAll(async () => {
    message = await alertFor(storedReport(HOSTILE, { links: ['https://evil.example/proof'], quotes: ['<!everyone> [x](https://evil.example)'], files: [] }));
  });

  it('the core alert carries the text unchanged, with the account and the period', () => {
    expect(message.text).toContain('[Bekräfta här](https://evil.example/login)');
    expect(message.text).toContain('Konto: kommunens konto');
    expect(message.text).toContain('sedan 2026-03-09, pågår fortfarande');
    expect(message.report).toMatchObject({ accountKind: 'organisation_account', accountLabel: 'kommunens konto' });
  });

  it('Teams: reporter text only in TextRuns (never Markdown), exactly as typed', () => {
    const card = alertCard(message);
    const all = strings(card.attachments);
    // No Markdown-rendered element (TextBlock, FactSet value) holds anything the reporter typed.
    const markdown = all.filter((s) => s.parentType === 'TextBlock' || s.parentType === 'Fact');
    for (const s of markdown) {
      expect(s.value).not.toContain('evil.example');
      expect(s.value).not.toContain('<!channel>');
    }
    const runs = all.filter((s) => s.parentType === 'TextRun' && s.key === 'text').map((s) => s.value);
    expect(runs).toContain('[Bekräfta här](https://evil.example/login) **VIKTIGT** _nu_');
    expect(runs).toContain('<!channel> <!here> <@U012ABCDEF> <https://evil.example|Klicka här> & mer');
  });

  it('Teams: the dialog summary quoting the description is plain text too', () => {
    const reply: BotReply = { kind: 'preview', text: `Kontrollera innan du skickar.\n5. Vad hände: ${HOSTILE}`, choices: [{ id: 'confirm', label: 'Skicka' }] };
    const all = strings(dialogCard([reply], 'sv', { offerForm: false }).attachments);
    expect(all.filter((s) => s.parentType === 'TextBlock').some((s) => s.value.includes('evil.example'))).toBe(false);
    expect(all.some((s) => s.parentType === 'TextRun' && s.value.includes('[Bekräfta här](https://evil.example/login)'))).toBe(true);
  });

  it('Slack: <, > and & escaped in every mrkdwn text, so no mention, channel ping or link is made', () => {
    const body = notificationBlocks(message);
    const mrkdwn = strings(body.blocks).filter((s) => s.parentType === 'mrkdwn' && s.key === 'text').map((s) => s.value);
    const joined = mrkdwn.join('\n');
    expect(joined).toContain('&lt;!channel&gt;');
    expect(joined).toContain('&lt;@U012ABCDEF&gt;');
    expect(joined).toContain('&lt;https://evil.example|Klicka här&gt; &amp; mer');
    for (const text of mrkdwn) expect(text).not.toMatch(/<[!@#]|<https?:/);
    expect(body.text).not.toMatch(/<[!@]/);
    const preview = previewView([{ kind: 'preview', text: HOSTILE }], 'sv');
    for (const s of strings(preview.blocks).filter((x) => x.parentType === 'mrkdwn' && x.key === 'text')) expect(s.value).not.toMatch(/<[!@#]|<https?:/);
  });

  it('web chat: HTML escaped in the alert and in the dialog', () => {
    const alert = messageHtml(message, at, 'Europe/Helsinki').value;
    const dialog = dialogHtml({ kind: 'preview', text: HOSTILE }, 'sv').value;
    for (const page of [alert, dialog]) {
      expect(page).not.toContain('<script>');
      expect(page).not.toContain('<img');
      expect(page).toContain('&lt;script&gt;');
      expect(page).not.toMatch(/<a [^>]*evil\.example/);
    }
  });

  it('terminal: control characters cannot rewrite the screen', async () => {
    const out: string[] = [];
    await new TerminalNotifier((text) => out.push(text), 'sv').deliver(message);
    const printed = out.join('');
    expect(printed).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f]/);
    expect(printed).toContain('\uFFFD[2J\uFFFD[31mröd text');
    expect(printed).toContain('[Bekräfta här](https://evil.example/login)');
  });
});

describe('size limits', () => {
  const long = (seed: string, length: number) => seed.repeat(Math.ceil(length / seed.length)).slice(0, length);
  const bigReport = () =>
    storedReport(long('Han skriver nya hotfulla kommentarer varje kväll och nämner min adress. ', 5000), {
      links: Array.from({ length: 20 }, (_, i) => `https://www.facebook.com/kyrkslatt/posts/${1000 + i}?comment_id=${long('9', 40)}`),
      quotes: Array.from({ length: 20 }, (_, i) => `${i + 1}: ${long('Du ska få se vad som händer, vi vet var du bor. ', 1500)}`),
      files: Array.from({ length: 20 }, (_, i) => `skarmdump-${i + 1}.png`),
    });

  it('Teams: an alert from a 5,000-character description with 20 pieces of evidence stays under 28 KB, shortened with a note', async () => {
    const message = await alertFor(bigReport());
    expect(Buffer.byteLength(message.text)).toBeGreaterThan(28 * 1024); // the core's text alone is over the limit
    const activity = alertCard(message);
    const bytes = Buffer.byteLength(JSON.stringify(activity), 'utf8');
    expect(bytes).toBeLessThan(28 * 1024);
    const text = strings(activity.attachments).map((s) => s.value).join('\n');
    expect(text).toContain('Texten är förkortad för att rymmas i Teams.');
    expect(text).toContain('Han skriver nya hotfulla kommentarer');
    expect(text).toContain('SOME-2026-0042');
    // The buttons stay.
    expect(strings(activity.attachments).some((s) => s.key === 'action' && s.value === 'report.acknowledge')).toBe(true);
    // "Shortened": the whole report is one click away.
    expect(strings(activity.attachments).some((s) => s.key === 'action' && s.value === CARD_ACTION.details)).toBe(true);
  });

  it('Teams: the details card of the same report stays under 28 KB too, shortened with a note', async () => {
    const toKarin = { ...bigReport(), recipients: [{ addressee: { kind: 'person' as const, personId: DEMO.karin, role: 'manager' as const }, role: 'manager' as const, level: 0, addedAt: at }] };
    const activity = detailsCard(await detailsCopyFor(toKarin, DEMO.karin, await demoDirectory()), 'Europe/Helsinki');
    expect(Buffer.byteLength(JSON.stringify(activity), 'utf8')).toBeLessThan(28 * 1024);
    const text = strings(activity.attachments).map((s) => s.value).join('\n');
    expect(text).toContain('Texten är förkortad för att rymmas i Teams.');
    expect(text).toContain('Han skriver nya hotfulla kommentarer');
    expect(strings(activity.attachments).some((s) => s.key === 'action' && s.value === CARD_ACTION.resolve)).toBe(true);
  });

  it('Teams: a small alert is not shortened', async () => {
    const activity = alertCard(await alertFor(storedReport('Kort beskrivning.', noEvidence)));
    expect(JSON.stringify(activity)).not.toContain('förkortad');
  });

  it('Slack: the same alert stays within 50 blocks and 3,000 characters per text, with Details', async () => {
    const body = notificationBlocks(await alertFor(bigReport()));
    expect(body.blocks.length).toBeLessThanOrEqual(50);
    for (const s of strings(body.blocks).filter((x) => x.key === 'text')) expect(s.value.length).toBeLessThanOrEqual(3000);
    expect(JSON.stringify(body.blocks).length).toBeLessThan(40_000);
    expect(strings(body.blocks).some((s) => s.key === 'action_id' && s.value === 'report.details')).toBe(true);
  });
});
