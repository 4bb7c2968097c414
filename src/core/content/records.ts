import type { Platform } from '../directory/directory';
import type { UiLang } from '../language/lang';

/** Why a question is in the content owners' log. 'held': answered, waiting a day for a verdict. */
export type LoggedQuestionKind = 'unanswered' | 'unhelpful' | 'held';

/** A passage the search found closest to a logged question, with its score. */
export interface ClosestPassage {
  passageId: string;
  score: number;
}

/** A question kept for content owners. Holds no person and no conversation, by design. */
export interface NewLoggedQuestion {
  /** Random key; also the authenticated context of the encrypted text. */
  entryKey: string;
  /** The answer's id when the bot quoted something (a later verdict finds the entry by it). */
  answerId: string | null;
  kind: LoggedQuestionKind;
  question: string;
  lang: UiLang;
  /** Which door it came through: slack, teams, web, terminal. */
  door: Platform | 'terminal';
  askedAt: Date;
  /** Why nothing was answered (GuidelineAnswer.reason). */
  reason: string | null;
  /** The passage shown, for an answered question. */
  passageId: string | null;
  closest: ClosestPassage[];
  /** When the entry is deleted by retention. */
  expiresAt: Date;
}

export interface LoggedQuestion extends NewLoggedQuestion {
  id: number;
}

/** What content owners teach: an example question for a passage, out-of-scope words, or whom to ask. */
export type LearnedKind = 'example_question' | 'out_of_scope' | 'contact';

export interface NewLearnedItem {
  kind: LearnedKind;
  /** The question as the content owner taught it. */
  text: string;
  lang: 'sv' | 'fi';
  /** example_question: the passage it belongs to. */
  passageId: string | null;
  /** out_of_scope: the words added to the out-of-scope list. */
  words: string[];
  /** contact: who to ask about questions like this one. */
  contact: string | null;
  /** `person:<directory id>` or `admin:<OS user>`. */
  taughtBy: string;
  taughtAt: Date;
}

export interface LearnedItem extends NewLearnedItem {
  id: number;
  undoneBy: string | null;
  undoneAt: Date | null;
}
