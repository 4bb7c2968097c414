import type { Router } from 'express';
import { z } from 'zod';
import { translator } from '../../../core/i18n';
import type { ActionResult } from '../../../core/reports/service';
import type { ReportAction } from '../../../core/reports/lifecycle';
import { isReportError, ReportErrorCode } from '../../../core/reports/reportErrors';
import { WEB_EVENTS } from '../eventHub';
import { uiLangOf } from '../identity';
import { API } from '../paths';
import { ACTION_OF, isWebReportAction, REPORT_ACTIONS } from '../webActions';
import { Withdrawal } from '../../../core/reports/withdrawal';
import { withdrawConfirmationHtml } from '../render/reportHtml';
import { MAX_MESSAGE_CHARS } from '../limits';
import type { WebContext } from '../webContext';
import { WebError, WebErrorCode } from '../webErrors';
import { bodyOf, handler, reportErrorStatus } from './handler';

const actionBody = z
  .object({
    action: z.string().refine(isWebReportAction),
    // Wider than the service's limit, so a note that is too long gets its translated sentence, not a bare 400.
    note: z.string().max(MAX_MESSAGE_CHARS).optional(),
    // A withdraw confirmation's binding: the reporter it was offered to (the reference is the path's).
    reporter: z.string().min(1).max(200).optional(),
  })
  .strict();

/**
 * POST reports/:reference/actions {action, note?, reporter?}: a button of an alert or of a report's view. The
 * service checks who may do what and when; the page is told the new status (in the page's language), or the
 * translated refusal — for a button that no longer applies (409, `outdated`, or a step someone else already
 * took), with the report's current state, shown next to the button in the language of the person's copies of
 * the report (their alert's language, as Slack and Teams answer such a click), not the page's.
 * Withdraw asks first (core Withdrawal): `report.withdraw` answers `{changed: false, confirmation}` (the
 * question and its two buttons as HTML, changing nothing); `report.withdraw_confirm` with the `reporter` it
 * was offered to withdraws; `report.withdraw_cancel` answers `{changed: false, cancelled: true, message}`.
 * The messages a step causes (the reporter's news, the refresh of every alert copy) are delivered at once, and
 * every open page reloads its list.
 */
export function register(router: Router, ctx: WebContext): void {
  const { service } = ctx.bot.reporting;
  const withdrawal = new Withdrawal(ctx.bot.reporting);
  router.post(
    API.reportAction,
    handler(ctx, async (req, res) => {
      const person = await ctx.identity.personOf(req);
      const lang = uiLangOf(req, ctx.bot.config.defaultLang);
      const { action, note, reporter } = bodyOf(req, actionBody);
      const reference = String(req.params.reference);
      if (!isWebReportAction(action)) throw new WebError(WebErrorCode.BadRequest);
      const t = translator(lang);
      const step = ACTION_OF[action];
      if (step === undefined) {
        const outcome =
          action === REPORT_ACTIONS.withdrawConfirm
            ? await withdrawal.confirm({ reference, reporterId: reporter ?? '' }, person.id)
            : action === REPORT_ACTIONS.withdrawCancel
              ? await withdrawal.cancel(reference, person.id)
              : await withdrawal.ask(reference, person.id);
        switch (outcome.kind) {
          case 'question':
            res.json({ changed: false, message: outcome.question.text, confirmation: withdrawConfirmationHtml(outcome.question).value });
            return;
          case 'cancelled':
            res.json({ changed: false, cancelled: true, message: outcome.text });
            return;
          case 'refused':
            res.status(reportErrorStatus(outcome.code)).json({ error: outcome.text, ...(outcome.outdated ? { outdated: true } : {}) });
            return;
          case 'withdrawn':
            res.json({ status: outcome.result.status, changed: true, message: t('web:report.done', { reference: outcome.result.reference, status: t(`notifications:status.${outcome.result.status}`) }) });
            ctx.hub.broadcast(WEB_EVENTS.reports, {});
            void ctx.bot.deliverDue().catch(() => undefined);
            return;
        }
      }
      let result: ActionResult;
      try {
        result = await run(step, reference, person.id, note);
      } catch (err) {
        // A button that no longer applies: the refusal with the report's current state, shown next to it.
        if (isReportError(err) && err.code === ReportErrorCode.NotAllowedNow) {
          res.status(409).json({ error: await service.explainRefusal(err, reference, await service.copyLangFor(reference, person)), outdated: true });
          return;
        }
        throw err;
      }
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

  function run(action: Exclude<ReportAction, 'withdraw'>, reference: string, personId: string, note: string | undefined): Promise<ActionResult> {
    switch (action) {
      case 'acknowledge':
        return service.acknowledge(reference, personId);
      case 'start_progress':
        return service.startProgress(reference, personId);
      case 'resolve':
        return service.resolve(reference, personId, note ?? '');
    }
  }
}
