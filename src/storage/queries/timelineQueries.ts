import type { StoreTx } from '../../core/ports';
import type { TimelineEntry } from '../../core/reports/records';
import type { SqlExecutor } from '../sqlDriver';
import { asDate, asJson, jsonParam } from './rowValues';

type TimelineQueries = Pick<StoreTx, 'appendTimeline' | 'timeline'>;

export function timelineQueries(db: SqlExecutor): TimelineQueries {
  return {
    async appendTimeline(entry) {
      await db.query('INSERT INTO report_timeline (reference, at, actor, event, details) VALUES ($1, $2, $3, $4, $5::jsonb)', [
        entry.reference,
        entry.at,
        entry.actor,
        entry.event,
        jsonParam(entry.details),
      ]);
    },

    async timeline(reference, events) {
      const rows = events
        ? await db.query<Record<string, unknown>>('SELECT * FROM report_timeline WHERE reference = $1 AND event = ANY($2::text[]) ORDER BY id', [reference, [...events]])
        : await db.query<Record<string, unknown>>('SELECT * FROM report_timeline WHERE reference = $1 ORDER BY id', [reference]);
      return rows.map(
        (row): TimelineEntry => ({
          id: row.id as number,
          reference: row.reference as string,
          at: asDate(row.at),
          actor: row.actor as string,
          event: row.event as TimelineEntry['event'],
          details: asJson(row.details),
        }),
      );
    },
  };
}
