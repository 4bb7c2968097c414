import { translator } from '../../i18n';
import type { UiLang } from '../../language/lang';
import type { ReportCategory } from '../categories';
import { reportDraftSchema, type ReportDraft } from '../report';
import { toChoices } from './answers';
import { parseOccurredOn, periodFields } from './dates';
import { parseEvidenceText } from './evidence';
import { accountKindOptions, alternateOptions, categoryOptions, effectiveManagerId, managerOptions, platformOptions } from './flow';
import type { Choice, DialogContext, FieldError } from './types';

/** Field ids of the report form: the top-level keys of ReportDraft, declared once. */
export const FORM_FIELD = {
  category: 'category',
  platform: 'platform',
  platformOther: 'platformOther',
  accountKind: 'accountKind',
  description: 'description',
  occurredOn: 'occurredOn',
  evidence: 'evidence',
  immediateDanger: 'immediateDanger',
  subjectIsManager: 'subjectIsManager',
  alternateRecipientId: 'alternateRecipientId',
  managerId: 'managerId',
} as const satisfies { [K in Exclude<keyof ReportDraft, PeriodField>]-?: K };
/** Set from what the date field says (a period), never given as fields of their own. */
type PeriodField = 'occurredUntil' | 'ongoing';
export type FormFieldId = (typeof FORM_FIELD)[keyof typeof FORM_FIELD];

/**
 * How renderers (Slack modal, Adaptive Card, web form) draw one field:
 * - choice: one of `choices` (value = choice id); text / textarea: a string; date: YYYY-MM-DD;
 * - boolean: true/false (a checkbox); evidence: a textarea whose text is sent as a string, one item per line
 *   (the form accepts that string or an Evidence object).
 * `when` shows and requires the field only while another field has the given value.
 */
export interface FormField {
  id: FormFieldId;
  type: 'choice' | 'text' | 'textarea' | 'date' | 'boolean' | 'evidence';
  label: string;
  required: boolean;
  choices?: Choice[];
  maxLength?: number;
  hint?: string;
  initial?: string | boolean;
  when?: { field: FormFieldId; equals: string | boolean };
}

/**
 * The report form for this reporter, in ctx.lang. Asks for a manager only when the directory has none, and
 * offers as alternate recipients the manager's manager and HR. `category` pre-selects the detected category.
 */
export function describeReportForm(ctx: DialogContext, category?: ReportCategory): FormField[] {
  const t = translator(ctx.lang);
  const label = (id: FormFieldId) => t(`reports:label.${id}`);
  const fields: FormField[] = [
    { id: FORM_FIELD.category, type: 'choice', label: label('category'), required: true, choices: toChoices(categoryOptions(t)), ...(category ? { initial: category } : {}) },
    { id: FORM_FIELD.immediateDanger, type: 'boolean', label: label('immediateDanger'), required: true, initial: false, hint: t('reports:emergency') },
    { id: FORM_FIELD.platform, type: 'choice', label: label('platform'), required: true, choices: toChoices(platformOptions(t)) },
    { id: FORM_FIELD.platformOther, type: 'text', label: label('platformOther'), required: true, maxLength: 100, when: { field: FORM_FIELD.platform, equals: 'other' } },
    { id: FORM_FIELD.accountKind, type: 'choice', label: label('accountKind'), required: true, choices: toChoices(accountKindOptions(t)) },
    { id: FORM_FIELD.description, type: 'textarea', label: label('description'), required: true, maxLength: 5000 },
    { id: FORM_FIELD.occurredOn, type: 'date', label: label('occurredOn'), required: true, initial: ctx.today },
    { id: FORM_FIELD.evidence, type: 'evidence', label: label('evidence'), required: false, hint: t('reports:guidance.evidence') },
  ];
  if (!ctx.manager && ctx.managerCandidates().length > 0) {
    fields.push({ id: FORM_FIELD.managerId, type: 'choice', label: label('managerId'), required: true, choices: toChoices(managerOptions(ctx, t)) });
  }
  fields.push(
    { id: FORM_FIELD.subjectIsManager, type: 'boolean', label: label('subjectIsManager'), required: true, initial: false },
    {
      id: FORM_FIELD.alternateRecipientId,
      type: 'choice',
      label: label('alternateRecipientId'),
      required: true,
      choices: toChoices(alternateOptions({}, ctx, t)),
      when: { field: FORM_FIELD.subjectIsManager, equals: true },
    },
  );
  return fields;
}

/** The form's title and the label of its submit button, in the reporter's language. */
export function reportFormTexts(lang: UiLang): { title: string; submit: string } {
  const t = translator(lang);
  return { title: t('reports:form.title'), submit: t('reports:form.submit') };
}

export type FormResult = { ok: true; draft: ReportDraft } | { ok: false; errors: FieldError[] };

const BOOLEAN_WORDS: Record<string, boolean> = { true: true, false: false, yes: true, no: false, on: true, off: false };

/** Loosens what renderers send into the schema's shape: '' and null mean "not given", evidence may be text. */
function prepare(values: Record<string, unknown>, ctx: DialogContext): { input: Record<string, unknown>; futureDate: boolean } {
  const input: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(values)) {
    if (value === null || value === '') continue;
    input[key] = value;
  }
  if (input.evidence === undefined) input.evidence = { links: [], quotes: [], files: [] };
  else if (typeof input.evidence === 'string') input.evidence = parseEvidenceText(input.evidence);
  for (const key of [FORM_FIELD.immediateDanger, FORM_FIELD.subjectIsManager]) {
    const value = input[key];
    if (value === undefined) input[key] = false; // an unticked checkbox sends nothing
    else if (typeof value === 'string' && value.toLowerCase() in BOOLEAN_WORDS) input[key] = BOOLEAN_WORDS[value.toLowerCase()];
  }
  if (input.subjectIsManager === false) delete input.alternateRecipientId;
  if (input.platform !== 'other') delete input.platformOther;
  if (ctx.manager) delete input.managerId;
  let futureDate = false;
  delete input.occurredUntil;
  delete input.ongoing;
  if (typeof input.occurredOn === 'string') {
    const parsed = parseOccurredOn(input.occurredOn, ctx.today);
    if (parsed.ok) Object.assign(input, periodFields(parsed));
    else if (parsed.reason === 'future') futureDate = true;
    else input.occurredOn = `invalid:${input.occurredOn}`;
  }
  return { input, futureDate };
}

/**
 * Validates a whole form with reportDraftSchema plus what only the context knows (the date is not in the
 * future, "other" names the service, the manager and the alternate are among the offered people).
 * Errors are translated, one per field, in form order.
 */
export function validateReportForm(values: unknown, ctx: DialogContext): FormResult {
  const t = translator(ctx.lang);
  if (typeof values !== 'object' || values === null || Array.isArray(values)) {
    return { ok: false, errors: [{ field: FORM_FIELD.category, message: t('reports:error.field.category') }] };
  }
  const { input, futureDate } = prepare(values as Record<string, unknown>, ctx);
  const failed = new Set<FormFieldId>();
  const parsed = reportDraftSchema.safeParse(input);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = issue.path[0];
      if (typeof field === 'string' && field in FORM_FIELD) failed.add(field as FormFieldId);
    }
  }
  if (futureDate) failed.add(FORM_FIELD.occurredOn);
  const draft = parsed.success ? parsed.data : undefined;
  const platform = input.platform;
  if (platform === 'other' && typeof input.platformOther !== 'string') failed.add(FORM_FIELD.platformOther);
  if (!ctx.manager) {
    const candidates = ctx.managerCandidates().map((p) => p.id);
    const given = input.managerId;
    if (candidates.length > 0 && (typeof given !== 'string' || !candidates.includes(given))) failed.add(FORM_FIELD.managerId);
  }
  // The schema's own refinement only runs once the rest is valid; check here too so all errors show at once.
  if (input.subjectIsManager === true && typeof input.alternateRecipientId !== 'string') failed.add(FORM_FIELD.alternateRecipientId);
  if (input.subjectIsManager === true && typeof input.alternateRecipientId === 'string') {
    const managerId = effectiveManagerId({ managerId: typeof input.managerId === 'string' ? input.managerId : undefined }, ctx);
    const allowed = ctx.alternateCandidates(managerId).map((p) => p.id);
    if (!allowed.includes(input.alternateRecipientId)) failed.add(FORM_FIELD.alternateRecipientId);
  }
  if (failed.size > 0 || !draft) {
    const order = Object.values(FORM_FIELD);
    const errors = order
      .filter((field) => failed.has(field))
      .map((field) => ({
        field,
        message: t(field === FORM_FIELD.occurredOn && futureDate ? 'reports:error.field.occurredOnFuture' : `reports:error.field.${field}`),
      }));
    return { ok: false, errors };
  }
  return { ok: true, draft };
}
