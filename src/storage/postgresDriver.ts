import { Pool, type PoolClient } from 'pg';
import { assertSchemaName, toSqlParams, type SqlDriver, type SqlExecutor } from './sqlDriver';

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
 * claims use row locks (FOR UPDATE SKIP LOCKED) and migrations take an advisory lock.
 */
export async function openPostgresDriver(options: { connectionString: string; schema?: string; max?: number }): Promise<SqlDriver> {
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
    async close(): Promise<void> {
      await pool.end();
    },
  };
}
