import type { Router } from 'express';
import { z } from 'zod';
import { translator } from '../../../core/i18n';
import type { ActionResult } from '../../../core/reports/service';
import type { ReportAction } from '../../../core/reports/lifecycle';
import { isReportError, ReportErrorCode } from '../../../core/reports/reportErrors';
import { WEB_EVENTS } from '../eventHub';
import { uiLangOf } from '../identity';
import { API } from '../paths';
import { ACTION_OF, isWebReportAction } from '../webActions';
import { MAX_MESSAGE_CHARS } from '../limits';
import type { WebContext } from '../webContext';
import { WebError, WebErrorCode } from '../webErrors';
import { bodyOf, handler } from './handler';

const actionBody = z
  .object({
    action: z.string().refine(isWebReportAction),
    // Wider than the service's limit, so a note that is too long gets its translated sentence, not a bare 400.
    note: z.string().max(MAX_MESSAGE_CHARS).optional(),
  })
  .strict();

/**
 * POST reports/:reference/actions {action, note?}: a button of an alert or of a report's view. The service
 * checks who may do what and when; the page is told the new status (in the page's language), or the translated
 * refusal — for a button that no longer applies (409, `outdated`, or a step someone else already took), with the
 * report's current state, shown next to the button in the language of the person's copies of the report (their
 * alert's language, as Slack and Teams answer such a click), not the page's.
 * The messages it causes (the reporter's news, the refresh of every alert copy) are delivered at once, and
 * every open page reloads its list.
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
      try {
        result = await step(ACTION_OF[action], reference, person.id, note);
      } catch (err) {
        // A button that no longer applies: the refusal with the report's current state, shown next to it.
        if (isReportError(err) && err.code === ReportErrorCode.NotAllowedNow) {
          res.status(409).json({ error: await service.explainRefusal(err, reference, await service.copyLangFor(reference, person)), outdated: true });
          return;
        }
        throw err;
      }
      const t = translator(lang);
      res.json({
        status: result.status,
        changed: result.changed,
        message: result.changed
          ? t('web:report.done', { reference: result.reference, status: t(`notifications:status.${result.status}`) })
          : await service.describeState(result.reference, await service.copyLangFor(result.reference, person)),
      });
      ctx.hub.broadcast(WEB_EVENTS.reports, {});
      void ctx.bot.deliverDue().catch(() => undefined);
    }),
  );

  function step(action: ReportAction, reference: string, personId: string, note: string | undefined): Promise<ActionResult> {
    switch (action) {
      case 'acknowledge':
        return service.acknowledge(reference, personId);
      case 'start_progress':
        return service.startProgress(reference, personId);
      case 'resolve':
        return service.resolve(reference, personId, note ?? '');
      case 'withdraw':
        return service.withdraw(reference, personId);
    }
  }
}
