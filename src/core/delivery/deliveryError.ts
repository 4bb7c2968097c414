/**
 * What a Notifier throws when a message could not be delivered.
 * - `retryAfterMs`: the platform asked us to wait (HTTP Retry-After); the relay waits at least this long.
 * - `permanent`: retrying cannot help (unknown user, channel archived); the row is dead-lettered at once.
 * - `recipientUnreachable`: this platform cannot reach this recipient (e.g. Teams 403 for a user who never
 *   installed or blocked the bot) and nothing was delivered: another platform may still reach them.
 * - `notSent`: the platform answered that it did not take the message (an error reply, a 429): no need to
 *   ask it later whether the attempt landed.
 * `reason` is a short code for logs and the outbox row (e.g. 'rate_limited', 'channel_not_found'): never
 * put message text in it. Any other thrown error counts as a transient failure whose outcome is unknown.
 */
export class DeliveryError extends Error {
  override readonly name = 'DeliveryError';
  readonly code = 'delivery_failed';
  readonly reason: string;
  readonly retryAfterMs?: number;
  readonly permanent: boolean;
  readonly recipientUnreachable: boolean;
  readonly notSent: boolean;

  constructor(reason: string, options: { retryAfterMs?: number; permanent?: boolean; recipientUnreachable?: boolean; notSent?: boolean; cause?: unknown } = {}) {
    super(`delivery failed: ${reason}`, options.cause === undefined ? undefined : { cause: options.cause });
    this.reason = reason;
    if (options.retryAfterMs !== undefined) this.retryAfterMs = options.retryAfterMs;
    this.permanent = options.permanent ?? false;
    this.recipientUnreachable = options.recipientUnreachable ?? false;
    this.notSent = options.notSent ?? false;
  }
}

export function isDeliveryError(value: unknown): value is DeliveryError {
  return value instanceof DeliveryError;
}
