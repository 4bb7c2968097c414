import type { Store, StoreTx } from '../core/ports';
import type { ContentCipher } from './contentCipher';
import type { SqlDriver, SqlExecutor } from './sqlDriver';
import { migrate } from './migrate';
import { dialogQueries } from './queries/dialogQueries';
import { outboxQueries } from './queries/outboxQueries';
import { reportQueries } from './queries/reportQueries';
import { timelineQueries } from './queries/timelineQueries';
import { timerQueries } from './queries/timerQueries';

/** Every store operation over one executor (the driver itself, or one transaction). */
function session(db: SqlExecutor, cipher: ContentCipher): StoreTx {
  return {
    ...reportQueries(db, cipher),
    ...timelineQueries(db),
    ...outboxQueries(db),
    ...timerQueries(db),
    ...dialogQueries(db, cipher),
  };
}

/**
 * The Store over SQL: the same queries for PGlite and PostgreSQL. Personal content is encrypted with
 * `cipher` before it is written and decrypted when read. Migrations run on open unless `migrate: false`.
 */
export async function openSqlStore(driver: SqlDriver, cipher: ContentCipher, options: { migrate?: boolean } = {}): Promise<Store> {
  if (options.migrate !== false) await migrate(driver);
  return {
    ...session(driver, cipher),
    transaction: (fn) => driver.transaction((tx) => fn(session(tx, cipher))),
    close: () => driver.close(),
  };
}
