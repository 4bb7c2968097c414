import type { GuidelineIndex } from '../guidelines/guidelineIndex';
import { searchGuidelines } from '../guidelines/search';
import type { Clock, Person, Store } from '../ports';
import type { LearnedItem, NewLearnedItem } from './records';
import { normaliseQuestion, reviewQuestions, type ContentReview } from './review';

const DAY_MS = 24 * 60 * 60 * 1000;

/** The role that owns the guideline content (besides administrators). */
export const CONTENT_ROLE = 'communications';

/** Whether a person may see what staff asked and teach the bot: the communications role, or an administrator. */
export function mayOwnContent(person: Pick<Person, 'roles'>, isAdmin = false): boolean {
  return isAdmin || person.roles.includes(CONTENT_ROLE);
}

/** Why a teaching was refused. Each code has a sentence for the CLI (content:cli.*) and the console (contentConsole:error.*). */
export type TeachingProblem =
  | 'noQuestion'
  | 'oneTeaching'
  | 'badLang'
  | 'unknownPassage'
  | 'noUnknownWords'
  | 'questionTooLong'
  | 'contactTooLong';

/** The longest question and "whom to ask" text a teaching takes (characters, after trimming). */
export const TEACHING_LIMITS = { question: 4000, contact: 300 } as const;

export class TeachingError extends Error {
  override readonly name = 'TeachingError';
  constructor(
    readonly problem: TeachingProblem,
    /** The passage reference that was not found (unknownPassage). */
    readonly ref?: string,
    /** The limit that was passed (questionTooLong, contactTooLong). */
    readonly limit?: number,
  ) {
    super(problem);
  }
}

/**
 * A teaching identical to one in effect (same kind, language, question as normalised text, and passage, words or
 * whom to ask): nothing is stored; `existing` is the teaching already in effect.
 */
export class AlreadyTaughtError extends Error {
  override readonly name = 'AlreadyTaughtError';
  constructor(readonly existing: LearnedItem) {
    super('alreadyTaught');
  }
}

/** Whether two teachings teach the same thing (the question compared as normalised text). */
export function sameTeaching(a: NewLearnedItem, b: NewLearnedItem): boolean {
  return (
    a.kind === b.kind &&
    a.lang === b.lang &&
    normaliseQuestion(a.text) === normaliseQuestion(b.text) &&
    a.passageId === b.passageId &&
    (a.contact ?? '') === (b.contact ?? '') &&
    [...a.words].sort().join('\n') === [...b.words].sort().join('\n')
  );
}

/** One teaching as asked for: the question and exactly one of a passage, out of scope, or whom to ask. */
export interface TeachingRequest {
  question: string;
  /** sv or fi; anything else is refused. Undefined: detected from the question. */
  lang?: string;
  passageId?: string;
  outOfScope?: boolean;
  contact?: string;
}

/**
 * What content owners do, whatever door they use (the CLI, the web console): review what staff asked, teach, list
 * and undo teachings. `index` is read on every call, so a rebuilt index (after a teaching) is the one used.
 * Callers check `mayOwnContent` first and pass who acts (`person:<id>`, `admin:<name>`).
 */
export class ContentOwners {
  constructor(private readonly deps: { store: Store; clock: Clock; index: () => GuidelineIndex }) {}

  /** The questions of the last `days` days (`'all'`: everything still kept), grouped (see reviewQuestions). */
  async review(days: number | 'all'): Promise<ContentReview> {
    const since = days === 'all' ? new Date(0) : new Date(this.deps.clock.now().getTime() - days * DAY_MS);
    const entries = await this.deps.store.loggedQuestions(since);
    return reviewQuestions(entries, this.deps.index().analyzer);
  }

  /** The teaching a request stands for, checked against the index; throws a TeachingError. Nothing is stored. */
  teachingOf(request: TeachingRequest, actor: string): NewLearnedItem {
    const index = this.deps.index();
    const text = request.question.normalize('NFC').trim();
    if (!text) throw new TeachingError('noQuestion');
    if (text.length > TEACHING_LIMITS.question) throw new TeachingError('questionTooLong', undefined, TEACHING_LIMITS.question);
    const contact = request.contact?.trim();
    if (contact !== undefined && contact.length > TEACHING_LIMITS.contact) throw new TeachingError('contactTooLong', undefined, TEACHING_LIMITS.contact);
    const kinds = [request.passageId !== undefined, request.outOfScope === true, request.contact !== undefined].filter(Boolean).length;
    if (kinds !== 1 || contact === '') throw new TeachingError('oneTeaching');
    const lang = request.lang ?? index.detector.detect(text).lang;
    if (lang !== 'sv' && lang !== 'fi') throw new TeachingError('badLang');
    const base = { text, lang, passageId: null, words: [] as string[], contact: null, taughtBy: actor, taughtAt: this.deps.clock.now() } as const;
    if (request.passageId !== undefined) {
      if (!index.passages.has(request.passageId)) throw new TeachingError('unknownPassage', request.passageId);
      return { ...base, kind: 'example_question', passageId: request.passageId };
    }
    if (contact !== undefined) return { ...base, kind: 'contact', contact };
    // The words that make the question another matter: those the guidelines never use.
    const unknown = searchGuidelines(index, text, lang).unknownWords.map((w) => w.toLocaleLowerCase('sv'));
    if (unknown.length === 0) throw new TeachingError('noUnknownWords');
    return { ...base, kind: 'out_of_scope', words: [...new Set(unknown.map((w) => (w.length >= 5 ? `${w}*` : w)))] };
  }

  /**
   * Checks and stores a teaching; running processes pick it up at their next poll. Throws a TeachingError, or an
   * AlreadyTaughtError when the same teaching is in effect already (nothing is stored: teaching it twice changes
   * nothing, whoever asks).
   */
  async teach(request: TeachingRequest, actor: string): Promise<LearnedItem> {
    const item = this.teachingOf(request, actor);
    const existing = (await this.deps.store.learnedItems()).find((other) => sameTeaching(other, item));
    if (existing) throw new AlreadyTaughtError(existing);
    return this.deps.store.addLearned(item);
  }

  /** Teachings, oldest first; undone ones only when asked for. */
  learned(options: { includeUndone?: boolean } = {}): Promise<LearnedItem[]> {
    return this.deps.store.learnedItems(options);
  }

  /** Undoes a teaching; false when there is none in effect with this id. */
  undo(id: number, actor: string): Promise<boolean> {
    return this.deps.store.undoLearned(id, actor, this.deps.clock.now());
  }
}
