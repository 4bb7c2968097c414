import type { Bot } from '../../app/bot';
import type { ConversationSession } from '../../core/conversation/conversation';
import type { DialogSessions } from '../../core/reports/dialogSessions';
import type { ConversationBook } from './conversationBook';
import type { ProactiveSender } from './delivery/proactiveSender';
import type { PromptTracker } from './promptTracker';
import type { TurnQueue } from './turnQueue';

/** What the Teams turn handlers share. They translate and call the core; none of them decides anything. */
export interface TeamsTurnDeps {
  bot: Bot;
  book: ConversationBook;
  /** The dialog sessions of the Conversation (same store and shape), for the report form's preview step. */
  sessions: DialogSessions<ConversationSession>;
  sender: ProactiveSender;
  prompts: PromptTracker;
  /** Orders the turns of each personal chat. */
  turns: TurnQueue;
}
