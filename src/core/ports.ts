import type { ChannelRef, Directory, Person } from './directory/directory';
import type { UiLang } from './language/lang';
import type { ReportCategory } from './reports/categories';
import type { Evidence } from './reports/report';
import type { RuleCitation } from './reports/routing';
import type { Urgency } from './reports/routingTable';
import type { ReportStatus } from './reports/lifecycle';
import type { MessageActionId, MessageKind } from './delivery/messageKinds';
import type {
  EscalationTimer,
  NewEscalationTimer,
  NewOutboxRow,
  NewReport,
  NewTimelineEntry,
  OutboxOutcome,
  OutboxRow,
  PurgeCandidate,
  ReportFilter,
  ReportPatch,
  ReportRecipient,
  ReportSummary,
  StoredReport,
  TimelineEntry,
} from './reports/records';

/**
 * Interfaces the core needs from the outside world. The core never imports an implementation:
 * storage/ implements Store, the platform adapters implement Notifier, directory/ implements Directory.
 */
export type { Directory, Person, ChannelRef } from './directory/directory';
export type { Logger } from './logger';

/** Where "now" comes from. Tests use a fake clock (test/helpers/fakeClock.ts) to move time. */
export interface Clock {
  /** The current instant. */
  now(): Date;
}

/**
 * Everything the core stores, as one unit of work. Inside `Store.transaction` every call runs in that
 * transaction; called on the Store itself, each call is its own statement.
 */
export interface StoreTx {
  // -- reports
  /** Next number of the per-year report sequence (1, 2, ...), unique under concurrency. */
  nextReportNumber(year: number): Promise<number>;
  /** Inserts a new report with its level-0 recipients (content is encrypted on the way in). */
  insertReport(report: NewReport): Promise<void>;
  /** The reference of the report submitted with this idempotency key, if any. */
  findReportBySubmissionKey(submissionKey: string): Promise<string | undefined>;
  /** A report with its recipients, decrypted; `lock` takes a row lock until the transaction ends. */
  getReport(reference: string, options?: { lock?: boolean }): Promise<StoredReport | undefined>;
  /** Reports without their content, newest first. */
  listReports(filter?: ReportFilter): Promise<ReportSummary[]>;
  /** Changes lifecycle columns of a report. */
  updateReport(reference: string, patch: ReportPatch): Promise<void>;
  /** Adds recipients (e.g. escalation levels); a person or channel already present at any level is skipped. */
  addRecipients(reference: string, recipients: ReportRecipient[]): Promise<number>;
  /** Closed, not yet purged reports closed before `cutoff`, oldest first. */
  purgeCandidates(cutoff: Date): Promise<PurgeCandidate[]>;
  /** Removes the personal content of a report and its trail, keeping reference, category, dates, recipients' roles. */
  purgeReport(reference: string, at: Date): Promise<void>;

  // -- timeline (audit)
  /** Appends one entry to a report's timeline. */
  appendTimeline(entry: NewTimelineEntry): Promise<void>;
  /** A report's timeline, oldest first. */
  timeline(reference: string): Promise<TimelineEntry[]>;

  // -- outbox
  /** Queues messages; a row whose idempotency key exists already is skipped. Returns how many were added. */
  enqueue(rows: NewOutboxRow[]): Promise<number>;
  /**
   * Leases up to `limit` due, pending rows to the caller (token) until `now + leaseMs`, counting an attempt.
   * Rows leased by someone else are skipped (SKIP LOCKED); an expired lease can be claimed again.
   */
  claimOutbox(options: { now: Date; leaseMs: number; limit: number; token: string }): Promise<OutboxRow[]>;
  /** Records how a claimed delivery ended; false when the lease was lost to another relay meanwhile. */
  completeOutbox(id: number, token: string, outcome: OutboxOutcome): Promise<boolean>;
  /** All outbox rows of a report (and, with no reference, the given kind), oldest first. */
  outboxFor(reference: string): Promise<OutboxRow[]>;

  // -- escalation timers
  /** Schedules escalation steps; an existing (reference, level) is kept. */
  insertTimers(timers: NewEscalationTimer[]): Promise<void>;
  /** Timers due at `now` that neither fired nor were cancelled, oldest first. */
  dueTimers(now: Date, limit: number): Promise<EscalationTimer[]>;
  /** Marks a timer fired; false when it already fired or was cancelled (so each level fires once). */
  fireTimer(id: number, at: Date): Promise<boolean>;
  /** Cancels a report's unfired timers; returns how many. */
  cancelTimers(reference: string, at: Date): Promise<number>;
  /** A report's timers (for tests and `reports show`). */
  timersFor(reference: string): Promise<EscalationTimer[]>;

  // -- dialog sessions
  /** The saved dialog state of a conversation, unless older than `notBefore`. */
  loadDialog(conversationId: string, notBefore: Date): Promise<unknown | undefined>;
  /** Saves (replaces) a conversation's dialog state (encrypted: it may hold a draft's text). */
  saveDialog(conversationId: string, state: unknown, at: Date): Promise<void>;
  /** Forgets a conversation's dialog state. */
  clearDialog(conversationId: string): Promise<void>;
  /** Deletes dialog states last saved before `cutoff`; returns how many. */
  purgeDialogs(cutoff: Date): Promise<number>;
}

/**
 * The Store port. Implemented once (storage/sqlStore.ts) over one SQL dialect for PGlite and PostgreSQL.
 * There is deliberately no in-memory Store: tests use a real in-memory PGlite (`new PGlite()`), which runs
 * the production SQL and migrations and starts in about a second.
 */
export interface Store extends StoreTx {
  /**
   * Runs `fn` in one transaction: its writes commit together or not at all. Inside `fn` use only `tx`
   * (calling the Store itself there would wait for the transaction on PGlite and deadlock).
   */
  transaction<T>(fn: (tx: StoreTx) => Promise<T>): Promise<T>;
  /** Closes connections (PGlite: flushes and closes the data directory). */
  close(): Promise<void>;
}

/** A report as a message shows it (already decrypted; rich adapters render it as a card). */
export interface MessageReport {
  reference: string;
  category: ReportCategory;
  /** Translated category name. */
  categoryLabel: string;
  urgency: Urgency;
  status: ReportStatus;
  occurredOn: string;
  reporterName?: string;
  description?: string;
  evidence?: Evidence;
  outcomeNote?: string;
  rules: RuleCitation[];
}

/** One message for one person or channel, rendered in the addressee's language. */
export interface OutboundMessage {
  /** Same for every attempt of the same message: a notifier may use it to drop duplicates. */
  idempotencyKey: string;
  kind: MessageKind;
  to: { kind: 'person'; person: Person } | { kind: 'channel'; channel: ChannelRef };
  lang: UiLang;
  /** One translated line (notification title, e-mail subject). */
  subject: string;
  /** Translated plain text (paragraphs separated by blank lines); complete on its own. */
  text: string;
  report?: MessageReport;
  /** Buttons; the adapter sends the id and `reference` back to the matching service call. */
  actions: { id: MessageActionId; label: string; reference: string }[];
}

/** Sends messages out through a platform (Slack, Teams, e-mail, the web chat). */
export interface Notifier {
  /**
   * Delivers one message. Resolves when the platform accepted it; throws DeliveryError
   * (delivery/deliveryError.ts) with `retryAfterMs` / `permanent` on failure. May be called again with
   * the same idempotencyKey after a crash (at-least-once).
   */
  deliver(message: OutboundMessage): Promise<void>;
}
