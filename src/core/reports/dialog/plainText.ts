import type { BotReply } from './types';

/** A reply for text-only surfaces (CLI, e-mail, web fallback): the text, then the choices numbered from 1. */
export function renderPlainText(reply: BotReply): string {
  if (!reply.choices || reply.choices.length === 0) return reply.text;
  return [reply.text, ...reply.choices.map((c, i) => `  ${i + 1}. ${c.label}`)].join('\n');
}
