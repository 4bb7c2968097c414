/** Retry timing of the outbox relay. */
export interface BackoffSettings {
  /** Ceiling of the first wait; doubles per failure. */
  baseDelayMs: number;
  /** Ceiling of any wait. */
  maxDelayMs: number;
}

/** No platform gets to park a message for more than a day with Retry-After. */
export const MAX_RETRY_AFTER_MS = 24 * 60 * 60 * 1000;

/**
 * Wait before the next attempt after `failures` failed attempts (1, 2, ...): exponential backoff with full
 * jitter (uniform in [0, min(max, base·2^(failures−1))]), but never shorter than the platform's Retry-After.
 */
export function retryDelayMs(failures: number, settings: BackoffSettings, random: () => number = Math.random, retryAfterMs?: number): number {
  const exponent = Math.min(Math.max(failures - 1, 0), 30);
  const ceiling = Math.min(settings.maxDelayMs, settings.baseDelayMs * 2 ** exponent);
  const jittered = Math.floor(random() * ceiling);
  const floor = retryAfterMs !== undefined && retryAfterMs > 0 ? Math.min(retryAfterMs, MAX_RETRY_AFTER_MS) : 0;
  return Math.max(jittered, floor);
}
