import { z } from 'zod';

/**
 * The request bodies Slack sends to the events URL, as far as the adapter and Bolt rely on them (fields as
 * documented for each payload at https://docs.slack.dev/reference/interaction-payloads and the slash command
 * reference). Anything else that arrives signed is malformed and answered 400: Bolt would otherwise fail on
 * a missing field (HTTP 500) or wait 3 s for an acknowledgement that never comes.
 */
const id = z.string().min(1);
const user = z.looseObject({ id });
const eventCallback = z.looseObject({
  type: z.literal('event_callback'),
  event_id: id,
  event: z.looseObject({ type: id }),
});
const slashCommand = z.looseObject({
  command: z.string().startsWith('/'),
  user_id: id,
  team_id: id,
  channel_id: id,
  trigger_id: id,
  text: z.string().optional(),
});
/** A modal as view_submission and view_closed carry it. */
const view = z.looseObject({ id, callback_id: z.string(), state: z.looseObject({ values: z.record(z.string(), z.unknown()) }).optional() });
const interaction = z.discriminatedUnion('type', [
  z.looseObject({ type: z.literal('block_actions'), user, trigger_id: id, actions: z.array(z.looseObject({ action_id: id })).min(1) }),
  z.looseObject({ type: z.literal('view_submission'), user, trigger_id: id, view: view.extend({ state: z.looseObject({ values: z.record(z.string(), z.unknown()) }) }) }),
  z.looseObject({ type: z.literal('view_closed'), user, view }),
  z.looseObject({ type: z.literal('shortcut'), user, trigger_id: id, callback_id: id }),
  z.looseObject({
    type: z.literal('message_action'),
    user,
    trigger_id: id,
    callback_id: id,
    channel: z.looseObject({ id }),
    message: z.looseObject({ ts: id }),
  }),
  z.looseObject({ type: z.literal('block_suggestion'), user, action_id: id }),
]);
/** Slack tells the app it dropped events because the app was too slow; nothing to do but log it. */
const rateLimited = z.looseObject({ type: z.literal('app_rate_limited') });

export type SlackBodyKind = 'dispatch' | 'rate_limited' | 'malformed';

/** Whether a verified, parsed body is for Bolt to dispatch, a rate-limit notice, or malformed. */
export function classifySlackBody(body: unknown): SlackBodyKind {
  if (eventCallback.safeParse(body).success || slashCommand.safeParse(body).success || interaction.safeParse(body).success) return 'dispatch';
  if (rateLimited.safeParse(body).success) return 'rate_limited';
  return 'malformed';
}
