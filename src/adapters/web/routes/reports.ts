import type { Router } from 'express';
import { personOf, uiLangOf } from '../identity';
import { API } from '../paths';
import { reportDetailHtml, reportListHtml } from '../render/reportHtml';
import type { WebContext } from '../webContext';
import { handler } from './handler';

/**
 * GET reports: the reports this person may see (their own, those sent to them, IT security's queue), without
 * content. GET reports/:reference: one report through the service's access check (the view is recorded in
 * the report's timeline), with the buttons the person may use.
 */
export function register(router: Router, ctx: WebContext): void {
  const { service, directory } = ctx.bot.reporting;
  const timeZone = ctx.bot.config.timeZone;

  router.get(
    API.reports,
    handler(ctx, async (req, res) => {
      const person = await personOf(req, directory);
      const lang = uiLangOf(req, ctx.bot.config.defaultLang);
      const reports = await service.list(person.id, { limit: 100 });
      res.set('Cache-Control', 'no-store').json({ html: reportListHtml(reports, lang, timeZone).value, count: reports.length });
    }),
  );

  router.get(
    API.report,
    handler(ctx, async (req, res) => {
      const person = await personOf(req, directory);
      const lang = uiLangOf(req, ctx.bot.config.defaultLang);
      const view = await service.view(String(req.params.reference), person.id);
      const names = new Map((await directory.all()).map((p) => [p.id, p.name]));
      res.set('Cache-Control', 'no-store').json({ html: reportDetailHtml(view, { lang, timeZone, names, docLang: ctx.docLang }).value });
    }),
  );
}
