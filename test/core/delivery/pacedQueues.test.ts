import { PacedQueues } from '../../../src/core/delivery/pacedQueues';

/** A clock the queue's sleeps move forward, so spacing is exact and nothing waits in real time. */
function fakeTime() {
  let now = 1_000_000;
  const sleeps: number[] = [];
  return {
    now: () => now,
    sleep: async (ms: number) => {
      sleeps.push(ms);
      now += ms;
    },
    advance: (ms: number) => (now += ms),
    sleeps,
  };
}

describe('PacedQueues', () => {
  it('starts turns for one chat an interval apart, in the order asked, and other chats without waiting', async () => {
    const t = fakeTime();
    const queues = new PacedQueues(t.now, t.sleep);
    const started: [string, number][] = [];
    const ask = (key: string, label: string) => queues.turn(key, 1000).then(() => started.push([label, t.now()]));
    await Promise.all([ask('slack:U1', 'a1'), ask('slack:U1', 'a2'), ask('slack:U2', 'b1'), ask('slack:U1', 'a3')]);
    const of = (prefix: string) => started.filter(([label]) => label.startsWith(prefix));
    expect(of('a').map(([label]) => label)).toEqual(['a1', 'a2', 'a3']);
    const times = of('a').map(([, at]) => at);
    expect(times[1]! - times[0]!).toBeGreaterThanOrEqual(1000);
    expect(times[2]! - times[1]!).toBeGreaterThanOrEqual(1000);
    // Only a2 and a3 waited: b1, on another chat, did not.
    expect(t.sleeps).toHaveLength(2);
  });

  it('estimates the wait of the next turn from the turns queued', async () => {
    const t = fakeTime();
    const queues = new PacedQueues(t.now, t.sleep);
    await queues.turn('k', 1000);
    expect(queues.waitMs('k', 1000)).toBe(1000);
    expect(queues.waitMs('other', 1000)).toBe(0);
  });

  it('drains 450 turns for one person at one a second: 449 seconds from first to last, each exactly an interval apart', async () => {
    const t = fakeTime();
    const queues = new PacedQueues(t.now, t.sleep);
    const starts: number[] = [];
    await Promise.all(Array.from({ length: 450 }, () => queues.turn('slack:U0KARIN001', 1000).then(() => starts.push(t.now()))));
    expect(starts[449]! - starts[0]!).toBe(449_000);
    expect(new Set(starts.slice(1).map((s, i) => s - starts[i]!))).toEqual(new Set([1000]));
  });
});
