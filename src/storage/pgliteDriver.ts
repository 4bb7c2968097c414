import fs from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { lockDataDir } from './dataDirLock';
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
 * The embedded database. `dataDir` persists to disk (created if missing); without it the database lives in
 * memory (tests). `instance` shares an already open PGlite (tests: one per file); the driver then never closes
 * it. `schema` creates that schema and puts it first on the search path — one PGlite session, so only one
 * schema may be in use at a time per instance. PGlite runs one statement at a time and a transaction blocks
 * every other caller until it ends. One process per data directory: opening `dataDir` takes its lock
 * (dataDirLock.ts) and throws DataDirInUseError while another live process holds it.
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
      db = options.dataDir ? new PGlite(options.dataDir) : new PGlite();
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
