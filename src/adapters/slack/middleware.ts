import { createHash } from 'node:crypto';
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
 * The key under which a request is remembered as handled: an event by its `event_id`; a slash command or an
 * interaction by its `trigger_id` (unique per user action), or, for those without one (view_closed), by a
 * hash of the whole body. Options requests (block_suggestion) are not deduplicated: typing the same text
 * twice is two requests.
 */
export function requestKey(body: unknown): { key: string; event: boolean } | undefined {
  const b = (body ?? {}) as { event_id?: unknown; trigger_id?: unknown; type?: unknown; command?: unknown };
  if (typeof b.event_id === 'string' && b.event_id.length > 0) return { key: b.event_id, event: true };
  if (b.type === 'block_suggestion' || b.type === 'url_verification') return undefined;
  if (typeof b.trigger_id === 'string' && b.trigger_id.length > 0) return { key: `trigger:${b.trigger_id}`, event: false };
  if (typeof b.command === 'string' || typeof b.type === 'string') {
    return { key: `body:${createHash('sha256').update(JSON.stringify(body)).digest('base64url')}`, event: false };
  }
  return undefined;
}

/**
 * Global middleware: a request handled before stops here, acknowledged and otherwise ignored — an event
 * Slack redelivers (it retries when it got no answer within 3 s; Socket Mode redelivers too), and a slash
 * command or interaction replayed (the same signed request sent again within Slack's five-minute window,
 * or the same trigger_id), so one message never yields two answers or two reports. The key (requestKey)
 * is recorded in the store (shared by every process on one database) before the listener runs: a crash
 * while handling loses that one request rather than doubling it.
 */
export function dedupeEvents(store: Store, clock: Clock, logger: Logger): Middleware<AnyMiddlewareArgs> {
  let lastPurge = 0;
  return async (args) => {
    const request = requestKey(args.body);
    if (request !== undefined) {
      const now = clock.now();
      if (!(await store.claimSlackEvent(request.key, now))) {
        const ack = (args as { ack?: () => Promise<void> }).ack;
        if (request.event) logger.info('slack_event_redelivered', { eventId: request.key });
        else logger.info('slack_request_replayed', { kind: request.key.split(':')[0] });
        if (ack) await ack();
        return;
      }
      if (now.getTime() - lastPurge > PURGE_EVERY_MS) {
        lastPurge = now.getTime();
        await store.purgeSlackEvents(new Date(now.getTime() - EVENT_ID_TTL_MS));
      }
    }
    await args.next();
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
