import type { TFunction } from 'i18next';
import { evidenceLines } from '../evidenceItems';
import type { ReportDraft } from '../report';
import { normalizeAnswer } from './answers';
import { displayPeriod } from './period';
import { DANGER_CATEGORIES, SUBJECT_CATEGORIES } from './flow';
import { STEP, type StepId } from './steps';
import type { DialogContext } from './types';

/** One answer of the summary: the step that asked it (where "change" goes back to), its label and value. */
export interface SummaryItem {
  step: StepId;
  label: string;
  /** The answer as the reporter gave it (free text unchanged; several lines for evidence). */
  value: string;
}

/**
 * Every answer of a complete draft, in dialog order, as the summary before sending shows it and numbers it
 * (1-based): "change 3" reopens the third. Questions the category skipped are not listed.
 */
export function summaryItems(draft: ReportDraft, ctx: DialogContext, t: TFunction): SummaryItem[] {
  const item = (step: StepId, key: string, value: string): SummaryItem => ({ step, label: t(`dialog:summary.${key}`), value });
  const yesNo = (value: boolean) => t(value ? 'reports:choice.yes' : 'reports:choice.no');
  const items: SummaryItem[] = [item(STEP.category, 'category', t(`reports:category.${draft.category}`))];
  if (DANGER_CATEGORIES.includes(draft.category)) items.push(item(STEP.immediateDanger, 'immediateDanger', yesNo(draft.immediateDanger)));
  const platform = t(`reports:platform.${draft.platform}`);
  items.push(item(STEP.platform, 'platform', draft.platform === 'other' && draft.platformOther ? `${platform}: ${draft.platformOther}` : platform));
  items.push(item(STEP.accountKind, 'accountKind', t(`reports:accountKind.${draft.accountKind}`)));
  items.push(item(STEP.description, 'description', draft.description));
  items.push(item(STEP.occurredOn, 'occurredOn', displayPeriod(draft, ctx.lang)));
  const evidence = evidenceLines(draft.evidence);
  items.push(item(STEP.evidence, 'evidence', evidence.length > 0 ? evidence.map((e) => `– ${e}`).join('\n') : t('dialog:summary.noEvidence')));
  if (!ctx.manager && draft.managerId) {
    const name = ctx.managerCandidates().find((p) => p.id === draft.managerId)?.name ?? draft.managerId;
    items.push(item(STEP.manager, 'manager', name));
  }
  if (SUBJECT_CATEGORIES.includes(draft.category)) {
    items.push(item(STEP.subjectIsManager, 'subjectIsManager', yesNo(draft.subjectIsManager)));
    if (draft.subjectIsManager && draft.alternateRecipientId) {
      const managerId = ctx.manager?.id ?? draft.managerId;
      const name = ctx.alternateCandidates(managerId).find((p) => p.id === draft.alternateRecipientId)?.name ?? draft.alternateRecipientId;
      items.push(item(STEP.alternateRecipient, 'alternateRecipient', name));
    }
  }
  return items;
}

/** Words that ask to change an answer of the summary, in every UI language: "ändra 3", "muuta 3", "change 3". */
const CHANGE_WORDS = ['andra', 'change', 'edit', 'muuta', 'muokkaa', 'korjaa'];

/**
 * The number in "ändra 3" / "muuta 3" / "change 3" (also "ändra nr 3", "3 ändra" is not accepted), or
 * undefined when the text is not a change request. The number is not checked against the summary here.
 */
export function changeRequest(text: string): number | undefined {
  const match = /^(\p{L}+)\s*(?:nr|no|numero|nro|#)?\s*(\d{1,2})$/u.exec(normalizeAnswer(text).replace(/#/g, ' # '));
  if (!match || !CHANGE_WORDS.includes(match[1]!)) return undefined;
  return Number(match[2]);
}

/** True when the text is only a change word without a number ("ändra"): the reporter is told how to say it. */
export function isBareChangeWord(text: string): boolean {
  return CHANGE_WORDS.includes(normalizeAnswer(text));
}
