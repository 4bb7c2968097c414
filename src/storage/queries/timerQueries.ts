import type { StoreTx } from '../../core/ports';
import type { EscalationTimer } from '../../core/reports/records';
import type { SqlExecutor } from '../sqlDriver';
import { asDate, asDateOrNull } from './rowValues';

type TimerQueries = Pick<StoreTx, 'insertTimers' | 'dueTimers' | 'fireTimer' | 'cancelTimers' | 'timersFor'>;

function toTimer(row: Record<string, unknown>): EscalationTimer {
  return {
    id: row.id as number,
    reference: row.reference as string,
    level: row.level as number,
    dueAt: asDate(row.due_at),
    firedAt: asDateOrNull(row.fired_at),
    cancelledAt: asDateOrNull(row.cancelled_at),
  };
}

export function timerQueries(db: SqlExecutor): TimerQueries {
  return {
    async insertTimers(timers) {
      for (const timer of timers) {
        await db.query(
          `INSERT INTO escalation_timers (reference, level, due_at) VALUES ($1, $2, $3)
           ON CONFLICT (reference, level) DO NOTHING`,
          [timer.reference, timer.level, timer.dueAt],
        );
      }
    },

    async dueTimers(now, limit) {
      const rows = await db.query<Record<string, unknown>>(
        `SELECT * FROM escalation_timers
         WHERE fired_at IS NULL AND cancelled_at IS NULL AND due_at <= $1
         ORDER BY due_at, id LIMIT $2`,
        [now, limit],
      );
      return rows.map(toTimer);
    },

    async fireTimer(id, at) {
      const rows = await db.query(
        'UPDATE escalation_timers SET fired_at = $2 WHERE id = $1 AND fired_at IS NULL AND cancelled_at IS NULL RETURNING id',
        [id, at],
      );
      return rows.length === 1;
    },

    async cancelTimers(reference, at) {
      const rows = await db.query(
        'UPDATE escalation_timers SET cancelled_at = $2 WHERE reference = $1 AND fired_at IS NULL AND cancelled_at IS NULL RETURNING id',
        [reference, at],
      );
      return rows.length;
    },

    async timersFor(reference) {
      const rows = await db.query<Record<string, unknown>>('SELECT * FROM escalation_timers WHERE reference = $1 ORDER BY level', [reference]);
      return rows.map(toTimer);
    },
  };
}
