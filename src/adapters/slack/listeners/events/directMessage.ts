import type { Middleware, SlackEventMiddlewareArgs } from '@slack/bolt';
import { conversationId } from '../../../../core/reports/dialogSessions';
import type { SlackDeps } from '../../deps';
import { replyToText } from '../../replies/textReply';

/**
 * A direct message to the bot (event `message`, channel_type `im`): the answer is posted in the same DM
 * (in the thread, when the person wrote in one). Edits, bot messages and other subtypes are ignored.
 */
export function directMessage(deps: SlackDeps): Middleware<SlackEventMiddlewareArgs<'message'>> {
  return async ({ event }) => {
    if (event.subtype !== undefined || event.channel_type !== 'im' || event.bot_id || !event.user) return;
    const user = await deps.users.identify(event.user);
    const conversation = conversationId('slack', event.channel, event.thread_ts);
    const reply = await replyToText(deps, user, event.text ?? '', conversation);
    await deps.api.post(event.channel, reply, event.thread_ts);
  };
}
