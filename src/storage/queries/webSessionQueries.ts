import type { StoreTx, WebSession } from '../../core/ports';
import type { SqlExecutor } from '../sqlDriver';

type WebSessionQueries = Pick<
  StoreTx,
  'createWebSession' | 'useWebSession' | 'deleteWebSession' | 'purgeWebSessions' | 'recordConsoleSignIn' | 'consolePeople'
>;

const date = (value: unknown): Date => (value instanceof Date ? value : new Date(String(value)));

export function webSessionQueries(db: SqlExecutor): WebSessionQueries {
  return {
    async createWebSession(s) {
      await db.query(
        `INSERT INTO web_sessions (id_hash, person_id, created_at, last_seen_at, expires_at, id_token_sealed) VALUES ($1, $2, $3, $4, $5, $6)`,
        [s.idHash, s.personId, s.createdAt, s.lastSeenAt, s.expiresAt, s.idTokenSealed ?? null],
      );
    },

    async useWebSession(idHash, now, idleCutoff) {
      const rows = await db.query<Record<string, unknown>>(
        `UPDATE web_sessions SET last_seen_at = $2
         WHERE id_hash = $1 AND expires_at > $2 AND last_seen_at > $3
         RETURNING id_hash, person_id, created_at, last_seen_at, expires_at`,
        [idHash, now, idleCutoff],
      );
      const row = rows[0];
      if (!row) return undefined;
      const session: WebSession = {
        idHash: String(row.id_hash),
        personId: String(row.person_id),
        createdAt: date(row.created_at),
        lastSeenAt: date(row.last_seen_at),
        expiresAt: date(row.expires_at),
      };
      return session;
    },

    async deleteWebSession(idHash) {
      const rows = await db.query<{ id_token_sealed: string | null }>('DELETE FROM web_sessions WHERE id_hash = $1 RETURNING id_token_sealed', [idHash]);
      const sealed = rows[0]?.id_token_sealed;
      return typeof sealed === 'string' ? sealed : undefined;
    },

    async purgeWebSessions(now, idleCutoff) {
      const rows = await db.query<{ id_hash: string }>('DELETE FROM web_sessions WHERE expires_at <= $1 OR last_seen_at <= $2 RETURNING id_hash', [now, idleCutoff]);
      return rows.length;
    },

    async recordConsoleSignIn(personId, at) {
      await db.query(
        `INSERT INTO web_console_people (person_id, first_signed_in_at, last_signed_in_at) VALUES ($1, $2, $2)
         ON CONFLICT (person_id) DO UPDATE SET last_signed_in_at = EXCLUDED.last_signed_in_at`,
        [personId, at],
      );
    },

    async consolePeople() {
      const rows = await db.query<{ person_id: string }>('SELECT person_id FROM web_console_people ORDER BY person_id');
      return rows.map((r) => r.person_id);
    },
  };
}
