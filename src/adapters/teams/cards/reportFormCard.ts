import type { Activity } from 'botbuilder';
import { translator } from '../../../core/i18n';
import type { UiLang } from '../../../core/language/lang';
import type { FieldError, FormField } from '../../../core/reports/dialog';
import { adaptiveCard, cardMessage, submitAction, textBlock, type CardElement } from './adaptiveCard';
import { CARD_ACTION } from './cardActions';

/** Values of a submitted form as Teams sends them: every input as a string. */
export type SubmittedValues = Record<string, unknown>;

function valueOf(field: FormField, values: SubmittedValues | undefined): string | undefined {
  const given = values?.[field.id];
  if (typeof given === 'string') return given;
  if (typeof given === 'boolean') return String(given);
  if (field.initial === undefined) return undefined;
  return typeof field.initial === 'boolean' ? String(field.initial) : field.initial;
}

/** "Only if “Where did it happen?” is “Other”." for a field shown only while another field has a value. */
function conditionNote(field: FormField, fields: FormField[], lang: UiLang): string | undefined {
  if (!field.when) return undefined;
  const t = translator(lang);
  const other = fields.find((f) => f.id === field.when!.field);
  if (!other) return undefined;
  const equals = field.when.equals;
  const value =
    typeof equals === 'boolean' ? t(equals ? 'teams:form.yes' : 'teams:form.no') : (other.choices?.find((c) => c.id === equals)?.label ?? equals);
  return t('teams:form.onlyWhen', { field: other.label, value });
}

function input(field: FormField, value: string | undefined, lang: UiLang): CardElement {
  const t = translator(lang);
  // Conditional fields cannot be required in the card (Adaptive Cards has no "required when"): the core checks them.
  const required = field.required && !field.when;
  const common = {
    id: field.id,
    label: field.label,
    isRequired: required,
    ...(required ? { errorMessage: t('teams:form.required') } : {}),
    ...(value !== undefined ? { value } : {}),
  };
  switch (field.type) {
    case 'choice':
      return { type: 'Input.ChoiceSet', style: 'compact', ...common, choices: (field.choices ?? []).map((c) => ({ title: c.label, value: c.id })) };
    case 'boolean':
      return { type: 'Input.Toggle', id: field.id, title: field.label, valueOn: 'true', valueOff: 'false', value: value ?? 'false' };
    case 'date':
      return { type: 'Input.Date', ...common };
    case 'text':
      return { type: 'Input.Text', ...common, ...(field.maxLength ? { maxLength: field.maxLength } : {}) };
    case 'textarea':
    case 'evidence':
      return { type: 'Input.Text', isMultiline: true, ...common, ...(field.maxLength ? { maxLength: field.maxLength } : {}) };
  }
}

/**
 * The report form (form mode of the dialog) as an Adaptive Card: one input per field the core describes,
 * with its hint, a note on conditional fields, and, after a rejected submit, the values as sent and each
 * field's translated error under it.
 */
export function reportFormCard(
  fields: FormField[],
  lang: UiLang,
  texts: { title: string; submit: string },
  options: { values?: SubmittedValues; errors?: FieldError[] } = {},
): Partial<Activity> {
  const t = translator(lang);
  const body: CardElement[] = [textBlock(texts.title, { weight: 'bolder', size: 'medium' })];
  if (options.errors && options.errors.length > 0) body.push(textBlock(t('reports:error.form'), { color: 'attention' }));
  for (const field of fields) {
    body.push(input(field, valueOf(field, options.values), lang));
    const note = conditionNote(field, fields, lang);
    if (note) body.push(textBlock(note, { subtle: true, size: 'small', spacing: 'none' }));
    if (field.hint) body.push(textBlock(field.hint, { subtle: true, size: 'small', spacing: 'none' }));
    const error = options.errors?.find((e) => e.field === field.id);
    if (error) body.push(textBlock(error.message, { color: 'attention', size: 'small', spacing: 'none' }));
  }
  const actions = [submitAction(texts.submit, { action: CARD_ACTION.submitForm, lang }, { validateInputs: true, style: 'positive' })];
  return cardMessage(adaptiveCard(body, actions), texts.title);
}
