import type { TFunction } from 'i18next';
import { REPORT_CATEGORIES, type ReportCategory } from '../categories';
import { ACCOUNT_KINDS, PLATFORMS } from '../report';
import { ACCOUNT_WORDS, CATEGORY_WORDS, NO_WORDS, normalizeAnswer, PLATFORM_WORDS, YES_WORDS, type Option } from './answers';
import { CHOICE, STEP, STEP_IDS, type StepId } from './steps';
import type { DialogContext, PartialDraft, PersonChoice } from './types';

/**
 * Categories where the dialog asks whether anyone is in immediate danger. For the others (phishing, malware,
 * media contact, false claims) the question would only alarm, and immediateDanger is false.
 */
export const DANGER_CATEGORIES: readonly ReportCategory[] = ['threat', 'harassment', 'illegal_content'];

/**
 * Categories where a person acts against the reporter, so the dialog asks whether that person is the
 * reporter's own manager (RULES.md "Harassment by the manager"). For the others subjectIsManager is false.
 */
export const SUBJECT_CATEGORIES: readonly ReportCategory[] = ['threat', 'harassment'];

/** Values a category decides without asking: the questions it skips get their default answers. */
export function categoryDefaults(category: ReportCategory): PartialDraft {
  const defaults: PartialDraft = {};
  if (!DANGER_CATEGORIES.includes(category)) defaults.immediateDanger = false;
  if (!SUBJECT_CATEGORIES.includes(category)) defaults.subjectIsManager = false;
  return defaults;
}

/** Whether a step still needs an answer for this draft. */
function needsAnswer(step: StepId, draft: PartialDraft, ctx: DialogContext): boolean {
  switch (step) {
    case STEP.category:
      return draft.category === undefined;
    case STEP.immediateDanger:
      return draft.immediateDanger === undefined;
    case STEP.platform:
      return draft.platform === undefined;
    case STEP.platformOther:
      return draft.platform === 'other' && draft.platformOther === undefined;
    case STEP.accountKind:
      return draft.accountKind === undefined;
    case STEP.description:
      return draft.description === undefined;
    case STEP.occurredOn:
      return draft.occurredOn === undefined;
    case STEP.evidence:
      return draft.evidence === undefined;
    case STEP.manager:
      return !ctx.manager && draft.managerId === undefined && ctx.managerCandidates().length > 0;
    case STEP.subjectIsManager:
      return draft.subjectIsManager === undefined;
    case STEP.alternateRecipient:
      return draft.subjectIsManager === true && draft.alternateRecipientId === undefined;
    case STEP.confirm:
      return true;
  }
}

/** The first step (in STEP_IDS order) that still needs an answer; confirm when everything is answered. */
export function nextStep(draft: PartialDraft, ctx: DialogContext): StepId {
  return STEP_IDS.find((step) => needsAnswer(step, draft, ctx)) ?? STEP.confirm;
}

/** The manager the report is about, when the reporter says the subject is their manager. */
export function effectiveManagerId(draft: PartialDraft, ctx: DialogContext): string | undefined {
  return ctx.manager?.id ?? draft.managerId;
}

/** The offered people, each also selected by their whole name, or by a first or last name no other offered person has. */
function personOptions(people: PersonChoice[], t: TFunction): Option[] {
  const partsOf = (name: string) => [...new Set(normalizeAnswer(name).split(' ').filter((part) => part.length > 1))];
  const holders = new Map<string, number>();
  for (const p of people) for (const part of partsOf(p.name)) holders.set(part, (holders.get(part) ?? 0) + 1);
  return people.map((p) => ({
    id: p.id,
    label: `${p.name} (${t(`reports:relation.${p.relation}`)})`,
    aliases: [p.name, ...partsOf(p.name).filter((part) => holders.get(part) === 1)],
  }));
}

export function yesNoOptions(t: TFunction): Option[] {
  return [
    { id: CHOICE.yes, label: t('reports:choice.yes'), aliases: YES_WORDS },
    { id: CHOICE.no, label: t('reports:choice.no'), aliases: NO_WORDS },
  ];
}

export function categoryOptions(t: TFunction): Option[] {
  return REPORT_CATEGORIES.map((c) => ({ id: c, label: t(`reports:category.${c}`), aliases: CATEGORY_WORDS[c] }));
}

export function platformOptions(t: TFunction): Option[] {
  return PLATFORMS.map((p) => ({ id: p, label: t(`reports:platform.${p}`), aliases: p === 'other' ? [] : PLATFORM_WORDS[p] }));
}

export function accountKindOptions(t: TFunction): Option[] {
  return ACCOUNT_KINDS.map((k) => ({ id: k, label: t(`reports:accountKind.${k}`), aliases: ACCOUNT_WORDS[k] }));
}

export function managerOptions(ctx: DialogContext, t: TFunction): Option[] {
  return personOptions(ctx.managerCandidates(), t);
}

export function alternateOptions(draft: PartialDraft, ctx: DialogContext, t: TFunction): Option[] {
  return personOptions(ctx.alternateCandidates(effectiveManagerId(draft, ctx)), t);
}

/**
 * The options offered at a step (empty for free-text steps). The evidence and date steps offer shortcuts
 * ("nothing to attach", "today", "yesterday") but also take free text.
 */
export function optionsFor(step: StepId, draft: PartialDraft, ctx: DialogContext, t: TFunction): Option[] {
  switch (step) {
    case STEP.category:
      return categoryOptions(t);
    case STEP.immediateDanger:
    case STEP.subjectIsManager:
      return yesNoOptions(t);
    case STEP.platform:
      return platformOptions(t);
    case STEP.accountKind:
      return accountKindOptions(t);
    case STEP.occurredOn:
      return [
        { id: CHOICE.today, label: t('reports:choice.today') },
        { id: CHOICE.yesterday, label: t('reports:choice.yesterday') },
      ];
    case STEP.evidence:
      return [{ id: CHOICE.noEvidence, label: t('reports:choice.noEvidence') }];
    case STEP.manager:
      return managerOptions(ctx, t);
    case STEP.alternateRecipient:
      return alternateOptions(draft, ctx, t);
    case STEP.confirm:
      return [
        { id: CHOICE.confirm, label: t('reports:choice.confirm'), aliases: [...YES_WORDS, 'ok', 'skicka', 'laheta', 'send'] },
        { id: CHOICE.cancel, label: t('reports:choice.cancel') },
      ];
    case STEP.platformOther:
    case STEP.description:
      return [];
  }
}
