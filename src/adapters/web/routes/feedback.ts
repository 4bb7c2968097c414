import type { Router } from 'express';
import { z } from 'zod';
import { translator } from '../../../core/i18n';
import { UI_LANGS } from '../../../core/language/lang';
import { uiLangOf } from '../identity';
import { API } from '../paths';
import { FEEDBACK } from '../webActions';
import type { WebContext } from '../webContext';
import { WebError, WebErrorCode } from '../webErrors';
import { bodyOf, handler } from './handler';

const feedbackBody = z
  .object({
    answerId: z.string().uuid(),
    verdict: z.enum([FEEDBACK.helpful, FEEDBACK.notHelpful]),
    lang: z.enum(UI_LANGS),
    answered: z.boolean(),
    passageId: z.string().max(200).nullable(),
  })
  .strict();

/**
 * POST feedback: "Helpful" / "Not helpful" under an answer. Stored without the question or the person;
 * the passage id must be one the index has. A second click on the same answer replaces the first.
 */
export function register(router: Router, ctx: WebContext): void {
  router.post(
    API.feedback,
    handler(ctx, async (req, res) => {
      await ctx.identity.personOf(req);
      const body = bodyOf(req, feedbackBody);
      const passageId = body.passageId && body.passageId.length > 0 ? body.passageId : null;
      if (passageId !== null && !ctx.bot.guidelines.index.passages.has(passageId)) throw new WebError(WebErrorCode.BadRequest);
      await ctx.bot.questionLog.recordFeedback({
        answerId: body.answerId,
        platform: 'web',
        helpful: body.verdict === FEEDBACK.helpful,
        lang: body.lang,
        answered: body.answered,
        passageId,
        at: ctx.bot.clock.now(),
      });
      res.json({ message: translator(uiLangOf(req, body.lang))('web:feedback.thanks') });
    }),
  );
}
