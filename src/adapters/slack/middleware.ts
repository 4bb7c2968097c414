import type { AnyMiddlewareArgs, Middleware } from '@slack/bolt';
import type { Clock, Store } from '../../core/ports';
import type { Logger } from '../../core/logger';
import { KNOWN_ACTIONS, KNOWN_SHORTCUTS, KNOWN_VIEWS, SLASH_COMMAND } from './ids';
import type { InFlight } from './inFlight';

/** Slack redelivers an unanswered event for a few minutes; event ids are kept a day. */
export const EVENT_ID_TTL_MS = 24 * 60 * 60 * 1000;
const PURGE_EVERY_MS = 60 * 60 * 1000;

/** Global middleware: every request's processing is tracked, so shutdown can wait for it. */
export function trackInFlight(inFlight: InFlight): Middleware<AnyMiddlewareArgs> {
  return async ({ next }) => {
    await inFlight.run(() => next());
  };
}

/**
 * Global middleware: an event whose `event_id` was handled before (Slack retries when it got no answer
 * within 3 s, and Socket Mode redelivers too) stops here, so one message never yields two answers or two
 * reports. The id is recorded in the store (shared by every process on one database) before the listener
 * runs: a crash while handling loses that one event rather than doubling it.
 */
export function dedupeEvents(store: Store, clock: Clock, logger: Logger): Middleware<AnyMiddlewareArgs> {
  let lastPurge = 0;
  return async ({ body, next }) => {
    const eventId = (body as { event_id?: unknown }).event_id;
    if (typeof eventId === 'string' && eventId.length > 0) {
      const now = clock.now();
      if (!(await store.claimSlackEvent(eventId, now))) {
        logger.info('slack_event_redelivered', { eventId });
        return;
      }
      if (now.getTime() - lastPurge > PURGE_EVERY_MS) {
        lastPurge = now.getTime();
        await store.purgeSlackEvents(new Date(now.getTime() - EVENT_ID_TTL_MS));
      }
    }
    await next();
  };
}

/**
 * Global middleware: an interaction no listener handles (an action, view, shortcut or command of an older
 * version of the app; a closed modal; an options request) is acknowledged and dropped, instead of leaving Slack waiting for 3 s.
 */
export function acknowledgeUnknown(logger: Logger): Middleware<AnyMiddlewareArgs> {
  return async (args) => {
    const body = args.body as {
      type?: string;
      command?: string;
      callback_id?: string;
      view?: { callback_id?: string };
      actions?: { action_id?: string }[];
    };
    const ack = (args as { ack?: (response?: unknown) => Promise<void> }).ack;
    const unknown =
      (body.type === 'block_actions' && !(body.actions ?? []).every((a) => KNOWN_ACTIONS.includes(a.action_id ?? ''))) ||
      (body.type === 'view_submission' && !KNOWN_VIEWS.includes(body.view?.callback_id ?? '')) ||
      body.type === 'view_closed' ||
      body.type === 'block_suggestion' ||
      ((body.type === 'shortcut' || body.type === 'message_action') && !KNOWN_SHORTCUTS.includes(body.callback_id ?? '')) ||
      (body.command !== undefined && body.command !== SLASH_COMMAND);
    if (unknown && ack) {
      logger.info('slack_unhandled_interaction', { type: body.type ?? 'command' });
      await ack();
      return;
    }
    await args.next();
  };
}
