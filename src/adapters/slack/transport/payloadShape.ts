import { z } from 'zod';

/**
 * The request bodies Slack sends to the events URL, as far as the adapter relies on them. Anything else that
 * arrives signed but parses to something of no known shape is malformed (400): Bolt would otherwise wait
 * 3 s for an acknowledgement that never comes.
 */
const eventCallback = z.looseObject({
  type: z.literal('event_callback'),
  event_id: z.string().min(1),
  event: z.looseObject({ type: z.string().min(1) }),
});
const slashCommand = z.looseObject({ command: z.string().startsWith('/'), user_id: z.string().min(1) });
const interaction = z.looseObject({
  type: z.enum(['block_actions', 'view_submission', 'view_closed', 'shortcut', 'message_action', 'block_suggestion']),
  user: z.looseObject({ id: z.string().min(1) }),
});
/** Slack tells the app it dropped events because the app was too slow; nothing to do but log it. */
const rateLimited = z.looseObject({ type: z.literal('app_rate_limited') });

export type SlackBodyKind = 'dispatch' | 'rate_limited' | 'malformed';

/** Whether a verified, parsed body is for Bolt to dispatch, a rate-limit notice, or malformed. */
export function classifySlackBody(body: unknown): SlackBodyKind {
  if (eventCallback.safeParse(body).success || slashCommand.safeParse(body).success || interaction.safeParse(body).success) return 'dispatch';
  if (rateLimited.safeParse(body).success) return 'rate_limited';
  return 'malformed';
}
