import { Pool, type PoolClient } from 'pg';
import { assertSchemaName, toSqlParams, type SqlDriver, type SqlExecutor } from './sqlDriver';

/**
 * Advisory locks of SqlDriver.exclusive use the two-key form (this class, hashtext(key)); the one-key
 * migration lock lives in a separate key space, so the two can never meet. Two keys with the same hash
 * only wait for each other.
 */
export const EXCLUSIVE_LOCK_CLASS = 4712;
/** How long exclusive() waits for another process to release a lock before failing. */
export const EXCLUSIVE_LOCK_TIMEOUT = '30s';

function clientExecutor(client: Pick<PoolClient, 'query'>): SqlExecutor {
  return {
    async query<R>(text: string, params: readonly unknown[] = []): Promise<R[]> {
      return (await client.query(text, toSqlParams(params))).rows as R[];
    },
    async exec(script: string): Promise<void> {
      await client.query(script);
    },
  };
}

/**
 * PostgreSQL through a `pg` pool (used when DATABASE_URL is set). `schema` sets the search path of every
 * connection (tests use one fresh schema each). Several processes may share the database: the store's
 * claims use row locks (FOR UPDATE SKIP LOCKED), migrations take an advisory lock, and `exclusive` holds a
 * transaction-scoped advisory lock on a connection from a second, small pool (`lockConnections`, default 4,
 * opened on first use), so callers holding locks can never take every connection that `fn` itself needs.
 */
export async function openPostgresDriver(options: { connectionString: string; schema?: string; max?: number; lockConnections?: number }): Promise<SqlDriver> {
  const schema = options.schema ? assertSchemaName(options.schema) : undefined;
  if (schema) {
    const admin = new Pool({ connectionString: options.connectionString, max: 1 });
    try {
      await admin.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`).catch((err: { code?: string }) => {
        // Two processes creating the same schema at once: the loser sees a unique violation; the schema exists.
        if (err.code !== '23505' && err.code !== '42P06') throw err;
      });
    } finally {
      await admin.end();
    }
  }
  const pool = new Pool({
    connectionString: options.connectionString,
    max: options.max ?? 10,
    ...(schema ? { options: `-c search_path=${schema}` } : {}),
  });
  // An idle client that loses its connection must not crash the process; the next query reconnects.
  pool.on('error', () => undefined);
  const base = clientExecutor(pool);
  let lockPool: Pool | undefined;
  const locks = (): Pool => {
    if (!lockPool) {
      lockPool = new Pool({ connectionString: options.connectionString, max: options.lockConnections ?? 4 });
      lockPool.on('error', () => undefined);
    }
    return lockPool;
  };
  return {
    kind: 'postgres',
    ...base,
    async transaction<T>(fn: (tx: SqlExecutor) => Promise<T>): Promise<T> {
      const client = await pool.connect();
      let broken: Error | undefined;
      try {
        await client.query('BEGIN');
        const result = await fn(clientExecutor(client));
        await client.query('COMMIT');
        return result;
      } catch (err) {
        await client.query('ROLLBACK').catch((rollbackError: Error) => {
          broken = rollbackError;
        });
        throw err;
      } finally {
        // A connection that could not roll back is destroyed instead of returned to the pool.
        client.release(broken);
      }
    },
    async exclusive<T>(key: string, fn: () => Promise<T>): Promise<T> {
      const client = await locks().connect();
      let broken: Error | undefined;
      try {
        await client.query('BEGIN');
        await client.query(`SET LOCAL lock_timeout = '${EXCLUSIVE_LOCK_TIMEOUT}'`);
        await client.query('SELECT pg_advisory_xact_lock($1::int, hashtext($2))', [EXCLUSIVE_LOCK_CLASS, key]);
        return await fn();
      } finally {
        // Ending the transaction releases the lock (nothing was written on this connection).
        await client.query('ROLLBACK').catch((rollbackError: Error) => {
          broken = rollbackError;
        });
        client.release(broken);
      }
    },
    async close(): Promise<void> {
      await Promise.all([pool.end(), lockPool?.end()]);
    },
  };
}
