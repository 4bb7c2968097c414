import type { UiLang } from '../language/lang';
import { translator } from '../i18n';
import { FORM_FIELD } from './dialog/form';
import { RoutingErrorCode, isRoutingError } from './routing';

/** Errors of the report service. Each has a translated sentence: notifications:errors.<code>. */
export enum ReportErrorCode {
  /** params.field: the top-level field of the draft that failed (a FORM_FIELD id), or '' when none. */
  InvalidDraft = 'report_invalid_draft',
  ReporterUnknown = 'report_reporter_unknown',
  RecipientUnknown = 'report_recipient_unknown',
  AlternateNotAllowed = 'report_alternate_not_allowed',
  /** The reporter named as their manager someone the dialog would not offer (not a manager, or themselves). */
  ManagerNotAllowed = 'report_manager_not_allowed',
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
  [RoutingErrorCode.ManagerNotAllowed]: ReportErrorCode.ManagerNotAllowed,
};

/** A RoutingError as the ReportError a person sees; other errors unchanged. */
export function fromRoutingError(err: unknown): unknown {
  return isRoutingError(err) ? new ReportError(FROM_ROUTING[err.code]) : err;
}

const FIELD_IDS: readonly string[] = Object.values(FORM_FIELD);

/**
 * The translated sentence for a ReportError. An invalid draft names its field by the label the report form
 * shows in the reader's language (never a raw path such as `evidence.links.0`).
 */
export function reportErrorMessage(err: ReportError, lang: UiLang): string {
  const t = translator(lang);
  if (err.code === ReportErrorCode.InvalidDraft) {
    const field = String(err.params.field ?? '');
    if (!FIELD_IDS.includes(field)) return t('notifications:errors.report_invalid_draft_whole');
    return t(`notifications:errors.${err.code}`, { field: t(`reports:label.${field}`) });
  }
  return t(`notifications:errors.${err.code}`, err.params);
}
