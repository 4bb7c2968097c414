import type { Request, RequestHandler, Response } from 'express';
import { errorFields } from '../../../core/logger';
import { isReportError, ReportErrorCode, reportErrorMessage } from '../../../core/reports/reportErrors';
import { uiLangOf } from '../identity';
import type { WebContext } from '../webContext';
import { isWebError, WebError, WebErrorCode, webErrorMessage } from '../webErrors';

const REPORT_STATUS: Partial<Record<ReportErrorCode, number>> = {
  [ReportErrorCode.NotFound]: 404,
  [ReportErrorCode.AccessDenied]: 403,
  [ReportErrorCode.NotAllowedNow]: 409,
  [ReportErrorCode.SaveFailed]: 503,
  [ReportErrorCode.Unavailable]: 503,
};

/** The HTTP status a refusal of the report service is answered with. */
export function reportErrorStatus(code: ReportErrorCode): number {
  return REPORT_STATUS[code] ?? 400;
}

/**
 * Wraps an API route: a WebError or ReportError becomes its translated sentence (`{error}`) with a fitting
 * status; anything else is logged by name and code only and answered with "cannot answer just now".
 */
export function handler(ctx: WebContext, fn: (req: Request, res: Response) => Promise<void>): RequestHandler {
  return async (req, res) => {
    try {
      await fn(req, res);
    } catch (err) {
      const lang = uiLangOf(req, ctx.bot.config.defaultLang);
      if (res.headersSent) {
        ctx.bot.logger.error('web_request_failed_late', errorFields(err));
        return;
      }
      if (isWebError(err)) {
        res.status(err.status).json({ error: webErrorMessage(err, lang) });
      } else if (isReportError(err)) {
        res.status(reportErrorStatus(err.code)).json({ error: reportErrorMessage(err, lang) });
      } else {
        ctx.bot.logger.error('web_request_failed', errorFields(err));
        const unavailable = new WebError(WebErrorCode.Unavailable);
        res.status(unavailable.status).json({ error: webErrorMessage(unavailable, lang) });
      }
    }
  };
}

/** Parses a body with a zod-like schema; a body that does not fit is a translated 400. */
export function bodyOf<T>(req: Request, schema: { safeParse(v: unknown): { success: true; data: T } | { success: false } }): T {
  const parsed = schema.safeParse(req.body);
  if (!parsed.success) throw new WebError(WebErrorCode.BadRequest);
  return parsed.data;
}
