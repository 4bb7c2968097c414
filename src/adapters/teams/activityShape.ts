import { z } from 'zod';

const account = z.looseObject({ id: z.string().min(1).max(1024) });

/**
 * The least an inbound Bot Framework activity must have for the bot to handle it: a type, an id (to drop
 * redeliveries), the channel, an http(s) service URL to answer to, and the sender, recipient and
 * conversation ids. Everything else passes through to botbuilder. Text is capped well above Teams' own limit.
 */
const inboundActivitySchema = z.looseObject({
  type: z.string().min(1).max(64),
  id: z.string().min(1).max(1024),
  channelId: z.string().min(1).max(64),
  serviceUrl: z.string().max(2048).refine((value) => /^https?:\/\/[^\s/]+/i.test(value), { error: 'expected an http(s) URL' }),
  from: account,
  recipient: account,
  conversation: account,
  text: z.string().max(100_000).optional(),
});

export type ShapeCheck = { ok: true } | { ok: false; field: string };

/** Whether a request body can be handed to botbuilder; names the first field at fault otherwise. */
export function checkActivityShape(body: unknown): ShapeCheck {
  const parsed = inboundActivitySchema.safeParse(body);
  if (parsed.success) return { ok: true };
  const path = parsed.error.issues[0]?.path.map(String).join('.') ?? '';
  return { ok: false, field: path || 'body' };
}
