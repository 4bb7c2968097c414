import type { Store, StoreTx } from '../core/ports';
import type { ContentCipher } from './contentCipher';
import type { SqlDriver, SqlExecutor } from './sqlDriver';
import { migrate } from './migrate';
import { dialogQueries } from './queries/dialogQueries';
import { outboxQueries } from './queries/outboxQueries';
import { reportQueries } from './queries/reportQueries';
import { slackQueries } from './queries/slackQueries';
import { timelineQueries } from './queries/timelineQueries';
import { teamsQueries } from './queries/teamsQueries';
import { timerQueries } from './queries/timerQueries';
import { webQueries } from './queries/webQueries';
import { contentLoopQueries } from './queries/contentLoopQueries';
import { webSessionQueries } from './queries/webSessionQueries';

/** Every store operation over one executor (the driver itself, or one transaction). */
function session(db: SqlExecutor, cipher: ContentCipher): StoreTx {
  return {
    ...reportQueries(db, cipher),
    ...timelineQueries(db),
    ...outboxQueries(db),
    ...timerQueries(db),
    ...dialogQueries(db, cipher),
    // -- web chat and operations (issue 4)
    ...webQueries(db),
    // -- Microsoft Teams (issue 6)
    ...teamsQueries(db),
    // -- Slack (issue 5)
    ...slackQueries(db),
    // -- the content owners' loop (issue 15)
    ...contentLoopQueries(db, cipher),
    // -- web console sign-in (issue 13)
    ...webSessionQueries(db),
  };
}

/**
 * The Store over SQL: the same queries for PGlite and PostgreSQL. Personal content is encrypted with
 * `cipher` before it is written and decrypted when read. Migrations run on open unless `migrate: false`.
 */
export async function openSqlStore(driver: SqlDriver, cipher: ContentCipher, options: { migrate?: boolean } = {}): Promise<Store> {
  if (options.migrate !== false) await migrate(driver, undefined, cipher);
  return {
    ...session(driver, cipher),
    transaction: (fn) => driver.transaction((tx) => fn(session(tx, cipher))),
    exclusive: (key, fn) => driver.exclusive(key, fn),
    close: () => driver.close(),
  };
}
