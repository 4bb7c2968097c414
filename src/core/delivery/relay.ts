import { randomUUID } from 'node:crypto';
import type { Clock, DeliveryJournal, Directory, JournaledDelivery, Notifier, OutboundMessage, Store } from '../ports';
import type { UiLang } from '../language/lang';
import type { Logger } from '../logger';
import { errorFields, silentLogger, type LogFields } from '../logger';
import { actorString, SYSTEM_ACTOR } from '../reports/actor';
import { addresseeKey, teamKey, type Addressee, type NewOutboxRow, type OutboxRow } from '../reports/records';
import { messageKey } from '../reports/outbox';
import { itSecurityAddressees } from '../reports/itSecurityAudience';
import { copyRowOf } from '../reports/alertRefresh';
import type { Platform } from '../directory/directory';
import { retryDelayMs } from './backoff';
import { DeliveryError, isDeliveryError } from './deliveryError';
import { PacedQueues } from './pacedQueues';
import { renderMessage } from './renderMessage';
import { REFRESHED_COPY_KINDS } from './messageKinds';
import { STEP_EVENTS } from '../reports/reportState';
import type { RoutingTable } from '../reports/routingTable';

export interface RelaySettings {
  /** Pause between passes when there was nothing to do. */
  pollMs: number;
  /** Rows claimed per pass (and delivered concurrently). */
  batchSize: number;
  /** Attempts before a row is dead-lettered. */
  maxAttempts: number;
  /** First retry waits up to this; each further retry doubles the ceiling (full jitter). */
  baseDelayMs: number;
  /** Ceiling of one retry wait. */
  maxDelayMs: number;
  /** How long a claimed row belongs to one relay; after that another relay may retry it. */
  leaseMs: number;
  /**
   * A delivery slower than this counts as failed, its outcome unknown (keep it well below leaseMs). Only the
   * platform call counts: waiting for the chat's turn (pacing) comes before it.
   */
  deliveryTimeoutMs: number;
}

/** Waits between tries of recording a delivery before it goes to the local journal. */
export const RECORD_RETRY_DELAYS_MS: readonly number[] = [200, 1000, 3000];

/** Work the relay loop does besides delivering: escalation timers, retention. */
export interface PeriodicTask {
  name: string;
  /** At most this often (0 = every pass). */
  everyMs: number;
  run(): Promise<unknown>;
}

export interface RelayDeps {
  store: Store;
  notifier: Notifier;
  directory: Directory;
  clock: Clock;
  settings: RelaySettings;
  logger?: Logger;
  /** Run before each delivery pass, e.g. the Escalator's tick (everyMs 0) and the retention purge (hourly). */
  tasks?: PeriodicTask[];
  defaultLang?: UiLang;
  timeZone?: string;
  /** Source of jitter (tests pass a fixed one). */
  random?: () => number;
  /** Where deliveries go that happened while the store could not record them (replayed every pass). */
  journal?: DeliveryJournal;
  /** Waits between tries of recording a delivery (default RECORD_RETRY_DELAYS_MS). */
  recordRetryDelaysMs?: readonly number[];
  /** The per-chat queues (tests pass one with a fake clock). */
  queues?: PacedQueues;
  /** The routing table: a redrawn receipt repeats its advice. */
  routingTable?: RoutingTable;
}

/** What one pass did. */
export interface RelayPass {
  claimed: number;
  delivered: number;
  retried: number;
  dead: number;
}

/** Why a delivery failed, as stored in the row (a code, never message text). */
interface Failure {
  reason: string;
  permanent: boolean;
  retryAfterMs?: number;
  /** The platform said it did not take the message (no lookup needed before the next try). */
  notSent: boolean;
}

function failureOf(err: unknown): Failure {
  if (isDeliveryError(err)) {
    return { reason: err.reason, permanent: err.permanent, notSent: err.notSent, ...(err.retryAfterMs !== undefined ? { retryAfterMs: err.retryAfterMs } : {}) };
  }
  if (err instanceof RelayTimeout) return { reason: 'timeout', permanent: false, notSent: false };
  return { reason: err instanceof Error ? err.name : 'error', permanent: false, notSent: false };
}

class RelayTimeout extends Error {
  override readonly name = 'RelayTimeout';
}

/**
 * Delivers outbox rows through the Notifier, each row under a lease so no two relays deliver it at the same
 * time (a crashed relay's rows come back when the lease expires). Failed deliveries wait with exponential
 * backoff and full jitter, at least the platform's Retry-After; after `maxAttempts` (or a permanent failure)
 * the row is dead-lettered and IT security is alerted. `stop()` waits for the deliveries in flight.
 *
 * Exactly once where the platform can tell: just before the platform is called, the attempt is recorded on
 * the row (renewing the lease; a lost lease sends nothing). When an attempt ends without an answer (timeout,
 * connection lost, the process or the database gone before the delivery was recorded), the row keeps that
 * mark, and the next try (after the usual backoff) first asks the notifier whether the attempt landed
 * (`findAttempt`): if it did, the
 * delivery is recorded and nothing is posted. A delivery the platform accepted is recorded with retries, and
 * when the store stays unreachable it goes to the local journal, replayed at the start of every pass.
 *
 * Pacing: a message whose notifier names a pace waits for its chat's turn (PacedQueues) before its time
 * limit starts; a row whose turn is further away than half the lease is given back, due at its turn. A 429
 * makes that row wait its Retry-After (the next rows of the chat keep the pace; one that gets a 429 waits too).
 */
export class Relay {
  readonly id = randomUUID();
  private readonly logger: Logger;
  private loop: Promise<void> | undefined;
  private stopping = false;
  private wake: (() => void) | undefined;
  private current: Promise<RelayPass> | undefined;
  private readonly lastRun = new Map<string, number>();
  private readonly queues: PacedQueues;

  constructor(private readonly deps: RelayDeps) {
    this.logger = deps.logger ?? silentLogger;
    this.queues = deps.queues ?? new PacedQueues();
  }

  /** Starts the background loop (no-op when running). */
  start(): void {
    if (this.loop) return;
    this.stopping = false;
    this.logger.info('relay_started', { relay: this.id });
    this.loop = this.run();
  }

  /** Stops the loop and resolves once the pass in flight (and its deliveries) finished. */
  async stop(): Promise<void> {
    this.stopping = true;
    this.wake?.();
    await this.loop;
    await this.current?.catch(() => undefined);
    this.loop = undefined;
    this.logger.info('relay_stopped', { relay: this.id });
  }

  get running(): boolean {
    return this.loop !== undefined && !this.stopping;
  }

  /** One pass: periodic tasks, then claim and deliver one batch. Passes never overlap. */
  runOnce(): Promise<RelayPass> {
    const previous = this.current ?? Promise.resolve(undefined);
    const next = previous.catch(() => undefined).then(() => this.pass());
    this.current = next;
    return next;
  }

  private async run(): Promise<void> {
    while (!this.stopping) {
      let busy = false;
      try {
        const pass = await this.runOnce();
        busy = pass.claimed >= this.deps.settings.batchSize;
      } catch (err) {
        this.logger.error('relay_pass_failed', { relay: this.id, ...errorFields(err) });
      }
      if (!busy && !this.stopping) await this.sleep(this.deps.settings.pollMs);
    }
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(done, ms);
      const self = this;
      function done(): void {
        clearTimeout(timer);
        self.wake = undefined;
        resolve();
      }
      this.wake = done;
    });
  }

  private async pass(): Promise<RelayPass> {
    await this.replayJournal();
    await this.runTasks();
    const { store, settings, clock } = this.deps;
    const token = `${this.id}:${randomUUID()}`;
    const rows = await store.claimOutbox({ now: clock.now(), leaseMs: settings.leaseMs, limit: settings.batchSize, token });
    const result: RelayPass = { claimed: rows.length, delivered: 0, retried: 0, dead: 0 };
    const outcomes = await Promise.allSettled(rows.map((row) => this.deliver(row, token)));
    for (const outcome of outcomes) {
      if (outcome.status === 'fulfilled') result[outcome.value]++;
      else this.logger.error('relay_record_failed', { relay: this.id, ...errorFields(outcome.reason) });
    }
    return result;
  }

  private async runTasks(): Promise<void> {
    for (const task of this.deps.tasks ?? []) {
      const now = this.deps.clock.now().getTime();
      const last = this.lastRun.get(task.name);
      if (last !== undefined && now - last < task.everyMs) continue;
      this.lastRun.set(task.name, now);
      try {
        await task.run();
      } catch (err) {
        this.logger.error('relay_task_failed', { task: task.name, ...errorFields(err) });
      }
    }
  }

  /** Records the deliveries the journal holds (the store was away when they happened); failures stay for later. */
  private async replayJournal(): Promise<void> {
    const journal = this.deps.journal;
    if (!journal) return;
    try {
      const settled = await journal.replay(async (entry) => {
        await this.settle(entry);
      });
      if (settled > 0) this.logger.info('outbox_journal_replayed', { relay: this.id, count: settled });
    } catch (err) {
      this.logger.error('outbox_journal_replay_failed', { relay: this.id, ...errorFields(err) });
    }
  }

  /** Delivers one claimed row and records the outcome. */
  private async deliver(row: OutboxRow, token: string): Promise<'delivered' | 'retried' | 'dead'> {
    const { store, notifier, directory, clock, settings } = this.deps;
    const fields = { relay: this.id, outbox: row.id, kind: row.kind, reference: row.reference, attempt: row.attempts };
    let door: Platform | undefined;
    let deliveredTo: string | undefined;
    try {
      const report = row.reference ? await store.getReport(row.reference) : undefined;
      // Only a copy of the alert shows who did the latest step: only the step entries are read (a report with
      // hundreds of deliveries has hundreds of timeline entries).
      const timeline = row.reference && (row.kind === 'alert_refresh' || REFRESHED_COPY_KINDS.includes(row.kind)) ? await store.timeline(row.reference, STEP_EVENTS) : undefined;
      // A refresh renders the copy it redraws (same key, kind, addressee) and goes to the door that holds it.
      const refresh = row.kind === 'alert_refresh';
      const rendered = await renderMessage(refresh ? copyRowOf(row) : row, {
        report,
        directory,
        defaultLang: this.deps.defaultLang ?? 'sv',
        timeZone: this.deps.timeZone ?? 'Europe/Helsinki',
        ...(timeline ? { timeline } : {}),
        ...(this.deps.routingTable ? { routingTable: this.deps.routingTable } : {}),
        now: clock.now(),
      });
      const copyDeliveredAt = typeof row.data.copyDeliveredAt === 'string' ? { deliveredAt: new Date(row.data.copyDeliveredAt) } : {};
      const message = refresh ? { ...rendered, refresh: { door: row.data.door as Platform, ...copyDeliveredAt } } : rendered;
      // Redrawing a copy is idempotent: it is simply done again, never looked up.
      if (!refresh && row.attemptStartedAt && (await this.landedEarlier(message, row.attemptStartedAt))) {
        this.logger.info('outbox_found_delivered', fields);
        return await this.recordDelivered(row, token, fields, {});
      }
      const pace = refresh ? undefined : notifier.pace?.(message);
      const queued = pace ? this.queues.waitMs(pace.key, pace.intervalMs) : 0;
      if (queued > settings.leaseMs / 2) {
        await store.deferOutbox(row.id, token, new Date(clock.now().getTime() + queued));
        this.logger.debug('outbox_paced', { ...fields, dueInMs: queued });
        return 'retried';
      }
      const now = clock.now();
      if (!(await store.startAttempt(row.id, token, now, new Date(now.getTime() + settings.leaseMs)))) {
        this.logger.warn('outbox_lease_lost', fields);
        return 'retried';
      }
      // The chat's turn comes right before the platform call, so nothing between them bunches posts up.
      if (pace) await this.queues.turn(pace.key, pace.intervalMs);
      const receipt = await withTimeout(notifier.deliver(message), settings.deliveryTimeoutMs);
      door = receipt ? receipt.door : undefined;
      deliveredTo = receipt?.channel ? `channel:${receipt.channel.platform}:${receipt.channel.id}` : receipt?.shownToTeam ? teamKey(row.addressee.role) : undefined;
    } catch (err) {
      const failure = failureOf(err);
      if (failure.permanent || row.attempts >= settings.maxAttempts) {
        await this.deadLetter(row, token, failure);
        this.logger.error('outbox_dead_letter', { ...fields, reason: failure.reason, permanent: failure.permanent });
        return 'dead';
      }
      const now = clock.now();
      const delay = retryDelayMs(row.attempts, settings, this.deps.random, failure.retryAfterMs);
      const kept = await store.completeOutbox(row.id, token, {
        status: 'retry',
        at: now,
        nextAttemptAt: new Date(now.getTime() + delay),
        error: failure.reason,
        attemptSettled: failure.notSent,
      });
      if (!kept) this.logger.warn('outbox_lease_lost', fields);
      this.logger.warn('outbox_retry', { ...fields, reason: failure.reason, delayMs: delay });
      return 'retried';
    }
    return this.recordDelivered(row, token, fields, { ...(door ? { door } : {}), ...(deliveredTo ? { to: deliveredTo } : {}) });
  }

  /**
   * Whether an earlier attempt whose outcome is unknown landed, as the platform tells. A notifier that cannot
   * tell: false (the message is sent again: at least once). The platform cannot tell now: a transient failure.
   */
  private async landedEarlier(message: OutboundMessage, startedAt: Date): Promise<boolean> {
    const { notifier, settings } = this.deps;
    if (!notifier.findAttempt) return false;
    const outcome = await withTimeout(notifier.findAttempt(message, { startedAt }), settings.deliveryTimeoutMs);
    if (outcome.landed === 'unknown') throw new DeliveryError('delivery_lookup_failed');
    return outcome.landed;
  }

  /**
   * Records a delivery the platform accepted: tried again a few times when the store fails, then written to
   * the journal (replayed at the next pass), so a delivery that happened is never forgotten and never
   * posted again by this process.
   */
  private async recordDelivered(row: OutboxRow, token: string, fields: LogFields, via: { door?: Platform; to?: string }): Promise<'delivered'> {
    const at = this.deps.clock.now();
    const delays = this.deps.recordRetryDelaysMs ?? RECORD_RETRY_DELAYS_MS;
    for (let attempt = 0; ; attempt++) {
      try {
        const kept = await this.deps.store.transaction(async (tx) => {
          const ok = await tx.completeOutbox(row.id, token, { status: 'delivered', at, ...(via.door ? { door: via.door } : {}) });
          // The trail records who got which message through which door; redrawing a copy is not a new delivery.
          if (ok && row.reference && row.kind !== 'alert_refresh') await tx.appendTimeline(notifiedEntry(row, at, via));
          return ok;
        });
        if (!kept) this.logger.warn('outbox_lease_lost', fields);
        this.logger.info('outbox_delivered', fields);
        return 'delivered';
      } catch (err) {
        const wait = delays[attempt];
        if (wait === undefined) {
          if (!this.deps.journal) throw err;
          await this.deps.journal.append(journalEntry(row, at, via));
          this.logger.warn('outbox_delivery_journaled', { ...fields, ...errorFields(err) });
          return 'delivered';
        }
        await new Promise((resolve) => setTimeout(resolve, wait));
      }
    }
  }

  /** Records a journaled delivery in the store (once: a row no longer pending is left alone). */
  private async settle(entry: JournaledDelivery): Promise<void> {
    const at = new Date(entry.at);
    await this.deps.store.transaction(async (tx) => {
      const ok = await tx.settleDelivered(entry.outboxId, at, entry.door);
      if (ok && entry.reference) {
        await tx.appendTimeline({
          reference: entry.reference,
          at,
          actor: actorString(SYSTEM_ACTOR),
          event: 'notified',
          details: { kind: entry.kind, role: entry.role, to: entry.to, door: entry.door ?? null },
        });
      }
    });
  }

  /**
   * Marks the row dead, records it on the report and alerts IT security (not for alerts about alerts). For a
   * report about someone in IT security, the alert follows itSecurityAudience: never to that person, and to
   * no IT security channel.
   */
  private async deadLetter(row: OutboxRow, token: string, failure: Failure): Promise<void> {
    const { store, directory, clock } = this.deps;
    const at = clock.now();
    const alerts: NewOutboxRow[] = [];
    // A copy that could not be redrawn stays as it was (the log says why); it is not a lost message.
    const refresh = row.kind === 'alert_refresh';
    if (row.kind !== 'delivery_failed' && !refresh) {
      const report = row.reference ? await store.getReport(row.reference) : undefined;
      const addressees: Addressee[] = await itSecurityAddressees(directory, {
        reporterId: null,
        subjectPersonId: report?.subjectPersonId ?? null,
      });
      let teamPost = false;
      for (const addressee of addressees) {
        // IT security's channels are one team post (as in messagesTo): the first, marked so the relay may use any.
        const team = addressee.kind === 'channel';
        if (team && teamPost) continue;
        teamPost ||= team;
        alerts.push({
          idempotencyKey: `${messageKey(row.reference ?? 'none', 'delivery_failed', addressee, `outbox${row.id}`)}`,
          reference: row.reference,
          kind: 'delivery_failed',
          addressee,
          availableAt: at,
          data: {
            failedKind: row.kind,
            failedRole: row.addressee.role,
            failedTo: addresseeKey(row.addressee),
            attempts: row.attempts,
            ...(team ? { team: 'it_security' } : {}),
          },
        });
      }
      if (addressees.length === 0) this.logger.error('dead_letter_nobody_to_alert', { outbox: row.id, reference: row.reference });
    }
    await store.transaction(async (tx) => {
      const ok = await tx.completeOutbox(row.id, token, { status: 'dead', at, error: failure.reason });
      if (!ok) return;
      if (row.reference && !refresh) {
        await tx.appendTimeline({
          reference: row.reference,
          at,
          actor: actorString(SYSTEM_ACTOR),
          event: 'delivery_failed',
          details: { kind: row.kind, role: row.addressee.role, to: addresseeKey(row.addressee), reason: failure.reason, attempts: row.attempts },
        });
      }
      await tx.enqueue(alerts);
    });
  }
}

/** The timeline entry of a delivered row. */
function notifiedEntry(row: OutboxRow, at: Date, via: { door?: Platform; to?: string }) {
  return {
    reference: row.reference ?? '',
    at,
    actor: actorString(SYSTEM_ACTOR),
    event: 'notified' as const,
    details: { kind: row.kind, role: row.addressee.role, to: via.to ?? addresseeKey(row.addressee), door: via.door ?? null },
  };
}

function journalEntry(row: OutboxRow, at: Date, via: { door?: Platform; to?: string }): JournaledDelivery {
  return {
    outboxId: row.id,
    idempotencyKey: row.idempotencyKey,
    reference: row.reference,
    kind: row.kind,
    role: row.addressee.role,
    to: via.to ?? addresseeKey(row.addressee),
    ...(via.door ? { door: via.door } : {}),
    at: at.toISOString(),
  };
}

/** Rejects with RelayTimeout when `promise` takes longer than `ms` (the promise itself keeps running). */
function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new RelayTimeout(`no answer within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
