import type { OperationsFigures, StoreTx } from '../../core/ports';
import type { ReportCategory } from '../../core/reports/categories';
import type { ReportStatus } from '../../core/reports/lifecycle';
import type { SqlExecutor } from '../sqlDriver';
import { toOutboxRow } from './outboxQueries';

type WebQueries = Pick<StoreTx, 'recordFeedback' | 'recordWebDelivery' | 'webInbox' | 'ping' | 'operationsFigures'>;

/** Upper bounds (seconds) of the delivery latency histogram. */
export const LATENCY_BUCKETS = [1, 5, 15, 60, 300, 900, 3600] as const;


/** Numbers come back as number from PGlite and as string for numeric/bigint from pg: normalise. */
const num = (value: unknown): number => (value === null || value === undefined ? 0 : Number(value));

export function webQueries(db: SqlExecutor): WebQueries {
  return {
    async recordFeedback(f) {
      await db.query(
        `INSERT INTO answer_feedback (platform, answer_id, helpful, lang, answered, passage_id, at)
         VALUES ($1, $2, $3, $4, $5, $6, $7)
         ON CONFLICT (platform, answer_id) DO UPDATE SET helpful = EXCLUDED.helpful, at = EXCLUDED.at`,
        [f.platform, f.answerId, f.helpful, f.lang, f.answered, f.passageId, f.at],
      );
    },

    async recordWebDelivery(d) {
      await db.query(
        `INSERT INTO web_deliveries (idempotency_key, person_id, channel_key, delivered_at)
         VALUES ($1, $2, $3, $4) ON CONFLICT (idempotency_key) DO NOTHING`,
        [d.idempotencyKey, d.personId, d.channelKey, d.at],
      );
    },

    async webInbox({ personId, channelKeys, limit }) {
      const rows = await db.query<Record<string, unknown>>(
        `SELECT o.*, w.delivered_at AS web_delivered_at
         FROM web_deliveries w JOIN outbox o ON o.idempotency_key = w.idempotency_key
         WHERE w.person_id = $1 OR w.channel_key = ANY($2::text[])
         ORDER BY w.delivered_at DESC, o.id DESC
         LIMIT $3`,
        [personId, channelKeys, limit],
      );
      return rows.map((row) => toOutboxRow(row, 'web_delivered_at'));
    },

    async ping() {
      await db.query('SELECT 1 AS ok');
    },

    async operationsFigures(): Promise<OperationsFigures> {
      const reports = await db.query<{ category: string; status: string; count: number }>(
        'SELECT category, status, count(*)::int AS count FROM reports GROUP BY category, status ORDER BY category, status',
      );
      const bucketColumns = LATENCY_BUCKETS.map(
        (le, i) => `count(*) FILTER (WHERE status = 'delivered' AND delivered_at - created_at <= interval '${le} seconds')::int AS b${i}`,
      ).join(',\n           ');
      const [outbox] = await db.query<Record<string, unknown>>(
        `SELECT count(*) FILTER (WHERE status = 'pending')::int AS pending,
           count(*) FILTER (WHERE status = 'delivered')::int AS delivered,
           count(*) FILTER (WHERE status = 'dead')::int AS dead,
           EXTRACT(EPOCH FROM (now() - min(next_attempt_at) FILTER (WHERE status = 'pending' AND next_attempt_at <= now())))::float8 AS oldest,
           COALESCE(sum(EXTRACT(EPOCH FROM (delivered_at - created_at))) FILTER (WHERE status = 'delivered'), 0)::float8 AS latency_sum,
           ${bucketColumns}
         FROM outbox`,
      );
      const timers = await db.query<{ level: number; count: number }>(
        'SELECT level, count(*)::int AS count FROM escalation_timers WHERE fired_at IS NOT NULL GROUP BY level',
      );
      const [feedback] = await db.query<Record<string, unknown>>(
        `SELECT count(*) FILTER (WHERE helpful)::int AS helpful, count(*) FILTER (WHERE NOT helpful)::int AS not_helpful
         FROM answer_feedback`,
      );
      const o = outbox ?? {};
      const fired = (level: number) => num(timers.find((t) => num(t.level) === level)?.count);
      return {
        reports: reports.map((r) => ({ category: r.category as ReportCategory, status: r.status as ReportStatus, count: num(r.count) })),
        outbox: {
          pending: num(o.pending),
          delivered: num(o.delivered),
          dead: num(o.dead),
          oldestPendingSeconds: o.oldest === null || o.oldest === undefined ? null : Math.max(0, num(o.oldest)),
        },
        deliveryLatency: {
          buckets: LATENCY_BUCKETS.map((le, i) => ({ le, count: num(o[`b${i}`]) })),
          count: num(o.delivered),
          sumSeconds: num(o.latency_sum),
        },
        escalations: { reminders: fired(1), escalations: fired(2) },
        feedback: { helpful: num(feedback?.helpful), notHelpful: num(feedback?.not_helpful) },
      };
    },
  };
}
