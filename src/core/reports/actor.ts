/**
 * Who did something to a report, as written in its timeline: a directory person, an administrator at the
 * server (CLI `--admin`), or the system itself (relay, escalation, retention).
 */
export type Actor = { kind: 'person'; personId: string } | { kind: 'admin'; name: string } | { kind: 'system' };

export const SYSTEM_ACTOR: Actor = { kind: 'system' };

export const personActor = (personId: string): Actor => ({ kind: 'person', personId });
export const adminActor = (name: string): Actor => ({ kind: 'admin', name });

/** `person:anna.lindqvist`, `admin:root`, `system`. */
export function actorString(actor: Actor): string {
  switch (actor.kind) {
    case 'person':
      return `person:${actor.personId}`;
    case 'admin':
      return `admin:${actor.name}`;
    case 'system':
      return 'system';
  }
}
