/**
 * A submission while the store is unavailable: the connection lost during COMMIT (the report may or may not
 * be stored) or no connection at all. With its submission key the service asks again and returns the one
 * receipt; without one it fails with SaveFailed and stores nothing twice. The store here is the real SQL
 * store (PGlite) with its transaction wrapped to fail the way the PostgreSQL driver reports a lost connection.
 */
import { closeSharedPglite, draft, openTestReporting, type TestReporting } from '../../helpers/db';
import { ReportService } from '../../../src/core/reports/service';
import { ReportErrorCode } from '../../../src/core/reports/reportErrors';
import { StoreUnavailableError } from '../../../src/core/storeUnavailable';
import type { Store } from '../../../src/core/ports';
import { reportRejection } from '../../helpers/reportFixtures';

afterAll(closeSharedPglite);

let r: TestReporting;
beforeEach(async () => {
  r = await openTestReporting('pglite');
});
afterEach(async () => {
  await r.dispose();
});

/** The store, with its next `failures` transactions failing as given (`afterCommit`: the work did land). */
function flaky(store: Store, failures: { afterCommit: boolean }[]): Store & { attempts: number } {
  const wrapped = Object.create(store) as Store & { attempts: number };
  wrapped.attempts = 0;
  wrapped.transaction = async (fn) => {
    wrapped.attempts++;
    const failure = failures.shift();
    if (!failure) return store.transaction(fn);
    if (!failure.afterCommit) throw new StoreUnavailableError(false, 'ECONNREFUSED');
    await store.transaction(fn);
    throw new StoreUnavailableError(true, '57P01');
  };
  return wrapped;
}

function serviceOn(store: Store): ReportService {
  return new ReportService({ store, clock: r.clock, logger: r.logger, directory: r.directory, routingTable: r.routingTable, timeZone: 'Europe/Helsinki', defaultLang: 'sv' });
}

async function reportCount(): Promise<number> {
  return (await r.driver.query<{ n: number }>('SELECT count(*)::int AS n FROM reports'))[0]!.n;
}

test('a COMMIT whose answer was lost is looked up by the submission key: one report, one receipt', async () => {
  const store = flaky(r.store, [{ afterCommit: true }]);
  const receipt = await serviceOn(store).submit(draft(), 'anna.lindqvist', { submissionKey: 'k-lost-commit' });
  expect(store.attempts).toBe(2);
  expect(await reportCount()).toBe(1);
  expect((await r.store.findReportBySubmissionKey('k-lost-commit'))).toBe(receipt.reference);
  const outbox = await r.driver.query<{ n: number }>('SELECT count(*)::int AS n FROM outbox WHERE reference = $1', [receipt.reference]);
  expect(outbox[0]!.n).toBeGreaterThan(0);
  expect(r.logLines.some((l) => l.includes('"report_save_retry"') && l.includes('"outcomeUnknown":true'))).toBe(true);
});

test('a store that is down for a moment is waited for', async () => {
  const store = flaky(r.store, [{ afterCommit: false }, { afterCommit: false }]);
  const receipt = await serviceOn(store).submit(draft(), 'anna.lindqvist', { submissionKey: 'k-down' });
  expect(store.attempts).toBe(3);
  expect(await r.store.findReportBySubmissionKey('k-down')).toBe(receipt.reference);
  expect(await reportCount()).toBe(1);
});

test('without a submission key an unknown outcome is not retried: SaveFailed, and the report is not written twice', async () => {
  const store = flaky(r.store, [{ afterCommit: true }]);
  const err = await reportRejection(serviceOn(store).submit(draft(), 'anna.lindqvist'));
  expect(err.code).toBe(ReportErrorCode.SaveFailed);
  expect(store.attempts).toBe(1);
  expect(await reportCount()).toBe(1);
});
