import type { Router } from 'express';
import type { Person } from '../../../core/ports';
import { routedToItSecurity, viewAccess } from '../../../core/reports/access';
import type { ReportSummary } from '../../../core/reports/records';
import { uiLangOf } from '../identity';
import { API } from '../paths';
import { reportDetailHtml, reportGroupsHtml, type ReportGroup } from '../render/reportHtml';
import type { WebContext } from '../webContext';
import { handler } from './handler';

/**
 * GET reports: the reports this person may see, without content, in the console's groups: their own, those
 * sent to them, and IT security's queue. GET reports/:reference: one report through the service's access
 * check (the view is recorded in the report's timeline), with the buttons the person may use.
 */
export function register(router: Router, ctx: WebContext): void {
  const { service, directory } = ctx.bot.reporting;
  const timeZone = ctx.bot.config.timeZone;

  router.get(
    API.reports,
    handler(ctx, async (req, res) => {
      const person = await ctx.identity.personOf(req);
      const lang = uiLangOf(req, ctx.bot.config.defaultLang);
      const reports = await service.list(person.id, { limit: 100 });
      const groups = await groupsOf(reports, person, ctx);
      res.set('Cache-Control', 'no-store').json({ html: reportGroupsHtml(groups, lang, timeZone).value, count: reports.length });
    }),
  );

  router.get(
    API.report,
    handler(ctx, async (req, res) => {
      const person = await ctx.identity.personOf(req);
      const lang = uiLangOf(req, ctx.bot.config.defaultLang);
      const view = await service.view(String(req.params.reference), person.id);
      const names = new Map((await directory.all()).map((p) => [p.id, p.name]));
      res.set('Cache-Control', 'no-store').json({ html: reportDetailHtml(view, { lang, timeZone, names, docLang: ctx.docLang }).value });
    }),
  );
}

/**
 * Sorts listed reports by why the person sees them (access.ts): as reporter; as IT security, for a
 * report routed to IT security; otherwise as recipient. Groups shown: always their own; sent to them for managers (or when there are some); the queue
 * for IT security.
 */
async function groupsOf(reports: ReportSummary[], person: Person, ctx: WebContext): Promise<{ group: ReportGroup; reports: ReportSummary[] }[]> {
  const byGroup: Record<ReportGroup, ReportSummary[]> = { mine: [], sentToMe: [], queue: [] };
  for (const summary of reports) {
    const report = await ctx.bot.reporting.store.getReport(summary.reference);
    const access = report ? viewAccess(report, person) : undefined;
    if (!report || !access) continue;
    if (access === 'reporter') byGroup.mine.push(summary);
    else if (person.roles.includes('it_security') && routedToItSecurity(report)) byGroup.queue.push(summary);
    else byGroup.sentToMe.push(summary);
  }
  const shown: ReportGroup[] = ['mine'];
  if (person.roles.includes('manager') || byGroup.sentToMe.length > 0) shown.push('sentToMe');
  if (person.roles.includes('it_security')) shown.push('queue');
  return shown.map((group) => ({ group, reports: byGroup[group] }));
}
