/**
 * The store outlives its database: a private PostgreSQL (test/helpers/privatePostgres) is stopped with
 * `pg_ctl -m fast` — every session gets 57P01, as with `pg_ctlcluster stop` — while connections are checked
 * out, while the advisory lock of a dialog is held, while the relay polls and while a report is submitted.
 * Nothing may end the process (an 'error' event without a listener would fail this file), the work fails
 * cleanly or is retried, /readyz turns 503 and back to 200.
 */
import { openPostgresDriver } from '../../../src/storage/postgresDriver';
import { openSqlStore } from '../../../src/storage/sqlStore';
import { ContentCipher } from '../../../src/storage/contentCipher';
import { isStoreUnavailable } from '../../../src/core/storeUnavailable';
import type { SqlDriver } from '../../../src/storage/sqlDriver';
import type { Store } from '../../../src/core/ports';
import { Relay } from '../../../src/core/delivery/relay';
import { Escalator } from '../../../src/core/reports/escalation';
import { ReportService } from '../../../src/core/reports/service';
import { createJsonLogger } from '../../../src/core/logger';
import { systemClock } from '../../../src/core/clock';
import { FakeNotifier } from '../../helpers/fakeNotifier';
import { demoDirectory, defaultRoutingTable } from '../../helpers/reportFixtures';
import { draft, TEST_KEY, TEST_RELAY_SETTINGS } from '../../helpers/db';
import { PrivatePostgres } from '../../helpers/privatePostgres';
import { eventually, startTestServer, type TestServer } from '../../server/testServer';

jest.setTimeout(90_000);

let pg: PrivatePostgres;
let driver: SqlDriver;
let store: Store;
const logLines: string[] = [];
const logger = createJsonLogger('debug', (line) => logLines.push(line));
const uncaught: unknown[] = [];
const onUncaught = (err: unknown) => uncaught.push(err);

beforeAll(async () => {
  process.on('uncaughtException', onUncaught);
  pg = await PrivatePostgres.start();
  driver = await openPostgresDriver({ connectionString: pg.url(), logger, retryForMs: 8_000 });
  store = await openSqlStore(driver, new ContentCipher(TEST_KEY));
});

afterAll(async () => {
  await driver?.close().catch(() => undefined);
  await pg?.destroy();
  process.off('uncaughtException', onUncaught);
});

afterEach(() => {
  expect(uncaught).toEqual([]);
});

const deferred = () => {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
};

test('a checked-out connection that loses its server between statements fails its transaction cleanly', async () => {
  const paused = deferred();
  const stopped = deferred();
  const tx = driver.transaction(async (t) => {
    await t.query('SELECT 1');
    paused.resolve();
    await stopped.promise; // the connection is checked out, with no statement in flight, when 57P01 arrives
    await t.query('SELECT 2');
  });
  const outcome = tx.then(() => 'committed', (err: unknown) => err);
  await paused.promise;
  await pg.stop('fast');
  await new Promise((r) => setTimeout(r, 200)); // the 'error' event reaches the idle-in-transaction client
  stopped.resolve();
  const err = await outcome;
  // Retried after the lost connection: the server is still down, so it gives up with StoreUnavailable.
  expect(isStoreUnavailable(err)).toBe(true);
  expect(logLines.some((l) => l.includes('"store_connection_lost"') && l.includes('57P01'))).toBe(true);
  await pg.resume();
  expect(await driver.query<{ n: number }>('SELECT 1::int AS n')).toEqual([{ n: 1 }]);
});

test('a transaction that could not reach the database is run again once it is back', async () => {
  await driver.exec('CREATE TABLE IF NOT EXISTS restart_probe (id int PRIMARY KEY)');
  await pg.stop('fast');
  const writing = driver.transaction(async (t) => {
    await t.query('INSERT INTO restart_probe (id) VALUES (1)');
    return 'done';
  });
  await new Promise((r) => setTimeout(r, 1_000));
  await pg.resume();
  await expect(writing).resolves.toBe('done');
  expect(await driver.query('SELECT id FROM restart_probe')).toEqual([{ id: 1 }]);
});

test('a held advisory lock whose connection is terminated does not end the process; the lock works afterwards', async () => {
  const inside = deferred();
  const release = deferred();
  const holding = driver.exclusive('dialog:restart', async () => {
    inside.resolve();
    await release.promise;
    return 'ran';
  });
  await inside.promise;
  await pg.restart(300);
  release.resolve();
  await expect(holding).resolves.toBe('ran');
  await expect(driver.exclusive('dialog:restart', async () => 'again')).resolves.toBe('again');
});

test('the relay and its escalation tick log a pass that failed on the lost database and carry on', async () => {
  const directory = await demoDirectory();
  const service = new ReportService({ store, clock: systemClock, logger, directory, routingTable: defaultRoutingTable(), timeZone: 'Europe/Helsinki', defaultLang: 'sv' });
  const escalator = new Escalator({ store, clock: systemClock, logger, directory });
  const notifier = new FakeNotifier();
  const relay = new Relay({
    store,
    notifier,
    directory,
    clock: systemClock,
    logger,
    settings: { ...TEST_RELAY_SETTINGS, pollMs: 50, leaseMs: 2_000, deliveryTimeoutMs: 1_000 },
    tasks: [{ name: 'escalation', everyMs: 0, run: () => escalator.tick() }],
  });
  relay.start();
  try {
    const first = await service.submit(draft(), 'anna.lindqvist', { submissionKey: 'restart-relay-1' });
    const pending = async () => (await driver.query<{ n: number }>("SELECT count(*)::int AS n FROM outbox WHERE status = 'pending'"))[0]!.n;
    await eventually(async () => notifier.delivered.some((m) => m.idempotencyKey.startsWith(`${first.reference}:`)) && (await pending()) === 0, 10_000, 'first alerts');
    // (A database lost right after a successful post is the exactly-once suite's case; here nothing is in flight.)
    const failuresBefore = logLines.filter((l) => l.includes('relay_pass_failed') || l.includes('relay_task_failed')).length;
    await pg.stop('fast');
    await eventually(
      async () => logLines.filter((l) => l.includes('relay_pass_failed') || l.includes('relay_task_failed')).length > failuresBefore,
      20_000,
      'a failed relay pass',
    );
    expect(relay.running).toBe(true);
    // A submission while the database is down waits for it (its submission key makes the retry safe).
    const submitting = service.submit(draft({ category: 'harassment' }), 'anna.lindqvist', { submissionKey: 'restart-relay-2' });
    await new Promise((r) => setTimeout(r, 1_500));
    await pg.resume();
    const second = await submitting;
    await eventually(async () => notifier.delivered.some((m) => m.idempotencyKey.startsWith(`${second.reference}:`)) && (await pending()) === 0, 20_000, 'alerts after the restart');
    expect(relay.running).toBe(true);
    const keys = notifier.delivered.map((m) => m.idempotencyKey);
    expect(new Set(keys).size).toBe(keys.length);
    const again = await service.submit(draft({ category: 'harassment' }), 'anna.lindqvist', { submissionKey: 'restart-relay-2' });
    expect(again.reference).toBe(second.reference);
  } finally {
    await relay.stop();
  }
});

describe('a server on the restarting database', () => {
  let server: TestServer;
  beforeAll(async () => {
    await pg.createDatabase('somebot_server');
    server = await startTestServer({ env: { DATABASE_URL: pg.url('somebot_server') } });
  });
  afterAll(async () => {
    await server?.dispose();
  });

  test('/readyz is 503 while PostgreSQL is down and 200 once it is back', async () => {
    const ready = async () => (await fetch(`${server.url}/readyz`)).status;
    await eventually(async () => (await ready()) === 200, 15_000, 'ready');
    await pg.stop('fast');
    const down = await ready();
    const body = (await (await fetch(`${server.url}/readyz`)).json()) as { checks: Record<string, string> };
    expect(down).toBe(503);
    expect(body.checks.store).toBe('failing');
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
    await pg.resume();
    await eventually(async () => (await ready()) === 200, 20_000, 'ready again');
  });
});
