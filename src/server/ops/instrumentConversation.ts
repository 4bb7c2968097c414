import type { Conversation } from '../../core/conversation/conversation';
import type { Metrics } from './metrics';

/**
 * Counts the guideline answers of every channel: replaces `handle` on this Conversation instance with one
 * that counts each answer reply (answered or not) and then returns the replies unchanged. Dialog replies
 * (reports) are not answers and are not counted. Call once, before channels are mounted.
 */
export function instrumentConversation(conversation: Conversation, metrics: Metrics): void {
  const handle = conversation.handle.bind(conversation);
  conversation.handle = async (message) => {
    const replies = await handle(message);
    for (const reply of replies) {
      if (reply.type === 'answer') metrics.countAnswer(reply.lang, reply.answer.answered ? 'answered' : 'no_answer');
    }
    return replies;
  };
}
