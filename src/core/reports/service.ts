import type { Clock, Directory, Person, Store, StoreTx } from '../ports';
import type { UiLang } from '../language/lang';
import type { Logger } from '../logger';
import { errorFields, silentLogger } from '../logger';
import { yearIn } from '../clock';
import { isStoreUnavailable } from '../storeUnavailable';
import { handleAccess, isSubject, viewAccess, type AccessReason } from './access';
import { actorString, personActor, SYSTEM_ACTOR, type Actor } from './actor';
import { todayIn } from './dialog/dates';
import { escalationTimers } from './escalation';
import { itSecurityAddressees } from './itSecurityAudience';
import { ACTION_RESULT, canTransition, isClosed, type ReportAction, type ReportStatus } from './lifecycle';
import { messagesTo } from './outbox';
import { refreshRowOf, refreshRows } from './alertRefresh';
import { receiptCopyRow, receiptOfReport } from './receiptCopy';
import { detailsCopyRow, detailsSteps, reportDetailsOf, viewerRole, type ReportDetails } from './detailsCopy';
import { renderMessage } from '../delivery/renderMessage';
import { MESSAGE_ACTIONS } from '../delivery/messageKinds';
import { STEP_EVENTS } from './reportState';
import type { OutboundMessage } from '../ports';
import type { Platform } from '../directory/directory';
import { copyLangOf } from '../delivery/copyLang';
import { latestStep, stateLine } from './reportState';
import { translator } from '../i18n';
import { formatReference, parseReference } from './reference';
import { reportDraftSchema, type ReportDraft } from './report';
import { ReportError, ReportErrorCode, fromRoutingError, reportErrorMessage } from './reportErrors';
import { resolveRouting, type Recipient, type RoutingDecision } from './routing';
import type { RoutingTable } from './routingTable';
import type {
  Addressee,
  NewOutboxRow,
  ReportFilter,
  ReportPatch,
  ReportRecipient,
  ReportSummary,
  StoredReport,
  TimelineEntry,
  TimelineEvent,
} from './records';
import type { SubmitReceipt } from './submitReceipt';
import type { WithdrawBinding } from './withdrawal';
import { mayWithdraw, withdrawBar } from './withdrawRule';

/** How long a submission keeps trying while the store is unavailable (its submission key makes that safe). */
export const SUBMIT_RETRY_MS = 15_000;

/** Who is looking: a directory person (chat, CLI `--as`) or an administrator at the server (CLI `--admin`). */
export type Viewer = { kind: 'person'; personId: string } | { kind: 'admin'; name: string };

/** A viewer given as a directory id (a person) or as a Viewer. */
function asViewer(viewer: Viewer | string): Viewer {
  return typeof viewer === 'string' ? { kind: 'person', personId: viewer } : viewer;
}

/** The top-level draft field a schema issue is about ('' when none), as ReportError(InvalidDraft) names it. */
function invalidDraft(path: readonly PropertyKey[] | undefined): ReportError {
  const field = path?.[0];
  return new ReportError(ReportErrorCode.InvalidDraft, { field: typeof field === 'string' ? field : '' });
}

/** A report as a permitted viewer sees it: decrypted, with names, and its timeline. */
export interface ReportView extends ReportDetails {
  /** The full trail for recipients, IT security and admins; lifecycle events only for the reporter. */
  timeline: TimelineEntry[];
}

/** What a lifecycle step did. `changed` is false when the report was already there (a second click). */
export interface ActionResult {
  reference: string;
  status: ReportStatus;
  changed: boolean;
  /** Directory id of whoever acknowledged first. */
  acknowledgedBy: string | null;
}

export interface ReportServiceDeps {
  store: Store;
  directory: Directory;
  routingTable: RoutingTable;
  clock: Clock;
  logger?: Logger;
  /** The reference year follows this time zone (default Europe/Helsinki). */
  timeZone?: string;
  /** Language of a reporter without a preference (default sv). */
  defaultLang?: UiLang;
}

/** The longest outcome note the service takes (doors may cap their input fields with it). */
export const MAX_OUTCOME_NOTE = 5000;
/** Views of one report by one person within this window are recorded once. */
export const VIEW_WINDOW_MS = 10 * 60 * 1000;
const REPORTER_EVENTS: readonly TimelineEvent[] = ['submitted', 'acknowledged', 'progress_started', 'escalated', 'resolved', 'withdrawn'];

/**
 * Incident reports: submit, lifecycle steps, access-checked views. Every change is one transaction that
 * writes the report, its timeline entry and its outbox rows together, so a crash never leaves a report
 * without its alerts or an alert without its report. Errors a person can see are ReportErrors (code +
 * translated sentence via reportErrorMessage).
 */
export class ReportService {
  private readonly logger: Logger;
  private readonly timeZone: string;
  private readonly defaultLang: UiLang;

  constructor(private readonly deps: ReportServiceDeps) {
    this.logger = deps.logger ?? silentLogger;
    this.timeZone = deps.timeZone ?? 'Europe/Helsinki';
    this.defaultLang = deps.defaultLang ?? 'sv';
  }

  /**
   * Runs `commit` again while the store is unavailable, for up to SUBMIT_RETRY_MS. Only for a submission with
   * its submission key: the transaction looks the key up first, so a commit that did land (the connection
   * was lost during COMMIT) is found instead of written twice.
   */
  private async whileStoreUnavailable<T>(commit: () => Promise<T>, category: string): Promise<T> {
    const deadline = Date.now() + SUBMIT_RETRY_MS;
    for (let delay = 250; ; delay = Math.min(delay * 2, 2_000)) {
      try {
        return await commit();
      } catch (err) {
        if (!isStoreUnavailable(err) || Date.now() + delay > deadline) throw err;
        this.logger.warn('report_save_retry', { category, outcomeUnknown: err.outcomeUnknown, delayMs: delay });
        await new Promise((resolve) => setTimeout(resolve, delay));
      }
    }
  }

  /**
   * Validates and routes a draft and commits, in one transaction: the report (content encrypted), its
   * timeline entry, one outbox row per recipient and the escalation timers. `submissionKey` makes a retry
   * of the same submission (e.g. after a crash of the chat process) return the first receipt.
   * The draft must pass reportDraftSchema and its date must not be after today (in the service's time zone).
   * A report that routing gives no recipient is saved all the same: no report is lost. IT security (except
   * the reporter and the person reported) is alerted without the content (message 'report_unrouted'), the
   * timeline records 'unrouted', and escalation gives the report to IT security at 2T as for any report
   * nobody took. With no IT security in the directory either, the error log ('report_unrouted_nobody_to_alert')
   * and `somebot reports list --admin` are what is left.
   */
  async submit(input: unknown, reporterId: string, options: { lang?: UiLang; submissionKey?: string } = {}): Promise<SubmitReceipt> {
    const parsed = reportDraftSchema.safeParse(input);
    if (!parsed.success) throw invalidDraft(parsed.error.issues[0]?.path);
    const draft = parsed.data;
    const { store, directory, routingTable, clock } = this.deps;
    if (draft.occurredOn > todayIn(this.timeZone, clock.now())) throw invalidDraft(['occurredOn']);

    if (options.submissionKey) {
      const existing = await store.findReportBySubmissionKey(options.submissionKey);
      if (existing) return this.receiptOf(existing, options.lang, true);
    }

    const reporter = await directory.person(reporterId);
    if (!reporter) throw new ReportError(ReportErrorCode.ReporterUnknown);
    let decision: RoutingDecision;
    try {
      decision = await resolveRouting(draft, reporterId, routingTable, directory);
    } catch (err) {
      throw fromRoutingError(err);
    }
    const subject = draft.subjectIsManager ? await this.managerOf(reporter, draft) : undefined;
    const unroutedAlert =
      decision.recipients.length === 0 ? await itSecurityAddressees(directory, { reporterId: reporter.id, subjectPersonId: subject?.id ?? null }) : undefined;
    const lang = options.lang ?? reporter.lang ?? this.defaultLang;
    const now = clock.now();
    const year = yearIn(now, this.timeZone);

    let committed: { reference: string; inserted: boolean };
    const commit = () =>
      store.transaction(async (tx) => {
        if (options.submissionKey) {
          const existing = await tx.findReportBySubmissionKey(options.submissionKey);
          if (existing) return { reference: existing, inserted: false };
        }
        const sequence = await tx.nextReportNumber(year);
        const ref = formatReference(year, sequence);
        await this.insert(tx, { ref, year, sequence, draft, reporter, subject, decision, lang, now, submissionKey: options.submissionKey, unroutedAlert });
        return { reference: ref, inserted: true };
      });
    try {
      committed = await (options.submissionKey ? this.whileStoreUnavailable(commit, draft.category) : commit());
    } catch (err) {
      // Two concurrent retries of one submission: the loser hits the unique key and returns the winner's receipt.
      const existing = options.submissionKey
        ? await store.findReportBySubmissionKey(options.submissionKey).catch(() => undefined)
        : undefined;
      if (existing) return this.receiptOf(existing, lang, true);
      this.logger.error('report_save_failed', { category: draft.category, ...errorFields(err) });
      throw new ReportError(ReportErrorCode.SaveFailed);
    }
    if (!committed.inserted) return this.receiptOf(committed.reference, lang, true);
    const { reference } = committed;
    this.logger.info('report_submitted', { reference, category: decision.category, urgency: decision.urgency, recipients: decision.recipients.length });
    if (unroutedAlert) {
      this.logger.error(unroutedAlert.length > 0 ? 'report_unrouted' : 'report_unrouted_nobody_to_alert', {
        reference,
        category: decision.category,
        alerted: unroutedAlert.length,
      });
    }
    return this.receiptOf(reference, lang, false);
  }

  /** A recipient (or IT security, for IT reports) takes the report; escalation stops, the reporter is told. */
  acknowledge(reference: string, actorId: string): Promise<ActionResult> {
    return this.step(reference, actorId, 'acknowledge');
  }

  /** A recipient starts handling the report (acknowledging it first if nobody had). */
  startProgress(reference: string, actorId: string): Promise<ActionResult> {
    return this.step(reference, actorId, 'start_progress');
  }

  /** A recipient closes the report with an outcome note, which the reporter receives. */
  resolve(reference: string, actorId: string, outcomeNote: string): Promise<ActionResult> {
    const note = outcomeNote.trim();
    if (note.length === 0 || note.length > MAX_OUTCOME_NOTE) {
      return Promise.reject(new ReportError(ReportErrorCode.InvalidOutcome, { max: MAX_OUTCOME_NOTE }));
    }
    return this.step(reference, actorId, 'resolve', note);
  }

  /** The reporter withdraws an open report; recipients are told, escalation stops. */
  withdraw(reference: string, reporterId: string): Promise<ActionResult> {
    return this.step(reference, reporterId, 'withdraw');
  }

  /**
   * The first half of a withdraw (see withdrawal.ts): checks, changing nothing, that `reporterId` may withdraw
   * the report now. Refused exactly as withdraw() refuses (someone else: AccessDenied, audited; a closed
   * report: NotAllowedNow). Returns the canonical reference and the language of the reporter's copies.
   */
  askWithdraw(referenceText: string, reporterId: string): Promise<{ reference: string; lang: UiLang }> {
    return this.guarded('report_withdraw_failed', async () => {
      const reference = this.reference(referenceText);
      const person = await this.person(reporterId);
      const report = await this.deps.store.getReport(reference);
      if (!report) throw new ReportError(ReportErrorCode.NotFound, { reference });
      const bar = withdrawBar(report, person.id);
      if (bar === 'not_reporter') await this.refuseStep(report, person, 'withdraw');
      if (bar === 'closed') throw new ReportError(ReportErrorCode.NotAllowedNow, { reference, status: report.status });
      return { reference, lang: copyLangOf(person, true, report, this.defaultLang) };
    });
  }

  /**
   * The confirmed withdraw: `binding` is the confirm button's payload, usable only by the reporter it names
   * (anyone else: AccessDenied, audited). A report already closed — by an earlier confirm too — is refused as
   * NotAllowedNow, so a second confirm never withdraws or notifies twice.
   */
  async confirmWithdraw(binding: WithdrawBinding, personId: string): Promise<ActionResult> {
    if (binding.reporterId !== personId) {
      return this.guarded('report_withdraw_failed', async () => {
        const reference = this.reference(binding.reference);
        const person = await this.person(personId);
        const report = await this.deps.store.getReport(reference);
        if (!report) throw new ReportError(ReportErrorCode.NotFound, { reference });
        return this.refuseStep(report, person, 'withdraw');
      });
    }
    const result = await this.withdraw(binding.reference, personId);
    if (!result.changed) throw new ReportError(ReportErrorCode.NotAllowedNow, { reference: result.reference, status: result.status });
    return result;
  }

  /** Audits a step someone may not take (as the step itself does) and throws AccessDenied. */
  private async refuseStep(report: StoredReport, person: Person, action: ReportAction): Promise<never> {
    const { reference } = report;
    const details = { action, ...(isSubject(report, person) ? { reason: 'subject' } : {}) };
    await this.deps.store.appendTimeline({ reference, at: this.deps.clock.now(), actor: actorString(personActor(person.id)), event: 'action_refused', details });
    this.logger.warn('report_action_refused', { reference, action, code: ReportErrorCode.AccessDenied });
    throw new ReportError(ReportErrorCode.AccessDenied, { reference });
  }

  /**
   * The report for a permitted viewer, decrypted. Every view is written to the timeline; a refused view is
   * written too, then a ReportError(AccessDenied) is thrown.
   */
  view(referenceText: string, viewer: Viewer | string): Promise<ReportView> {
    return this.guarded('report_view_failed', () => this.viewUnguarded(referenceText, viewer));
  }

  private async viewUnguarded(referenceText: string, viewer: Viewer | string): Promise<ReportView> {
    const who = asViewer(viewer);
    const reference = this.reference(referenceText);
    const { store, clock } = this.deps;
    const person = who.kind === 'person' ? await this.person(who.personId) : undefined;
    const report = await store.getReport(reference);
    if (!report) throw new ReportError(ReportErrorCode.NotFound, { reference });
    const access: AccessReason | undefined = person ? viewAccess(report, person) : 'admin';
    const actor = this.actorOf(who);
    if (!access) {
      await this.refuse(reference, actor, 'view_refused', person && isSubject(report, person) ? { reason: 'subject' } : {});
      throw new ReportError(ReportErrorCode.AccessDenied, { reference });
    }
    const now = clock.now();
    const timeline = await store.timeline(reference);
    const actorText = actorString(actor);
    // A person's views within VIEW_WINDOW_MS are one entry (a page that reloads the report is not a new view).
    const seen = timeline.some((e) => e.event === 'viewed' && e.actor === actorText && now.getTime() - e.at.getTime() < VIEW_WINDOW_MS);
    if (!seen) await store.appendTimeline({ reference, at: now, actor: actorText, event: 'viewed', details: { access } });
    return this.viewOf(report, access);
  }

  /**
   * Reports a viewer may see, without content (listing is not a view: nothing is decrypted or audited).
   * The person a report is about never sees it listed.
   */
  async list(viewer: Viewer | string, filter: Omit<ReportFilter, 'visibleTo'> = {}): Promise<ReportSummary[]> {
    const who = asViewer(viewer);
    if (who.kind === 'admin') return this.deps.store.listReports(filter);
    const person = await this.person(who.personId);
    return this.deps.store.listReports({ ...filter, visibleTo: { personId: person.id, itSecurity: person.roles.includes('it_security') } });
  }

  /**
   * Full views of every report a viewer may see, each audited as 'exported' (for CSV/JSON export).
   * `include` narrows the export further (checked before anything is audited).
   */
  async exportReports(viewer: Viewer | string, filter: Omit<ReportFilter, 'visibleTo'> = {}, include?: (report: StoredReport) => boolean): Promise<ReportView[]> {
    const who = asViewer(viewer);
    const person = who.kind === 'person' ? await this.person(who.personId) : undefined;
    const actor = actorString(this.actorOf(who));
    const views: ReportView[] = [];
    for (const summary of await this.list(who, filter)) {
      const report = await this.deps.store.getReport(summary.reference);
      if (!report) continue;
      const access: AccessReason | undefined = person ? viewAccess(report, person) : 'admin';
      if (!access || (include && !include(report))) continue;
      await this.deps.store.appendTimeline({ reference: report.reference, at: this.deps.clock.now(), actor, event: 'exported', details: { access } });
      views.push(await this.viewOf(report, access));
    }
    return views;
  }

  /** The receipt of a committed report, rebuilt from the store (names from the directory). */
  async receiptOf(reference: string, lang: UiLang | undefined, duplicate: boolean): Promise<SubmitReceipt> {
    const report = await this.deps.store.getReport(reference);
    if (!report) throw new ReportError(ReportErrorCode.NotFound, { reference });
    return receiptOfReport(report, this.deps, lang ?? report.reporterLang, duplicate);
  }

  /**
   * The reporter's receipt as a copy of the report for `door` to show (kind 'reporter_receipt'), rendered from
   * the report as it is now, in the language of the reporter's copies: the receipt's text, the state, and the
   * Withdraw action while the reporter may still withdraw. Once the door has shown it, recordReceiptCopy.
   */
  async receiptCopy(referenceText: string, reporterId: string, door: Platform): Promise<OutboundMessage> {
    const reference = this.reference(referenceText);
    const { store, clock } = this.deps;
    const report = await store.getReport(reference);
    if (!report) throw new ReportError(ReportErrorCode.NotFound, { reference });
    if (report.reporterId !== reporterId) throw new ReportError(ReportErrorCode.AccessDenied, { reference });
    const now = clock.now();
    const row = receiptCopyRow(reference, reporterId, door, now);
    const timeline = await store.timeline(reference, STEP_EVENTS);
    const { directory, routingTable } = this.deps;
    return renderMessage({ ...row, data: {} }, { report, directory, routingTable, defaultLang: this.defaultLang, timeZone: this.timeZone, timeline, now });
  }

  /**
   * Records that `door` showed the reporter the receipt `copy` (from receiptCopy) as the platform message
   * `shownAs` (Slack ts, Teams activity id): the copy is stored as delivered through that door, so every later
   * change of the report redraws it in place like an alert copy; a change made since it was rendered queues its
   * redraw at once. Returns the copy's idempotency key, under which the door keeps where it showed it.
   * `where`, if given, writes the door's own record of the shown message under that key in the same
   * transaction (both or neither). Idempotent: recording the same shown message again changes nothing. When
   * the store fails, ReceiptRecorder keeps trying (core/reports/receiptRecorder).
   */
  recordReceiptCopy(copy: OutboundMessage, door: Platform, shownAs: string, where?: (tx: StoreTx, key: string) => Promise<unknown>): Promise<string> {
    return this.guarded('report_receipt_record_failed', async () => {
      if (copy.kind !== 'reporter_receipt' || copy.to.kind !== 'person' || !copy.report) throw new Error('not a receipt copy');
      const { reference, status } = copy.report;
      const reporterId = copy.to.person.id;
      const { clock } = this.deps;
      const now = clock.now();
      const row = receiptCopyRow(reference, reporterId, door, now, shownAs);
      const shownActions = copy.actions.map((a) => a.id).join();
      await this.recordShownCopy(reference, row, door, now, where, (report) => {
        const nowActions = mayWithdraw(report, reporterId) ? MESSAGE_ACTIONS.withdraw : '';
        return report.status === status && report.purgedAt === null && shownActions === nowActions;
      });
      return row.idempotencyKey;
    });
  }

  /**
   * A report's details as a copy for `door` to show the viewer who asked (kind 'details_card'), in `lang` (the
   * language they asked in; default: that of their copies of the report). This is a view: access-checked and
   * audited as view() does, refusals included (ReportError AccessDenied). The copy carries the details and
   * only the steps that apply to this viewer now. Once the door has shown it, recordDetailsCopy.
   */
  async detailsCopy(referenceText: string, viewerId: string, door: Platform, lang?: UiLang): Promise<OutboundMessage> {
    const view = await this.view(referenceText, viewerId);
    const { report } = view;
    const { store, clock, directory } = this.deps;
    const viewer = await this.person(viewerId);
    const now = clock.now();
    const role = viewerRole(report, viewer, view.access);
    const row = detailsCopyRow(report.reference, { personId: viewerId, role }, door, lang ?? copyLangOf(viewer, role === 'reporter', report, this.defaultLang), now);
    const timeline = await store.timeline(report.reference, STEP_EVENTS);
    return renderMessage({ ...row, data: row.data ?? {} }, { report, directory, defaultLang: this.defaultLang, timeZone: this.timeZone, timeline, now });
  }

  /**
   * Records that `door` showed a viewer the details `copy` (from detailsCopy) as the platform message `shownAs`:
   * stored as delivered through that door, so every later change of the report redraws it in place for that
   * viewer like an alert copy or the receipt; a change made since it was rendered queues its redraw at once.
   * Returns the copy's idempotency key, under which the door keeps where it showed it; `where`, if given,
   * writes that record in the same transaction, as for recordReceiptCopy.
   */
  recordDetailsCopy(copy: OutboundMessage, door: Platform, shownAs: string, where?: (tx: StoreTx, key: string) => Promise<unknown>): Promise<string> {
    return this.guarded('report_details_record_failed', async () => {
      if (copy.kind !== 'details_card' || copy.to.kind !== 'person' || !copy.report || !copy.details) throw new Error('not a details copy');
      const { reference, status } = copy.report;
      const viewer = copy.to.person;
      const { clock } = this.deps;
      const now = clock.now();
      const shownAccess = copy.details.access;
      const row = detailsCopyRow(reference, { personId: viewer.id, role: viewerRole(copy.details.report, viewer, shownAccess) }, door, copy.lang, now, shownAs);
      const shownSteps = copy.actions.map((a) => a.id).join();
      await this.recordShownCopy(reference, row, door, now, where, (report) => {
        const access = report.purgedAt === null ? viewAccess(report, viewer) : undefined;
        const nowSteps = access ? detailsSteps(report, access, viewer.id).map((step) => MESSAGE_ACTIONS[step]).join() : '';
        return access === shownAccess && report.status === status && shownSteps === nowSteps;
      });
      return row.idempotencyKey;
    });
  }

  // -- internals

  /**
   * Stores a copy a door has shown (`row`) as delivered through `door`, with `where` (the door's own record of
   * the shown message) in the same transaction; when `stillCurrent` says the report has changed since the copy
   * was drawn, queues its redraw at once. The report is locked like a step: a step either sees this copy (and
   * queues its redraw) or happened before it (then `stillCurrent` sees the change). Recording twice is a no-op.
   */
  private async recordShownCopy(
    reference: string,
    row: NewOutboxRow,
    door: Platform,
    now: Date,
    where: ((tx: StoreTx, key: string) => Promise<unknown>) | undefined,
    stillCurrent: (report: StoredReport) => boolean,
  ): Promise<void> {
    await this.deps.store.transaction(async (tx) => {
      const report = await tx.getReport(reference, { lock: true });
      if (!report || !(await tx.recordDelivered(row, door, now))) return;
      await where?.(tx, row.idempotencyKey);
      if (stillCurrent(report)) return;
      const stored = (await tx.outboxFor(reference)).find((r) => r.idempotencyKey === row.idempotencyKey);
      if (stored) await tx.enqueue([refreshRowOf(stored, now, `shown:${report.status}`)]);
    });
  }

  private async insert(
    tx: StoreTx,
    a: {
      ref: string;
      year: number;
      sequence: number;
      draft: ReportDraft;
      reporter: Person;
      subject: Person | undefined;
      decision: RoutingDecision;
      lang: UiLang;
      now: Date;
      submissionKey: string | undefined;
      /** Set when routing found nobody: IT security to alert that the report has no recipient. */
      unroutedAlert: Addressee[] | undefined;
    },
  ): Promise<void> {
    const { draft, decision, now, ref } = a;
    const recipients: ReportRecipient[] = decision.recipients.map((r) => ({ addressee: this.addresseeOf(r), role: r.role, level: 0, addedAt: now }));
    await tx.insertReport({
      reference: ref,
      year: a.year,
      sequence: a.sequence,
      ...(a.submissionKey ? { submissionKey: a.submissionKey } : {}),
      category: draft.category,
      platform: draft.platform,
      accountKind: draft.accountKind,
      occurredOn: draft.occurredOn,
      immediateDanger: draft.immediateDanger,
      subjectIsManager: draft.subjectIsManager,
      urgency: decision.urgency,
      reporterId: a.reporter.id,
      reporterLang: a.lang,
      subjectPersonId: a.subject?.id ?? null,
      content: {
        description: draft.description,
        evidence: draft.evidence,
        ...(draft.platformOther ? { platformOther: draft.platformOther } : {}),
        ...(draft.occurredUntil ? { occurredUntil: draft.occurredUntil } : {}),
        ...(draft.ongoing ? { ongoing: true } : {}),
      },
      rules: decision.rules,
      ackTimeoutMinutes: decision.ackTimeoutMinutes,
      submittedAt: now,
      recipients,
    });
    await tx.appendTimeline({
      reference: ref,
      at: now,
      actor: actorString(personActor(a.reporter.id)),
      event: 'submitted',
      details: { category: draft.category, urgency: decision.urgency, recipients: recipients.length },
    });
    await tx.enqueue(messagesTo(ref, 'report_alert', recipients.map((r) => r.addressee!), now));
    if (a.unroutedAlert) {
      await tx.enqueue(messagesTo(ref, 'report_unrouted', a.unroutedAlert, now));
      await tx.appendTimeline({ reference: ref, at: now, actor: actorString(SYSTEM_ACTOR), event: 'unrouted', details: { alerted: a.unroutedAlert.length } });
    }
    await tx.insertTimers(escalationTimers(ref, now, decision.ackTimeoutMinutes));
  }

  /** One lifecycle step; a store failure becomes ReportError(Unavailable) (logged, nothing changed). */
  private step(referenceText: string, actorId: string, action: ReportAction, outcomeNote?: string): Promise<ActionResult> {
    return this.guarded(`report_${action}_failed`, () => this.stepUnguarded(referenceText, actorId, action, outcomeNote));
  }

  /** Runs `fn`; errors that are not ReportErrors are logged (name and code only) and become Unavailable. */
  private async guarded<T>(event: string, fn: () => Promise<T>): Promise<T> {
    try {
      return await fn();
    } catch (err) {
      if (err instanceof ReportError) throw err;
      this.logger.error(event, errorFields(err));
      throw new ReportError(ReportErrorCode.Unavailable);
    }
  }

  /** One lifecycle step, in one transaction with the report row locked. */
  private async stepUnguarded(referenceText: string, actorId: string, action: ReportAction, outcomeNote?: string): Promise<ActionResult> {
    const reference = this.reference(referenceText);
    const person = await this.person(actorId);
    const actor = personActor(person.id);
    const { store, clock } = this.deps;
    const outcome = await store.transaction(async (tx): Promise<ActionResult | ReportError> => {
      const report = await tx.getReport(reference, { lock: true });
      if (!report) return new ReportError(ReportErrorCode.NotFound, { reference });
      const bar = action === 'withdraw' ? withdrawBar(report, person.id) : undefined;
      const allowed = action === 'withdraw' ? bar !== 'not_reporter' : handleAccess(report, person) !== undefined;
      const now = clock.now();
      if (!allowed) {
        const details = { action, ...(isSubject(report, person) ? { reason: 'subject' } : {}) };
        await tx.appendTimeline({ reference, at: now, actor: actorString(actor), event: 'action_refused', details });
        return new ReportError(ReportErrorCode.AccessDenied, { reference });
      }
      const result = (changed: boolean, status: ReportStatus): ActionResult => ({
        reference,
        status,
        changed,
        acknowledgedBy: changed && !report.acknowledgedBy && status !== 'withdrawn' ? person.id : report.acknowledgedBy,
      });
      if (report.status === ACTION_RESULT[action]) return result(false, report.status);
      if (action === 'acknowledge' && report.status === 'in_progress') return result(false, report.status);
      if (bar === 'closed' || !canTransition(report.status, action)) {
        return new ReportError(ReportErrorCode.NotAllowedNow, { reference, status: report.status });
      }
      await this.apply(tx, report, action, person, now, outcomeNote);
      return result(true, ACTION_RESULT[action]);
    });
    if (outcome instanceof ReportError) {
      this.logger.warn('report_action_refused', { reference, action, code: outcome.code });
      throw outcome;
    }
    if (outcome.changed) this.logger.info('report_action', { reference, action, status: outcome.status });
    return outcome;
  }

  private async apply(tx: StoreTx, report: StoredReport, action: ReportAction, person: Person, now: Date, outcomeNote?: string): Promise<void> {
    const reference = report.reference;
    const actor = actorString(personActor(person.id));
    const firstAcknowledgement = report.status === 'submitted' && action !== 'withdraw';
    const patch: ReportPatch = { status: ACTION_RESULT[action] };
    if (firstAcknowledgement) {
      patch.acknowledgedAt = now;
      patch.acknowledgedBy = person.id;
    }
    if (action === 'start_progress') patch.progressAt = now;
    if (isClosed(ACTION_RESULT[action])) {
      patch.closedAt = now;
      patch.closedBy = person.id;
    }
    if (outcomeNote !== undefined) patch.outcomeNote = outcomeNote;
    await tx.updateReport(reference, patch);
    await tx.cancelTimers(reference, now);

    const reporter: Addressee[] = report.reporterId ? [{ kind: 'person', personId: report.reporterId, role: 'reporter' }] : [];
    // Every message about this step names who took it (data.actor); the reporter hears of each step.
    const about = { data: { actor: person.id } };
    if (firstAcknowledgement) {
      if (action !== 'acknowledge') {
        await tx.appendTimeline({ reference, at: now, actor, event: 'acknowledged', details: {} });
      }
      await tx.enqueue(messagesTo(reference, 'reporter_acknowledged', reporter, now, about));
    }
    const event: Record<ReportAction, TimelineEvent> = {
      acknowledge: 'acknowledged',
      start_progress: 'progress_started',
      resolve: 'resolved',
      withdraw: 'withdrawn',
    };
    await tx.appendTimeline({ reference, at: now, actor, event: event[action], details: {} });
    if (action === 'start_progress') await tx.enqueue(messagesTo(reference, 'reporter_progress', reporter, now, about));
    if (action === 'resolve') {
      await tx.enqueue(messagesTo(reference, 'reporter_resolved', reporter, now, about));
      // The people who received the report and did not close it hear who did (channels see their copy redrawn).
      const others = report.recipients
        .map((r) => r.addressee)
        .filter((a): a is Addressee => a !== null && a.kind === 'person' && a.personId !== person.id);
      await tx.enqueue(messagesTo(reference, 'report_closed', others, now, about));
    }
    if (action === 'withdraw') {
      const told = report.recipients.filter((r) => r.addressee !== null).map((r) => r.addressee!);
      await tx.enqueue(messagesTo(reference, 'report_withdrawn', told, now, about));
      await tx.enqueue(messagesTo(reference, 'reporter_withdrawn', reporter, now, about));
    }
    // Every alert copy already delivered, on every door, is redrawn with the new state.
    await tx.enqueue(await refreshRows(tx, reference, now, event[action]));
  }

  /**
   * The language a person reads this report's copies in (see copyLangOf): what a door uses to explain a click on
   * one of them, whatever language the door's own page is in. The default language for an unknown report.
   */
  async copyLangFor(referenceText: string, person: Pick<Person, 'id' | 'lang'>): Promise<UiLang> {
    const reference = parseReference(referenceText);
    const report = reference ? await this.deps.store.getReport(reference) : undefined;
    return copyLangOf(person, report?.reporterId === person.id, report ?? undefined, this.defaultLang);
  }

  /**
   * The sentence for a refused step: the error's own sentence, followed by the report's current state when
   * the step no longer applies (someone else acted first).
   */
  async explainRefusal(err: ReportError, referenceText: string, lang: UiLang): Promise<string> {
    const sentence = reportErrorMessage(err, lang);
    if (err.code !== ReportErrorCode.NotAllowedNow) return sentence;
    try {
      return `${translator(lang)('notifications:state.tooLate')} ${await this.describeState(referenceText, lang)}`;
    } catch {
      return sentence;
    }
  }

  /**
   * The report's current state as one sentence for someone who clicked a button that no longer applies:
   * "SOME-2026-0042: Avslutad. Timo Korhonen (informationsförvaltningen) löste detta 14:32." Only for people
   * with access to the report (the adapters call it after the service accepted them as handlers).
   */
  async describeState(referenceText: string, lang: UiLang): Promise<string> {
    const reference = this.reference(referenceText);
    const report = await this.deps.store.getReport(reference);
    if (!report) throw new ReportError(ReportErrorCode.NotFound, { reference });
    const t = translator(lang);
    const line = await stateLine(report, latestStep(await this.deps.store.timeline(reference)), {
      directory: this.deps.directory,
      t,
      timeZone: this.timeZone,
      now: this.deps.clock.now(),
    });
    return t('notifications:state.current', { reference, status: t(`notifications:status.${report.status}`), step: line ?? '' }).trim();
  }

  private async refuse(reference: string, actor: Actor, event: TimelineEvent, details: Record<string, string>): Promise<void> {
    try {
      await this.deps.store.appendTimeline({ reference, at: this.deps.clock.now(), actor: actorString(actor), event, details });
    } catch (err) {
      this.logger.error('audit_write_failed', { reference, ...errorFields(err) });
      throw err;
    }
    this.logger.warn('report_view_refused', { reference, actor: actorString(actor) });
  }

  private async viewOf(report: StoredReport, access: AccessReason): Promise<ReportView> {
    const timeline = await this.deps.store.timeline(report.reference);
    return {
      ...(await reportDetailsOf(report, access, this.deps.directory)),
      timeline: access === 'reporter' ? timeline.filter((e) => REPORTER_EVENTS.includes(e.event)) : timeline,
    };
  }

  private reference(text: string): string {
    const reference = parseReference(text);
    if (!reference) throw new ReportError(ReportErrorCode.InvalidReference, { reference: text.slice(0, 40) });
    return reference;
  }

  private async person(personId: string): Promise<Person> {
    const person = await this.deps.directory.person(personId);
    if (!person) throw new ReportError(ReportErrorCode.ActorUnknown, { person: personId.slice(0, 80) });
    return person;
  }

  private actorOf(viewer: Viewer): Actor {
    return viewer.kind === 'admin' ? { kind: 'admin', name: viewer.name } : personActor(viewer.personId);
  }

  /** The person reported when the reporter's manager is the subject: the directory's manager, else the named one. */
  private async managerOf(reporter: Person, draft: ReportDraft): Promise<Person | undefined> {
    const manager = await this.deps.directory.managerOf(reporter.id);
    if (manager) return manager;
    return draft.managerId ? this.deps.directory.person(draft.managerId) : undefined;
  }

  private addresseeOf(recipient: Recipient): Addressee {
    return recipient.kind === 'person'
      ? { kind: 'person', personId: recipient.personId, role: recipient.role }
      : { kind: 'channel', channel: recipient.channel, role: recipient.role };
  }
}
