import { randomUUID } from 'node:crypto';
import type { GuidelineAnswer } from '../guidelines/guidelineAnswerer';
import type { IntentClassifier } from '../intents/intentClassifier';
import type { AnswerFeedback, Clock, Store } from '../ports';
import { isReportCommand } from '../conversation/reportCommand';
import type { NewLoggedQuestion } from './records';

const DAY_MS = 24 * 60 * 60 * 1000;
/** How long an answered question waits for a "Not helpful" before it is forgotten. */
export const HELD_ANSWER_MS = DAY_MS;
/** Reasons for no answer that say something about the guidelines (not an empty or wordless message). */
const TELLING_REASONS = new Set<GuidelineAnswer['reason']>(['no_match', 'low_confidence', 'off_topic']);

export interface QuestionLogDeps {
  store: Store;
  clock: Clock;
  /** Tells whether a message carries any sign of a report (then it is never kept). */
  classifier: () => IntentClassifier;
  /** Days a question is kept (SOMEBOT_UNANSWERED_KEEP_DAYS); 0 keeps nothing. */
  keepDays: number;
}

/** Where a question came from: the platform part of a normalised conversation id. */
export function doorOf(conversationId: string): NewLoggedQuestion['door'] {
  const platform = conversationId.split(':', 1)[0];
  return platform === 'slack' || platform === 'teams' || platform === 'web' || platform === 'email' ? platform : 'terminal';
}

/**
 * Keeps what content owners need to improve the answers — questions the bot could not answer and answers marked
 * "not helpful" — and nothing about who asked: no person, no conversation, and nothing that may be a report
 * (a message classified as a report, one answered with a report offer, a request to report, or any report
 * cue word). Text is encrypted at rest
 * and deleted after `keepDays`.
 */
export class QuestionLog {
  constructor(private readonly deps: QuestionLogDeps) {}

  get enabled(): boolean {
    return this.deps.keepDays > 0;
  }

  /**
   * Notes one guideline answer given through `door`; true when an unanswered question was kept (the reply then
   * says so). Never throws: a failure only loses the note.
   */
  async noteAnswer(question: string, answer: GuidelineAnswer, door: NewLoggedQuestion['door']): Promise<boolean> {
    if (!this.enabled || !this.mayKeep(question, answer)) return false;
    const now = this.deps.clock.now();
    const answered = answer.answered;
    if (!answered && !TELLING_REASONS.has(answer.reason)) return false;
    if (answered && !answer.answerId) return false;
    const entry: NewLoggedQuestion = {
      entryKey: randomUUID(),
      answerId: answered ? (answer.answerId ?? null) : null,
      kind: answered ? 'held' : 'unanswered',
      question: question.normalize('NFC').trim(),
      lang: answer.lang,
      door,
      askedAt: now,
      reason: answer.reason ?? null,
      passageId: answer.quoted[0]?.passage.id ?? null,
      closest: answer.hits.slice(0, 3).map((h) => ({ passageId: h.passage.id, score: Math.round(h.score * 1000) / 1000 })),
      expiresAt: new Date(now.getTime() + (answered ? HELD_ANSWER_MS : this.deps.keepDays * DAY_MS)),
    };
    try {
      await this.deps.store.logQuestion(entry);
      return !answered;
    } catch {
      // Keeping a question is a service to content owners; it never fails the person's answer.
      return false;
    }
  }

  /** Days an unanswered question is kept (what the reply tells the person). */
  get keepDays(): number {
    return this.deps.keepDays;
  }

  /**
   * Records a verdict on an answer (for /metrics, as before) and, for "not helpful", keeps the question that
   * was answered; "helpful" forgets it.
   */
  async recordFeedback(feedback: AnswerFeedback): Promise<void> {
    const { store, clock } = this.deps;
    await store.recordFeedback(feedback);
    if (!this.enabled) return;
    if (feedback.helpful) await store.forgetHeldAnswer(feedback.answerId);
    else await store.markAnswerUnhelpful(feedback.answerId, new Date(clock.now().getTime() + this.deps.keepDays * DAY_MS));
  }

  private mayKeep(question: string, answer: GuidelineAnswer): boolean {
    if (answer.intent !== 'question' || answer.reportOffer || isReportCommand(question)) return false;
    return !this.deps.classifier().hasReportCue(question);
  }
}
