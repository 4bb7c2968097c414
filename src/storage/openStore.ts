import path from 'node:path';
import type { Config } from '../config';
import type { Store } from '../core/ports';
import type { Logger } from '../core/logger';
import { silentLogger } from '../core/logger';
import { ContentCipher } from './contentCipher';
import { resolveKeyRing } from './dataKey';
import { openPgliteDriver } from './pgliteDriver';
import { openPostgresDriver } from './postgresDriver';
import { openSqlStore } from './sqlStore';
import type { SqlDriver } from './sqlDriver';

/** Where PGlite keeps its files inside the data directory. */
export const PGLITE_SUBDIR = 'pglite';

/**
 * The Store the configuration asks for: PostgreSQL when DATABASE_URL is set, else PGlite in
 * `<dataDir>/pglite`. Loads (or creates) the data key ring and applies migrations (and their data steps).
 */
export async function openStore(config: StoreConfig, logger: Logger = silentLogger): Promise<Store> {
  const { driver, cipher } = await openDatabase(config, logger);
  return openSqlStore(driver, cipher);
}

/** What opening the store reads from the configuration. */
export type StoreConfig = Pick<Config, 'dataDir' | 'databaseUrl' | 'dataKey'> & { oldDataKeys?: Buffer[] };

/** The database and the cipher of its data key ring, not yet migrated (openStore; `keys rotate`). */
export async function openDatabase(config: StoreConfig, logger: Logger = silentLogger): Promise<{ driver: SqlDriver; cipher: ContentCipher }> {
  const keys = resolveKeyRing({ dataKey: config.dataKey, oldDataKeys: config.oldDataKeys, dataDir: config.dataDir, warn: (event) => logger.warn(event) });
  const cipher = new ContentCipher(keys);
  const driver = config.databaseUrl
    ? await openPostgresDriver({ connectionString: config.databaseUrl, logger })
    : await openPgliteDriver({ dataDir: path.join(config.dataDir, PGLITE_SUBDIR) });
  logger.info('store_opened', { kind: driver.kind });
  return { driver, cipher };
}
