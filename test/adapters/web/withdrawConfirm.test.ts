/**
 * The reporter's withdraw in the web chat asks first: `report.withdraw` answers with the question and its two
 * buttons and changes nothing; `report.withdraw_cancel` changes nothing and says so; only
 * `report.withdraw_confirm`, carrying the reporter it was asked of, withdraws — once: a second confirm gets the
 * outdated-click explanation and no second notification. Real server, PGlite, the demo directory, the JSON API.
 */
import { startTestServer, webClient, type TestServer } from '../../server/testServer';
import { draft } from '../../helpers/db';

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer();
}, 60_000);

afterAll(async () => {
  await server?.dispose();
});

describe('withdrawing a report in the web chat', () => {
  it('asks, cancels without a change, and withdraws only on the confirm bound to the reporter', async () => {
    const { reference } = await server.bot.reporting.service.submit(draft({ category: 'harassment' }), 'anna.lindqvist', { lang: 'sv' });
    await server.bot.deliverDue();
    const store = server.bot.reporting.store;
    const status = async () => (await store.getReport(reference))!.status;
    const withdrawnRows = async () => (await store.outboxFor(reference)).filter((row) => row.kind === 'report_withdrawn' || row.kind === 'reporter_withdrawn');
    const anna = webClient(server.url, 'anna.lindqvist', 'fi');
    const karin = webClient(server.url, 'karin.nystrom', 'sv');
    const act = (client: ReturnType<typeof webClient>, body: Record<string, string>) => client.post(`/reports/${reference}/actions`, body);

    // Karin received it but did not report it: she may neither ask nor confirm (even with Anna's binding).
    expect((await act(karin, { action: 'report.withdraw' })).status).toBe(403);
    expect((await act(karin, { action: 'report.withdraw_confirm', reporter: 'anna.lindqvist' })).status).toBe(403);
    expect(await status()).toBe('submitted');

    // Anna asks: the question in the language she reported in (her page is Finnish), with two bound buttons; nothing changes.
    const asked = await act(anna, { action: 'report.withdraw' });
    expect(asked.status).toBe(200);
    expect(asked.body.changed).toBe(false);
    expect(asked.body.message).toBe(`Vill du verkligen återkalla anmälan ${reference}? Mottagarna får veta att den återkallats.`);
    const html = String(asked.body.confirmation);
    expect(html).toContain(`data-action="report.withdraw_confirm" data-reference="${reference}" data-reporter="anna.lindqvist">Återkalla`);
    expect(html).toContain(`data-action="report.withdraw_cancel" data-reference="${reference}" data-reporter="anna.lindqvist">Avbryt`);
    expect(await status()).toBe('submitted');
    expect(await withdrawnRows()).toEqual([]);

    // Cancel: nothing changes, and the answer says so.
    const cancelled = await act(anna, { action: 'report.withdraw_cancel', reporter: 'anna.lindqvist' });
    expect(cancelled.body).toEqual({ changed: false, cancelled: true, message: `Anmälan ${reference} är inte återkallad. Inget har ändrats.` });
    expect(await status()).toBe('submitted');

    // A confirm that does not carry Anna as the reporter is not hers to use.
    expect((await act(anna, { action: 'report.withdraw_confirm' })).status).toBe(403);
    expect((await act(anna, { action: 'report.withdraw_confirm', reporter: 'karin.nystrom' })).status).toBe(403);
    expect(await status()).toBe('submitted');

    // Confirm: withdrawn, the recipients are told once.
    const confirmed = await act(anna, { action: 'report.withdraw_confirm', reporter: 'anna.lindqvist' });
    expect(confirmed.body).toMatchObject({ changed: true, status: 'withdrawn' });
    expect(await status()).toBe('withdrawn');
    const told = await withdrawnRows();
    expect(told.length).toBeGreaterThan(0);

    // The confirm again (a second tab, a double click) and the old Withdraw: the outdated-click explanation, nothing more.
    for (const body of [{ action: 'report.withdraw_confirm', reporter: 'anna.lindqvist' }, { action: 'report.withdraw' }] as Record<string, string>[]) {
      const late = await act(anna, body);
      expect(late.status).toBe(409);
      expect(late.body.outdated).toBe(true);
      expect(late.body.error).toMatch(new RegExp(`^Det går inte längre\\. ${reference}: Återkallad\\.`));
    }
    expect(await withdrawnRows()).toHaveLength(told.length);
    expect((await store.timeline(reference)).filter((e) => e.event === 'withdrawn')).toHaveLength(1);
    expect((await store.timeline(reference)).filter((e) => e.event === 'action_refused')).toHaveLength(4);
  }, 60_000);
});
