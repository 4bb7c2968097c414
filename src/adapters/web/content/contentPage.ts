import type { TFunction } from 'i18next';
import { formatLocalDateTime } from '../../../core/clock';
import type { LearnedItem } from '../../../core/content/records';
import { normaliseQuestion, type ContentReview, type ReviewGroup, type UnhelpfulGroup } from '../../../core/content/review';
import type { Passage } from '../../../core/guidelines/passage';
import { translator } from '../../../core/i18n';
import type { UiLang } from '../../../core/language/lang';
import { WEB_PATHS } from '../paths';
import { html, paragraphs, type Html } from '../render/html';
import { pageOf, type ListPage } from '../../../core/content/paging';
import { CONTENT, TEACH_ACTIONS } from './contentPaths';
import { CONTENT_PAGE_SIZE, SINCE_CHOICES, viewHref, viewQuery, type ContentView, type PagedList, type ViewProblem } from './contentView';
import { FORM_TOKEN_FIELD } from './formTokens';
import { numberFormat } from '../../../core/text/intlFormats';

/** What the content page shows. Every text is escaped by `html`. */
export interface ContentPageModel {
  lang: UiLang;
  personName: string;
  /** The form token of this session (hidden in every form). */
  token: string;
  review: ContentReview;
  learned: LearnedItem[];
  passage(id: string): Passage | undefined;
  /** Who taught, as people read it (a name, never the stored `person:` id), by the teaching's `taughtBy`. */
  teacher(taughtBy: string): string;
  timeZone: string;
  /** How many days back the review reaches when the query names no period. */
  defaultDays: number;
  /** The period and the page of each list that are shown (`review` is already of that period). */
  view: ContentView;
  /** Query values that were not understood (the defaults were used instead). */
  problems: ViewProblem[];
  /** After an action: a confirmation (status) or an error (alert). */
  notice?: { kind: 'status' | 'error'; text: string };
}

/** A page of its own with the console's look: the content page, or the "not for you" page; `hrefIn` links the page in another language. */
function shell(lang: UiLang, title: string, body: Html, t: TFunction, hrefIn: (lang: UiLang) => string = (code) => `${WEB_PATHS.content}?lang=${code}`): string {
  const langLink = (code: UiLang, name: string) => html`<a href="${hrefIn(code)}" lang="${code}"${code === lang ? html` aria-current="true"` : ''}>${name}</a>`;
  return html`<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title} – somebot</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="${WEB_PATHS.static}/style.css">
<link rel="stylesheet" href="${WEB_PATHS.static}/content.css">
</head>
<body class="content-page">
<a class="skip-link" href="#main">${t('contentConsole:skip')}</a>
<header class="top">
  <div class="brand"><h1>${title}</h1><p><a href="/?lang=${lang}">${t('contentConsole:backToConsole')}</a></p></div>
  <nav class="langs" aria-label="${t('web:lang.label')}">${langLink('sv', 'Svenska')} ${langLink('fi', 'Suomi')} ${langLink('en', 'English')}</nav>
</header>
${body}
</body>
</html>`.value;
}

/** 403 for someone signed in without the communications role (or administration): what the pages are, whom to ask. */
export function forbiddenPage(lang: UiLang): string {
  const t = translator(lang);
  const body = html`<main id="main" class="content-main narrow">
<h2>${t('contentConsole:forbidden.title')}</h2>
<p>${t('contentConsole:forbidden.text')}</p>
</main>`;
  return shell(lang, t('contentConsole:title'), body, t);
}

/** A refused form (stale or foreign token, bad input) when no page can be shown around it. */
export function refusedPage(lang: UiLang, text: string): string {
  const t = translator(lang);
  const body = html`<main id="main" class="content-main narrow">
<h2>${t('contentConsole:refused.title')}</h2>
<p role="alert">${text}</p>
<p><a class="button primary" href="${WEB_PATHS.content}?lang=${lang}">${t('contentConsole:refused.back')}</a></p>
</main>`;
  return shell(lang, t('contentConsole:title'), body, t);
}

/**
 * The content page: the questions the bot could not answer (grouped, with count, language, last seen and the
 * closest passages side by side, each with "this passage answers it"), "outside the guidelines" and "who to ask"
 * for each; answers marked not helpful with the passage that was shown; and what was taught, with undo.
 */
export function contentPage(model: ContentPageModel): string {
  const { lang, view } = model;
  const t = translator(lang);
  const questions = pageOf(model.review.questions, view.pages.unanswered, CONTENT_PAGE_SIZE);
  const unhelpful = pageOf(model.review.unhelpful, view.pages.unhelpful, CONTENT_PAGE_SIZE);
  const body = html`<main id="main" class="content-main">
<p class="who">${t('contentConsole:signedInAs', { name: model.personName })}</p>
${model.notice ? html`<p class="notice-${model.notice.kind}" role="${model.notice.kind === 'error' ? 'alert' : 'status'}">${model.notice.text}</p>` : ''}
${model.problems.map((p) => html`<p class="notice-error" role="alert">${problemText(p, model, t)}</p>`)}
<p class="intro">${view.since === 'all' ? t('contentConsole:view.introAll') : t('contentConsole:intro', { days: view.since })}</p>
${sinceFilter(model, t)}
<section id="unanswered" aria-labelledby="unanswered-heading">
<h2 id="unanswered-heading">${t('contentConsole:unanswered.heading')} <span class="count">(${questions.total})</span></h2>
${questions.total === 0 ? html`<p class="empty">${t('contentConsole:unanswered.none')}</p>` : html`${pager('unanswered', questions, model, t)}${questions.items.map((g, i) => questionCard(g, `q${questions.first + i}`, model, t))}${pager('unanswered', questions, model, t, 'bottom')}`}
</section>
<section id="unhelpful" aria-labelledby="unhelpful-heading">
<h2 id="unhelpful-heading">${t('contentConsole:unhelpful.heading')} <span class="count">(${unhelpful.total})</span></h2>
${unhelpful.total === 0 ? html`<p class="empty">${t('contentConsole:unhelpful.none')}</p>` : html`${pager('unhelpful', unhelpful, model, t)}${unhelpful.items.map((g, i) => unhelpfulCard(g, `u${unhelpful.first + i}`, model, t))}${pager('unhelpful', unhelpful, model, t, 'bottom')}`}
</section>
${learnedSection(model, t)}
</main>`;
  // Another language shows the same period and pages.
  return shell(lang, t('contentConsole:title'), body, t, (code) => viewHref(code, view));
}

function problemText(problem: ViewProblem, model: ContentPageModel, t: TFunction): string {
  if (problem.kind === 'badPage') return t('contentConsole:view.badPage', { value: problem.value });
  return t('contentConsole:view.badSince', { value: problem.value, days: model.defaultDays });
}

/** The period filter: a plain GET form (the page runs no script); a new period starts every list at page 1. */
function sinceFilter(model: ContentPageModel, t: TFunction): Html {
  const choices: (number | 'all')[] = [...new Set<number>([...SINCE_CHOICES, model.defaultDays])].sort((a, b) => a - b);
  choices.push('all');
  const label = (c: number | 'all') => (c === 'all' ? t('contentConsole:view.sinceAll') : t('contentConsole:view.sinceDays', { count: c }));
  return html`<form method="get" action="${WEB_PATHS.content}" class="filter" role="search" aria-label="${t('contentConsole:view.filterLabel')}">
<input type="hidden" name="lang" value="${model.lang}">
<label for="since">${t('contentConsole:view.since')}</label>
<select id="since" name="since">${choices.map((c) => html`<option value="${String(c)}"${c === model.view.since ? html` selected` : ''}>${label(c)}</option>`)}</select>
<button type="submit">${t('contentConsole:view.show')}</button>
</form>`;
}

/**
 * "Showing 21–40 of 57" and, when there is more than one page, previous / page n of m / next (links keep the
 * period and the other lists' pages). At the bottom of a list only when there is more than one page.
 */
function pager<T>(list: PagedList, page: ListPage<T>, model: ContentPageModel, t: TFunction, where: 'top' | 'bottom' = 'top'): Html | string {
  if (where === 'bottom' && page.pages === 1) return '';
  const heading = t(`contentConsole:view.lists.${list}`);
  const link = (to: number, rel: 'prev' | 'next') =>
    html`<a class="${rel}" rel="${rel}" href="${viewHref(model.lang, model.view, { [list]: to }, list)}">${t(`contentConsole:view.${rel}`)}</a>`;
  const label = t(where === 'top' ? 'contentConsole:view.pagerLabel' : 'contentConsole:view.pagerLabelEnd', { list: heading });
  return html`<nav class="pager pager-${where}" aria-label="${label}">
<p class="showing">${t('contentConsole:view.showing', { first: page.first, last: page.last, total: page.total })}</p>${
    page.pages > 1
      ? html`
<p class="pages">${page.page > 1 ? link(page.page - 1, 'prev') : ''} <span class="page-of">${t('contentConsole:view.pageOf', { page: page.page, pages: page.pages })}</span> ${page.page < page.pages ? link(page.page + 1, 'next') : ''}</p>`
      : ''
  }
</nav>`;
}

function langName(lang: UiLang, t: TFunction): string {
  return t(`contentConsole:langName.${lang}`);
}

/** A door by the name the rest of the product uses for it (notifications:door.*), the terminal by its own. */
function doorName(door: string, t: TFunction): string {
  return door === 'terminal' ? t('contentConsole:terminalDoor') : t(`notifications:door.${door}`, { defaultValue: door });
}

/** A score as the page's language writes decimals ("11,44" in sv and fi). */
function scoreText(score: number, lang: UiLang): string {
  return numberFormat(lang, { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(score);
}

function meta(g: { count: number; lang: UiLang; lastSeen: Date }, model: ContentPageModel, t: TFunction, doors: string[] = []): Html {
  return html`<p class="meta">${t('contentConsole:question.meta', { count: g.count, language: langName(g.lang, t), last: formatLocalDateTime(g.lastSeen, model.timeZone) })}${
    doors.length > 0 ? html` · ${t('contentConsole:question.doors', { doors: doors.map((d) => doorName(d, t)).join(', ') })}` : ''
  }</p>`;
}

function variants(list: string[], lang: UiLang, t: TFunction): Html | string {
  if (list.length === 0) return '';
  return html`<p class="variants">${t('contentConsole:question.variants')} ${list.map((v, i) => html`${i > 0 ? ' · ' : ''}<q lang="${lang}">${v}</q>`)}</p>`;
}

/** The hidden fields every teaching form carries: the token, the question and its language. */
function teachingFields(model: ContentPageModel, question: string, qlang: UiLang): Html {
  return html`<input type="hidden" name="${FORM_TOKEN_FIELD}" value="${model.token}"><input type="hidden" name="question" value="${question}"><input type="hidden" name="qlang" value="${qlang}">`;
}

/** A form's address carries the view it was sent from, so the answer comes back to the same period and pages. */
function teachAction(model: ContentPageModel): string {
  return `${WEB_PATHS.content}${CONTENT.teach}?${viewQuery(model.lang, model.view)}`;
}

function citation(passage: Passage, t: TFunction): string {
  const { source } = passage;
  return source.section === source.title
    ? t('guidelines:sourceNoSection', { organisation: source.organisation, title: source.title })
    : t('guidelines:source', { organisation: source.organisation, title: source.title, section: source.section });
}

/** A passage as it would be quoted: verbatim text, its source and id. */
function passageFigure(passage: Passage, t: TFunction, extra: Html | string = ''): Html {
  return html`<figure class="quote">
<blockquote lang="${passage.source.lang}">${paragraphs(passage.text)}</blockquote>
<figcaption><span class="source">— ${citation(passage, t)}</span> <span class="passage-id">${passage.id}</span>${extra}</figcaption>
</figure>`;
}

/** The teachings in effect for a group's wordings (compared as normalised text). */
function taughtFor(g: { text: string; variants: string[] }, model: ContentPageModel): number[] {
  const wordings = new Set([g.text, ...g.variants].map(normaliseQuestion));
  return model.learned.filter((item) => !item.undoneAt && wordings.has(normaliseQuestion(item.text))).map((item) => item.id);
}

function taughtNote(g: { text: string; variants: string[] }, model: ContentPageModel, t: TFunction): Html | string {
  const ids = taughtFor(g, model);
  return ids.length === 0 ? '' : html`<p class="taught">${t('contentConsole:question.taught', { ids: ids.join(', ') })}</p>`;
}

function questionCard(g: ReviewGroup, id: string, model: ContentPageModel, t: TFunction): Html {
  const headingId = `${id}-heading`;
  return html`<article class="question" id="${id}" aria-labelledby="${headingId}" data-count="${g.count}">
<h3 id="${headingId}"><q lang="${g.lang}">${g.text}</q></h3>
${meta(g, model, t, g.doors)}
${variants(g.variants, g.lang, t)}
${taughtNote(g, model, t)}
<h4>${t('contentConsole:candidates.heading')}</h4>
${
  g.closest.length === 0
    ? html`<p class="empty">${t('contentConsole:candidates.none')}</p>`
    : html`<ol class="candidates">${g.closest.map((c, i) => candidate(g, c.passageId, c.score, `${id}-c${i + 1}`, model, t))}</ol>`
}
${otherActions(g.text, g.lang, id, model, t)}
</article>`;
}

function candidate(g: ReviewGroup, passageId: string, score: number, id: string, model: ContentPageModel, t: TFunction): Html {
  const passage = model.passage(passageId);
  if (!passage) return html`<li class="candidate gone"><p>${t('contentConsole:candidates.gone', { passage: passageId })}</p></li>`;
  return html`<li class="candidate" id="${id}">
${passageFigure(passage, t, html` <span class="score">${t('contentConsole:candidates.score', { score: scoreText(score, model.lang) })}</span>`)}
<form method="post" action="${teachAction(model)}">${teachingFields(model, g.text, g.lang)}<input type="hidden" name="action" value="${TEACH_ACTIONS.passage}"><input type="hidden" name="passage" value="${passage.id}">
<button type="submit" class="teach" aria-describedby="${id}">${t('contentConsole:actions.teach')}</button></form>
</li>`;
}

/** Another passage by its id, "outside the guidelines", and "who to ask". */
function otherActions(question: string, qlang: UiLang, id: string, model: ContentPageModel, t: TFunction): Html {
  return html`<div class="other-actions">
<form method="post" action="${teachAction(model)}" class="inline">${teachingFields(model, question, qlang)}<input type="hidden" name="action" value="${TEACH_ACTIONS.passage}">
<label for="${id}-passage">${t('contentConsole:actions.otherPassage')}</label>
<input id="${id}-passage" name="passage" type="text" required maxlength="200" aria-describedby="${id}-passage-hint"><button type="submit">${t('contentConsole:actions.teachOther')}</button>
<p id="${id}-passage-hint" class="hint">${t('contentConsole:actions.otherPassageHint')}</p></form>
<form method="post" action="${teachAction(model)}" class="inline">${teachingFields(model, question, qlang)}<input type="hidden" name="action" value="${TEACH_ACTIONS.outOfScope}">
<button type="submit" class="out-of-scope" aria-describedby="${id}-scope-hint">${t('contentConsole:actions.outOfScope')}</button>
<p id="${id}-scope-hint" class="hint">${t('contentConsole:actions.outOfScopeHint')}</p></form>
<form method="post" action="${teachAction(model)}" class="inline">${teachingFields(model, question, qlang)}<input type="hidden" name="action" value="${TEACH_ACTIONS.contact}">
<label for="${id}-contact">${t('contentConsole:actions.contact')}</label>
<input id="${id}-contact" name="contact" type="text" required maxlength="300" aria-describedby="${id}-contact-hint"><button type="submit">${t('contentConsole:actions.saveContact')}</button>
<p id="${id}-contact-hint" class="hint">${t('contentConsole:actions.contactHint')}</p></form>
</div>`;
}

function unhelpfulCard(g: UnhelpfulGroup, id: string, model: ContentPageModel, t: TFunction): Html {
  const headingId = `${id}-heading`;
  const shown = g.passageId ? model.passage(g.passageId) : undefined;
  return html`<article class="question unhelpful" id="${id}" aria-labelledby="${headingId}" data-count="${g.count}">
<h3 id="${headingId}"><q lang="${g.lang}">${g.text}</q></h3>
${meta(g, model, t)}
${variants(g.variants, g.lang, t)}
${taughtNote(g, model, t)}
<h4>${t('contentConsole:unhelpful.shown')}</h4>
${shown ? passageFigure(shown, t) : html`<p class="empty">${t('contentConsole:candidates.gone', { passage: g.passageId ?? '—' })}</p>`}
${otherActions(g.text, g.lang, id, model, t)}
</article>`;
}

function describe(item: LearnedItem, t: TFunction): string {
  if (item.kind === 'example_question') return t('content:what.example', { text: item.text, passage: item.passageId });
  if (item.kind === 'contact') return t('content:what.contact', { text: item.text, contact: item.contact });
  return t('content:what.outOfScope', { words: item.words.join(', ') });
}

function learnedSection(model: ContentPageModel, t: TFunction): Html {
  const learned = pageOf([...model.learned].reverse(), model.view.pages.learned, CONTENT_PAGE_SIZE);
  const items = learned.items;
  const when = (d: Date) => formatLocalDateTime(d, model.timeZone);
  return html`<section id="learned" aria-labelledby="learned-heading">
<h2 id="learned-heading">${t('contentConsole:learned.heading')}</h2>
<p class="hint">${t('contentConsole:learned.hint')}</p>
${
  items.length === 0
    ? html`<p class="empty">${t('contentConsole:learned.none')}</p>`
    : html`${pager('learned', learned, model, t)}<table class="learned">
<thead><tr><th scope="col">${t('contentConsole:learned.number')}</th><th scope="col">${t('contentConsole:learned.what')}</th><th scope="col">${t('contentConsole:learned.by')}</th><th scope="col">${t('contentConsole:learned.when')}</th><th scope="col">${t('contentConsole:learned.state')}</th><th scope="col">${t('contentConsole:learned.actions')}</th></tr></thead>
<tbody>${items.map(
        (item) => html`<tr data-learned="${item.id}"${item.undoneAt ? html` class="undone"` : ''}><td>${item.id}</td><td>${describe(item, t)}</td><td>${model.teacher(item.taughtBy)}</td><td>${when(item.taughtAt)}</td><td>${
          item.undoneAt ? t('contentConsole:learned.undoneAt', { at: when(item.undoneAt) }) : t('contentConsole:learned.inEffect')
        }</td><td>${
          item.undoneAt
            ? ''
            : html`<form method="post" action="${WEB_PATHS.content}${CONTENT.undo}?${viewQuery(model.lang, model.view)}"><input type="hidden" name="${FORM_TOKEN_FIELD}" value="${model.token}"><input type="hidden" name="id" value="${item.id}"><button type="submit" class="undo" aria-label="${t('contentConsole:learned.undoLabel', { id: item.id })}">${t('contentConsole:learned.undo')}</button></form>`
        }</td></tr>`,
      )}</tbody>
</table>${pager('learned', learned, model, t, 'bottom')}`
}
</section>`;
}
