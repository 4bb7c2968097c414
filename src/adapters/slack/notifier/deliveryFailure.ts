import { DeliveryError, isDeliveryError } from '../../../core/delivery/deliveryError';

/** Web API error codes (the `code` of @slack/web-api errors). */
const WEB_API = {
  platform: 'slack_webapi_platform_error',
  rateLimited: 'slack_webapi_rate_limited_error',
  http: 'slack_webapi_http_error',
  request: 'slack_webapi_request_error',
} as const;

/**
 * Slack errors that concern this recipient and will not go away by waiting: the relay dead-letters the
 * message at once (and IT security hears of it). Errors of the app's own set-up (invalid_auth,
 * missing_scope, ...) are retried with backoff instead: they are fixed once for every message.
 */
const PERMANENT = new Set([
  'channel_not_found',
  'user_not_found',
  'users_not_found',
  'is_archived',
  'not_in_channel',
  'account_inactive',
  'user_disabled',
  'cannot_dm_bot',
  'restricted_action',
  'msg_too_long',
  'invalid_blocks',
  'no_text',
]);

/** Error answers after which Slack may still have done part of the work (its docs say so): outcome unknown. */
const MAYBE_DONE = new Set(['fatal_error', 'internal_error', 'request_timeout', 'service_unavailable']);

/**
 * A failed Web API call as the DeliveryError the relay understands: 429 → retry no sooner than Retry-After;
 * recipient errors → permanent; anything else → transient. A 429 or an error answer ({ ok: false }) means
 * Slack did not take the message (`notSent`); an HTTP error or a lost connection leaves it unknown. The
 * reason is a short code, never message text.
 */
export function deliveryFailure(err: unknown): DeliveryError {
  if (isDeliveryError(err)) return err;
  const e = (err ?? {}) as { code?: unknown; retryAfter?: unknown; data?: { error?: unknown }; statusCode?: unknown };
  switch (e.code) {
    case WEB_API.rateLimited: {
      const seconds = typeof e.retryAfter === 'number' && e.retryAfter > 0 ? e.retryAfter : 1;
      return new DeliveryError('slack_rate_limited', { retryAfterMs: seconds * 1000, notSent: true, cause: err });
    }
    case WEB_API.platform: {
      const code = typeof e.data?.error === 'string' ? e.data.error.replace(/[^a-z0-9_]/gi, '').slice(0, 60) : 'unknown';
      return new DeliveryError(`slack_${code}`, { permanent: PERMANENT.has(code), notSent: !MAYBE_DONE.has(code), cause: err });
    }
    case WEB_API.http:
      return new DeliveryError(`slack_http_${typeof e.statusCode === 'number' ? e.statusCode : 'error'}`, { cause: err });
    case WEB_API.request:
      return new DeliveryError('slack_unreachable', { cause: err });
    default:
      return new DeliveryError('slack_failed', { cause: err });
  }
}
