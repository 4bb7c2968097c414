import {
  BACKENDS,
  SECRET,
  TEST_DATABASE_URL,
  TEST_KEY,
  closeSharedPglite,
  draft,
  freshSchemaName,
  dropPostgresSchema,
  openTestDriver,
  openTestReporting,
  openTestStore,
  type TestReporting,
  type TestStore,
} from '../helpers/db';
import { DEMO } from '../helpers/reportFixtures';
import { migrate } from '../../src/storage/migrate';
import { MIGRATIONS } from '../../src/storage/migrations';
import { openPostgresDriver } from '../../src/storage/postgresDriver';
import { openSqlStore } from '../../src/storage/sqlStore';
import { ContentCipher, CipherError } from '../../src/storage/contentCipher';
import type { NewOutboxRow } from '../../src/core/reports/records';

afterAll(closeSharedPglite);

const at = new Date('2026-03-16T08:00:00.000Z');
const alert = (key: string, minutesFromAt = 0): NewOutboxRow => ({
  idempotencyKey: key,
  reference: null,
  kind: 'report_alert',
  addressee: { kind: 'person', personId: 'karin.nystrom', role: 'manager' },
  availableAt: new Date(at.getTime() + minutesFromAt * 60_000),
});

describe.each(BACKENDS)('SQL store on %s', (backend) => {
  describe('migrations', () => {
    it('apply once, and a second run applies nothing', async () => {
      const { driver, dispose } = await openTestDriver(backend);
      try {
        expect(await migrate(driver)).toEqual(MIGRATIONS.map((m) => m.id));
        expect(await migrate(driver)).toEqual([]);
        const rows = await driver.query<{ n: number }>('SELECT count(*)::int AS n FROM schema_migrations');
        expect(rows[0]?.n).toBe(MIGRATIONS.length);
      } finally {
        await dispose();
      }
    });
  });

  describe('rows', () => {
    let t: TestStore;
    beforeEach(async () => {
      t = await openTestStore(backend);
    });
    afterEach(async () => {
      await t.dispose();
    });

    it('per-year sequences count independently', async () => {
      expect([await t.store.nextReportNumber(2026), await t.store.nextReportNumber(2026), await t.store.nextReportNumber(2027)]).toEqual([1, 2, 1]);
    });

    it('rolls back every write of a failed transaction', async () => {
      await expect(
        t.store.transaction(async (tx) => {
          await tx.nextReportNumber(2026);
          await tx.enqueue([alert('k1')]);
          throw new Error('abort');
        }),
      ).rejects.toThrow('abort');
      expect(await t.store.nextReportNumber(2026)).toBe(1);
      expect(await t.store.claimOutbox({ now: at, leaseMs: 1000, limit: 10, token: 'a' })).toEqual([]);
    });

    it('queues a message once per idempotency key', async () => {
      expect(await t.store.enqueue([alert('k1'), alert('k2')])).toBe(2);
      expect(await t.store.enqueue([alert('k1'), alert('k3')])).toBe(1);
    });

    it('claims only due rows, leases them, and lets only the lease holder complete them', async () => {
      await t.store.enqueue([alert('now'), alert('later', 10)]);
      const claimed = await t.store.claimOutbox({ now: at, leaseMs: 60_000, limit: 10, token: 'relay-a' });
      expect(claimed.map((row) => [row.idempotencyKey, row.attempts, row.claimToken])).toEqual([['now', 1, 'relay-a']]);
      expect(claimed[0]?.leaseUntil?.getTime()).toBe(at.getTime() + 60_000);
      expect(await t.store.claimOutbox({ now: at, leaseMs: 60_000, limit: 10, token: 'relay-b' })).toEqual([]);
      expect(await t.store.completeOutbox(claimed[0]!.id, 'relay-b', { status: 'delivered', at })).toBe(false);

      const retryAt = new Date(at.getTime() + 5 * 60_000);
      expect(await t.store.completeOutbox(claimed[0]!.id, 'relay-a', { status: 'retry', at, nextAttemptAt: retryAt, error: 'rate_limited' })).toBe(true);
      const later = await t.store.claimOutbox({ now: new Date(at.getTime() + 10 * 60_000), leaseMs: 60_000, limit: 10, token: 'relay-b' });
      expect(later.map((row) => [row.idempotencyKey, row.attempts, row.lastError])).toEqual([
        ['now', 2, 'rate_limited'],
        ['later', 1, null],
      ]);
      for (const row of later) expect(await t.store.completeOutbox(row.id, 'relay-b', { status: 'delivered', at })).toBe(true);
      expect(await t.store.claimOutbox({ now: new Date(at.getTime() + 60 * 60_000), leaseMs: 1, limit: 10, token: 'c' })).toEqual([]);
    });

    it('claims at most `limit` rows, oldest first', async () => {
      await t.store.enqueue([alert('c', 3), alert('a', 1), alert('b', 2)]);
      const claimed = await t.store.claimOutbox({ now: new Date(at.getTime() + 3600_000), leaseMs: 1000, limit: 2, token: 'x' });
      expect(claimed.map((row) => row.idempotencyKey)).toEqual(['a', 'b']);
    });

    it('keeps dialog states encrypted, replaces them, expires them and forgets them', async () => {
      const state = { step: 'describe', draft: { description: SECRET.description } };
      await t.store.saveDialog('slack:C1:T1', state, at);
      expect(await t.store.loadDialog('slack:C1:T1', at)).toEqual(state);
      const raw = await t.driver.query<{ state: Uint8Array }>('SELECT state FROM dialog_sessions');
      expect(Buffer.from(raw[0]!.state).toString('utf8')).not.toContain('SECRET');
      await t.store.saveDialog('slack:C1:T1', { step: 'confirm' }, at);
      expect(await t.store.loadDialog('slack:C1:T1', at)).toEqual({ step: 'confirm' });
      expect(await t.store.loadDialog('slack:C1:T1', new Date(at.getTime() + 1))).toBeUndefined();
      expect(await t.store.purgeDialogs(new Date(at.getTime() + 1))).toBe(1);
      await t.store.saveDialog('web:anna:-', state, at);
      await t.store.clearDialog('web:anna:-');
      expect(await t.store.loadDialog('web:anna:-', at)).toBeUndefined();
    });
  });

  describe('encryption at rest', () => {
    let r: TestReporting;
    beforeAll(async () => {
      r = await openTestReporting(backend);
    });
    afterAll(async () => {
      await r.dispose();
    });

    it('stores description, evidence and outcome note only as ciphertext', async () => {
      const { reference } = await r.service.submit(draft(), DEMO.anna);
      await r.service.resolve(reference, DEMO.karin, SECRET.outcome);
      const [row] = await r.driver.query<Record<string, unknown>>('SELECT * FROM reports WHERE reference = $1', [reference]);
      const rawText = Object.values(row!)
        .map((v) => (v instanceof Uint8Array || ArrayBuffer.isView(v) ? Buffer.from(v as Uint8Array).toString('latin1') : JSON.stringify(v)))
        .join('\n');
      for (const secret of Object.values(SECRET)) expect(rawText).not.toContain(secret.slice(0, 12));
      expect(Buffer.from(row!.content as Uint8Array).length).toBeGreaterThan(SECRET.description.length);
      // Nothing else in the database holds the text either.
      for (const table of ['report_timeline', 'outbox', 'report_recipients', 'escalation_timers']) {
        const rows = await r.driver.query(`SELECT * FROM ${table}`);
        for (const secret of Object.values(SECRET)) expect(JSON.stringify(rows)).not.toContain(secret.slice(0, 12));
      }
      // And it reads back.
      const report = await r.store.getReport(reference);
      expect(report?.content?.evidence.quotes).toEqual([SECRET.quote]);
      expect(report?.outcomeNote).toBe(SECRET.outcome);
    });

    it('refuses to read content with another key, or content moved to another row', async () => {
      const first = (await r.service.submit(draft(), DEMO.anna)).reference;
      const second = (await r.service.submit(draft({ description: 'other' }), DEMO.anna)).reference;
      const otherKey = await openSqlStore(r.driver, new ContentCipher(Buffer.alloc(32, 9)), { migrate: false });
      await expect(otherKey.getReport(first)).rejects.toBeInstanceOf(CipherError);
      await r.driver.query('UPDATE reports SET content = (SELECT content FROM reports WHERE reference = $1) WHERE reference = $2', [first, second]);
      await expect(r.store.getReport(second)).rejects.toBeInstanceOf(CipherError);
    });
  });
});

const onPostgres = TEST_DATABASE_URL ? describe : describe.skip;

onPostgres('two processes starting together on one PostgreSQL', () => {
  it('migrate once between them (advisory lock)', async () => {
    const schema = freshSchemaName();
    const drivers = await Promise.all([0, 1, 2].map(() => openPostgresDriver({ connectionString: TEST_DATABASE_URL!, schema })));
    try {
      const applied = await Promise.all(drivers.map((driver) => migrate(driver)));
      expect(applied.flat().sort((a, b) => a - b)).toEqual(MIGRATIONS.map((m) => m.id).sort((a, b) => a - b));
      const stores = await Promise.all(drivers.map((driver) => openSqlStore(driver, new ContentCipher(TEST_KEY))));
      const numbers = await Promise.all(Array.from({ length: 30 }, (_, i) => stores[i % 3]!.nextReportNumber(2026)));
      expect(numbers.sort((a, b) => a - b)).toEqual(Array.from({ length: 30 }, (_, i) => i + 1));
    } finally {
      await Promise.all(drivers.map((driver) => driver.close()));
      await dropPostgresSchema(schema);
    }
  });
});
