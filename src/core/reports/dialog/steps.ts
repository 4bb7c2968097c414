import type { ReportDraft } from '../report';

/**
 * Step ids of the report dialog, declared once. A persisted DialogState names its step by these ids,
 * so renaming one breaks unfinished dialogs saved before the change.
 */
export const STEP = {
  category: 'category',
  immediateDanger: 'immediate_danger',
  platform: 'platform',
  platformOther: 'platform_other',
  accountKind: 'account_kind',
  description: 'description',
  occurredOn: 'occurred_on',
  evidence: 'evidence',
  manager: 'manager',
  subjectIsManager: 'subject_is_manager',
  alternateRecipient: 'alternate_recipient',
  confirm: 'confirm',
} as const;

export type StepId = (typeof STEP)[keyof typeof STEP];

/** Every step in dialog order (a step is skipped when it does not apply, see flow.ts). */
export const STEP_IDS: readonly StepId[] = Object.values(STEP);

export function isStepId(value: unknown): value is StepId {
  return typeof value === 'string' && (STEP_IDS as readonly string[]).includes(value);
}

/** The step that asks for each field of a report (where the dialog goes back to when that field is invalid). */
export const STEP_OF_FIELD: { readonly [K in keyof ReportDraft]-?: StepId } = {
  category: STEP.category,
  immediateDanger: STEP.immediateDanger,
  platform: STEP.platform,
  platformOther: STEP.platformOther,
  accountKind: STEP.accountKind,
  description: STEP.description,
  occurredOn: STEP.occurredOn,
  occurredUntil: STEP.occurredOn,
  ongoing: STEP.occurredOn,
  evidence: STEP.evidence,
  managerId: STEP.manager,
  subjectIsManager: STEP.subjectIsManager,
  alternateRecipientId: STEP.alternateRecipient,
};

/** Choice ids shared by several steps. */
export const CHOICE = {
  yes: 'yes',
  no: 'no',
  confirm: 'confirm',
  cancel: 'cancel',
  noEvidence: 'none',
  today: 'today',
  yesterday: 'yesterday',
} as const;

/** Choice ids of the summary's "change" buttons: `change:<step id>` reopens that step. */
export const CHANGE_PREFIX = 'change:';
export const changeChoiceId = (step: StepId) => `${CHANGE_PREFIX}${step}`;
export function changedStep(choiceId: string): StepId | undefined {
  const step = choiceId.startsWith(CHANGE_PREFIX) ? choiceId.slice(CHANGE_PREFIX.length) : undefined;
  return isStepId(step) ? step : undefined;
}
