import { questionContext } from './queries/contentLoopQueries';
import type { ContentCipher } from './contentCipher';
import type { SqlDriver, SqlExecutor } from './sqlDriver';
import { contentContext, outcomeContext } from './queries/reportQueries';
import { dialogContext } from './queries/dialogQueries';
import { personIndex, reporterContext, subjectContext, type PersonRole } from './queries/reportPeople';
import { asBytesOrNull } from './queries/rowValues';

/**
 * One encrypted column: its table, the row's key column (text, unique), and the authenticated context of
 * its values. `blindIndex` names the column holding the value's blind index, recomputed with the new key.
 * Every encrypted column is listed here, so `somebot keys rotate` leaves none behind (a test compares this
 * list with the bytea columns of the schema).
 */
export interface EncryptedColumn {
  table: string;
  rowKey: string;
  column: string;
  context(rowKey: string): string;
  blindIndex?: { column: string; role: PersonRole };
}

export const ENCRYPTED_COLUMNS: readonly EncryptedColumn[] = [
  { table: 'reports', rowKey: 'reference', column: 'content', context: contentContext },
  { table: 'reports', rowKey: 'reference', column: 'outcome', context: outcomeContext },
  { table: 'reports', rowKey: 'reference', column: 'reporter', context: reporterContext, blindIndex: { column: 'reporter_hash', role: 'reporter' } },
  { table: 'reports', rowKey: 'reference', column: 'subject', context: subjectContext, blindIndex: { column: 'subject_hash', role: 'subject' } },
  { table: 'dialog_sessions', rowKey: 'conversation_id', column: 'state', context: dialogContext },
  { table: 'question_log', rowKey: 'entry_key', column: 'question', context: questionContext },
];

export interface RotationResult {
  columns: { column: string; total: number; changed: number }[];
  total: number;
  changed: number;
}

/**
 * Re-encrypts every encrypted value not yet under the cipher's current key (and recomputes its blind
 * index), in batches of `batchSize` rows, one transaction per batch with the rows locked. Old ciphertext
 * keeps reading during the rotation (every process holds the old keys as well), so it can run while the
 * bots serve; run it again after an interruption and it continues where it stopped. Values written by a
 * process that does not yet have the new key are caught by the next run.
 */
export async function rotateKeys(
  driver: SqlDriver,
  cipher: ContentCipher,
  options: { batchSize?: number; /** Called after each committed batch (progress; tests read in between). */ afterBatch?: () => Promise<void> } = {},
): Promise<RotationResult> {
  const batchSize = options.batchSize ?? 200;
  const result: RotationResult = { columns: [], total: 0, changed: 0 };
  for (const column of ENCRYPTED_COLUMNS) {
    let after = '';
    let total = 0;
    let changed = 0;
    for (;;) {
      const batch = await driver.transaction((tx) => rotateBatch(tx, cipher, column, after, batchSize));
      total += batch.rows;
      changed += batch.changed;
      await options.afterBatch?.();
      if (batch.last === undefined) break;
      after = batch.last;
    }
    result.columns.push({ column: `${column.table}.${column.column}`, total, changed });
    result.total += total;
    result.changed += changed;
  }
  return result;
}

async function rotateBatch(
  tx: SqlExecutor,
  cipher: ContentCipher,
  c: EncryptedColumn,
  after: string,
  limit: number,
): Promise<{ rows: number; changed: number; last?: string }> {
  const rows = await tx.query<{ row_key: string; value: unknown }>(
    `SELECT ${c.rowKey} AS row_key, ${c.column} AS value FROM ${c.table}
     WHERE ${c.column} IS NOT NULL AND ${c.rowKey} > $1 ORDER BY ${c.rowKey} LIMIT $2 FOR UPDATE`,
    [after, limit],
  );
  let changed = 0;
  for (const row of rows) {
    const value = asBytesOrNull(row.value)!;
    if (cipher.isCurrent(value)) continue;
    const context = c.context(row.row_key);
    const plain = cipher.decrypt(value, context);
    const sealed = cipher.encrypt(plain, context);
    if (c.blindIndex) {
      await tx.query(`UPDATE ${c.table} SET ${c.column} = $2, ${c.blindIndex.column} = $3 WHERE ${c.rowKey} = $1`, [
        row.row_key,
        sealed,
        personIndex(cipher, c.blindIndex.role, plain),
      ]);
    } else {
      await tx.query(`UPDATE ${c.table} SET ${c.column} = $2 WHERE ${c.rowKey} = $1`, [row.row_key, sealed]);
    }
    changed++;
  }
  return { rows: rows.length, changed, ...(rows.length === limit ? { last: rows[rows.length - 1]!.row_key } : {}) };
}
