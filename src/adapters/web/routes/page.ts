import fs from 'node:fs';
import type { Request, Router } from 'express';
import { translator } from '../../../core/i18n';
import type { Person } from '../../../core/ports';
import { mayOwnContent } from '../../../core/content/contentOwners';
import { uiLangOf } from '../identity';
import { AUTH, PAGE_TEMPLATE, WEB_PATHS } from '../paths';
import { escapeHtml, html, type Html } from '../render/html';
import { noticePage } from '../render/noticePage';
import type { WebContext } from '../webContext';
import { FORM_TOKEN_FIELD } from '../content/formTokens';

/** The sign-out form's token field (the session's form token), as the content page's forms carry theirs. */
function signOutToken(token: string | undefined): Html {
  return token ? html`<input type="hidden" name="${FORM_TOKEN_FIELD}" value="${token}">` : html``;
}

/**
 * GET /: the page, with its texts already in the chosen language (`?lang=`, else the default), so it reads
 * right before its script runs. Placeholders: {{lang}}, {{mode}}, {{who}}, {{note}} and {{t:key}} (a key of
 * locales/<lang>/web.json). The demo shows the person picker; with sign-in the page shows who signed in and
 * a sign-out button, and without a session it is the sign-in notice instead.
 */
export function register(
  router: Router,
  ctx: WebContext,
  signedIn?: (req: Request) => Promise<Person | undefined>,
  formToken?: (req: Request) => string | undefined,
): void {
  const template = fs.readFileSync(PAGE_TEMPLATE, 'utf8');
  router.get(WEB_PATHS.page, async (req, res, next) => {
    try {
      const lang = uiLangOf(req, ctx.bot.config.defaultLang);
      const t = translator(lang);
      let who: Html;
      let note: Html;
      if (signedIn) {
        const person = await signedIn(req);
        if (!person) {
          res.status(200).set('Cache-Control', 'no-store').type('html').send(noticePage('signIn', lang, { href: `${WEB_PATHS.auth}${AUTH.login}`, label: 'signIn' }));
          return;
        }
        who = html`<div class="who signed-in"><p id="signed-in-as">${t('web:console.signedInAs', { name: person.name })}</p>
<p id="person-roles" class="hint"></p>
${mayOwnContent(person, ctx.identity.isAdmin(person.id)) ? html`<p><a id="content-link" href="${WEB_PATHS.content}?lang=${lang}">${t('contentConsole:link')}</a></p>` : ''}
<form method="post" action="${WEB_PATHS.auth}${AUTH.logout}"><input type="hidden" name="lang" value="${lang}" data-page-lang>${signOutToken(formToken?.(req))}<button type="submit" data-i18n="console.signOut">${t('web:console.signOut')}</button></form></div>`;
        note = html`<p class="demo-note" data-i18n="console.signInNote">${t('web:console.signInNote')}</p>`;
      } else {
        who = html`<div class="who"><label for="person" data-i18n="person.label">${t('web:person.label')}</label>
<select id="person" aria-describedby="person-roles"></select>
<p id="person-roles" class="hint"></p></div>`;
        note = html`<p class="demo-note" data-i18n="page.demoNote">${t('web:page.demoNote')}</p>`;
      }
      const page = template
        .replace(/\{\{lang\}\}/g, lang)
        .replace('{{mode}}', signedIn ? 'signin' : 'demo')
        .replace('{{who}}', who.value)
        .replace('{{note}}', note.value)
        .replace(/\{\{t:([\w.]+)\}\}/g, (_m, key: string) => escapeHtml(t(`web:${key}`)));
      res.set('Cache-Control', 'no-store').type('html').send(page);
    } catch (err) {
      next(err);
    }
  });
}
