import { Pool, type PoolClient } from 'pg';
import type { Logger } from '../core/logger';
import { silentLogger } from '../core/logger';
import { StoreUnavailableError } from '../core/storeUnavailable';
import { errorCodeOf, isConnectionError } from './connectionErrors';
import { assertSchemaName, toSqlParams, type SqlDriver, type SqlExecutor } from './sqlDriver';

/**
 * Advisory locks of SqlDriver.exclusive use the two-key form (this class, hashtext(key)); the one-key
 * migration lock lives in a separate key space, so the two can never meet. Two keys with the same hash
 * only wait for each other.
 */
export const EXCLUSIVE_LOCK_CLASS = 4712;
/** How long exclusive() waits for another process to release a lock before failing. */
export const EXCLUSIVE_LOCK_TIMEOUT = '30s';
/** How long opening one connection may take before it counts as the database being unavailable. */
export const CONNECT_TIMEOUT_MS = 5_000;
/** Default of `retryForMs`: how long work that certainly did not reach the database is tried again. */
export const DEFAULT_RETRY_FOR_MS = 10_000;

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

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** `err` as the store reports it: a lost connection becomes StoreUnavailableError, anything else is unchanged. */
function translated(err: unknown, outcomeUnknown: boolean): unknown {
  return isConnectionError(err) ? new StoreUnavailableError(outcomeUnknown, errorCodeOf(err)) : err;
}

/**
 * PostgreSQL through a `pg` pool (used when DATABASE_URL is set). `schema` sets the search path of every
 * connection (tests use one fresh schema each). Several processes may share the database: the store's
 * claims use row locks (FOR UPDATE SKIP LOCKED), migrations take an advisory lock, and `exclusive` holds a
 * transaction-scoped advisory lock on a connection from a second, small pool (`lockConnections`, default 4,
 * opened on first use), so callers holding locks can never take every connection that `fn` itself needs.
 *
 * The database may go away at any time (restart, failover, network cut) and the process must outlive it:
 * - every connection, idle or checked out, has an error listener (an 'error' event without one ends the
 *   process; `pool.on('error')` only covers idle connections), and a connection that failed is destroyed,
 *   never returned to the pool;
 * - a lost connection is thrown as StoreUnavailableError (outcomeUnknown when it was lost during COMMIT);
 * - work that certainly did not commit — no connection could be opened, or the transaction failed on a lost
 *   connection before COMMIT was sent — is run again with backoff for up to `retryForMs`.
 */
export async function openPostgresDriver(options: {
  connectionString: string;
  schema?: string;
  max?: number;
  lockConnections?: number;
  retryForMs?: number;
  logger?: Logger;
}): Promise<SqlDriver> {
  const logger = options.logger ?? silentLogger;
  const retryForMs = options.retryForMs ?? DEFAULT_RETRY_FOR_MS;
  const schema = options.schema ? assertSchemaName(options.schema) : undefined;
  if (schema) {
    const admin = new Pool({ connectionString: options.connectionString, max: 1, connectionTimeoutMillis: CONNECT_TIMEOUT_MS });
    admin.on('error', () => undefined);
    try {
      await admin.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`).catch((err: { code?: string }) => {
        // Two processes creating the same schema at once: the loser sees a unique violation; the schema exists.
        if (err.code !== '23505' && err.code !== '42P06') throw err;
      });
    } finally {
      await admin.end();
    }
  }
  const onConnectionError = (pool: string) => (err: Error) => logger.warn('store_connection_lost', { pool, errorCode: errorCodeOf(err) });
  const newPool = (name: string, max: number, searchPath: boolean): Pool => {
    const pool = new Pool({
      connectionString: options.connectionString,
      max,
      connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
      keepAlive: true,
      ...(searchPath && schema ? { options: `-c search_path=${schema}` } : {}),
    });
    const onError = onConnectionError(name);
    // Idle connections: the pool removes them itself; this only keeps the event from being unhandled.
    pool.on('error', onError);
    // Checked-out connections: their errors reach the statement in flight, or nobody but this listener.
    pool.on('connect', (client) => client.on('error', onError));
    return pool;
  };
  const pool = newPool('main', options.max ?? 10, true);
  let lockPool: Pool | undefined;
  const locks = (): Pool => (lockPool ??= newPool('locks', options.lockConnections ?? 4, false));

  /** Runs `attempt` again while it fails with a StoreUnavailableError whose work certainly did not commit. */
  async function retrying<T>(attempt: () => Promise<T>): Promise<T> {
    const deadline = Date.now() + retryForMs;
    for (let delay = 100; ; delay = Math.min(delay * 2, 1_000)) {
      try {
        return await attempt();
      } catch (err) {
        const safe = err instanceof StoreUnavailableError && !err.outcomeUnknown;
        if (!safe || Date.now() + delay > deadline) throw err;
        logger.debug('store_retry', { errorCode: err.causeCode, delayMs: delay });
        await sleep(delay);
      }
    }
  }

  async function connect(from: Pool): Promise<PoolClient> {
    try {
      return await from.connect();
    } catch (err) {
      throw translated(err, false);
    }
  }

  /** One statement on a connection of its own; a connection lost during it leaves its outcome unknown. */
  async function single<T>(run: (client: PoolClient) => Promise<T>): Promise<T> {
    return retrying(async () => {
      const client = await connect(pool);
      let broken: Error | undefined;
      try {
        return await run(client);
      } catch (err) {
        if (isConnectionError(err)) broken = err as Error;
        throw translated(err, true);
      } finally {
        client.release(broken);
      }
    });
  }

  async function transactionOnce<T>(fn: (tx: SqlExecutor) => Promise<T>): Promise<T> {
    const client = await connect(pool);
    let broken: Error | undefined;
    let committing = false;
    try {
      await client.query('BEGIN');
      const result = await fn(clientExecutor(client));
      committing = true;
      await client.query('COMMIT');
      return result;
    } catch (err) {
      if (committing) {
        // A COMMIT that failed ended the transaction either way; a lost connection leaves its outcome unknown.
        if (isConnectionError(err)) broken = err as Error;
      } else {
        await client.query('ROLLBACK').catch((rollbackError: Error) => {
          broken = rollbackError;
        });
      }
      throw translated(err, committing);
    } finally {
      // A connection that could not roll back (or was lost) is destroyed instead of returned to the pool.
      client.release(broken);
    }
  }

  return {
    kind: 'postgres',
    query: <R>(text: string, params: readonly unknown[] = []) => single(async (client) => (await client.query(text, toSqlParams(params))).rows as R[]),
    exec: (script: string) => single(async (client) => void (await client.query(script))),
    transaction: (fn) => retrying(() => transactionOnce(fn)),
    async exclusive<T>(key: string, fn: () => Promise<T>): Promise<T> {
      const client = await retrying(async () => {
        const c = await connect(locks());
        try {
          // One round trip (a simple query may hold several statements, not parameters: the key is quoted by
          // the driver); every message on PostgreSQL passes here, and each round trip costs a write and a read.
          await c.query(
            `BEGIN; SET LOCAL lock_timeout = '${EXCLUSIVE_LOCK_TIMEOUT}'; SELECT pg_advisory_xact_lock(${EXCLUSIVE_LOCK_CLASS}, hashtext(${c.escapeLiteral(key)}))`,
          );
          return c;
        } catch (err) {
          await c.query('ROLLBACK').catch(() => undefined);
          c.release(isConnectionError(err) ? (err as Error) : undefined);
          throw translated(err, false);
        }
      });
      let broken: Error | undefined;
      try {
        return await fn();
      } finally {
        // Ending the transaction releases the lock (nothing was written on this connection). A lock connection
        // lost while `fn` ran released the lock early; `fn`'s own statements ran on other connections.
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
