import type { StoreTx, TeamsConversation, TeamsSentMessage } from '../../core/ports';
import type { ReportStatus } from '../../core/reports/lifecycle';
import type { SqlExecutor } from '../sqlDriver';
import { asDate, asDateOrNull, asJson, jsonParam } from './rowValues';

type TeamsQueries = Pick<
  StoreTx,
  | 'saveTeamsConversation'
  | 'teamsConversation'
  | 'teamsConversations'
  | 'blockTeamsConversation'
  | 'recordTeamsMessage'
  | 'teamsMessage'
  | 'teamsReportCards'
  | 'setTeamsCardStatus'
>;

function toConversation(row: Record<string, unknown>): TeamsConversation {
  return {
    conversationKey: row.conversation_key as string,
    reference: asJson<unknown>(row.reference),
    updatedAt: asDate(row.updated_at),
    blockedAt: asDateOrNull(row.blocked_at),
  };
}

function toSentMessage(row: Record<string, unknown>): TeamsSentMessage {
  return {
    idempotencyKey: row.idempotency_key as string,
    reference: (row.reference as string | null) ?? null,
    conversationKey: row.conversation_key as string,
    activityId: row.activity_id as string,
    cardStatus: (row.card_status as ReportStatus | null) ?? null,
    sentAt: asDate(row.sent_at),
  };
}

/** Microsoft Teams (issue 6): conversation references and delivered messages (migration 003_teams). */
export function teamsQueries(db: SqlExecutor): TeamsQueries {
  return {
    async saveTeamsConversation(conversationKey, reference, at) {
      await db.query(
        `INSERT INTO teams_conversations (conversation_key, reference, updated_at, blocked_at) VALUES ($1, $2::jsonb, $3, NULL)
         ON CONFLICT (conversation_key) DO UPDATE SET reference = EXCLUDED.reference, updated_at = EXCLUDED.updated_at, blocked_at = NULL`,
        [conversationKey, jsonParam(reference), at],
      );
    },

    async teamsConversation(conversationKey) {
      const rows = await db.query<Record<string, unknown>>('SELECT * FROM teams_conversations WHERE conversation_key = $1', [conversationKey]);
      return rows[0] ? toConversation(rows[0]) : undefined;
    },

    async teamsConversations() {
      const rows = await db.query<Record<string, unknown>>('SELECT * FROM teams_conversations ORDER BY conversation_key');
      return rows.map(toConversation);
    },

    async blockTeamsConversation(conversationKey, at) {
      await db.query('UPDATE teams_conversations SET blocked_at = $2 WHERE conversation_key = $1', [conversationKey, at]);
    },

    async recordTeamsMessage(m) {
      const rows = await db.query(
        `INSERT INTO teams_sent_messages (idempotency_key, reference, conversation_key, activity_id, card_status, sent_at)
         VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (idempotency_key) DO NOTHING RETURNING idempotency_key`,
        [m.idempotencyKey, m.reference, m.conversationKey, m.activityId, m.cardStatus, m.sentAt],
      );
      return rows.length > 0;
    },

    async teamsMessage(idempotencyKey) {
      const rows = await db.query<Record<string, unknown>>('SELECT * FROM teams_sent_messages WHERE idempotency_key = $1', [idempotencyKey]);
      return rows[0] ? toSentMessage(rows[0]) : undefined;
    },

    async teamsReportCards(reference) {
      const rows = await db.query<Record<string, unknown>>(
        'SELECT * FROM teams_sent_messages WHERE reference = $1 AND card_status IS NOT NULL ORDER BY sent_at, idempotency_key',
        [reference],
      );
      return rows.map(toSentMessage);
    },

    async setTeamsCardStatus(idempotencyKey, status) {
      await db.query('UPDATE teams_sent_messages SET card_status = $2 WHERE idempotency_key = $1', [idempotencyKey, status]);
    },
  };
}
