import { z } from 'zod';
import type { Directory } from '../directory/directory';
import { translator } from '../i18n';
import type { UiLang } from '../language/lang';
import { isReportError, ReportErrorCode } from './reportErrors';
import type { ActionResult, ReportService } from './service';

/**
 * The reporter's withdraw takes two steps on every door: the Withdraw button (or typed command) asks
 * "Do you really want to withdraw …? The recipients will be told." with [Withdraw] [Cancel]; only the confirm
 * action withdraws, cancel changes nothing. The ids are the payloads doors send back; `ask` keeps the spelling
 * the Withdraw button always had.
 */
export const WITHDRAW_ACTION = {
  ask: 'report.withdraw',
  confirm: 'report.withdraw_confirm',
  cancel: 'report.withdraw_cancel',
} as const;

/** What a confirm (and cancel) button carries: the report and the reporter it was offered to. */
export interface WithdrawBinding {
  reference: string;
  reporterId: string;
}

/** The question with its two answers, in the language of the reporter's copies of the report. */
export interface WithdrawQuestion {
  lang: UiLang;
  text: string;
  binding: WithdrawBinding;
  confirm: { action: typeof WITHDRAW_ACTION.confirm; label: string };
  cancel: { action: typeof WITHDRAW_ACTION.cancel; label: string };
}

/** What a withdraw action led to; every text is translated and ready to show. */
export type WithdrawOutcome =
  | { kind: 'question'; question: WithdrawQuestion }
  | { kind: 'withdrawn'; result: ActionResult; text: string; lang: UiLang }
  | { kind: 'cancelled'; text: string; lang: UiLang }
  /** `outdated`: the report is no longer open (the text then also says its current state). */
  | { kind: 'refused'; text: string; outdated: boolean; code: ReportErrorCode; lang: UiLang };

const bindingSchema = z.tuple([z.string().min(1).max(40), z.string().min(1).max(200)]);

/** A binding as one string, for payloads that are a single value (Slack's button value). */
export function encodeWithdrawBinding(binding: WithdrawBinding): string {
  return JSON.stringify([binding.reference, binding.reporterId]);
}

/** The binding in a string made by encodeWithdrawBinding, or undefined when it is not one. */
export function decodeWithdrawBinding(value: string): WithdrawBinding | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(value);
  } catch {
    return undefined;
  }
  const tuple = bindingSchema.safeParse(parsed);
  return tuple.success ? { reference: tuple.data[0], reporterId: tuple.data[1] } : undefined;
}

export function withdrawQuestion(binding: WithdrawBinding, lang: UiLang): WithdrawQuestion {
  const t = translator(lang);
  return {
    lang,
    text: t('withdrawConfirm:question', { reference: binding.reference }),
    binding,
    confirm: { action: WITHDRAW_ACTION.confirm, label: t('withdrawConfirm:confirm') },
    cancel: { action: WITHDRAW_ACTION.cancel, label: t('withdrawConfirm:cancel') },
  };
}

/**
 * The two steps over the report service, for every door: the service checks who may withdraw what (the
 * reporter, an open report) at both steps and audits refusals; refusals come back as the service's translated
 * explanation in the language of the person's copies of the report, as any outdated click is answered.
 */
export class Withdrawal {
  constructor(private readonly deps: { service: ReportService; directory: Pick<Directory, 'person'> }) {}

  /** The Withdraw button or command: the question, or why it cannot be asked. Changes nothing. */
  async ask(reference: string, personId: string): Promise<WithdrawOutcome> {
    try {
      const asked = await this.deps.service.askWithdraw(reference, personId);
      return { kind: 'question', question: withdrawQuestion({ reference: asked.reference, reporterId: personId }, asked.lang) };
    } catch (err) {
      return this.refused(err, reference, personId);
    }
  }

  /** The confirm button (or "yes"): withdraws, once; a second or late confirm is refused with the current state. */
  async confirm(binding: WithdrawBinding, personId: string): Promise<WithdrawOutcome> {
    try {
      const result = await this.deps.service.confirmWithdraw(binding, personId);
      const lang = await this.langFor(result.reference, personId);
      return { kind: 'withdrawn', result, lang, text: translator(lang)('teamsParity:withdrawn', { reference: result.reference }) };
    } catch (err) {
      return this.refused(err, binding.reference, personId);
    }
  }

  /** The cancel button (or "no"): nothing changes, and the reply says so. */
  async cancel(reference: string, personId: string): Promise<WithdrawOutcome> {
    const lang = await this.langFor(reference, personId);
    return { kind: 'cancelled', lang, text: translator(lang)('withdrawConfirm:cancelled', { reference }) };
  }

  private async refused(err: unknown, reference: string, personId: string): Promise<WithdrawOutcome> {
    if (!isReportError(err)) throw err;
    const lang = await this.langFor(reference, personId);
    const text = await this.deps.service.explainRefusal(err, reference, lang);
    return { kind: 'refused', text, lang, code: err.code, outdated: err.code === ReportErrorCode.NotAllowedNow };
  }

  private async langFor(reference: string, personId: string): Promise<UiLang> {
    const person = await this.deps.directory.person(personId).catch(() => undefined);
    return this.deps.service.copyLangFor(reference, { id: personId, lang: person?.lang });
  }
}
