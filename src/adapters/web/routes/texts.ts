import type { Router } from 'express';
import { getI18n } from '../../../core/i18n';
import { isUiLang } from '../../../core/language/lang';
import { API } from '../paths';
import type { WebContext } from '../webContext';
import { WebError, WebErrorCode } from '../webErrors';
import { handler } from './handler';

/** GET texts/:lang: the page's own strings (locales/<lang>/web.json) for switching language without a reload. */
export function register(router: Router, ctx: WebContext): void {
  router.get(
    API.texts,
    handler(ctx, async (req, res) => {
      const lang = req.params.lang;
      if (!isUiLang(lang)) throw new WebError(WebErrorCode.BadRequest);
      res.set('Cache-Control', 'no-cache').json({ lang, texts: getI18n().getResourceBundle(lang, 'web') ?? {} });
    }),
  );
}
