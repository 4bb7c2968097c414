import type { Clock, Directory, Store, StoreTx } from '../ports';
import type { Logger } from '../logger';
import { silentLogger } from '../logger';
import { actorString, SYSTEM_ACTOR } from './actor';
import { itSecurityAddressees } from './itSecurityAudience';
import { isAcknowledged } from './lifecycle';
import { messagesTo } from './outbox';
import { refreshRows } from './alertRefresh';
import type { RoutingTable } from './routingTable';
import type { Addressee, EscalationTimer, NewEscalationTimer, ReportRecipient, StoredReport } from './records';

/**
 * The escalation policy. T = the routing table's ackTimeoutMinutes for the report's category.
 * - level 1 at T: a reminder to the primary recipients (the manager, or the alternate recipient);
 * - level 2 at 2T: the report goes to the next level: the manager's manager, else IT security.
 * Acknowledging (or any later step) cancels what has not fired. Each level fires at most once, even with
 * several processes ticking at the same time: firing locks the report row and marks the timer in one
 * transaction, and only the first marker wins.
 */
export const ESCALATION_STEPS = [
  { level: 1, afterTimeouts: 1, action: 'remind' },
  { level: 2, afterTimeouts: 2, action: 'escalate' },
] as const;
export type EscalationStep = (typeof ESCALATION_STEPS)[number];

/** Recipient roles that count as "the manager" for reminders and for finding the next level. */
const PRIMARY_ROLES: readonly string[] = ['manager', 'alternate'];

/** The timers a newly submitted report gets. */
export function escalationTimers(reference: string, submittedAt: Date, ackTimeoutMinutes: number): NewEscalationTimer[] {
  return ESCALATION_STEPS.map((step) => ({
    reference,
    level: step.level,
    dueAt: new Date(submittedAt.getTime() + step.afterTimeouts * ackTimeoutMinutes * 60_000),
  }));
}

function people(recipients: readonly ReportRecipient[], roles?: readonly string[]): Addressee[] {
  return recipients
    .filter((r) => r.addressee !== null && (!roles || roles.includes(r.role)))
    .map((r) => r.addressee!);
}

export interface EscalatorDeps {
  store: Store;
  directory: Directory;
  clock: Clock;
  logger?: Logger;
  /** Says whether the reporter is told who the report went on to (routing table `escalation.nameToReporter`). */
  routingTable?: Pick<RoutingTable, 'escalation'>;
}

/** Fires due escalation timers. `tick()` is called by the relay loop on every pass. */
export class Escalator {
  private readonly logger: Logger;

  constructor(private readonly deps: EscalatorDeps) {
    this.logger = deps.logger ?? silentLogger;
  }

  /** Processes every timer due now; returns how many fired (cancelled ones are not counted). */
  async tick(limit = 100): Promise<number> {
    const now = this.deps.clock.now();
    const due = await this.deps.store.dueTimers(now, limit);
    let fired = 0;
    for (const timer of due) {
      if (await this.deps.store.transaction((tx) => this.fire(tx, timer, now))) fired++;
    }
    return fired;
  }

  private async fire(tx: StoreTx, timer: EscalationTimer, now: Date): Promise<boolean> {
    // Lock the report first (the same order as acknowledge), then claim the timer.
    const report = await tx.getReport(timer.reference, { lock: true });
    if (!report || isAcknowledged(report.status)) {
      await tx.cancelTimers(timer.reference, now);
      return false;
    }
    if (!(await tx.fireTimer(timer.id, now))) return false;
    const step = ESCALATION_STEPS.find((s) => s.level === timer.level);
    if (!step) {
      this.logger.warn('escalation_unknown_level', { reference: timer.reference, level: timer.level });
      return false;
    }
    if (step.action === 'remind') await this.remind(tx, report, step, now);
    else await this.escalate(tx, report, step, now);
    return true;
  }

  private async remind(tx: StoreTx, report: StoredReport, step: EscalationStep, now: Date): Promise<void> {
    const level0 = report.recipients.filter((r) => r.level === 0);
    const primary = people(level0, PRIMARY_ROLES);
    const targets = primary.length > 0 ? primary : people(level0);
    await tx.enqueue(messagesTo(report.reference, 'ack_reminder', targets, now, { step: `L${step.level}`, data: { level: step.level } }));
    await tx.appendTimeline({
      reference: report.reference,
      at: now,
      actor: actorString(SYSTEM_ACTOR),
      event: 'reminded',
      details: { level: step.level, recipients: targets.length },
    });
    this.logger.info('escalation_reminded', { reference: report.reference, level: step.level, recipients: targets.length });
  }

  private async escalate(tx: StoreTx, report: StoredReport, step: EscalationStep, now: Date): Promise<void> {
    const targets = await this.nextLevel(report);
    const added: ReportRecipient[] = targets.map((addressee) => ({ addressee, role: addressee.role, level: step.level, addedAt: now }));
    await tx.addRecipients(report.reference, added);
    await tx.enqueue(
      messagesTo(report.reference, 'escalation_alert', targets, now, { step: `L${step.level}`, data: { level: step.level } }),
    );
    await tx.appendTimeline({
      reference: report.reference,
      at: now,
      actor: actorString(SYSTEM_ACTOR),
      event: 'escalated',
      details: { level: step.level, recipients: targets.length, roles: [...new Set(targets.map((t) => t.role))].join(',') },
    });
    // The reporter hears that the report went on (named only where the routing table says so), and every
    // alert copy already delivered is redrawn to say so.
    if (report.reporterId && targets.length > 0) {
      const named = this.deps.routingTable?.escalation?.nameToReporter === true;
      const people = targets.flatMap((t) => (t.kind === 'person' ? [t.personId] : []));
      await tx.enqueue(
        messagesTo(report.reference, 'reporter_escalated', [{ kind: 'person', personId: report.reporterId, role: 'reporter' }], now, {
          step: `L${step.level}`,
          data: { level: step.level, ...(named && people.length > 0 ? { escalatedTo: people.join(',') } : {}) },
        }),
      );
    }
    await tx.enqueue(await refreshRows(tx, report.reference, now, `escalated:L${step.level}`));
    if (targets.length === 0) this.logger.error('escalation_no_target', { reference: report.reference, level: step.level });
    else this.logger.info('escalation_escalated', { reference: report.reference, level: step.level, recipients: targets.length });
  }

  /**
   * The next level above the primary recipients: their managers, never the reporter, never the person
   * reported, nobody who already has the report. When there is none: IT security (itSecurityAudience: its
   * people but the reporter and the person reported; its channels only when the person reported is not in IT security).
   */
  private async nextLevel(report: StoredReport): Promise<Addressee[]> {
    const excluded = new Set([report.reporterId, report.subjectPersonId].filter((id): id is string => id !== null));
    const current = new Set(people(report.recipients).flatMap((a) => (a.kind === 'person' ? [a.personId] : [])));
    const targets: Addressee[] = [];
    for (const primary of people(report.recipients.filter((r) => r.level === 0), PRIMARY_ROLES)) {
      if (primary.kind !== 'person') continue;
      const above = await this.deps.directory.managerOf(primary.personId);
      if (!above || excluded.has(above.id) || current.has(above.id)) continue;
      if (targets.some((t) => t.kind === 'person' && t.personId === above.id)) continue;
      targets.push({ kind: 'person', personId: above.id, role: 'escalation' });
    }
    if (targets.length > 0) return targets;
    return itSecurityAddressees(this.deps.directory, report);
  }
}
