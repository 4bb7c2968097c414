import { createHash, randomUUID } from 'node:crypto';
import { doorOf, type QuestionLog } from '../content/questionLog';
import type { Directory } from '../directory/directory';
import type { GuidelineAnswer, GuidelineAnswerer } from '../guidelines/guidelineAnswerer';
import { translator } from '../i18n';
import type { UiLang } from '../language/lang';
import type { Clock } from '../ports';
import type { ReportCategory } from '../reports/categories';
import { buildDialogContext, formatReceipt, step, todayIn, type BotReply, type DialogEvent, type DialogState } from '../reports/dialog';
import type { DialogSessions } from '../reports/dialogSessions';
import { isReportError, reportErrorMessage } from '../reports/reportErrors';
import type { RoutingTable } from '../reports/routingTable';
import type { ReportService } from '../reports/service';
import { isReportCommand } from './reportCommand';
import { parseReportOfferChoice } from './reportOffer';
import { withdrawCommand, withdrawOptionOf, withdrawOptions } from './withdrawCommand';
import { matchOption, toChoices } from '../reports/dialog/answers';
import { formatReference } from '../reports/reference';
import { WITHDRAW_ACTION, Withdrawal, withdrawQuestion, type WithdrawBinding, type WithdrawOutcome } from '../reports/withdrawal';

/**
 * What a conversation is in the middle of, with the language it is held in: an unfinished report dialog, or a
 * typed withdraw waiting for its yes or no (the report and the reporter it was asked of).
 */
export type ConversationSession = { lang: UiLang; dialog: DialogState; withdrawal?: undefined } | { lang: UiLang; withdrawal: WithdrawBinding; dialog?: undefined };

/** What a person sent, already translated from the platform by an adapter. */
export interface IncomingMessage {
  /** Normalised `platform:channel:thread` (see conversationId()). */
  conversationId: string;
  /** The sender's directory id (adapters resolve platform identities through the Directory). */
  personId: string;
  /** What the person typed; or, for a button, the choice id in `choice`. */
  text?: string;
  choice?: string;
  /** Platform locale, used as a hint for very short messages. */
  localeHint?: UiLang;
}

/** One reply: a guideline answer (adapters render quotes and citations), or a dialog message. */
export type ConversationReply =
  | { type: 'answer'; answer: GuidelineAnswer; lang: UiLang }
  | { type: 'dialog'; reply: BotReply; lang: UiLang };

export interface ConversationDeps {
  answerer: GuidelineAnswerer;
  /** Incident reporting; absent when the bot only answers questions. */
  reporting?: {
    service: ReportService;
    sessions: DialogSessions<ConversationSession>;
    directory: Directory;
    routingTable: RoutingTable;
  };
  clock: Clock;
  /** IANA time zone for "today" in report dates. */
  timeZone: string;
  /** Keeps unanswered questions (without names) for content owners; absent keeps nothing. */
  questionLog?: QuestionLog;
}

/**
 * The platform-neutral conversation: a message either continues an unfinished report dialog, starts one
 * (the person reports something, or asks to), or gets a guideline answer. One message at a time per
 * conversation; the dialog state is saved after every step, so a restart loses nothing typed.
 */
export class Conversation {
  constructor(private readonly deps: ConversationDeps) {}

  async handle(message: IncomingMessage): Promise<ConversationReply[]> {
    const replies = await this.reply(message);
    const log = this.deps.questionLog;
    if (!log) return replies;
    const noted: ConversationReply[] = [];
    for (const r of replies) {
      const kept = r.type === 'answer' && (await log.noteAnswer(message.text ?? '', r.answer, doorOf(message.conversationId)));
      noted.push(kept && r.type === 'answer' ? { ...r, answer: { ...r.answer, keptDays: log.keepDays } } : r);
    }
    return noted;
  }

  private async reply(message: IncomingMessage): Promise<ConversationReply[]> {
    const reporting = this.deps.reporting;
    if (!reporting) return this.answer(message);
    return reporting.sessions.exclusive(message.conversationId, async () => {
      const session = await reporting.sessions.load(message.conversationId);
      // Only the reporter answers the withdraw question; in a shared conversation others' words are their own.
      if (session?.withdrawal && message.personId === session.withdrawal.reporterId) return this.answerWithdrawal(message, session.lang, session.withdrawal);
      if (session?.dialog) return this.continueDialog(message, session.lang, session.dialog);
      const text = message.text ?? '';
      const detected = this.deps.answerer.detector.detect(text, message.localeHint).lang;
      // "Make a report" pressed under an answer that offered it.
      const offer = message.choice !== undefined ? parseReportOfferChoice(message.choice) : undefined;
      if (offer) return this.startDialog(message, detected, offer.category, []);
      // Any other button belongs to a dialog that is over (sent, cancelled, expired): say so, never read it as a
      // question; in the person's own language (the dialog's buttons were), else the door's.
      if (message.choice !== undefined) {
        const own = await reporting.directory.person(message.personId).catch(() => undefined);
        return [dialogEnded(own?.lang ?? message.localeHint ?? detected)];
      }
      if (isReportCommand(text)) return this.startDialog(message, detected, undefined, []);
      const withdraw = withdrawCommand(text);
      if (withdraw) return this.askWithdrawal(message, detected, withdraw.reference);
      const replies = this.answer(message);
      const first = replies[0];
      if (first?.type === 'answer' && first.answer.intent.startsWith('report:')) {
        const category = first.answer.intent.slice('report:'.length) as ReportCategory;
        const intro: ConversationReply = { type: 'dialog', lang: first.lang, reply: { kind: 'info', text: translator(first.lang)('guidelines:reportOffer') } };
        return this.startDialog(message, first.lang, category, [intro], message.text);
      }
      return replies;
    });
  }

  private answer(message: IncomingMessage): ConversationReply[] {
    const answer = this.deps.answerer.answer(message.text ?? '', message.localeHint);
    return [{ type: 'answer', answer: { ...answer, answerId: randomUUID() }, lang: answer.lang }];
  }

  /** `told`: the free-text message taken for a report, whose details the dialog does not ask again. */
  private async startDialog(message: IncomingMessage, lang: UiLang, category: ReportCategory | undefined, before: ConversationReply[], told?: string) {
    return [...before, ...(await this.runStep(message, lang, undefined, { type: 'start', ...(category ? { category } : {}), ...(told ? { told } : {}) }))];
  }

  private async continueDialog(message: IncomingMessage, lang: UiLang, dialog: DialogState) {
    const event: DialogEvent = message.choice !== undefined ? { type: 'choice', id: message.choice } : { type: 'text', text: message.text ?? '' };
    return this.runStep(message, lang, dialog, event);
  }

  /**
   * A typed withdraw ("återkalla SOME-2026-0042"): the same question as the doors' Withdraw button, with its
   * two answers as choices; the conversation then waits for yes or no. Nothing changes yet.
   */
  private async askWithdrawal(message: IncomingMessage, lang: UiLang, reference: string | undefined): Promise<ConversationReply[]> {
    const reporting = this.deps.reporting!;
    if (!reference) {
      return [{ type: 'dialog', lang, reply: { kind: 'info', text: translator(lang)('withdrawConfirm:needReference', { example: formatReference(Number(todayIn(this.deps.timeZone, this.deps.clock.now()).slice(0, 4)), 42) }) } }];
    }
    const outcome = await new Withdrawal(reporting).ask(reference, message.personId);
    if (outcome.kind !== 'question') return [withdrawReply(outcome)];
    const { question } = outcome;
    await reporting.sessions.save(message.conversationId, { lang: question.lang, withdrawal: question.binding });
    // A confirmation before a change, as the report's summary is: doors offer no form beside it.
    return [{ type: 'dialog', lang: question.lang, reply: { kind: 'preview', text: question.text, choices: toChoices(withdrawOptions(question)) } }];
  }

  /**
   * The answer to a typed withdraw's question: yes (or the confirm button) withdraws, no (or cancel) changes
   * nothing and says so; anything else asks again, saying how to answer.
   */
  private async answerWithdrawal(message: IncomingMessage, lang: UiLang, binding: WithdrawBinding): Promise<ConversationReply[]> {
    const reporting = this.deps.reporting!;
    const question = withdrawQuestion(binding, lang);
    const options = withdrawOptions(question);
    const picked = message.choice !== undefined ? withdrawOptionOf(message.choice, options) : matchOption(message.text ?? '', options);
    if (!picked) {
      const t = translator(lang);
      return [{ type: 'dialog', lang, reply: { kind: 'preview', text: `${t('withdrawConfirm:textHint')}\n${question.text}`, choices: toChoices(options) } }];
    }
    await reporting.sessions.clear(message.conversationId);
    const withdrawal = new Withdrawal(reporting);
    const outcome = picked.id === WITHDRAW_ACTION.confirm ? await withdrawal.confirm(binding, message.personId) : await withdrawal.cancel(binding.reference, message.personId);
    return [withdrawReply(outcome)];
  }

  private async runStep(message: IncomingMessage, lang: UiLang, state: DialogState | undefined, event: DialogEvent): Promise<ConversationReply[]> {
    const reporting = this.deps.reporting!;
    const say = (reply: BotReply): ConversationReply => ({ type: 'dialog', reply, lang });
    let ctx;
    try {
      ctx = await buildDialogContext({
        lang,
        reporterId: message.personId,
        directory: reporting.directory,
        table: reporting.routingTable,
        today: todayIn(this.deps.timeZone, this.deps.clock.now()),
      });
    } catch {
      return [say({ kind: 'error', text: translator(lang)('conversation:notInDirectory') })];
    }
    const next = step(state, event, ctx);
    const replies = next.replies.map(say);
    if (next.effect?.type === 'submit') {
      try {
        // The same draft confirmed twice in one conversation (a redelivered message) is one report.
        const submissionKey = createHash('sha256').update(message.conversationId).update('\0').update(JSON.stringify(next.effect.draft)).digest('hex');
        const receipt = await reporting.service.submit(next.effect.draft, message.personId, { lang, submissionKey });
        await reporting.sessions.clear(message.conversationId);
        return [...replies, say(formatReceipt(receipt, lang))];
      } catch (err) {
        // The dialog state stays saved at the confirmation step: the person can simply try again.
        const text = isReportError(err) ? reportErrorMessage(err, lang) : translator(lang)('conversation:saveFailed');
        return [...replies, say({ kind: 'error', text })];
      }
    }
    await reporting.sessions.save(message.conversationId, next.state ? { lang, dialog: next.state } : undefined);
    return replies;
  }
}

/** What a withdraw step led to, as a dialog reply (a withdrawal is `done`: doors deliver its news at once). */
function withdrawReply(outcome: WithdrawOutcome): ConversationReply {
  switch (outcome.kind) {
    case 'question':
      return { type: 'dialog', lang: outcome.question.lang, reply: { kind: 'preview', text: outcome.question.text } };
    case 'withdrawn':
      return { type: 'dialog', lang: outcome.lang, reply: { kind: 'done', text: outcome.text } };
    case 'cancelled':
      return { type: 'dialog', lang: outcome.lang, reply: { kind: 'info', text: outcome.text } };
    case 'refused':
      return { type: 'dialog', lang: outcome.lang, reply: { kind: 'error', text: outcome.text } };
  }
}

/** The reply to a button of a report dialog that has ended: nothing was changed, and how to start anew. */
function dialogEnded(lang: UiLang): ConversationReply {
  return { type: 'dialog', lang, reply: { kind: 'info', text: translator(lang)('dialogButtons:ended') } };
}
