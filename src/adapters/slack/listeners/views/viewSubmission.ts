import type { Middleware, SlackViewMiddlewareArgs, ViewSubmitAction } from '@slack/bolt';

/** A modal's submission, as the view listeners receive it. */
export type ViewSubmissionListener = Middleware<SlackViewMiddlewareArgs<ViewSubmitAction>>;

/** Where the report form of one modal keeps its dialog state (between the form and its preview). */
export function modalConversation(rootViewId: string): string {
  return `slack-modal:${encodeURIComponent(rootViewId)}`;
}
