import fs from 'node:fs';
import { translator } from '../../../core/i18n';
import type { UiLang } from '../../../core/language/lang';
import { NOTICE_TEMPLATE } from '../paths';
import { escapeHtml } from './html';
import { FORM_TOKEN_FIELD } from '../content/formTokens';

/** The notices of the console's sign-in and sign-out. */
export type NoticeKind = 'signIn' | 'signedOut' | 'refused' | 'failed' | 'unavailable' | 'signOut' | 'signedOutViaProvider' | 'signedOutHere' | 'signOutRefused';

/** Title and text keys of each notice (the sign-out ones in their own namespace, signOut). */
const NOTICE_TEXTS: Record<NoticeKind, { title: string; text: string }> = {
  signIn: { title: 'console:notice.signInTitle', text: 'console:notice.signInText' },
  signedOut: { title: 'console:notice.signedOutTitle', text: 'console:notice.signedOutText' },
  refused: { title: 'console:notice.refusedTitle', text: 'console:notice.refusedText' },
  failed: { title: 'console:notice.failedTitle', text: 'console:notice.failedText' },
  unavailable: { title: 'console:notice.unavailableTitle', text: 'console:notice.unavailableText' },
  /** Asks before signing out (a GET of the sign-out address never signs out by itself). */
  signOut: { title: 'signOut:notice.confirmTitle', text: 'signOut:notice.confirmText' },
  /**
   * Back from the provider's end-session endpoint with the state this sign-out sent. The provider sends it back
   * alike whether the person signed out there or chose to stay signed in (oidc-provider's "No, stay signed in"),
   * so the text claims only the console's sign-out and says what staying signed in there means.
   */
  signedOutViaProvider: { title: 'console:notice.signedOutTitle', text: 'signOut:notice.viaProviderText' },
  /** Signed out here only: the provider's session may still be open. */
  signedOutHere: { title: 'console:notice.signedOutTitle', text: 'signOut:notice.hereText' },
  /** A sign-out form without this session's token (an old page, another site): nothing changed; ask again. */
  signOutRefused: { title: 'signOut:notice.confirmTitle', text: 'signOut:notice.tokenText' },
};

/** Where the notice leads: a link, or a button that posts a form (with the session's form token) to this page's own server. */
export type NoticeAction = { href: string; label: 'signIn' | 'again' } | { post: string; label: 'signOut'; token?: string };

const LABELS = { signIn: 'console:notice.signIn', again: 'console:notice.again', signOut: 'signOut:notice.confirmButton' } as const;

let template: string | undefined;

/**
 * A small page of its own (sign in, signed out, not in the directory, sign-in failed, sign out?), in the
 * page's language, with one link or button onwards. Every value is escaped; the page runs no script.
 */
export function noticePage(kind: NoticeKind, lang: UiLang, action: NoticeAction): string {
  template ??= fs.readFileSync(NOTICE_TEMPLATE, 'utf8');
  const t = translator(lang);
  const label = escapeHtml(t(LABELS[action.label]));
  const onwards =
    'post' in action
      ? `<form method="post" action="${escapeHtml(action.post)}"><input type="hidden" name="lang" value="${escapeHtml(lang)}">${action.token ? `<input type="hidden" name="${FORM_TOKEN_FIELD}" value="${escapeHtml(action.token)}">` : ''}<button class="button primary" type="submit">${label}</button></form>`
      : `<p><a class="button primary" href="${escapeHtml(action.href)}">${label}</a></p>`;
  const values: Record<string, string> = {
    lang: escapeHtml(lang),
    title: escapeHtml(t(NOTICE_TEXTS[kind].title)),
    text: escapeHtml(t(NOTICE_TEXTS[kind].text)),
    onwards,
    langLabel: escapeHtml(t('web:lang.label')),
  };
  return template.replace(/\{\{(\w+)\}\}/g, (_m, name: string) => values[name] ?? '');
}
