import type { BlockAction, ButtonAction, Middleware, SlackActionMiddlewareArgs } from '@slack/bolt';

/** A button click (block_actions with a button element), as the action listeners receive it. */
export type ButtonClick = SlackActionMiddlewareArgs<BlockAction<ButtonAction>>;
export type ButtonListener = Middleware<ButtonClick>;

/** Whether the click came from inside a modal (then a new modal is pushed, not opened). */
export function inModal(body: BlockAction<ButtonAction>): boolean {
  return body.view?.type === 'modal';
}

/** The respond() of a click on a message (ephemeral replies under it); undefined for views. */
export function messageRespond(args: ButtonClick): ButtonClick['respond'] | undefined {
  return args.body.response_url ? args.respond : undefined;
}
