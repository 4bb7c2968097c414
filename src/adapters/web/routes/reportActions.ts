import type { Router } from 'express';
import { z } from 'zod';
import { translator } from '../../../core/i18n';
import type { ActionResult } from '../../../core/reports/service';
import { WEB_EVENTS } from '../eventHub';
import { uiLangOf } from '../identity';
import { API } from '../paths';
import { ACTION_OF, isWebReportAction } from '../webActions';
import type { WebContext } from '../webContext';
import { WebError, WebErrorCode } from '../webErrors';
import { bodyOf, handler } from './handler';

const actionBody = z
  .object({
    action: z.string().refine(isWebReportAction),
    note: z.string().max(5000).optional(),
  })
  .strict();

/**
 * POST reports/:reference/actions {action, note?}: a button of an alert or of a report's view. The service
 * checks who may do what and when; the page is told the new status (or the translated refusal). The
 * messages it causes (the reporter is told) are delivered at once, and every open page reloads its list.
 */
export function register(router: Router, ctx: WebContext): void {
  const { service } = ctx.bot.reporting;
  router.post(
    API.reportAction,
    handler(ctx, async (req, res) => {
      const person = await ctx.identity.personOf(req);
      const lang = uiLangOf(req, ctx.bot.config.defaultLang);
      const { action, note } = bodyOf(req, actionBody);
      const reference = String(req.params.reference);
      let result: ActionResult;
      if (!isWebReportAction(action)) throw new WebError(WebErrorCode.BadRequest);
      switch (ACTION_OF[action]) {
        case 'acknowledge':
          result = await service.acknowledge(reference, person.id);
          break;
        case 'start_progress':
          result = await service.startProgress(reference, person.id);
          break;
        case 'resolve':
          result = await service.resolve(reference, person.id, note ?? '');
          break;
        case 'withdraw':
          result = await service.withdraw(reference, person.id);
          break;
      }
      const t = translator(lang);
      res.json({
        status: result.status,
        changed: result.changed,
        message: t('web:report.done', { reference: result.reference, status: t(`notifications:status.${result.status}`) }),
      });
      ctx.hub.broadcast(WEB_EVENTS.reports, {});
      void ctx.bot.deliverDue().catch(() => undefined);
    }),
  );
}
