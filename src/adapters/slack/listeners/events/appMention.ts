import type { Middleware, SlackEventMiddlewareArgs } from '@slack/bolt';
import { conversationId } from '../../../../core/reports/dialogSessions';
import type { SlackDeps } from '../../deps';
import { replyToText } from '../../replies/textReply';

/** Mentions (<@U…>) are not part of the question. */
const MENTION = /<@[A-Z0-9]+(?:\|[^>]*)?>/g;

/**
 * "@somebot …" in a channel (event `app_mention`): the answer goes into the thread of the mention. A
 * mention inside a DM is left to the direct-message listener, which already answers it.
 */
export function appMention(deps: SlackDeps): Middleware<SlackEventMiddlewareArgs<'app_mention'>> {
  return async ({ event }) => {
    if (!event.user || event.channel.startsWith('D') || event.bot_id) return;
    const threadTs = event.thread_ts ?? event.ts;
    const user = await deps.users.identify(event.user);
    const reply = await replyToText(deps, user, event.text.replace(MENTION, ' '), conversationId('slack', event.channel, threadTs));
    await deps.api.post(event.channel, reply, threadTs);
  };
}
