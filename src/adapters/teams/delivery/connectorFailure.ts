import { TeamsError, TeamsErrorCode } from '../teamsErrors';

/** What a Bot Connector error says: the HTTP status and the Retry-After header, when present. */
interface ConnectorErrorLike {
  statusCode?: unknown;
  status?: unknown;
  response?: { status?: unknown; headers?: unknown };
}

function headerOf(headers: unknown, name: string): string | undefined {
  if (!headers || typeof headers !== 'object') return undefined;
  const h = headers as { get?: (n: string) => unknown } & Record<string, unknown>;
  const value = typeof h.get === 'function' ? h.get(name) : (h[name] ?? h[name.toLowerCase()]);
  return typeof value === 'string' ? value : undefined;
}

/** Retry-After as milliseconds: delta-seconds or an HTTP date; undefined when absent or unreadable. */
export function parseRetryAfter(value: string | undefined, now: Date = new Date()): number | undefined {
  if (value === undefined || value.trim() === '') return undefined;
  const seconds = Number(value.trim());
  if (Number.isFinite(seconds)) return Math.max(0, Math.round(seconds * 1000));
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now.getTime());
}

/**
 * A TeamsError for whatever a call to the Bot Connector threw: 401 Unauthorized, 403 Forbidden (blocked or
 * uninstalled), 404 ConversationGone, 429 RateLimited (with Retry-After), everything else Unavailable.
 */
export function connectorFailure(err: unknown): TeamsError {
  if (err instanceof TeamsError) return err;
  const e = (err && typeof err === 'object' ? err : {}) as ConnectorErrorLike;
  const raw = e.statusCode ?? e.status ?? e.response?.status;
  const status = typeof raw === 'number' ? raw : typeof raw === 'string' && /^\d{3}$/.test(raw) ? Number(raw) : undefined;
  switch (status) {
    case 401:
      return new TeamsError(TeamsErrorCode.Unauthorized, status);
    case 403:
      return new TeamsError(TeamsErrorCode.Forbidden, status);
    case 404:
      return new TeamsError(TeamsErrorCode.ConversationGone, status);
    case 429:
      return new TeamsError(TeamsErrorCode.RateLimited, status, parseRetryAfter(headerOf(e.response?.headers, 'retry-after')));
    default:
      return new TeamsError(TeamsErrorCode.Unavailable, status);
  }
}

/** How a delivery waits out Teams' throttling before giving the message back to the relay. */
export interface ThrottlePolicy {
  /** Retries after a 429 within one call. */
  maxRetries: number;
  /** The most this call may wait in total; a longer Retry-After goes back to the relay instead. */
  maxWaitMs: number;
  /** Wait when Teams sends 429 without Retry-After. */
  defaultRetryAfterMs: number;
  /** Source of jitter in [0, 1). */
  random: () => number;
  sleep: (ms: number) => Promise<void>;
}

export const DEFAULT_THROTTLE_POLICY: ThrottlePolicy = {
  maxRetries: 3,
  maxWaitMs: 10_000,
  defaultRetryAfterMs: 1000,
  random: Math.random,
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

/**
 * Runs one Bot Connector call. A 429 is retried after its Retry-After plus up to 25 % jitter (so throttled
 * senders do not retry in step), as long as the waits stay within the policy; any other failure, or a 429
 * that does not clear in time, is thrown as a TeamsError (RateLimited carries the wait the relay must keep).
 */
export async function withThrottleRetry<T>(call: () => Promise<T>, policy: ThrottlePolicy): Promise<T> {
  let waited = 0;
  for (let attempt = 0; ; attempt++) {
    try {
      return await call();
    } catch (err) {
      const failure = connectorFailure(err);
      if (failure.code !== TeamsErrorCode.RateLimited) throw failure;
      const base = failure.retryAfterMs ?? policy.defaultRetryAfterMs;
      const wait = Math.round(base * (1 + 0.25 * policy.random()));
      if (attempt >= policy.maxRetries || waited + wait > policy.maxWaitMs) {
        throw new TeamsError(TeamsErrorCode.RateLimited, 429, wait);
      }
      waited += wait;
      await policy.sleep(wait);
    }
  }
}
