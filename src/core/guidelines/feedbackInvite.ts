import type { GuidelineAnswer } from './guidelineAnswerer';

/**
 * Whether a reply asks "Was this answer helpful?": only when it answers, or fails to answer, a question. An empty
 * message, one without words to search, and small talk ("hej", "tack", "hjälp") got no answer to judge, and a
 * "Not helpful" on them would only put greetings into the content owners' review. Every door asks the same.
 */
export function invitesFeedback(answer: Pick<GuidelineAnswer, 'reason'>): boolean {
  return answer.reason !== 'empty' && answer.reason !== 'no_words' && answer.reason !== 'small_talk';
}
