import path from 'node:path';
import type { Config } from '../config';
import type { Store } from '../core/ports';
import type { Logger } from '../core/logger';
import { silentLogger } from '../core/logger';
import { ContentCipher } from './contentCipher';
import { resolveDataKey } from './dataKey';
import { openPgliteDriver } from './pgliteDriver';
import { openPostgresDriver } from './postgresDriver';
import { openSqlStore } from './sqlStore';

/** Where PGlite keeps its files inside the data directory. */
export const PGLITE_SUBDIR = 'pglite';

/**
 * The Store the configuration asks for: PostgreSQL when DATABASE_URL is set, else PGlite in
 * `<dataDir>/pglite`. Loads (or creates) the data key and applies migrations.
 */
export async function openStore(config: Pick<Config, 'dataDir' | 'databaseUrl' | 'dataKey'>, logger: Logger = silentLogger): Promise<Store> {
  const key = resolveDataKey({ dataKey: config.dataKey, dataDir: config.dataDir, warn: (event) => logger.warn(event) });
  const driver = config.databaseUrl
    ? await openPostgresDriver({ connectionString: config.databaseUrl, logger })
    : await openPgliteDriver({ dataDir: path.join(config.dataDir, PGLITE_SUBDIR) });
  logger.info('store_opened', { kind: driver.kind });
  return openSqlStore(driver, new ContentCipher(key));
}
