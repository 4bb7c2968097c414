/**
 * One withdraw rule for the service and every door (core withdrawRule): only the reporter, only while the
 * report is open and not purged. The service's steps refuse by it, and the Slack details, the Teams details
 * card and the web chat's report offer Withdraw by it — a purged report never offers it.
 */
import { detailsView } from '../../../src/adapters/slack/blocks/reportViews';
import { ACTION } from '../../../src/adapters/slack/ids';
import { detailsCard } from '../../../src/adapters/teams/cards/detailsCard';
import { reportDetailHtml } from '../../../src/adapters/web/render/reportHtml';
import { ReportErrorCode } from '../../../src/core/reports/reportErrors';
import type { ReportView } from '../../../src/core/reports/service';
import { mayWithdraw, viewOffersWithdraw, withdrawBar } from '../../../src/core/reports/withdrawRule';
import { closeSharedPglite, draft, openTestReporting, type TestReporting } from '../../helpers/db';
import { DEMO, reportRejection } from '../../helpers/reportFixtures';
import { detailsCopyFor } from '../../helpers/detailsCopy';

afterAll(closeSharedPglite);

const report = (over: Partial<{ reporterId: string | null; status: 'submitted' | 'acknowledged' | 'in_progress' | 'resolved' | 'withdrawn'; purgedAt: Date | null }>) => ({
  reporterId: 'anna',
  status: 'submitted' as const,
  purgedAt: null,
  ...over,
});

describe('withdrawBar / mayWithdraw', () => {
  it('lets the reporter withdraw an open report, nobody else, nothing closed or purged', () => {
    for (const status of ['submitted', 'acknowledged', 'in_progress'] as const) {
      expect(withdrawBar(report({ status }), 'anna')).toBeUndefined();
      expect(mayWithdraw(report({ status }), 'anna')).toBe(true);
    }
    expect(withdrawBar(report({}), 'karin')).toBe('not_reporter');
    expect(withdrawBar(report({ reporterId: null }), 'anna')).toBe('not_reporter');
    expect(withdrawBar(report({ status: 'resolved' }), 'anna')).toBe('closed');
    expect(withdrawBar(report({ status: 'withdrawn' }), 'anna')).toBe('closed');
    expect(withdrawBar(report({ purgedAt: new Date() }), 'anna')).toBe('closed');
    expect(mayWithdraw(report({ purgedAt: new Date() }), 'anna')).toBe(false);
    expect(viewOffersWithdraw({ access: 'recipient', report: report({}) })).toBe(false);
    expect(viewOffersWithdraw({ access: 'reporter', report: report({}) })).toBe(true);
    expect(viewOffersWithdraw({ access: 'reporter', report: report({ purgedAt: new Date() }) })).toBe(false);
  });
});

describe('every door offers Withdraw by the one rule', () => {
  let r: TestReporting;
  beforeAll(async () => {
    r = await openTestReporting('pglite');
  });
  afterAll(async () => {
    await r.dispose();
  });

  const doors = async (view: ReportView) => ({
    slack: JSON.stringify(detailsView(view, 'sv', 'Europe/Helsinki').blocks),
    teams: JSON.stringify(detailsCard(await detailsCopyFor(view.report, DEMO.anna, r.directory), 'Europe/Helsinki')),
    web: reportDetailHtml(view, { lang: 'sv', timeZone: 'Europe/Helsinki', names: new Map(), docLang: () => undefined }).value,
  });

  it('shows Withdraw to the reporter of an open report, and never on a purged or closed one', async () => {
    const { reference } = await r.service.submit(draft({ category: 'harassment' }), DEMO.anna, { lang: 'sv' });
    const open = await r.service.view(reference, DEMO.anna);
    const shown = await doors(open);
    expect(shown.slack).toContain(`"action_id":"${ACTION.withdraw}"`);
    expect(shown.teams).toContain('"action":"report.withdraw"');
    expect(shown.web).toContain('data-action="report.withdraw"');

    // The same view with the content purged (the state alone would still allow it): no door offers Withdraw.
    const purged = await doors({ ...open, report: { ...open.report, purgedAt: new Date() } });
    expect(purged.slack).not.toContain(ACTION.withdraw);
    expect(purged.teams).not.toContain('report.withdraw');
    expect(purged.web).not.toContain('report.withdraw');

    await r.service.resolve(reference, DEMO.karin, 'Klart.');
    const closed = await doors(await r.service.view(reference, DEMO.anna));
    expect(closed.slack).not.toContain(ACTION.withdraw);
    expect(closed.teams).not.toContain('report.withdraw');
    expect(closed.web).not.toContain('report.withdraw');
  });

  it('the service refuses by the same rule: someone else AccessDenied, a closed report NotAllowedNow', async () => {
    const { reference } = await r.service.submit(draft({ category: 'harassment' }), DEMO.anna, { lang: 'sv' });
    expect((await reportRejection(r.service.askWithdraw(reference, DEMO.karin))).code).toBe(ReportErrorCode.AccessDenied);
    expect((await reportRejection(r.service.withdraw(reference, DEMO.karin))).code).toBe(ReportErrorCode.AccessDenied);
    expect(await r.service.askWithdraw(reference, DEMO.anna)).toMatchObject({ reference });
    await r.service.resolve(reference, DEMO.karin, 'Klart.');
    expect((await reportRejection(r.service.askWithdraw(reference, DEMO.anna))).code).toBe(ReportErrorCode.NotAllowedNow);
    expect((await reportRejection(r.service.withdraw(reference, DEMO.anna))).code).toBe(ReportErrorCode.NotAllowedNow);
  });
});
