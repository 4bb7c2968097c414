import { randomUUID } from 'node:crypto';
import type { Router } from 'express';
import { z } from 'zod';
import { getI18n } from '../../../core/i18n';
import type { UiLang } from '../../../core/language/lang';
import type { ConversationReply } from '../../../core/conversation/conversation';
import { REPLY_KIND } from '../../../core/reports/dialog';
import { conversationId } from '../../../core/reports/dialogSessions';
import { uiLangOf } from '../identity';
import { API } from '../paths';
import { answerHtml } from '../render/answerHtml';
import { dialogHtml } from '../render/dialogHtml';
import { WEB_EVENTS } from '../eventHub';
import type { WebContext } from '../webContext';
import { MAX_MESSAGE_CHARS } from '../limits';
import { bodyOf, handler } from './handler';

export { MAX_MESSAGE_CHARS };

/** A message from the page: typed text, a clicked choice, or the "Make a report" button. */
const messageBody = z.union([
  z.object({ text: z.string().max(MAX_MESSAGE_CHARS) }).strict(),
  z.object({ choice: z.string().min(1).max(200) }).strict(),
  z.object({ startReport: z.literal(true) }).strict(),
]);

/**
 * POST messages: hands the message to the conversation (one conversation per person: `web:<id>`) and
 * returns each reply as HTML. After a report is submitted its alerts are delivered at once, and the
 * reporter's pages reload their report list.
 */
export function register(router: Router, ctx: WebContext): void {
  router.post(
    API.messages,
    handler(ctx, async (req, res) => {
      const person = await ctx.identity.personOf(req);
      const lang = uiLangOf(req, ctx.bot.config.defaultLang);
      const body = bodyOf(req, messageBody);
      const text = 'startReport' in body ? firstReportCommand(lang) : 'text' in body ? body.text : undefined;
      const replies = await ctx.bot.conversation.handle({
        conversationId: conversationId('web', person.id),
        personId: person.id,
        localeHint: lang,
        ...(text !== undefined ? { text } : {}),
        ...('choice' in body ? { choice: body.choice } : {}),
      });
      res.json({ replies: replies.map((r) => ({ html: replyHtml(r, ctx).value })) });
      if (replies.some((r) => r.type === 'dialog' && r.reply.kind === REPLY_KIND.done)) {
        ctx.hub.publish([person.id], WEB_EVENTS.reports, {});
        void ctx.bot.deliverDue().catch(() => undefined);
      }
    }),
  );
}

function replyHtml(reply: ConversationReply, ctx: WebContext) {
  return reply.type === 'answer' ? answerHtml(reply.answer, reply.answer.answerId ?? randomUUID(), ctx.bot.guidelines.settings.contact) : dialogHtml(reply.reply, reply.lang);
}

/** The first word that starts a report in this language ("anmäl", "ilmoita", "report"). */
function firstReportCommand(lang: UiLang): string {
  const list = getI18n().t('conversation:reportCommands', { lng: lang, returnObjects: true }) as unknown;
  return Array.isArray(list) && typeof list[0] === 'string' ? list[0] : 'report';
}
