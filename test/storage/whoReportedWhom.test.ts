/**
 * Who reported whom is not readable from the database: the reports table holds the reporter and the person
 * reported only encrypted, with a keyed hash (blind index) for lookups. Migration 9 moves existing rows.
 */
import { spawnSync } from 'node:child_process';
import { BACKENDS, closeSharedPglite, draft, openTestDriver, openTestReporting, TEST_DATABASE_URL, TEST_KEY, type TestReporting } from '../helpers/db';
import { DEMO } from '../helpers/reportFixtures';
import { ContentCipher } from '../../src/storage/contentCipher';
import { migrate } from '../../src/storage/migrate';
import { MIGRATIONS } from '../../src/storage/migrations';
import { openSqlStore } from '../../src/storage/sqlStore';

afterAll(closeSharedPglite);

/** A row as a dump would print it: every value as text, bytes as hex and as raw characters. */
const dumped = (rows: Record<string, unknown>[]) =>
  JSON.stringify(rows, (_k, v: unknown) => (v instanceof Uint8Array || Buffer.isBuffer(v) ? `${Buffer.from(v as Uint8Array).toString('hex')} ${Buffer.from(v as Uint8Array).toString('latin1')}` : v));

describe.each(BACKENDS)('who reported whom on %s', (backend) => {
  let r: TestReporting;
  let reference: string;
  beforeEach(async () => {
    r = await openTestReporting(backend);
    // Linnea (IT security) reports her own manager Timo.
    reference = (await r.service.submit(draft({ category: 'threat', subjectIsManager: true, alternateRecipientId: DEMO.kaisa }), DEMO.linnea)).reference;
  });
  afterEach(async () => {
    await r.dispose();
  });

  it('SELECT * FROM reports shows neither the reporter nor the person reported', async () => {
    const rows = await r.driver.query<Record<string, unknown>>('SELECT * FROM reports');
    expect(rows).toHaveLength(1);
    const text = dumped(rows);
    expect(text).toContain(reference);
    expect(text).not.toContain(DEMO.linnea);
    expect(text).not.toContain(DEMO.timo);
    expect(Object.keys(rows[0]!)).not.toEqual(expect.arrayContaining(['reporter_id']));
    // The application still knows both, and the access rules still hold.
    const report = await r.store.getReport(reference);
    expect([report?.reporterId, report?.subjectPersonId]).toEqual([DEMO.linnea, DEMO.timo]);
    expect((await r.store.listReports({ visibleTo: { personId: DEMO.linnea, itSecurity: true } })).map((s) => s.reference)).toEqual([reference]);
    expect(await r.store.listReports({ visibleTo: { personId: DEMO.timo, itSecurity: true } })).toEqual([]);
  });

  if (backend === 'postgres') {
    it('pg_dump of the database never names the person reported, nor the reporter in the reports table', () => {
      const url = new URL(TEST_DATABASE_URL!);
      const dump = (args: string[]) => {
        const result = spawnSync('pg_dump', ['--data-only', '--no-owner', '-h', url.hostname, '-p', url.port || '5432', '-U', url.username, ...args, url.pathname.slice(1)], {
          env: { ...process.env, PGPASSWORD: decodeURIComponent(url.password) },
          encoding: 'utf8',
        });
        expect(result.status).toBe(0);
        return result.stdout;
      };
      const whole = dump(['-n', r.schema]);
      expect(whole).toContain(reference);
      expect(whole).not.toContain(DEMO.timo);
      const reports = dump(['-t', `${r.schema}.reports`]);
      expect(reports).toContain(reference);
      expect(reports).not.toContain(DEMO.linnea);
      expect(reports).not.toContain(DEMO.timo);
    });
  }
});

describe.each(BACKENDS)('migration 9 on %s', (backend) => {
  it('encrypts the people of reports stored before it, which then read and list as before', async () => {
    const { driver, dispose } = await openTestDriver(backend);
    try {
      await migrate(driver, MIGRATIONS.filter((m) => m.id < 9));
      await driver.query(
        `INSERT INTO reports (reference, year, sequence, category, platform, account_kind, occurred_on, immediate_danger,
           subject_is_manager, urgency, status, reporter_id, reporter_lang, subject_person_id, rules, ack_timeout_minutes, submitted_at)
         VALUES ('SOME-2026-0001', 2026, 1, 'threat', 'facebook', 'organisation_account', '2026-03-15', false, true, 'critical',
           'submitted', $1, 'sv', $2, '[]'::jsonb, 15, now()),
                ('SOME-2026-0002', 2026, 2, 'phishing', 'email', 'organisation_account', '2026-03-15', false, false, 'normal',
           'submitted', $3, 'fi', NULL, '[]'::jsonb, 240, now())`,
        [DEMO.linnea, DEMO.timo, DEMO.mikko],
      );
      const store = await openSqlStore(driver, new ContentCipher(TEST_KEY)); // applies 9 with its data step
      const rows = await driver.query<Record<string, unknown>>('SELECT * FROM reports ORDER BY reference');
      expect(dumped(rows)).not.toMatch(new RegExp(`${DEMO.linnea}|${DEMO.timo}|${DEMO.mikko}`));
      const first = await store.getReport('SOME-2026-0001');
      const second = await store.getReport('SOME-2026-0002');
      expect([first?.reporterId, first?.subjectPersonId, second?.reporterId, second?.subjectPersonId]).toEqual([DEMO.linnea, DEMO.timo, DEMO.mikko, null]);
      expect((await store.listReports({ visibleTo: { personId: DEMO.mikko, itSecurity: false } })).map((s) => s.reference)).toEqual(['SOME-2026-0002']);
      expect(await store.listReports({ visibleTo: { personId: DEMO.timo, itSecurity: false } })).toEqual([]);
    } finally {
      await dispose();
    }
  });
});
