/** The report dialog: a pure state machine plus what adapters need to render and persist it. */
export { step } from './dialog';
export { buildDialogContext } from './context';
export { describeReportForm, reportFormTexts, validateReportForm, FORM_FIELD, type FormField, type FormFieldId, type FormResult } from './form';
export { formatReceipt, type Receipt } from './receipt';
export { formatPreview } from './preview';
export { parseOccurredOn, todayIn } from './dates';
export { parseEvidenceText } from './evidence';
export { STEP, STEP_IDS, CHOICE, isStepId, type StepId } from './steps';
export { DANGER_CATEGORIES, SUBJECT_CATEGORIES } from './flow';
export { renderPlainText } from './plainText';
export * from './types';
