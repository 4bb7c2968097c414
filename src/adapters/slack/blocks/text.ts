import type { MrkdwnElement, PlainTextElement } from '../slackTypes';

/** Block Kit limits the renderers respect (https://docs.slack.dev/reference/block-kit). */
export const LIMIT = {
  sectionText: 3000,
  headerText: 150,
  buttonText: 75,
  optionText: 75,
  modalTitle: 24,
  modalButton: 24,
  inputMaxLength: 3000,
  blocksPerMessage: 50,
  blocksPerView: 100,
  contextElements: 10,
  privateMetadata: 3000,
  buttonValue: 2000,
  /** The message text Slack shows in notifications: kept short and free of report content. */
  fallbackText: 300,
} as const;

/** Cuts `text` to `max` characters, ending with an ellipsis when cut. */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  return `${text.slice(0, Math.max(0, max - 1)).trimEnd()}…`;
}

/**
 * Escapes the three characters Slack's mrkdwn treats as control characters, so text a person typed (a report,
 * a quoted message) can never become a link, a mention (<!channel>) or a broken message.
 */
export function escapeMrkdwn(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Plain text as a mrkdwn quote (each line prefixed with "> "), escaped. */
export function quoteMrkdwn(text: string): string {
  return text
    .split('\n')
    .map((line) => `>${line.length > 0 ? ' ' : ''}${escapeMrkdwn(line)}`)
    .join('\n');
}

export function plain(text: string, max: number = LIMIT.sectionText): PlainTextElement {
  return { type: 'plain_text', text: truncate(text, max), emoji: true };
}

/** mrkdwn text; the caller escapes what a person typed (see escapeMrkdwn). */
export function mrkdwn(text: string, max: number = LIMIT.sectionText): MrkdwnElement {
  return { type: 'mrkdwn', text: truncate(text, max) };
}

/**
 * The message's top-level `text` (notifications, screen readers): Slack reads it as mrkdwn too, so text a
 * person typed is escaped like any other, and kept short.
 */
export function fallbackText(text: string): string {
  return escapeMrkdwn(truncate(text, LIMIT.fallbackText));
}
