import fs from 'node:fs';
import type { Router } from 'express';
import { translator } from '../../../core/i18n';
import { uiLangOf } from '../identity';
import { PAGE_TEMPLATE, WEB_PATHS } from '../paths';
import { escapeHtml } from '../render/html';
import type { WebContext } from '../webContext';

/**
 * GET /: the page, with its texts already in the chosen language (`?lang=`, else the default), so it reads
 * right before its script runs. Placeholders: {{lang}} and {{t:key}} (a key of locales/<lang>/web.json).
 */
export function register(router: Router, ctx: WebContext): void {
  const template = fs.readFileSync(PAGE_TEMPLATE, 'utf8');
  router.get(WEB_PATHS.page, (req, res) => {
    const lang = uiLangOf(req, ctx.bot.config.defaultLang);
    const t = translator(lang);
    const page = template.replace(/\{\{lang\}\}/g, lang).replace(/\{\{t:([\w.]+)\}\}/g, (_m, key: string) => escapeHtml(t(`web:${key}`)));
    res.set('Cache-Control', 'no-store').type('html').send(page);
  });
}
