import { connectorFailure, parseRetryAfter, withThrottleRetry, type ThrottlePolicy } from '../../../src/adapters/teams/delivery/connectorFailure';
import { RedeliveryGuard } from '../../../src/adapters/teams/redeliveryGuard';
import { TeamsErrorCode } from '../../../src/adapters/teams/teamsErrors';
import { channelOfConversation } from '../../../src/adapters/teams/conversationKeys';

/** An error shaped like the Azure SDK's RestError (status, and headers behind get()). */
function restError(statusCode: number, retryAfter?: string) {
  const headers = new Map(retryAfter ? [['retry-after', retryAfter]] : []);
  return Object.assign(new Error(`status ${statusCode}`), { name: 'RestError', statusCode, response: { status: statusCode, headers: { get: (n: string) => headers.get(n) } } });
}

describe('connectorFailure', () => {
  it('maps Bot Connector statuses to codes', () => {
    expect([401, 403, 404, 429, 500, 502].map((s) => connectorFailure(restError(s)).code)).toEqual([
      TeamsErrorCode.Unauthorized,
      TeamsErrorCode.Forbidden,
      TeamsErrorCode.ConversationGone,
      TeamsErrorCode.RateLimited,
      TeamsErrorCode.Unavailable,
      TeamsErrorCode.Unavailable,
    ]);
    expect(connectorFailure(Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' })).code).toBe(TeamsErrorCode.Unavailable);
    expect(connectorFailure(restError(429, '7')).retryAfterMs).toBe(7000);
  });

  it('reads Retry-After as seconds or as a date', () => {
    const now = new Date('2026-03-16T08:00:00Z');
    expect(parseRetryAfter('3', now)).toBe(3000);
    expect(parseRetryAfter('Mon, 16 Mar 2026 08:00:10 GMT', now)).toBe(10_000);
    expect(parseRetryAfter('soon', now)).toBeUndefined();
    expect(parseRetryAfter(undefined, now)).toBeUndefined();
  });
});

describe('withThrottleRetry', () => {
  const policy = (waits: number[], overrides: Partial<ThrottlePolicy> = {}): ThrottlePolicy => ({
    maxRetries: 3,
    maxWaitMs: 10_000,
    defaultRetryAfterMs: 1000,
    random: () => 1,
    sleep: async (ms) => void waits.push(ms),
    ...overrides,
  });

  it('waits Retry-After plus jitter after a 429 and tries again', async () => {
    const waits: number[] = [];
    let calls = 0;
    const result = await withThrottleRetry(async () => {
      if (++calls < 3) throw restError(429, calls === 1 ? '2' : undefined);
      return 'sent';
    }, policy(waits));
    expect(result).toBe('sent');
    expect(waits).toEqual([2500, 1250]); // 2 s and the 1 s default, each plus up to 25 %
  });

  it('gives up when the wait would exceed the budget, handing the wait to the relay', async () => {
    const waits: number[] = [];
    const error = await withThrottleRetry(() => Promise.reject(restError(429, '60')), policy(waits)).catch((e) => e);
    expect(error).toEqual(expect.objectContaining({ code: TeamsErrorCode.RateLimited, retryAfterMs: 75_000 }));
    expect(waits).toEqual([]);
  });

  it('never retries anything but a 429 (the relay decides)', async () => {
    let calls = 0;
    const error = await withThrottleRetry(() => {
      calls++;
      return Promise.reject(restError(500));
    }, policy([])).catch((e) => e);
    expect(error.code).toBe(TeamsErrorCode.Unavailable);
    expect(calls).toBe(1);
  });
});

describe('RedeliveryGuard', () => {
  const activity = { id: 'a1', conversation: { id: 'c1' } } as never;

  it('runs the first copy only, also while it is still running', async () => {
    const guard = new RedeliveryGuard();
    let release!: () => void;
    let runs = 0;
    const first = guard.once(activity, () => new Promise<void>((resolve) => ((runs += 1), (release = resolve))));
    expect(await guard.once(activity, async () => void (runs += 1))).toBe(false);
    release();
    expect(await first).toBe(true);
    expect(runs).toBe(1);
  });

  it('lets a redelivery through when the first copy failed, and forgets ids after the window', async () => {
    let now = 0;
    const guard = new RedeliveryGuard(1000, () => now);
    await expect(guard.once(activity, () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    expect(await guard.once(activity, async () => undefined)).toBe(true);
    now = 2000;
    expect(await guard.once(activity, async () => undefined)).toBe(true);
  });
});

describe('channelOfConversation', () => {
  it('drops the thread of a channel conversation id', () => {
    expect(channelOfConversation('19:abc@thread.tacv2;messageid=1716')).toBe('19:abc@thread.tacv2');
    expect(channelOfConversation('a:1personal')).toBe('a:1personal');
  });
});
