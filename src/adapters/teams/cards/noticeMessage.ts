import type { Activity } from 'botbuilder';

/** A short plain message from the adapter itself (already translated), e.g. "thank you" or an error. */
export function noticeMessage(text: string): Partial<Activity> {
  return { type: 'message', text, textFormat: 'plain' };
}
