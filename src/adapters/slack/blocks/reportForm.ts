import type { Checkboxes, InputBlock, KnownBlock, ModalView, PlainTextOption } from '../slackTypes';
import { translator } from '../../../core/i18n';
import type { UiLang } from '../../../core/language/lang';
import { FORM_FIELD, reportFormTexts, type FormField } from '../../../core/reports/dialog';
import type { DialogContext } from '../../../core/reports/dialog';
import { VIEW } from '../ids';
import { modal } from './modal';
import { escapeMrkdwn, LIMIT, mrkdwn, plain, truncate } from './text';

/** What the report form carries to its submission (no report text: Slack keeps the field values). */
export interface ReportFormMetadata {
  lang: UiLang;
}

const CHECKED = 'true';

/**
 * The form-mode dialog as a modal: one input block per field of describeReportForm(), with block_id and
 * action_id = the field id. The manager is a users_select pre-filled from the directory (or empty when the
 * directory has none, so the reporter picks one). Fields shown only under a condition (`when`) are optional
 * here, with a hint; the core's validation requires them when the condition holds. `evidence` pre-fills the
 * evidence field (the message shortcut passes the message's permalink and text).
 */
export function reportFormView(input: { fields: FormField[]; ctx: DialogContext; evidence?: string }): ModalView {
  const { fields, ctx } = input;
  const t = translator(ctx.lang);
  const texts = reportFormTexts(ctx.lang);
  const blocks: KnownBlock[] = [];
  for (const field of fields) {
    if (field.id === FORM_FIELD.managerId) continue; // the users_select below takes its place
    // Slack refuses a select without options (e.g. nobody to receive a report about one's manager); the
    // core's error for that field then shows on the first block.
    if (field.type === 'choice' && (field.choices ?? []).length === 0) continue;
    blocks.push(inputFor(field, ctx.lang, field.id === FORM_FIELD.evidence ? input.evidence : undefined));
    if (field.id === FORM_FIELD.evidence) blocks.push(...managerBlocks(fields, ctx));
  }
  const metadata: ReportFormMetadata = { lang: ctx.lang };
  return modal({
    callbackId: VIEW.reportForm,
    title: texts.title,
    submit: texts.submit,
    close: t('slack:form.cancel'),
    blocks,
    privateMetadata: JSON.stringify(metadata),
  });
}

/**
 * The manager: a users_select pre-filled with the directory's manager; empty (and required) when the
 * directory names none; a plain line when the directory's manager has no Slack account to select.
 */
function managerBlocks(fields: FormField[], ctx: DialogContext): KnownBlock[] {
  const t = translator(ctx.lang);
  const asked = fields.find((f) => f.id === FORM_FIELD.managerId);
  const managerSlackId = ctx.manager?.identities.slack;
  if (ctx.manager && !managerSlackId) {
    return [{ type: 'context', elements: [mrkdwn(escapeMrkdwn(t('slack:form.managerFromDirectory', { name: ctx.manager.name })))] }];
  }
  if (!ctx.manager && !asked) return [];
  const block: InputBlock = {
    type: 'input',
    block_id: FORM_FIELD.managerId,
    label: plain(asked?.label ?? t('reports:label.managerId'), 2000),
    optional: false,
    element: {
      type: 'users_select',
      action_id: FORM_FIELD.managerId,
      ...(managerSlackId ? { initial_user: managerSlackId } : {}),
    },
    hint: plain(ctx.manager ? t('slack:form.managerHint', { name: ctx.manager.name }) : t('slack:form.managerMissingHint'), 2000),
  };
  return [block];
}

function inputFor(field: FormField, lang: UiLang, evidence: string | undefined): InputBlock {
  const t = translator(lang);
  const conditional = field.when !== undefined;
  const hint = conditional ? t(`slack:form.when.${field.id}`) : field.hint;
  const base = {
    type: 'input' as const,
    block_id: field.id,
    label: plain(field.type === 'boolean' ? t(`slack:form.heading.${field.id}`) : field.label, 2000),
    // A checkbox left empty means "no"; a conditional field is required by the core only when it applies.
    optional: field.type === 'boolean' || conditional || !field.required,
    ...(hint ? { hint: plain(hint, 2000) } : {}),
  };
  const maxLength = Math.min(field.maxLength ?? LIMIT.inputMaxLength, LIMIT.inputMaxLength);
  switch (field.type) {
    case 'choice': {
      const options: PlainTextOption[] = (field.choices ?? []).map((c) => ({ text: plain(c.label, LIMIT.optionText), value: c.id }));
      const initial = options.find((o) => o.value === field.initial);
      return { ...base, element: { type: 'static_select', action_id: field.id, options, ...(initial ? { initial_option: initial } : {}) } };
    }
    case 'boolean': {
      const option: PlainTextOption = { text: plain(field.label, LIMIT.optionText), value: CHECKED };
      const element: Checkboxes = { type: 'checkboxes', action_id: field.id, options: [option], ...(field.initial === true ? { initial_options: [option] } : {}) };
      return { ...base, element };
    }
    case 'date':
      return { ...base, element: { type: 'datepicker', action_id: field.id, ...(typeof field.initial === 'string' ? { initial_date: field.initial } : {}) } };
    case 'text':
    case 'textarea':
    case 'evidence':
      return {
        ...base,
        element: {
          type: 'plain_text_input',
          action_id: field.id,
          multiline: field.type !== 'text',
          max_length: maxLength,
          ...(evidence ? { initial_value: truncate(evidence, maxLength) } : {}),
        },
      };
  }
}
