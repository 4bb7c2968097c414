import type { SlackMessage, StoreTx } from '../../core/ports';
import type { SqlExecutor } from '../sqlDriver';
import { asDate } from './rowValues';

type SlackQueries = Pick<StoreTx, 'claimSlackEvent' | 'purgeSlackEvents' | 'recordSlackMessage' | 'slackMessage' | 'slackMessagesFor'>;

function toSlackMessage(row: Record<string, unknown>): SlackMessage {
  return {
    idempotencyKey: row.idempotency_key as string,
    reference: (row.reference as string | null) ?? null,
    channelId: row.channel_id as string,
    ts: row.ts as string,
    postedAt: asDate(row.posted_at),
  };
}

/** Slack (issue 5): handled event ids and posted messages (migration 002_slack). */
export function slackQueries(db: SqlExecutor): SlackQueries {
  return {
    async claimSlackEvent(eventId, at) {
      const rows = await db.query(
        'INSERT INTO slack_events (event_id, received_at) VALUES ($1, $2) ON CONFLICT (event_id) DO NOTHING RETURNING event_id',
        [eventId, at],
      );
      return rows.length === 1;
    },

    async purgeSlackEvents(cutoff) {
      const rows = await db.query('DELETE FROM slack_events WHERE received_at < $1 RETURNING event_id', [cutoff]);
      return rows.length;
    },

    async recordSlackMessage(message) {
      const rows = await db.query(
        `INSERT INTO slack_messages (idempotency_key, reference, channel_id, ts, posted_at) VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (idempotency_key) DO NOTHING RETURNING idempotency_key`,
        [message.idempotencyKey, message.reference, message.channelId, message.ts, message.postedAt],
      );
      return rows.length === 1;
    },

    async slackMessage(idempotencyKey) {
      const rows = await db.query<Record<string, unknown>>('SELECT * FROM slack_messages WHERE idempotency_key = $1', [idempotencyKey]);
      return rows[0] ? toSlackMessage(rows[0]) : undefined;
    },

    async slackMessagesFor(reference) {
      const rows = await db.query<Record<string, unknown>>(
        'SELECT * FROM slack_messages WHERE reference = $1 ORDER BY posted_at, idempotency_key',
        [reference],
      );
      return rows.map(toSlackMessage);
    },
  };
}
