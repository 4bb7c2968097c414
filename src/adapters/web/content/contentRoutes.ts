import express, { type ErrorRequestHandler, type Request, type Response, type Router } from 'express';
import { z } from 'zod';
import type { Bot } from '../../../app/bot';
import { AlreadyTaughtError, mayOwnContent, TeachingError, type TeachingRequest } from '../../../core/content/contentOwners';
import { teacherNames } from '../../../core/content/teachers';
import { translator } from '../../../core/i18n';
import type { UiLang } from '../../../core/language/lang';
import { errorFields } from '../../../core/logger';
import type { Person } from '../../../core/ports';
import { sessionIdOf, type SessionIdentity } from '../auth/sessionIdentity';
import { uiLangOf } from '../identity';
import { AUTH, WEB_PATHS } from '../paths';
import { noticePage } from '../render/noticePage';
import { contentPage, forbiddenPage, refusedPage } from './contentPage';
import { CONTENT, TEACH_ACTIONS } from './contentPaths';
import { contentViewOf, viewQuery } from './contentView';
import { FORM_TOKEN_FIELD, type FormTokens } from './formTokens';
import { numberFormat } from '../../../core/text/intlFormats';

export interface ContentRoutesDeps {
  bot: Bot;
  identity: SessionIdentity;
  tokens: FormTokens;
}

const teachForm = z.object({
  [FORM_TOKEN_FIELD]: z.string().max(200),
  // The lengths of the question and whom to ask are the core's to check (TEACHING_LIMITS, a translated message);
  // the body parser's limit bounds them here.
  question: z.string().min(1),
  qlang: z.string().max(10),
  action: z.enum([TEACH_ACTIONS.passage, TEACH_ACTIONS.outOfScope, TEACH_ACTIONS.contact]),
  passage: z.string().max(200).optional(),
  contact: z.string().optional(),
});

const undoForm = z.object({ [FORM_TOKEN_FIELD]: z.string().max(200), id: z.string().regex(/^\d{1,9}$/) });

/** The page's question in a teaching: its language when it is sv or fi, otherwise detected from the text. */
function teachingRequest(form: z.infer<typeof teachForm>): TeachingRequest {
  const base = { question: form.question, ...(form.qlang === 'sv' || form.qlang === 'fi' ? { lang: form.qlang } : {}) };
  if (form.action === TEACH_ACTIONS.passage) return { ...base, passageId: (form.passage ?? '').trim() };
  if (form.action === TEACH_ACTIONS.contact) return { ...base, contact: form.contact ?? '' };
  return { ...base, outOfScope: true };
}

/**
 * The content pages of the console with sign-in, for the communications role and administrators:
 * GET /web/content (what staff asked that the bot could not answer, answers marked not helpful, what was taught),
 * POST /web/content/teach and /web/content/undo (plain HTML forms; the page runs no script). Everything goes
 * through the core's ContentOwners, as `somebot content` does. Without a session: the sign-in page (401 for a
 * POST); any other role: a translated 403 page; a form without this session's token: 403, nothing changes.
 * After a teaching or an undo this process rebuilds its index at once (other processes at their next poll) and
 * the browser is sent back to the page (303) with a confirmation. Logs carry codes only, never a question.
 */
export function contentRouter(deps: ContentRoutesDeps): Router {
  const { bot, identity, tokens } = deps;
  const router = express.Router();
  const owners = bot.contentOwners;
  const langOf = (req: Request) => uiLangOf(req, bot.config.defaultLang);
  const days = () => bot.config.unansweredKeepDays || 90;
  const send = (res: Response, status: number, page: string) => res.status(status).set('Cache-Control', 'no-store').type('html').send(page);

  /** The signed-in content owner, or undefined after answering (sign-in page, 403). */
  async function owner(req: Request, res: Response): Promise<Person | undefined> {
    const person = await identity.current(req);
    const lang = langOf(req);
    if (!person) {
      send(res, req.method === 'GET' ? 200 : 401, noticePage('signIn', lang, { href: `${WEB_PATHS.auth}${AUTH.login}`, label: 'signIn' }));
      return undefined;
    }
    if (!mayOwnContent(person, identity.isAdmin(person.id))) {
      bot.logger.info('web_content_forbidden', {});
      send(res, 403, forbiddenPage(lang));
      return undefined;
    }
    return person;
  }

  /** `person:<id>` for someone with the role, `admin:console:<id>` for an administrator without it. */
  const actorOf = (person: Person) => (mayOwnContent(person) ? `person:${person.id}` : `admin:console:${person.id}`);

  async function renderPage(req: Request, res: Response, person: Person, status: number, notice?: { kind: 'status' | 'error'; text: string }): Promise<void> {
    const lang = langOf(req);
    const { view, problems } = contentViewOf(req.query, days());
    const [review, learned] = await Promise.all([owners.review(view.since), owners.learned({ includeUndone: true })]);
    const teachers = await teacherNames(
      learned.map((item) => item.taughtBy),
      (id) => bot.reporting.directory.person(id),
      translator(lang),
    );
    const index = bot.guidelines.index;
    send(
      res,
      status,
      contentPage({
        lang,
        personName: person.name,
        token: tokens.tokenFor(sessionIdOf(req) ?? ''),
        review,
        learned,
        passage: (id) => index.passages.get(id),
        teacher: (taughtBy) => teachers.get(taughtBy) ?? taughtBy,
        timeZone: bot.config.timeZone,
        defaultDays: days(),
        view,
        problems,
        ...(notice ? { notice } : {}),
      }),
    );
  }

  /** Runs a route; an unexpected failure is logged by name and answered with a translated page. */
  const route = (fn: (req: Request, res: Response) => Promise<void>) => async (req: Request, res: Response) => {
    try {
      await fn(req, res);
    } catch (err) {
      bot.logger.error('web_content_failed', errorFields(err));
      if (!res.headersSent) send(res, 503, refusedPage(langOf(req), translator(langOf(req))('contentConsole:error.unavailable')));
    }
  };

  /** The form's token must be this session's; otherwise 403 and nothing changes. */
  function tokenOk(req: Request, res: Response, lang: UiLang): boolean {
    if (tokens.valid(sessionIdOf(req), (req.body as Record<string, unknown> | undefined)?.[FORM_TOKEN_FIELD])) return true;
    bot.logger.warn('web_content_refused', { code: 'form_token' });
    send(res, 403, refusedPage(lang, translator(lang)('contentConsole:error.formToken')));
    return false;
  }

  /** Back to the page in the view the form was sent from (its period and pages), with the confirmation. */
  const back = (req: Request, res: Response, lang: UiLang, done: string, id: number) =>
    res.set('Cache-Control', 'no-store').redirect(303, `${WEB_PATHS.content}?${viewQuery(lang, contentViewOf(req.query, days()).view)}&done=${done}&id=${id}#learned`);

  router.get(
    CONTENT.page,
    route(async (req, res) => {
      const person = await owner(req, res);
      if (!person) return;
      const t = translator(langOf(req));
      const done = req.query.done;
      const id = typeof req.query.id === 'string' && /^\d{1,9}$/.test(req.query.id) ? Number(req.query.id) : undefined;
      const notice = id !== undefined && (done === 'taught' || done === 'undone') ? { kind: 'status' as const, text: t(`contentConsole:done.${done}`, { id }) } : undefined;
      await renderPage(req, res, person, 200, notice);
    }),
  );

  router.post(
    CONTENT.teach,
    route(async (req, res) => {
      const lang = langOf(req);
      const t = translator(lang);
      const person = await owner(req, res);
      if (!person || !tokenOk(req, res, lang)) return;
      const form = teachForm.safeParse(req.body);
      if (!form.success) return renderPage(req, res, person, 400, { kind: 'error', text: t('contentConsole:error.badRequest') });
      try {
        const saved = await owners.teach(teachingRequest(form.data), actorOf(person));
        bot.logger.info('web_content_taught', { id: saved.id, kind: saved.kind });
        await bot.reloadContent();
        back(req, res, lang, 'taught', saved.id);
      } catch (err) {
        // The same teaching again: said so, nothing changes (200: what was asked for is in effect).
        if (err instanceof AlreadyTaughtError) return renderPage(req, res, person, 200, { kind: 'status', text: t('contentConsole:done.already', { id: err.existing.id }) });
        if (!(err instanceof TeachingError)) throw err;
        const limit = err.limit === undefined ? '' : numberFormat(lang, {}).format(err.limit);
        await renderPage(req, res, person, 400, { kind: 'error', text: t(`contentConsole:error.${err.problem}`, { ref: err.ref ?? '', limit }) });
      }
    }),
  );

  router.post(
    CONTENT.undo,
    route(async (req, res) => {
      const lang = langOf(req);
      const t = translator(lang);
      const person = await owner(req, res);
      if (!person || !tokenOk(req, res, lang)) return;
      const form = undoForm.safeParse(req.body);
      if (!form.success) return renderPage(req, res, person, 400, { kind: 'error', text: t('contentConsole:error.badRequest') });
      const id = Number(form.data.id);
      if (!(await owners.undo(id, actorOf(person)))) return renderPage(req, res, person, 409, { kind: 'error', text: t('contentConsole:error.notFound', { id }) });
      bot.logger.info('web_content_undone', { id });
      await bot.reloadContent();
      back(req, res, lang, 'undone', id);
    }),
  );
  return router;
}

/** A form body the parser refused (too large, malformed): a translated page, nothing changed, nothing logged of it. */
export function contentFormError(bot: Bot): ErrorRequestHandler {
  return (err: unknown, req, res, next) => {
    if (res.headersSent) return next(err);
    const status = (err as { status?: unknown }).status;
    const lang = uiLangOf(req, bot.config.defaultLang);
    bot.logger.warn('web_content_refused', { code: typeof status === 'number' ? `body_${status}` : 'body' });
    res
      .status(typeof status === 'number' && status >= 400 && status < 500 ? status : 400)
      .set('Cache-Control', 'no-store')
      .type('html')
      .send(refusedPage(lang, translator(lang)('contentConsole:error.badRequest')));
  };
}
