import { translator } from '../../core/i18n';
import type { UiLang } from '../../core/language/lang';

/** Why the web chat refused a request. Each code has a sentence in locales/<lang>/web.json (`error.<code>`). */
export enum WebErrorCode {
  /** No person chosen (the X-Somebot-Person header or `person` parameter is missing). */
  NoPerson = 'web_no_person',
  /** The chosen id is not in the directory. */
  UnknownPerson = 'web_unknown_person',
  /** The body or a parameter is not what this endpoint takes. */
  BadRequest = 'web_bad_request',
  /** A request from another web site or host name (cross-site request, DNS rebinding). */
  ForeignOrigin = 'web_foreign_origin',
  /** The store or another part of the bot did not answer. */
  Unavailable = 'web_unavailable',
  /** Demo: the request does not carry the demo's token (X-Somebot-Demo-Token). */
  DemoToken = 'web_demo_token',
  /** Demo: the request came through a proxy or from another computer. */
  NotDirect = 'web_not_direct',
  /** Sign-in mode: no valid session (never signed in, signed out, expired). */
  NoSession = 'web_no_session',
  /** Export: only IT security may export. */
  ExportDenied = 'web_export_denied',
}

const STATUS: Record<WebErrorCode, number> = {
  [WebErrorCode.NoPerson]: 401,
  [WebErrorCode.UnknownPerson]: 403,
  [WebErrorCode.BadRequest]: 400,
  [WebErrorCode.ForeignOrigin]: 403,
  [WebErrorCode.Unavailable]: 503,
  [WebErrorCode.DemoToken]: 401,
  [WebErrorCode.NotDirect]: 403,
  [WebErrorCode.NoSession]: 401,
  [WebErrorCode.ExportDenied]: 403,
};

export class WebError extends Error {
  override readonly name = 'WebError';
  constructor(readonly code: WebErrorCode) {
    super(code);
  }

  get status(): number {
    return STATUS[this.code];
  }
}

export function isWebError(value: unknown): value is WebError {
  return value instanceof WebError;
}

/** The sentence a person sees for a web error. */
export function webErrorMessage(err: WebError, lang: UiLang): string {
  return translator(lang)(`web:error.${err.code}`);
}
