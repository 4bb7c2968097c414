import type { StoreTx } from '../../core/ports';
import type { Addressee, OutboxRow, OutboxStatus } from '../../core/reports/records';
import type { MessageKind } from '../../core/delivery/messageKinds';
import type { SqlExecutor } from '../sqlDriver';
import { asDate, asDateOrNull, asJson, jsonParam } from './rowValues';

type OutboxQueries = Pick<StoreTx, 'enqueue' | 'claimOutbox' | 'completeOutbox' | 'outboxFor' | 'startAttempt' | 'deferOutbox' | 'settleDelivered' | 'recordDelivered'>;

/** An outbox row from its SQL columns; `deliveredAt` may come from another column (the web chat's own). */
export function toOutboxRow(row: Record<string, unknown>, deliveredColumn = 'delivered_at'): OutboxRow {
  return {
    id: row.id as number,
    idempotencyKey: row.idempotency_key as string,
    reference: row.reference as string | null,
    kind: row.kind as MessageKind,
    addressee: asJson<Addressee>(row.addressee),
    data: asJson(row.data),
    status: row.status as OutboxStatus,
    attempts: row.attempts as number,
    nextAttemptAt: asDate(row.next_attempt_at),
    leaseUntil: asDateOrNull(row.lease_until),
    claimToken: row.claim_token as string | null,
    lastError: row.last_error as string | null,
    createdAt: asDate(row.created_at),
    deliveredAt: asDateOrNull(row[deliveredColumn]),
    attemptStartedAt: asDateOrNull(row.attempt_started_at),
    deliveredVia: (row.delivered_via as OutboxRow['deliveredVia'] | undefined) ?? null,
  };
}

export function outboxQueries(db: SqlExecutor): OutboxQueries {
  return {
    async enqueue(rows) {
      let added = 0;
      for (const row of rows) {
        const inserted = await db.query(
          `INSERT INTO outbox (idempotency_key, reference, kind, addressee, data, next_attempt_at, created_at)
           VALUES ($1, $2, $3, $4::jsonb, $5::jsonb, $6, $6)
           ON CONFLICT (idempotency_key) DO NOTHING
           RETURNING id`,
          [row.idempotencyKey, row.reference, row.kind, jsonParam(row.addressee), jsonParam(row.data ?? {}), row.availableAt],
        );
        added += inserted.length;
      }
      return added;
    },

    async claimOutbox({ now, leaseMs, limit, token }) {
      // SKIP LOCKED: a row another relay is claiming right now is left to it; the lease keeps it from being
      // claimed again until it expires (a crashed relay's rows come back after leaseMs).
      const rows = await db.query<Record<string, unknown>>(
        `UPDATE outbox o
         SET lease_until = $2, claim_token = $3, attempts = o.attempts + 1
         FROM (
           SELECT id FROM outbox
           WHERE status = 'pending' AND next_attempt_at <= $1 AND (lease_until IS NULL OR lease_until <= $1)
           ORDER BY next_attempt_at, id
           LIMIT $4
           FOR UPDATE SKIP LOCKED
         ) due
         WHERE o.id = due.id
         RETURNING o.*`,
        [now, new Date(now.getTime() + leaseMs), token, limit],
      );
      return rows.map((row) => toOutboxRow(row)).sort((a, b) => a.id - b.id);
    },

    async completeOutbox(id, token, outcome) {
      let rows: unknown[];
      if (outcome.status === 'delivered') {
        rows = await db.query(
          `UPDATE outbox SET status = 'delivered', delivered_at = $3, delivered_via = $4, lease_until = NULL, last_error = NULL
           WHERE id = $1 AND claim_token = $2 AND status = 'pending' RETURNING id`,
          [id, token, outcome.at, outcome.door ?? null],
        );
      } else if (outcome.status === 'retry') {
        rows = await db.query(
          `UPDATE outbox SET next_attempt_at = $3, lease_until = NULL, last_error = $4,
             attempt_started_at = CASE WHEN $5 THEN NULL ELSE attempt_started_at END
           WHERE id = $1 AND claim_token = $2 AND status = 'pending' RETURNING id`,
          [id, token, outcome.nextAttemptAt, outcome.error, outcome.attemptSettled === true],
        );
      } else {
        rows = await db.query(
          `UPDATE outbox SET status = 'dead', dead_at = $3, lease_until = NULL, last_error = $4
           WHERE id = $1 AND claim_token = $2 AND status = 'pending' RETURNING id`,
          [id, token, outcome.at, outcome.error],
        );
      }
      return rows.length === 1;
    },

    async startAttempt(id, token, at, leaseUntil) {
      const rows = await db.query(
        `UPDATE outbox SET attempt_started_at = COALESCE(attempt_started_at, $3), lease_until = $4
         WHERE id = $1 AND claim_token = $2 AND status = 'pending' RETURNING id`,
        [id, token, at, leaseUntil],
      );
      return rows.length === 1;
    },

    async deferOutbox(id, token, nextAttemptAt) {
      const rows = await db.query(
        `UPDATE outbox SET next_attempt_at = $3, lease_until = NULL, attempts = GREATEST(attempts - 1, 0)
         WHERE id = $1 AND claim_token = $2 AND status = 'pending' RETURNING id`,
        [id, token, nextAttemptAt],
      );
      return rows.length === 1;
    },

    async settleDelivered(id, at, door) {
      const rows = await db.query(
        `UPDATE outbox SET status = 'delivered', delivered_at = $2, delivered_via = $3, lease_until = NULL, last_error = NULL
         WHERE id = $1 AND status = 'pending' RETURNING id`,
        [id, at, door ?? null],
      );
      return rows.length === 1;
    },

    async recordDelivered(row, door, at) {
      const inserted = await db.query(
        `INSERT INTO outbox (idempotency_key, reference, kind, addressee, data, status, next_attempt_at, created_at, delivered_at, delivered_via)
         VALUES ($1, $2, $3, $4::jsonb, $5::jsonb, 'delivered', $6, $6, $6, $7)
         ON CONFLICT (idempotency_key) DO NOTHING
         RETURNING id`,
        [row.idempotencyKey, row.reference, row.kind, jsonParam(row.addressee), jsonParam(row.data ?? {}), at, door],
      );
      return inserted.length === 1;
    },

    async outboxFor(reference) {
      const rows = await db.query<Record<string, unknown>>('SELECT * FROM outbox WHERE reference = $1 ORDER BY id', [reference]);
      return rows.map((row) => toOutboxRow(row));
    },
  };
}
