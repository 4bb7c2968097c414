import fs from 'node:fs';
import { translator } from '../../../core/i18n';
import type { UiLang } from '../../../core/language/lang';
import { NOTICE_TEMPLATE } from '../paths';
import { escapeHtml } from './html';

/** The notices of the console's sign-in, each a key of `console:notice.<kind>Title` / `<kind>Text`. */
export type NoticeKind = 'signIn' | 'signedOut' | 'refused' | 'failed' | 'unavailable';

let template: string | undefined;

/**
 * A small page of its own (sign in, signed out, not in the directory, sign-in failed), in the page's
 * language, with one link onwards. Every value is escaped; the page runs no script.
 */
export function noticePage(kind: NoticeKind, lang: UiLang, link: { href: string; label: 'signIn' | 'again' }): string {
  template ??= fs.readFileSync(NOTICE_TEMPLATE, 'utf8');
  const t = translator(lang);
  const values: Record<string, string> = {
    lang,
    title: t(`console:notice.${kind}Title`),
    text: t(`console:notice.${kind}Text`),
    href: link.href,
    link: t(`console:notice.${link.label}`),
    langLabel: t('web:lang.label'),
  };
  return template.replace(/\{\{(\w+)\}\}/g, (_m, name: string) => escapeHtml(values[name] ?? ''));
}
