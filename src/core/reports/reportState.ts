import type { TFunction } from 'i18next';
import type { Directory } from '../directory/directory';
import type { StoredReport, TimelineEntry, TimelineEvent } from './records';
import { dateTimeFormat } from '../text/intlFormats';

/** Timeline events that change what an alert about the report shows. */
export const STEP_EVENTS: readonly TimelineEvent[] = ['acknowledged', 'progress_started', 'resolved', 'withdrawn', 'escalated'];

/** The latest change of a report: what happened, who did it (null: the system), and when. */
export interface LatestStep {
  event: TimelineEvent;
  actorId: string | null;
  at: Date;
}

/** The latest step of a timeline (oldest first), or undefined when nothing happened since submission. */
export function latestStep(timeline: readonly TimelineEntry[]): LatestStep | undefined {
  for (let i = timeline.length - 1; i >= 0; i--) {
    const entry = timeline[i]!;
    if (!STEP_EVENTS.includes(entry.event)) continue;
    return { event: entry.event, actorId: entry.actor.startsWith('person:') ? entry.actor.slice('person:'.length) : null, at: entry.at };
  }
  return undefined;
}

/**
 * Why a person acts on a report, as a role key of notifications:role: their recipient role, IT security by
 * their directory role, or the reporter.
 */
export async function actorRoleOf(report: Pick<StoredReport, 'recipients' | 'reporterId'>, personId: string, directory: Pick<Directory, 'person'>): Promise<string> {
  if (report.reporterId === personId) return 'reporter';
  const recipient = report.recipients.find((r) => r.addressee?.kind === 'person' && r.addressee.personId === personId);
  if (recipient) return recipient.role;
  const person = await directory.person(personId);
  return person?.roles.includes('it_security') ? 'it_security' : 'manager';
}

/** "14:32" on the same local day as `now`, else "2026-03-05 14:32". */
export function stepTime(at: Date, now: Date, timeZone: string): string {
  const day = (d: Date) => dateTimeFormat('sv-SE', { timeZone, dateStyle: 'short' }).format(d);
  if (day(at) === day(now)) return dateTimeFormat('sv-SE', { timeZone, timeStyle: 'short' }).format(at);
  return dateTimeFormat('sv-SE', { timeZone, dateStyle: 'short', timeStyle: 'short' }).format(at);
}

/**
 * Who did the latest step and when, as one translated sentence: "Timo Korhonen (informationsförvaltningen)
 * löste detta 14:32" (notifications:state.<event>). Undefined when nothing happened since submission.
 */
export async function stateLine(
  report: StoredReport,
  step: LatestStep | undefined,
  ctx: { directory: Pick<Directory, 'person'>; t: TFunction; timeZone: string; now: Date },
): Promise<string | undefined> {
  if (!step) return undefined;
  const time = stepTime(step.at, ctx.now, ctx.timeZone);
  if (!step.actorId) return ctx.t(`notifications:state.${step.event}`, { time, name: '', role: '' });
  const person = await ctx.directory.person(step.actorId);
  const role = ctx.t(`notifications:role.${await actorRoleOf(report, step.actorId, ctx.directory)}`);
  return ctx.t(`notifications:state.${step.event}`, { time, name: person?.name ?? ctx.t('notifications:unknownPerson'), role });
}
