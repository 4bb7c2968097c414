import type { Router } from 'express';
import { z } from 'zod';
import { routedToItSecurity } from '../../../core/reports/access';
import type { ReportView } from '../../../core/reports/service';
import { exportRow, toCsv } from '../../../cli/commands/reports';
import { API } from '../paths';
import type { WebContext } from '../webContext';
import { WebError, WebErrorCode } from '../webErrors';
import { handler } from './handler';

const exportQuery = z.object({ format: z.enum(['csv', 'json']) });

/** One exported report: the fields of `somebot reports export` and the report's timeline. */
function exportEntry(view: ReportView) {
  return {
    ...exportRow(view),
    timeline: view.timeline.map((e) => ({ at: e.at.toISOString(), event: e.event, actor: e.actor })),
  };
}

/**
 * GET export?format=csv|json: for the records system, with their timelines: IT security gets the reports
 * routed to IT security; a console administrator (SOMEBOT_CONSOLE_ADMINS, sign-in only) every report,
 * audited as `admin:console:<id>`; anyone else 403. Each exported report gets an 'exported' entry in its
 * timeline. CSV puts the timeline in one cell ("time event actor" entries joined by " | ").
 */
export function register(router: Router, ctx: WebContext): void {
  router.get(
    API.export,
    handler(ctx, async (req, res) => {
      const person = await ctx.identity.personOf(req);
      const query = exportQuery.safeParse(req.query);
      if (!query.success) throw new WebError(WebErrorCode.BadRequest);
      const service = ctx.bot.reporting.service;
      let views: ReportView[];
      if (ctx.identity.isAdmin(person.id)) views = await service.exportReports({ kind: 'admin', name: `console:${person.id}` });
      else if (person.roles.includes('it_security')) views = await service.exportReports(person.id, {}, routedToItSecurity);
      else throw new WebError(WebErrorCode.ExportDenied);
      const entries = views.map(exportEntry);
      const day = ctx.bot.clock.now().toISOString().slice(0, 10);
      res.set({ 'Cache-Control': 'no-store', 'Content-Disposition': `attachment; filename="somebot-reports-${day}.${query.data.format}"` });
      if (query.data.format === 'json') {
        res.type('application/json').send(JSON.stringify({ exportedAt: ctx.bot.clock.now().toISOString(), reports: entries }, null, 2));
        return;
      }
      const rows = entries.map(({ timeline, ...row }) => ({ ...row, timeline: timeline.map((e) => `${e.at} ${e.event} ${e.actor}`) }));
      res.type('text/csv; charset=utf-8').send(toCsv(rows));
    }),
  );
}
