import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { reportsCommand, toCsv } from '../../src/cli/commands/reports';
import type { CliIo } from '../../src/cli/command';
import type { Reporting } from '../../src/reporting';
import { ReceiptRecorder } from '../../src/core/reports/receiptRecorder';
import { BACKENDS, SECRET, closeSharedPglite, draft, openTestReporting, type TestReporting } from '../helpers/db';
import { DEMO } from '../helpers/reportFixtures';

afterAll(closeSharedPglite);

const DAY = 24 * 60 * 60 * 1000;
const ADMIN = os.userInfo().username;

describe.each(BACKENDS)('somebot reports (%s)', (backend) => {
  let r: TestReporting;
  let threat: string;
  let harassment: string;
  let outDir: string;
  beforeAll(async () => {
    r = await openTestReporting(backend, { retentionDays: 30 });
    threat = (await r.service.submit(draft({ evidence: { links: [], quotes: ['=HYPERLINK("http://x")', SECRET.quote], files: [] } }), DEMO.anna)).reference;
    harassment = (await r.service.submit(draft({ category: 'harassment' }), DEMO.mikko)).reference;
    outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'somebot-export-'));
  });
  afterAll(async () => {
    await r.dispose();
    fs.rmSync(outDir, { recursive: true, force: true });
  });

  async function run(args: string[], env: NodeJS.ProcessEnv = {}): Promise<{ code: number; out: string; err: string }> {
    const out: string[] = [];
    const err: string[] = [];
    const io: CliIo = { out: (t) => out.push(t), err: (t) => err.push(t), stdin: process.stdin };
    const reporting: Reporting = {
      store: r.store,
      directory: r.directory,
      routingTable: r.routingTable,
      service: r.service,
      escalator: r.escalator,
      retention: r.retention,
      sessions: r.sessions,
      receipts: new ReceiptRecorder({ service: r.service, clock: r.clock }),
      createRelay: () => {
        throw new Error('not used');
      },
      close: async () => undefined,
    };
    const command = reportsCommand({ env: { SOMEBOT_LANG: 'en', SOMEBOT_RETENTION_DAYS: '30', ...env }, open: async () => reporting });
    const code = await command.run(args, io);
    return { code, out: out.join('\n'), err: err.join('\n') };
  }

  it('explains its usage and needs an acting person or --admin', async () => {
    expect((await run([])).code).toBe(2);
    const noViewer = await run(['list']);
    expect(noViewer.code).toBe(2);
    expect(noViewer.err).toContain('--as PERSON_ID');
    expect((await run(['list', '--as', DEMO.anna, '--admin'])).code).toBe(2);
    const sv = await run(['list'], { SOMEBOT_LANG: 'sv' });
    expect(sv.err).toContain('Ange vem som tittar');
  });

  it('lists what the acting person may see; --admin lists everything', async () => {
    const admin = await run(['list', '--admin']);
    expect(admin.code).toBe(0);
    expect(admin.out).toContain(threat);
    expect(admin.out).toContain(harassment);
    expect(admin.out).not.toContain(SECRET.description.slice(0, 12));
    const timo = await run(['list', '--as', DEMO.timo]);
    expect(timo.out).toContain(threat);
    expect(timo.out).not.toContain(harassment);
    expect((await run(['list', '--as', DEMO.sofia])).out).toBe('No reports.');
    expect((await run(['list', '--admin', '--category', 'harassment'])).out).not.toContain(threat);
    expect((await run(['list', '--admin', '--status', 'closed'])).code).toBe(2);
  });

  it('shows a report to someone with access, audited; refuses a stranger with exit code 1 and records it', async () => {
    const shown = await run(['show', threat.toLowerCase(), '--as', DEMO.karin]);
    expect(shown.code).toBe(0);
    expect(shown.out).toContain(SECRET.description);
    expect(shown.out).toContain('Karin Nyström (manager, level 0)');
    const refused = await run(['show', threat, '--as', DEMO.mikko]);
    expect(refused.code).toBe(1);
    expect(refused.err).toBe(`You do not have access to report ${threat}. The attempt has been recorded.`);
    expect(refused.out).toBe('');
    const trail = (await r.store.timeline(threat)).map((e) => `${e.event}:${e.actor}`);
    expect(trail).toEqual(expect.arrayContaining([`viewed:person:${DEMO.karin}`, `view_refused:person:${DEMO.mikko}`]));
    expect((await run(['show', '--admin'])).code).toBe(2);
    expect((await run(['show', 'SOME-1999-0001', '--admin'])).err).toBe('There is no report SOME-1999-0001.');
    expect((await run(['show', threat, '--as', 'no.such.person'])).code).toBe(1);
  });

  it('exports CSV to a private file (formulas defused) and JSON to stdout, auditing each report', async () => {
    const file = path.join(outDir, 'reports.csv');
    const csv = await run(['export', '--format', 'csv', '--out', file, '--admin']);
    expect(csv.code).toBe(0);
    expect(csv.err).toContain('Exported 2 reports');
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    const text = fs.readFileSync(file, 'utf8');
    expect(text.split('\r\n')[0]).toMatch(/^reference,category,urgency,status,/);
    expect(text).toContain(SECRET.description);
    expect(text).toContain(`"'=HYPERLINK(""http://x"") | ${SECRET.quote}"`);
    expect((await r.store.timeline(threat)).filter((e) => e.event === 'exported' && e.actor === `admin:${ADMIN}`)).toHaveLength(1);

    const json = await run(['export', '--format', 'json', '--as', DEMO.anna]);
    const rows = JSON.parse(json.out) as { reference: string; description: string }[];
    expect(rows.map((x) => x.reference)).toEqual([threat]);
    expect(rows[0]?.description).toBe(SECRET.description);
    expect((await run(['export', '--format', 'xml', '--admin'])).code).toBe(2);
  });

  it('says that --format is missing when it is left out, and exports nothing', async () => {
    const exportsBefore = (await r.store.timeline(threat)).filter((e) => e.event === 'exported').length;
    const missing = await run(['export', '--admin']);
    expect(missing.code).toBe(2);
    expect(missing.err).toContain('--format csv or --format json is needed');
    expect(missing.err).not.toContain('“”');
    expect(missing.out).toBe('');
    expect((await r.store.timeline(threat)).filter((e) => e.event === 'exported')).toHaveLength(exportsBefore);
  });

  it('never writes an export into an existing file (its permissions may let others read it)', async () => {
    const file = path.join(outDir, 'shared.csv');
    fs.writeFileSync(file, 'old content\n', { mode: 0o644 });
    fs.chmodSync(file, 0o644);
    const exportsBefore = (await r.store.timeline(threat)).filter((e) => e.event === 'exported').length;
    const en = await run(['export', '--format', 'csv', '--out', file, '--admin']);
    expect(en.code).toBe(1);
    expect(en.err).toBe(`The file ${file} already exists. Give a new file name: an export never overwrites an existing file.`);
    const sv = await run(['export', '--format', 'json', '--out', file, '--as', DEMO.anna], { SOMEBOT_LANG: 'sv' });
    expect(sv.code).toBe(1);
    expect(sv.err).toBe(`Filen ${file} finns redan. Ange ett nytt filnamn: en export skriver aldrig över en befintlig fil.`);
    expect(fs.readFileSync(file, 'utf8')).toBe('old content\n');
    expect(fs.statSync(file).mode & 0o777).toBe(0o644);
    // Refused before anything was decrypted: no report records an export.
    expect((await r.store.timeline(threat)).filter((e) => e.event === 'exported')).toHaveLength(exportsBefore);

    const missingDir = path.join(outDir, 'no-such-dir', 'x.csv');
    const nowhere = await run(['export', '--format', 'csv', '--out', missingDir, '--admin']);
    expect(nowhere.code).toBe(1);
    expect(nowhere.err).toBe(`The file ${missingDir} could not be created (ENOENT). Nothing was exported.`);
  });

  it('purge --dry-run lists what would go; purge removes it', async () => {
    await r.service.resolve(harassment, DEMO.karin, SECRET.outcome);
    expect((await run(['purge', '--dry-run'])).out).toBe('Nothing to remove: no report was closed more than 30 days ago.');
    r.clock.advance(31 * DAY);
    const dry = await run(['purge', '--dry-run']);
    expect(dry.code).toBe(0);
    expect(dry.out.split('\n')[0]).toMatch(/^Dry run: the personal content of 1 reports/);
    expect(dry.out).toContain(harassment);
    expect(dry.out).not.toContain(threat);
    expect((await r.store.getReport(harassment))?.content).not.toBeNull();
    const done = await run(['purge']);
    expect(done.out.split('\n')[0]).toMatch(/^Removed the personal content of 1 reports/);
    expect((await r.store.getReport(harassment))?.content).toBeNull();
  });

  it('names the variable when the configuration is invalid, and changes nothing', async () => {
    const result = await run(['list', '--admin'], { SOMEBOT_RETENTION_DAYS: 'forever' });
    expect(result.code).toBe(1);
    expect(result.err).toMatch(/^Configuration error in SOMEBOT_RETENTION_DAYS: /);
  });
});

describe('toCsv', () => {
  it('quotes separators, quotes and line breaks, and defuses formulas', () => {
    expect(toCsv([{ a: 'x,y', b: 'say "hi"', c: 'line\nbreak', d: '+SUM(A1)', e: null, f: ['1', '2'] }])).toBe(
      'a,b,c,d,e,f\r\n"x,y","say ""hi""","line\nbreak",\'+SUM(A1),,1 | 2\r\n',
    );
  });
});
