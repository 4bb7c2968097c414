import { BACKENDS, TEST_DATABASE_URL, TEST_KEY, closeSharedPglite, openTestReporting, type TestReporting } from '../../helpers/db';
import { openPostgresDriver } from '../../../src/storage/postgresDriver';
import { openSqlStore } from '../../../src/storage/sqlStore';
import { ContentCipher } from '../../../src/storage/contentCipher';
import { DialogSessions, conversationId } from '../../../src/core/reports/dialogSessions';
import { step, type DialogState } from '../../../src/core/reports/dialog';
import { DEMO, demoContext } from '../../helpers/reportFixtures';

afterAll(closeSharedPglite);

describe('conversationId', () => {
  it('normalises platform, channel and thread, escaping separators inside ids', () => {
    expect(conversationId('slack', 'D0123', '1710576000.000100')).toBe('slack:D0123:1710576000.000100');
    expect(conversationId('web', 'anna.lindqvist')).toBe('web:anna.lindqvist:-');
    expect(conversationId('teams', '19:abc@thread.tacv2', '')).toBe('teams:19%3Aabc%40thread.tacv2:-');
  });
});

describe.each(BACKENDS)('dialog sessions on %s', (backend) => {
  let r: TestReporting;
  beforeAll(async () => {
    r = await openTestReporting(backend);
  });
  afterAll(async () => {
    await r.dispose();
  });

  it('keep an unfinished dialog across a restart of the service objects, and it resumes identically', async () => {
    const ctx = await demoContext(DEMO.anna, 'sv');
    const started = step(undefined, { type: 'start', category: 'threat' }, ctx);
    const state = started.state as DialogState;
    const id = conversationId('slack', 'D1', 'T1');
    await r.sessions.save(id, state);
    const restarted = new DialogSessions({ store: r.store, clock: r.clock, ttlHours: 72 });
    const loaded = await restarted.load(id);
    expect(loaded).toEqual(state);
    const event = { type: 'text' as const, text: 'nej' };
    expect(step(loaded, event, ctx)).toEqual(step(state, event, ctx));
    await restarted.save(id, undefined);
    expect(await r.sessions.load(id)).toBeUndefined();
  });

  it('treat a state older than the time-to-live as gone', async () => {
    const id = conversationId('web', 'mikko.laine');
    await r.sessions.save(id, step(undefined, { type: 'start' }, await demoContext(DEMO.mikko, 'fi')).state!);
    r.clock.advance(72 * 60 * 60 * 1000 + 1);
    expect(await r.sessions.load(id)).toBeUndefined();
  });

  it('run one message at a time per conversation, others in parallel', async () => {
    const order: string[] = [];
    // a1 holds conversation a until b1 has finished (or 5 s pass): b1 can finish first only if b runs beside a,
    // however long the store takes to grant a lock on a busy machine.
    let b1Finished!: () => void;
    const b1Done = new Promise<void>((resolve) => (b1Finished = resolve));
    const step = (label: string, until: () => Promise<unknown>) => async () => {
      order.push(`${label}:start`);
      await until();
      order.push(`${label}:end`);
      if (label === 'b1') b1Finished();
      return label;
    };
    const pause = (ms: number) => () => new Promise((resolve) => setTimeout(resolve, ms));
    const results = await Promise.all([
      r.sessions.exclusive('a', step('a1', () => Promise.race([b1Done, pause(5000)()]))),
      r.sessions.exclusive('a', step('a2', pause(1))),
      r.sessions.exclusive('b', step('b1', pause(1))),
    ]);
    expect(results).toEqual(['a1', 'a2', 'b1']);
    expect(order.indexOf('a2:start')).toBeGreaterThan(order.indexOf('a1:end'));
    expect(order.indexOf('b1:end')).toBeLessThan(order.indexOf('a1:end'));
    await expect(r.sessions.exclusive('a', () => Promise.reject(new Error('x')))).rejects.toThrow('x');
    expect(await r.sessions.exclusive('a', async () => 'after failure')).toBe('after failure');
  });

  // Two bot processes on one PostgreSQL (PGlite has one process per data directory, so nothing to test there).
  (backend === 'postgres' ? it : it.skip)('run one message at a time per conversation across processes sharing the database', async () => {
    const driver = await openPostgresDriver({ connectionString: TEST_DATABASE_URL!, schema: r.schema });
    const otherStore = await openSqlStore(driver, new ContentCipher(TEST_KEY), { migrate: false });
    try {
      type Counter = { count: number };
      const here = new DialogSessions<Counter>({ store: r.store, clock: r.clock, ttlHours: 72 });
      const there = new DialogSessions<Counter>({ store: otherStore, clock: r.clock, ttlHours: 72 });
      const id = conversationId('slack', 'D9', 'T9');
      await here.save(id, { count: 0 });
      // Load, think, save: without a lock shared by both processes, concurrent messages lose updates.
      const message = (sessions: DialogSessions<Counter>) =>
        sessions.exclusive(id, async () => {
          const state = await sessions.load(id);
          await new Promise((resolve) => setTimeout(resolve, 25));
          await sessions.save(id, { count: (state?.count ?? 0) + 1 });
        });
      await Promise.all([message(here), message(there), message(here), message(there), message(there)]);
      expect((await here.load(id))?.count).toBe(5);

      // Other conversations are not held up by a busy one in another process.
      const order: string[] = [];
      await Promise.all([
        here.exclusive('slow', async () => {
          await new Promise((resolve) => setTimeout(resolve, 150));
          order.push('slow');
        }),
        new Promise((resolve) => setTimeout(resolve, 20)).then(() => there.exclusive('quick', async () => void order.push('quick'))),
      ]);
      expect(order).toEqual(['quick', 'slow']);
    } finally {
      await otherStore.close();
    }
  });
});
