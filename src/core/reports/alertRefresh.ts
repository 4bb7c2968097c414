import { REFRESHED_COPY_KINDS } from '../delivery/messageKinds';
import type { StoreTx } from '../ports';
import type { NewOutboxRow, OutboxRow } from './records';

/**
 * One 'alert_refresh' outbox row per alert copy of the report already delivered (on any door), so that a
 * change made on one door redraws every copy on every door in place. `step` names the change (e.g.
 * 'resolved', 'escalated:L2'); the same change never queues the same refresh twice. Copies still waiting
 * in the outbox need none: they are rendered from the report as it is when they go out.
 */
export async function refreshRows(tx: Pick<StoreTx, 'outboxFor'>, reference: string, at: Date, step: string): Promise<NewOutboxRow[]> {
  const rows = await tx.outboxFor(reference);
  return rows.filter(isRefreshableCopy).map((copy) => refreshRowOf(copy, at, step));
}

/** The 'alert_refresh' row that redraws one delivered copy (see refreshRows). */
export function refreshRowOf(copy: OutboxRow, at: Date, step: string): NewOutboxRow {
  return {
    idempotencyKey: `${copy.idempotencyKey}:refresh:${step}`,
    reference: copy.reference,
    kind: 'alert_refresh',
    addressee: copy.addressee,
    data: { ...copy.data, copyOf: copy.idempotencyKey, copyKind: copy.kind, door: copy.deliveredVia!, ...(copy.deliveredAt ? { copyDeliveredAt: copy.deliveredAt.toISOString() } : {}) },
    availableAt: at,
  };
}

/** A delivered copy of the report (an alert copy or the reporter's receipt) whose door is known. */
function isRefreshableCopy(row: OutboxRow): boolean {
  return row.status === 'delivered' && row.deliveredVia !== null && REFRESHED_COPY_KINDS.includes(row.kind);
}

/**
 * The copy an 'alert_refresh' row redraws, as the outbox row that delivered it (same key, kind and
 * addressee), so it renders exactly as that copy did, with the report as it is now.
 */
export function copyRowOf(refresh: OutboxRow): OutboxRow {
  const copyOf = refresh.data.copyOf;
  const copyKind = refresh.data.copyKind;
  if (typeof copyOf !== 'string' || typeof copyKind !== 'string') return refresh;
  const { copyOf: _key, copyKind: _kind, door: _door, copyDeliveredAt: _at, ...data } = refresh.data;
  return { ...refresh, idempotencyKey: copyOf, kind: copyKind as OutboxRow['kind'], data };
}
