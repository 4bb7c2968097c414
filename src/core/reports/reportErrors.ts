import type { UiLang } from '../language/lang';
import { translator } from '../i18n';
import { RoutingErrorCode, isRoutingError } from './routing';

/** Errors of the report service. Each has a translated sentence: notifications:errors.<code>. */
export enum ReportErrorCode {
  InvalidDraft = 'report_invalid_draft',
  ReporterUnknown = 'report_reporter_unknown',
  RecipientUnknown = 'report_recipient_unknown',
  AlternateNotAllowed = 'report_alternate_not_allowed',
  NoRecipients = 'report_no_recipients',
  InvalidReference = 'report_invalid_reference',
  NotFound = 'report_not_found',
  AccessDenied = 'report_access_denied',
  ActorUnknown = 'report_actor_unknown',
  NotAllowedNow = 'report_not_allowed_now',
  InvalidOutcome = 'report_invalid_outcome',
  /** The store failed while saving a new report: nothing was saved or sent; the dialog keeps its answers. */
  SaveFailed = 'report_save_failed',
  /** The store failed during another step; nothing changed. */
  Unavailable = 'report_unavailable',
}

/** Values interpolated into the translated sentence (never report text). */
export type ReportErrorParams = Record<string, string | number>;

export class ReportError extends Error {
  override readonly name = 'ReportError';
  constructor(
    readonly code: ReportErrorCode,
    readonly params: ReportErrorParams = {},
  ) {
    super(`${code}${Object.keys(params).length ? ` ${JSON.stringify(params)}` : ''}`);
  }
}

export function isReportError(value: unknown): value is ReportError {
  return value instanceof ReportError;
}

const FROM_ROUTING: Record<RoutingErrorCode, ReportErrorCode> = {
  [RoutingErrorCode.ReporterUnknown]: ReportErrorCode.ReporterUnknown,
  [RoutingErrorCode.RecipientUnknown]: ReportErrorCode.RecipientUnknown,
  [RoutingErrorCode.AlternateNotAllowed]: ReportErrorCode.AlternateNotAllowed,
};

/** A RoutingError as the ReportError a person sees; other errors unchanged. */
export function fromRoutingError(err: unknown): unknown {
  return isRoutingError(err) ? new ReportError(FROM_ROUTING[err.code]) : err;
}

/** The translated sentence for a ReportError. */
export function reportErrorMessage(err: ReportError, lang: UiLang): string {
  return translator(lang)(`notifications:errors.${err.code}`, err.params);
}
