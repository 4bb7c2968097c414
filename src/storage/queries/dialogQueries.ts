import type { StoreTx } from '../../core/ports';
import type { ContentCipher } from '../contentCipher';
import type { SqlExecutor } from '../sqlDriver';
import { asBytesOrNull } from './rowValues';

type DialogQueries = Pick<StoreTx, 'loadDialog' | 'saveDialog' | 'clearDialog' | 'purgeDialogs'>;

export const dialogContext = (conversationId: string): string => `dialog:${conversationId}`;

export function dialogQueries(db: SqlExecutor, cipher: ContentCipher): DialogQueries {
  return {
    async loadDialog(conversationId, notBefore) {
      const rows = await db.query<{ state: unknown }>(
        'SELECT state FROM dialog_sessions WHERE conversation_id = $1 AND updated_at >= $2',
        [conversationId, notBefore],
      );
      const state = asBytesOrNull(rows[0]?.state);
      return state ? cipher.decryptJson<unknown>(state, dialogContext(conversationId)) : undefined;
    },

    async saveDialog(conversationId, state, at) {
      await db.query(
        `INSERT INTO dialog_sessions (conversation_id, state, updated_at) VALUES ($1, $2, $3)
         ON CONFLICT (conversation_id) DO UPDATE SET state = EXCLUDED.state, updated_at = EXCLUDED.updated_at`,
        [conversationId, cipher.encryptJson(state, dialogContext(conversationId)), at],
      );
    },

    async clearDialog(conversationId) {
      await db.query('DELETE FROM dialog_sessions WHERE conversation_id = $1', [conversationId]);
    },

    async purgeDialogs(cutoff) {
      const rows = await db.query('DELETE FROM dialog_sessions WHERE updated_at < $1 RETURNING conversation_id', [cutoff]);
      return rows.length;
    },
  };
}
