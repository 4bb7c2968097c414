import { z } from 'zod';
import { translator } from '../../i18n';
import type { TFunction } from 'i18next';
import { isReportCategory, type ReportCategory } from '../categories';
import { reportDraftSchema, MAX_EVIDENCE_ITEMS, type ReportDraft } from '../report';
import { isCancelText, matchOption, NONE_WORDS, normalizeAnswer, otherServiceNamed, serviceNamedIn, toChoices, type Option } from './answers';
import { parseOccurredOn, periodFields, previousDay } from './dates';
import { evidenceTooLong, parseEvidenceText, tooMuchEvidence } from './evidence';
import { categoryDefaults, nextStep, optionsFor } from './flow';
import { validateReportForm } from './form';
import { formatPreview } from './preview';
import { changedStep, CHOICE, STEP, STEP_IDS, STEP_OF_FIELD, type StepId } from './steps';
import { changeRequest, isBareChangeWord, summaryItems } from './summary';
import {
  REPLY_KIND,
  type BotReply,
  type DialogContext,
  type DialogEvent,
  type DialogState,
  type DialogStep,
  type PartialDraft,
} from './types';

const MAX_DESCRIPTION = 5000;
const MAX_PLATFORM_OTHER = 100;

/** Shape check for a stored state: a state from an older or broken store does not crash the dialog. */
const storedStateSchema = z.object({
  version: z.literal(1),
  step: z.enum(STEP_IDS as [StepId, ...StepId[]]),
  mode: z.enum(['text', 'form']),
  draft: z.record(z.string(), z.unknown()),
});

/** What one answer does: fills the draft, or explains (already translated) why it cannot. */
type Answer = { ok: true; draft: PartialDraft } | { ok: false; error: string };

/**
 * The report dialog: a pure function of (state, event, context). It never throws on user input, never
 * performs I/O, and returns a state that is plain JSON.
 *
 * - `start` begins a new dialog (replacing any unfinished one); its category is the detected intent, if any.
 * - `text` answers the current question; `choice` picks one of the offered options by id.
 * - `form` validates a complete form (form mode): per-field errors, or the preview.
 * - `cancel`, a cancel word ("avbryt", "peruuta", "cancel") or the choice id "cancel" ends the dialog at any
 *   step with effect 'cancelled'; nothing is submitted.
 * - Bad input returns an error and the same question again; the state does not change.
 * - If someone is in immediate danger, the 112 message is the first reply of that answer.
 * - Confirming returns effect 'submit' with the complete draft and no state; the caller commits it and
 *   shows formatReceipt().
 */
export function step(state: DialogState | undefined, event: DialogEvent, ctx: DialogContext): DialogStep {
  const t = translator(ctx.lang);
  if (event.type === 'start') return start(event.category, event.told, ctx, t);
  if (event.type === 'form') return submitForm(state, event.values, ctx, t);
  if (event.type === 'cancel') return cancel(t);

  if (!state) return { state: undefined, replies: [{ kind: REPLY_KIND.info, text: t('reports:noDialog') }] };
  if (!storedStateSchema.safeParse(state).success) {
    return { state: undefined, replies: [{ kind: REPLY_KIND.error, text: t('reports:resumeFailed') }] };
  }
  if (event.type === 'text' && isCancelText(event.text)) return cancel(t);
  if (event.type === 'choice' && event.id === CHOICE.cancel) return cancel(t);

  if (state.step === STEP.confirm) {
    const change = changeAt(state, event, ctx, t);
    if (change) return change;
  }

  const options = optionsFor(state.step, state.draft, ctx, t);
  let answer: Answer;
  if (event.type === 'choice') {
    const option = options.find((o) => o.id === event.id);
    // A button that is not one of this question's: it belongs to an earlier message still on the screen.
    answer = option ? answerChoice(state.step, option.id, state.draft, ctx, t) : { ok: false, error: t('dialogButtons:earlier') };
  } else {
    answer = answerText(state.step, event.text, options, state.draft, ctx, t);
  }
  if (!answer.ok) return { state, replies: [{ kind: REPLY_KIND.error, text: answer.error }, ask(state, ctx, t, true)] };

  if (state.step === STEP.confirm) return confirm(answer.draft, state, ctx, t);

  const next: DialogState = { ...state, step: nextStep(answer.draft, ctx), draft: answer.draft };
  const replies: BotReply[] = [];
  if (state.step === STEP.immediateDanger && answer.draft.immediateDanger) replies.push(emergency(t));
  // Never show a confirmation that cannot be sent: an invalid draft goes back to its failing step instead.
  const reopened = next.step === STEP.confirm ? reopenInvalid(answer.draft, next, ctx, t) : undefined;
  if (reopened) return { ...reopened, replies: [...replies, ...reopened.replies] };
  replies.push(ask(next, ctx, t));
  return { state: next, replies };
}

function start(category: ReportCategory | undefined, told: string | undefined, ctx: DialogContext, t: TFunction): DialogStep {
  // What the person already said is not asked again: the service their message names is noted (and shown in
  // the summary, where it can be changed).
  const service = told ? serviceNamedIn(told) : undefined;
  const draft: PartialDraft = { ...(category && isReportCategory(category) ? { category, ...categoryDefaults(category) } : {}), ...service };
  const state: DialogState = { version: 1, step: nextStep(draft, ctx), mode: 'text', draft };
  const intro = draft.category
    ? t('reports:introCategory', { category: t(`reports:category.${draft.category}`) })
    : t('reports:intro');
  const noted = service ? [t('reports:serviceNoted', { service: service.platformOther ?? t(`reports:platform.${service.platform}`) })] : [];
  return { state, replies: [{ kind: REPLY_KIND.info, text: [intro, ...noted].join(' ') }, ask(state, ctx, t)] };
}

function cancel(t: TFunction): DialogStep {
  return { state: undefined, replies: [{ kind: REPLY_KIND.info, text: t('reports:cancelled') }], effect: { type: 'cancelled' } };
}

function emergency(t: TFunction): BotReply {
  return { kind: REPLY_KIND.emergency, text: t('reports:emergency') };
}

/** The question of the current step. At confirm: the full preview, or only the short question when re-asking. */
function ask(state: DialogState, ctx: DialogContext, t: TFunction, again = false): BotReply {
  const options = optionsFor(state.step, state.draft, ctx, t);
  if (state.step === STEP.confirm && !again) {
    const draft = reportDraftSchema.safeParse(state.draft);
    if (draft.success) return formatPreview(draft.data, ctx.preview(draft.data), ctx, options);
  }
  let text = t(`reports:prompt.${state.step}`);
  if (state.step === STEP.evidence) text = `${text}\n${t('reports:guidance.evidence')}`;
  return options.length > 0 ? { kind: REPLY_KIND.prompt, text, choices: toChoices(options) } : { kind: REPLY_KIND.prompt, text };
}

/**
 * At the summary: "ändra 3" / "muuta 3" / "change 3", or a change button, reopens that answer's question
 * (as a typed question, also after a form); answering it returns to the summary with the other answers
 * kept. Undefined when the event is not a change request.
 */
function changeAt(state: DialogState, event: DialogEvent, ctx: DialogContext, t: TFunction): DialogStep | undefined {
  const draft = reportDraftSchema.safeParse(state.draft);
  if (!draft.success) return undefined;
  const items = summaryItems(draft.data, ctx, t);
  let index: number | undefined;
  if (event.type === 'choice') {
    const target = changedStep(event.id);
    if (!target) return undefined;
    index = items.findIndex((item) => item.step === target);
    if (index < 0) return { state, replies: [{ kind: REPLY_KIND.error, text: t('reports:error.choice') }, ask(state, ctx, t, true)] };
  } else if (event.type === 'text') {
    if (isBareChangeWord(event.text)) return { state, replies: [{ kind: REPLY_KIND.error, text: t('dialog:summary.changeHowTo') }, ask(state, ctx, t, true)] };
    const number = changeRequest(event.text);
    if (number === undefined) return undefined;
    if (number < 1 || number > items.length) {
      return { state, replies: [{ kind: REPLY_KIND.error, text: t('dialog:summary.changeUnknown', { number, max: items.length }) }, ask(state, ctx, t, true)] };
    }
    index = number - 1;
  } else return undefined;
  const item = items[index]!;
  const reopened: DialogState = { ...state, step: item.step, mode: 'text' };
  const value = item.value.length > 200 ? `${item.value.slice(0, 199)}…` : item.value;
  return {
    state: reopened,
    replies: [{ kind: REPLY_KIND.info, text: t('dialog:summary.changing', { number: index + 1, label: item.label, value }) }, ask(reopened, ctx, t)],
  };
}

/** Applies a picked option (typed or clicked) to the draft. */
function answerChoice(step: StepId, id: string, draft: PartialDraft, ctx: DialogContext, t: TFunction): Answer {
  switch (step) {
    case STEP.category: {
      // A changed category asks again what depends on it (danger, whether the manager is the subject).
      const category = id as ReportCategory;
      const { immediateDanger: _d, subjectIsManager: _s, alternateRecipientId: _a, ...rest } = draft;
      return { ok: true, draft: { ...rest, category, ...categoryDefaults(category) } };
    }
    case STEP.immediateDanger:
      return { ok: true, draft: { ...draft, immediateDanger: id === CHOICE.yes } };
    case STEP.platform: {
      const { platformOther: _dropped, ...rest } = draft;
      return { ok: true, draft: { ...rest, platform: id as ReportDraft['platform'] } };
    }
    case STEP.accountKind:
      return { ok: true, draft: { ...draft, accountKind: id as ReportDraft['accountKind'] } };
    case STEP.occurredOn: {
      const { occurredUntil: _u, ongoing: _o, ...rest } = draft;
      return { ok: true, draft: { ...rest, occurredOn: id === CHOICE.today ? ctx.today : previousDay(ctx.today) } };
    }
    case STEP.evidence:
      return { ok: true, draft: { ...draft, evidence: { links: [], quotes: [], files: [] } } };
    case STEP.manager:
      return { ok: true, draft: { ...draft, managerId: id } };
    case STEP.subjectIsManager: {
      if (id === CHOICE.no) {
        const { alternateRecipientId: _dropped, ...rest } = draft;
        return { ok: true, draft: { ...rest, subjectIsManager: false } };
      }
      const withYes = { ...draft, subjectIsManager: true };
      if (optionsFor(STEP.alternateRecipient, withYes, ctx, t).length === 0) return { ok: false, error: t('reports:error.noAlternate') };
      return { ok: true, draft: withYes };
    }
    case STEP.alternateRecipient:
      return { ok: true, draft: { ...draft, alternateRecipientId: id } };
    case STEP.confirm:
      return { ok: true, draft };
    case STEP.platformOther:
    case STEP.description:
      return { ok: false, error: t('reports:error.empty') };
  }
}

/** Interprets typed text at a step: free text where the step takes it, else a choice by number or label. */
function answerText(step: StepId, raw: string, options: Option[], draft: PartialDraft, ctx: DialogContext, t: TFunction): Answer {
  const text = raw.trim();
  switch (step) {
    case STEP.platformOther:
      if (!text) return { ok: false, error: t('reports:error.empty') };
      if (text.length > MAX_PLATFORM_OTHER) return { ok: false, error: t('reports:error.tooLong', { max: MAX_PLATFORM_OTHER }) };
      return { ok: true, draft: { ...draft, platformOther: text } };
    case STEP.description:
      if (!text) return { ok: false, error: t('reports:error.empty') };
      if (text.length > MAX_DESCRIPTION) return { ok: false, error: t('reports:error.tooLong', { max: MAX_DESCRIPTION }) };
      return { ok: true, draft: { ...draft, description: text } };
    case STEP.platform: {
      const option = matchOption(text, options);
      if (option) return answerChoice(step, option.id, draft, ctx, t);
      // A service without a button of its own, typed by name: "other", with that name.
      const other = otherServiceNamed(text);
      if (other) return { ok: true, draft: { ...draft, platform: 'other', platformOther: other } };
      return { ok: false, error: t('reports:error.choice') };
    }
    case STEP.occurredOn: {
      const option = matchOption(text, options);
      if (option) return answerChoice(step, option.id, draft, ctx, t);
      const parsed = parseOccurredOn(text, ctx.today);
      if (!parsed.ok) return { ok: false, error: t(parsed.reason === 'future' ? 'reports:error.dateFuture' : 'reports:error.date', { text: text.slice(0, 60) }) };
      const { occurredUntil: _u, ongoing: _o, ...rest } = draft;
      return { ok: true, draft: { ...rest, ...periodFields(parsed) } };
    }
    case STEP.evidence: {
      if (!text) return { ok: false, error: t('reports:error.empty') };
      if ((NONE_WORDS as readonly string[]).includes(normalizeAnswer(text)) || matchOption(text, options)) {
        return answerChoice(step, CHOICE.noEvidence, draft, ctx, t);
      }
      const evidence = parseEvidenceText(raw);
      if (tooMuchEvidence(evidence)) return { ok: false, error: t('reports:error.evidenceTooMany', { max: MAX_EVIDENCE_ITEMS }) };
      const tooLong = evidenceTooLong(evidence);
      if (tooLong !== undefined) return { ok: false, error: t('reports:error.tooLong', { max: tooLong }) };
      return { ok: true, draft: { ...draft, evidence } };
    }
    default: {
      const option = matchOption(text, options);
      if (!option) return { ok: false, error: t(step === STEP.confirm ? 'reports:error.confirm' : 'reports:error.choice') };
      return answerChoice(step, option.id, draft, ctx, t);
    }
  }
}

/**
 * The confirmed draft, checked whole once more, becomes the submit effect. A draft that fails the schema (a
 * stored state from an older version, or one changed outside the dialog) goes back to the failing step.
 */
function confirm(draft: PartialDraft, state: DialogState, ctx: DialogContext, t: TFunction): DialogStep {
  const parsed = reportDraftSchema.safeParse(draft);
  if (!parsed.success) return reopenInvalid(draft, state, ctx, t) ?? { state, replies: [ask(state, ctx, t)] };
  return { state: undefined, replies: [], effect: { type: 'submit', draft: parsed.data } };
}

type DraftIssue = z.core.$ZodIssue;

/**
 * When the draft fails the schema: back to the step of the first failing field (in dialog order), with that
 * field's translated error and its question, so the person can correct it; the other answers are kept.
 * A failure that names no field ends the dialog with the "could not continue" message rather than looping.
 * Undefined when the draft is valid.
 */
function reopenInvalid(draft: PartialDraft, state: DialogState, ctx: DialogContext, t: TFunction): DialogStep | undefined {
  const parsed = reportDraftSchema.safeParse(draft);
  if (parsed.success) return undefined;
  const failing = parsed.error.issues
    .map((issue) => ({ issue, step: stepOfIssue(issue) }))
    .filter((x): x is { issue: DraftIssue; step: StepId } => x.step !== undefined)
    .sort((a, b) => STEP_IDS.indexOf(a.step) - STEP_IDS.indexOf(b.step))[0];
  if (!failing) return { state: undefined, replies: [{ kind: REPLY_KIND.error, text: t('reports:resumeFailed') }] };
  const reopened: DialogState = { ...state, step: failing.step, draft };
  return { state: reopened, replies: [{ kind: REPLY_KIND.error, text: issueMessage(failing.issue, t) }, ask(reopened, ctx, t)] };
}

function stepOfIssue(issue: DraftIssue): StepId | undefined {
  const field = issue.path[0];
  return typeof field === 'string' && Object.hasOwn(STEP_OF_FIELD, field) ? STEP_OF_FIELD[field as keyof ReportDraft] : undefined;
}

/** The same sentences the steps use for typed input: too long, too many, else the field's own message. */
function issueMessage(issue: DraftIssue, t: TFunction): string {
  const field = String(issue.path[0]);
  if (issue.code === 'too_big' && issue.origin === 'string') return t('reports:error.tooLong', { max: Number(issue.maximum) });
  if (issue.code === 'too_big' && field === 'evidence') return t('reports:error.evidenceTooMany', { max: Number(issue.maximum) });
  return t(`reports:error.field.${field}`);
}

/** Form mode: the whole report at once. Errors keep the previous state; a valid form goes to the preview. */
function submitForm(state: DialogState | undefined, values: unknown, ctx: DialogContext, t: TFunction): DialogStep {
  const result = validateReportForm(values, ctx);
  if (!result.ok) {
    return { state, replies: [{ kind: REPLY_KIND.error, text: t('reports:error.form') }], fieldErrors: result.errors };
  }
  const next: DialogState = { version: 1, step: STEP.confirm, mode: 'form', draft: result.draft };
  const replies: BotReply[] = [];
  if (result.draft.immediateDanger) replies.push(emergency(t));
  replies.push(ask(next, ctx, t));
  return { state: next, replies };
}
