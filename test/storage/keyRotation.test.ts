/**
 * `somebot keys rotate`: every encrypted value moves to the current key, and while it runs (and before it
 * runs) values under the old key still read and lists by person still find their reports.
 */
import { BACKENDS, closeSharedPglite, draft, openTestReporting, TEST_KEY, type TestReporting } from '../helpers/db';
import { DEMO } from '../helpers/reportFixtures';
import { ContentCipher, CipherError } from '../../src/storage/contentCipher';
import { keyRing } from '../../src/storage/keyRing';
import { ENCRYPTED_COLUMNS, rotateKeys } from '../../src/storage/keyRotation';
import { openSqlStore } from '../../src/storage/sqlStore';
import type { Store } from '../../src/core/ports';
import type { SqlExecutor } from '../../src/storage/sqlDriver';

afterAll(closeSharedPglite);

const NEW_KEY = Buffer.alloc(32, 12);

/** Every non-null value of every encrypted column, with where it is. */
async function encryptedValues(db: SqlExecutor): Promise<{ at: string; value: Buffer }[]> {
  const values: { at: string; value: Buffer }[] = [];
  for (const c of ENCRYPTED_COLUMNS) {
    const rows = await db.query<{ k: string; v: Uint8Array }>(`SELECT ${c.rowKey} AS k, ${c.column} AS v FROM ${c.table} WHERE ${c.column} IS NOT NULL`);
    for (const row of rows) values.push({ at: `${c.table}.${c.column}:${row.k}`, value: Buffer.from(row.v) });
  }
  return values;
}

/** What a reader sees: each report's people and texts, and who finds which report in their list. */
async function visible(store: Store, references: string[]) {
  const reports = [];
  for (const reference of references) {
    const r = await store.getReport(reference);
    reports.push([r?.reporterId, r?.subjectPersonId, r?.content?.description, r?.outcomeNote]);
  }
  const lists: Record<string, string[]> = {};
  for (const person of [DEMO.anna, DEMO.linnea, DEMO.timo, DEMO.karin]) {
    lists[person] = (await store.listReports({ visibleTo: { personId: person, itSecurity: false } })).map((s) => s.reference).sort();
  }
  return { reports, lists, dialog: await store.loadDialog('web:anna.lindqvist', new Date(0)) };
}

describe.each(BACKENDS)('keys rotate on %s', (backend) => {
  let r: TestReporting;
  let references: string[];
  beforeEach(async () => {
    r = await openTestReporting(backend);
    references = [
      (await r.service.submit(draft({ category: 'threat', subjectIsManager: true, alternateRecipientId: DEMO.kaisa }), DEMO.linnea)).reference,
      (await r.service.submit(draft({ category: 'harassment' }), DEMO.anna)).reference,
      (await r.service.submit(draft({ category: 'phishing' }), DEMO.mikko)).reference,
    ];
    await r.store.updateReport(references[1]!, { outcomeNote: 'Account blocked' });
    await r.store.saveDialog('web:anna.lindqvist', { step: 'describe', text: 'draft text' }, new Date());
  });
  afterEach(async () => {
    await r.dispose();
  });

  it('re-encrypts every value under the new key, and the old ciphertext reads all the while', async () => {
    const before = await visible(r.store, references);
    expect(before.reports[0]!.slice(0, 2)).toEqual([DEMO.linnea, DEMO.timo]);
    expect(before.lists[DEMO.timo]).not.toContain(references[0]); // the subject never lists it

    // Every process now has the new key first and the old one readable.
    const ring = new ContentCipher(keyRing(NEW_KEY, [TEST_KEY]));
    const rotating = await openSqlStore(r.driver, ring, { migrate: false });
    expect(await visible(rotating, references)).toEqual(before);

    const total = (await encryptedValues(r.driver)).length;
    expect(total).toBe(3 + 3 + 1 + 1 + 1); // content and reporter of each report, one subject, one outcome, one dialog
    let batches = 0;
    const result = await rotateKeys(r.driver, ring, {
      batchSize: 2,
      afterBatch: async () => {
        batches++;
        // Half-way: old and new ciphertext side by side; everything reads, every list is the same.
        expect(await visible(rotating, references)).toEqual(before);
      },
    });
    expect(batches).toBeGreaterThan(total / 2);
    expect(result.changed).toBe(total);
    expect(result.total).toBe(total);

    const after = await encryptedValues(r.driver);
    expect(after.filter((v) => !ring.isCurrent(v.value)).map((v) => v.at)).toEqual([]);

    // The old key can go now: the new key alone reads everything and finds the same reports (blind index too).
    const newOnly = await openSqlStore(r.driver, new ContentCipher(NEW_KEY), { migrate: false });
    expect(await visible(newOnly, references)).toEqual(before);
    const oldOnly = await openSqlStore(r.driver, new ContentCipher(TEST_KEY), { migrate: false });
    await expect(oldOnly.getReport(references[0]!)).rejects.toThrow(CipherError);

    // A second run has nothing left to do.
    expect((await rotateKeys(r.driver, ring)).changed).toBe(0);
  }, 120_000);

  it('lists every encrypted column of the schema, so none is left behind', async () => {
    const rows = await r.driver.query<{ table_name: string; column_name: string }>(
      `SELECT table_name, column_name FROM information_schema.columns
       WHERE table_schema = current_schema() AND data_type = 'bytea' ORDER BY table_name, column_name`,
    );
    expect(rows.map((c) => `${c.table_name}.${c.column_name}`)).toEqual(ENCRYPTED_COLUMNS.map((c) => `${c.table}.${c.column}`).sort());
  });
});
