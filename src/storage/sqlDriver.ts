/**
 * The one thing the SQL store needs from a database: run a statement, run a script, run a transaction.
 * Implemented for PGlite (embedded) and PostgreSQL (`pg`); both speak the same SQL, so there is one set of
 * queries and one set of migrations. Values come back as: timestamptz → Date, jsonb → parsed JSON,
 * bytea → Buffer (normalised by the store), integer → number. Do not select int8 (pg returns a string):
 * cast counts with `::int`.
 */
export interface SqlExecutor {
  /** Runs one statement with $1-style parameters and returns its rows. */
  query<R = Record<string, unknown>>(text: string, params?: readonly unknown[]): Promise<R[]>;
  /** Runs a script of several statements without parameters (migrations). */
  exec(script: string): Promise<void>;
}

export interface SqlDriver extends SqlExecutor {
  readonly kind: 'pglite' | 'postgres';
  /** Runs `fn` in BEGIN/COMMIT on one connection; rolls back and rethrows when `fn` throws. */
  transaction<T>(fn: (tx: SqlExecutor) => Promise<T>): Promise<T>;
  /**
   * Runs `fn` holding a lock named `key` that every process on this database respects (Store.exclusive).
   * PostgreSQL: pg_advisory_xact_lock on a connection of its own; PGlite: just runs `fn` (one process).
   */
  exclusive<T>(key: string, fn: () => Promise<T>): Promise<T>;
  /** Releases the connection(s); the driver is unusable afterwards. */
  close(): Promise<void>;
}

/** A schema name safe to put in SQL (tests use one fresh schema each). */
export function assertSchemaName(schema: string): string {
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(schema)) throw new Error(`invalid schema name "${schema}"`);
  return schema;
}

/**
 * Parameters as both drivers take them alike: Dates as ISO-8601 text (exact to the millisecond, with zone),
 * everything else unchanged.
 */
export function toSqlParams(params: readonly unknown[]): unknown[] {
  return params.map((value) => (value instanceof Date ? value.toISOString() : value));
}
