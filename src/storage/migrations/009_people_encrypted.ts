import type { ContentCipher } from '../contentCipher';
import type { SqlExecutor } from '../sqlDriver';
import { personIndex, reporterContext, subjectContext } from '../queries/reportPeople';

/**
 * Who reported whom, no longer in clear text: `reporter` and `subject` hold the person ids encrypted (like
 * the report's content), `reporter_hash` and `subject_hash` their blind index (an HMAC under a key derived
 * from the data key) for the lookups that lists and access checks need. A database reader sees neither
 * who reported nor whom. The plain columns go once their values are moved (the data step below: the
 * encryption needs the data key, so it runs in TypeScript, in the same transaction as this SQL).
 */
export const sql = `
ALTER TABLE reports ADD COLUMN reporter bytea;
ALTER TABLE reports ADD COLUMN reporter_hash text;
ALTER TABLE reports ADD COLUMN subject bytea;
ALTER TABLE reports ADD COLUMN subject_hash text;
CREATE INDEX reports_reporter_hash_idx ON reports (reporter_hash);
`;

/** Moves existing rows' reporter_id / subject_person_id into the encrypted columns, then drops the plain ones. */
export async function data(tx: SqlExecutor, cipher: ContentCipher | undefined): Promise<void> {
  const rows = await tx.query<{ reference: string; reporter_id: string | null; subject_person_id: string | null }>(
    'SELECT reference, reporter_id, subject_person_id FROM reports WHERE reporter_id IS NOT NULL OR subject_person_id IS NOT NULL',
  );
  if (rows.length > 0 && !cipher) throw new Error('migration 9 needs the data key to encrypt who reported whom');
  for (const row of rows) {
    const reporter = row.reporter_id === null ? null : cipher!.encrypt(row.reporter_id, reporterContext(row.reference));
    const subject = row.subject_person_id === null ? null : cipher!.encrypt(row.subject_person_id, subjectContext(row.reference));
    await tx.query('UPDATE reports SET reporter = $2, reporter_hash = $3, subject = $4, subject_hash = $5 WHERE reference = $1', [
      row.reference,
      reporter,
      row.reporter_id === null ? null : personIndex(cipher!, 'reporter', row.reporter_id),
      subject,
      row.subject_person_id === null ? null : personIndex(cipher!, 'subject', row.subject_person_id),
    ]);
  }
  await tx.exec('DROP INDEX IF EXISTS reports_reporter_idx; ALTER TABLE reports DROP COLUMN reporter_id; ALTER TABLE reports DROP COLUMN subject_person_id;');
}
