import { MIGRATIONS, type Migration } from './migrations';
import type { SqlDriver } from './sqlDriver';
import type { ContentCipher } from './contentCipher';

/** Advisory lock key shared by every somebot process migrating the same database. */
export const MIGRATION_LOCK_KEY = 4_711_001;

/**
 * Applies the migrations not yet recorded, all in one transaction under an advisory lock, so two processes
 * starting together on one PostgreSQL apply each migration exactly once (the second waits, then finds them
 * applied). A migration's data step (re-encrypting, say) runs in the same transaction with `cipher`.
 * Returns the ids it applied.
 */
export async function migrate(driver: SqlDriver, migrations: readonly Migration[] = MIGRATIONS, cipher?: ContentCipher): Promise<number[]> {
  return driver.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK_KEY]);
    await tx.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
      id integer PRIMARY KEY,
      name text NOT NULL,
      applied_at timestamptz NOT NULL DEFAULT now()
    )`);
    const done = new Set((await tx.query<{ id: number }>('SELECT id FROM schema_migrations')).map((r) => r.id));
    const applied: number[] = [];
    for (const migration of [...migrations].sort((a, b) => a.id - b.id)) {
      if (done.has(migration.id)) continue;
      await tx.exec(migration.sql);
      await migration.data?.(tx, cipher);
      await tx.query('INSERT INTO schema_migrations (id, name) VALUES ($1, $2)', [migration.id, migration.name]);
      applied.push(migration.id);
    }
    return applied;
  });
}
