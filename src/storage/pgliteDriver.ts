import fs from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { lockDataDir } from './dataDirLock';
import { seedFromTemplate } from './pgliteTemplate';
import { assertSchemaName, toSqlParams, type SqlDriver, type SqlExecutor } from './sqlDriver';

interface PgliteLike {
  query<R>(text: string, params?: unknown[]): Promise<{ rows: R[] }>;
  exec(script: string): Promise<unknown>;
}

function executor(db: PgliteLike): SqlExecutor {
  return {
    async query<R>(text: string, params: readonly unknown[] = []): Promise<R[]> {
      return (await db.query<R>(text, toSqlParams(params))).rows;
    },
    async exec(script: string): Promise<void> {
      await db.exec(script);
    },
  };
}

/**
 * PostgreSQL's shared buffers inside PGlite. initdb writes 128MB, and PGlite touches all of it at start (measured:
 * 285 MB resident after opening a data directory, 166 MB with 16MB). The bot's tables are small; PGlite reads
 * pages through Node's fs, so a page that is not in the buffers comes from the OS page cache.
 */
const SHARED_BUFFERS = '16MB';

/** PGlite's own start parameters plus ours (a `-c` here wins over the data directory's postgresql.conf). */
export const PGLITE_START_PARAMS: readonly string[] = [...PGlite.defaultStartParams, '-c', `shared_buffers=${SHARED_BUFFERS}`];

/**
 * The embedded database. `dataDir` persists to disk (created if missing); without it the database lives in
 * memory (tests). `instance` shares an already open PGlite (tests: one per file); the driver then never closes
 * it. `schema` creates that schema and puts it first on the search path — one PGlite session, so only one
 * schema may be in use at a time per instance. PGlite runs one statement at a time and a transaction blocks
 * every other caller until it ends. One process per data directory: opening `dataDir` takes its lock
 * (dataDirLock.ts) and throws DataDirInUseError while another live process holds it. A new data directory is
 * filled from the build's template (pgliteTemplate.ts) when there is one, else PGlite runs initdb.
 */
export async function openPgliteDriver(options: { dataDir?: string; instance?: PGlite; schema?: string } = {}): Promise<SqlDriver> {
  let db = options.instance;
  const owned = !db;
  let lock: { release(): void } | undefined;
  if (!db) {
    if (options.dataDir) {
      fs.mkdirSync(options.dataDir, { recursive: true, mode: 0o700 });
      lock = await lockDataDir(options.dataDir);
    }
    try {
      if (options.dataDir) seedFromTemplate(options.dataDir);
      db = new PGlite({ ...(options.dataDir ? { dataDir: options.dataDir } : {}), startParams: [...PGLITE_START_PARAMS] });
      await db.waitReady;
    } catch (err) {
      lock?.release();
      throw err;
    }
  }
  const base = executor(db);
  if (options.schema) {
    const schema = assertSchemaName(options.schema);
    await base.exec(`CREATE SCHEMA IF NOT EXISTS ${schema}; SET search_path TO ${schema};`);
  }
  const instance = db;
  return {
    kind: 'pglite',
    ...base,
    async transaction<T>(fn: (tx: SqlExecutor) => Promise<T>): Promise<T> {
      return instance.transaction((tx) => fn(executor(tx)));
    },
    // One process per PGlite (dataDirLock), so there is nobody else to exclude. Holding a transaction here
    // would block every other statement of this process, `fn`'s own included.
    async exclusive<T>(_key: string, fn: () => Promise<T>): Promise<T> {
      return fn();
    },
    async close(): Promise<void> {
      if (owned && !instance.closed) await instance.close();
      lock?.release();
    },
  };
}
