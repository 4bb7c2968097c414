import fc from 'fast-check';
import { MAX_RETRY_AFTER_MS, retryDelayMs } from '../../../src/core/delivery/backoff';

const settings = { baseDelayMs: 1000, maxDelayMs: 60_000 };

describe('retryDelayMs (exponential backoff, full jitter)', () => {
  it('doubles the ceiling per failure up to the maximum', () => {
    const top = (failures: number) => retryDelayMs(failures, settings, () => 0.999999);
    expect([1, 2, 3, 4, 7, 8, 30].map(top)).toEqual([999, 1999, 3999, 7999, 59_999, 59_999, 59_999]);
  });

  it('is uniform between zero and the ceiling', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 200 }), fc.double({ min: 0, max: 0.9999999, noNaN: true }), (failures, random) => {
        const delay = retryDelayMs(failures, settings, () => random);
        const ceiling = Math.min(settings.maxDelayMs, settings.baseDelayMs * 2 ** Math.min(failures - 1, 30));
        return delay >= 0 && delay < ceiling;
      }),
    );
  });

  it('never waits less than Retry-After, capped at a day', () => {
    expect(retryDelayMs(1, settings, () => 0, 120_000)).toBe(120_000);
    expect(retryDelayMs(8, settings, () => 0.9, 10)).toBe(54_000);
    expect(retryDelayMs(1, settings, () => 0, 10 * MAX_RETRY_AFTER_MS)).toBe(MAX_RETRY_AFTER_MS);
  });
});
