import type { ChannelRef, Person, Platform } from './directory/directory';
import type { UiLang } from './language/lang';
import type { ReportCategory } from './reports/categories';
import type { AccountKind, Evidence } from './reports/report';
import type { RuleCitation } from './reports/routing';
import type { Urgency } from './reports/routingTable';
import type { ReportStatus } from './reports/lifecycle';
import type { MessageActionId, MessageKind } from './delivery/messageKinds';
import type { ReportDetails } from './reports/detailsCopy';
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
import type { LearnedItem, LoggedQuestion, NewLearnedItem, NewLoggedQuestion } from './content/records';

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
  /**
   * Removes the personal content of a report and its trail, keeping reference, category, dates, recipients' roles,
   * and (until dropPurgedOutbox) its delivered alert copies' outbox rows, so they can be redrawn as purged.
   */
  purgeReport(reference: string, at: Date): Promise<void>;
  /**
   * Removes what is left in the outbox of purged reports (their delivered alert copies, kept until redrawn as
   * purged) once nothing of theirs is pending; returns how many rows went.
   */
  dropPurgedOutbox(): Promise<number>;

  // -- timeline (audit)
  /** Appends one entry to a report's timeline. */
  appendTimeline(entry: NewTimelineEntry): Promise<void>;
  /** A report's timeline, oldest first; only entries of `events` when given. */
  timeline(reference: string, events?: readonly TimelineEntry['event'][]): Promise<TimelineEntry[]>;

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
  /** All outbox rows of a report, oldest first. */
  outboxFor(reference: string): Promise<OutboxRow[]>;
  /**
   * Records a message a door delivered itself (the reporter's receipt, shown in the conversation) as a row
   * delivered through `door`, never queued; false when its idempotency key exists already.
   */
  recordDelivered(row: NewOutboxRow, door: Platform, at: Date): Promise<boolean>;
  /**
   * Records that a claimed row is about to be handed to the platform (keeping the first open attempt's
   * time) and renews its lease until `leaseUntil`; false when the lease was lost (then nothing is sent).
   */
  startAttempt(id: number, token: string, at: Date, leaseUntil: Date): Promise<boolean>;
  /** Gives a claimed row back, due at `nextAttemptAt`, without counting the claim as an attempt (pacing). */
  deferOutbox(id: number, token: string, nextAttemptAt: Date): Promise<boolean>;
  /**
   * Marks a pending row delivered through `door` whoever holds its lease (a delivery replayed from the local
   * journal); false when it is no longer pending (recorded meanwhile, e.g. found by another relay's lookup).
   */
  settleDelivered(id: number, at: Date, door?: Platform): Promise<boolean>;

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

  // -- web chat and operations (issue 4): answer feedback, the web inbox, readiness, figures for /metrics
  /** Records a verdict on an answer; the same (platform, answerId) again replaces the earlier verdict. */
  recordFeedback(feedback: AnswerFeedback): Promise<void>;
  /** Records that the web chat delivered an outbox message (idempotent per idempotency key). */
  recordWebDelivery(delivery: WebDelivery): Promise<void>;
  /** Outbox rows the web chat delivered to the person or to one of `channelKeys`, newest first. */
  webInbox(query: { personId: string; channelKeys: string[]; limit: number }): Promise<OutboxRow[]>;
  /** Resolves when the database answers a trivial query; rejects when it cannot be reached. */
  ping(): Promise<void>;
  /** Totals over the whole database (every bot process shares them), for /metrics. */
  operationsFigures(): Promise<OperationsFigures>;

  // -- Microsoft Teams (issue 6): conversation references and delivered messages (adapters/teams)
  /** Saves (replaces) how the bot reaches a Teams user or channel, and clears its blocked mark. */
  saveTeamsConversation(conversationKey: string, reference: unknown, at: Date): Promise<void>;
  /** The saved Teams conversation with this key. */
  teamsConversation(conversationKey: string): Promise<TeamsConversation | undefined>;
  /** Every saved Teams conversation (the adapter loads them at start to know whom it reaches). */
  teamsConversations(): Promise<TeamsConversation[]>;
  /** Marks a Teams conversation as refusing the bot (HTTP 403) until the next message from it. */
  blockTeamsConversation(conversationKey: string, at: Date): Promise<void>;
  /** Records a message Teams accepted; false when this idempotency key was recorded already. */
  recordTeamsMessage(message: TeamsSentMessage): Promise<boolean>;
  /** The message delivered on Teams with this idempotency key. */
  teamsMessage(idempotencyKey: string): Promise<TeamsSentMessage | undefined>;
  /** The report cards delivered on Teams for a report, oldest first (to update them in place). */
  teamsReportCards(reference: string): Promise<TeamsSentMessage[]>;
  /** Records the report status a delivered card now shows. */
  setTeamsCardStatus(idempotencyKey: string, status: ReportStatus): Promise<void>;

  // -- Slack (issue 5): handled event ids and posted messages (adapters/slack)
  /** Records a Slack event id as handled; false when it was recorded already (Slack redelivered the event). */
  claimSlackEvent(eventId: string, at: Date): Promise<boolean>;
  /** Forgets event ids recorded before `cutoff` (Slack redelivers for minutes, not days); returns how many. */
  purgeSlackEvents(cutoff: Date): Promise<number>;
  /** Records where Slack posted an outbox message; false when this idempotency key was recorded already. */
  recordSlackMessage(message: SlackMessage): Promise<boolean>;
  /** The Slack message posted for this outbox idempotency key. */
  slackMessage(idempotencyKey: string): Promise<SlackMessage | undefined>;
  /** The Slack messages posted about a report, oldest first (to update them in place). */
  slackMessagesFor(reference: string): Promise<SlackMessage[]>;

  // -- the content owners' loop (issue 15): questions kept without names, and what owners taught
  /** Keeps a question for content owners (its text encrypted); an existing entry key is skipped. */
  logQuestion(entry: NewLoggedQuestion): Promise<void>;
  /** Turns the held answer with this id into an unhelpful one kept until `expiresAt`; false when none is held. */
  markAnswerUnhelpful(answerId: string, expiresAt: Date): Promise<boolean>;
  /** Forgets the held answer with this id (its verdict was "helpful"). */
  forgetHeldAnswer(answerId: string): Promise<void>;
  /** Unanswered and unhelpful questions asked at or after `since`, newest first (held ones are never listed). */
  loggedQuestions(since: Date): Promise<LoggedQuestion[]>;
  /** Deletes logged questions whose time is up (`expires_at <= now`); returns how many. */
  purgeQuestionLog(now: Date): Promise<number>;
  /** Stores one teaching and returns it with its id. */
  addLearned(item: NewLearnedItem): Promise<LearnedItem>;
  /** Teachings, oldest first; undone ones only when asked for. */
  learnedItems(options?: { includeUndone?: boolean }): Promise<LearnedItem[]>;
  /** Undoes a teaching; false when there is none with this id or it was undone already. */
  undoLearned(id: number, by: string, at: Date): Promise<boolean>;
  /** A value that changes whenever something is taught or undone (processes poll it to reload). */
  learnedVersion(): Promise<string>;
  // -- web console sign-in (issue 13): sessions shared by every process, who has signed in (adapters/web)
  /** Saves a new session (`idHash` = SHA-256 of the cookie's id; the id itself is never stored). */
  createWebSession(session: WebSession): Promise<void>;
  /** The session with this id hash unless it expired (absolute or idle limit), and marks it seen at `now`. */
  useWebSession(idHash: string, now: Date, idleCutoff: Date): Promise<WebSession | undefined>;
  /** Ends a session (sign-out); returns its sealed ID token if it had one. Ending an unknown one does nothing. */
  deleteWebSession(idHash: string): Promise<string | undefined>;
  /** Deletes sessions expired at `now` or idle since before `idleCutoff`; returns how many. */
  purgeWebSessions(now: Date, idleCutoff: Date): Promise<number>;
  /** Records that a person signed in to the web console (their web inbox is then a place they look). */
  recordConsoleSignIn(personId: string, at: Date): Promise<void>;
  /** Directory ids of everyone who has ever signed in to the web console. */
  consolePeople(): Promise<string[]>;
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
  /**
   * Runs `fn` while holding the lock named `key`, which every process sharing this database respects
   * (PostgreSQL: a transaction-scoped advisory lock, held on a connection of its own while `fn` runs; it is
   * released when `fn` settles or the process dies). On PGlite it only runs `fn`: one process owns a PGlite
   * data directory, so there is no other process to wait for — callers order work within the process
   * themselves (DialogSessions.exclusive does). `fn` uses the Store as usual; it must not take the same lock.
   */
  exclusive<T>(key: string, fn: () => Promise<T>): Promise<T>;
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
  /** Translated: when it happened as a day or a period ("sedan 2026-05-01, pågår fortfarande"). */
  occurredLabel?: string;
  /** Whose account it concerns, and that in words for the addressee ("kommunens konto"). */
  accountKind?: AccountKind;
  accountLabel?: string;
  reporterName?: string;
  description?: string;
  evidence?: Evidence;
  outcomeNote?: string;
  rules: RuleCitation[];
  /** Who did the latest step and when, as a sentence ("Timo Korhonen (IT security) resolved this at 14:32"). */
  stateLine?: string;
}

/** One message for one person or channel, rendered in the addressee's language. */
export interface OutboundMessage {
  /** Same for every attempt of the same message: a notifier may use it to drop duplicates. */
  idempotencyKey: string;
  kind: MessageKind;
  to:
    | { kind: 'person'; person: Person }
    | {
        kind: 'channel';
        channel: ChannelRef;
        /** The team's other channels: a team post goes to the first channel a running door reaches. */
        alternatives?: ChannelRef[];
      };
  lang: UiLang;
  /** One translated line (notification title, e-mail subject). */
  subject: string;
  /** Translated plain text (paragraphs separated by blank lines); complete on its own. */
  text: string;
  report?: MessageReport;
  /** A report's details shown on request (kind 'details_card'): the report as its one viewer may see it now; absent when they may not. */
  details?: ReportDetails;
  /** Buttons; the adapter sends the id and `reference` back to the matching service call. */
  actions: { id: MessageActionId; label: string; reference: string }[];
  /**
   * Set when this message redraws an alert copy already delivered (same idempotencyKey as that copy) on the
   * door that delivered it: the notifier updates the copy in place (Slack chat.update, Teams updateActivity,
   * the web page's live stream) and never posts a new message.
   */
  refresh?: {
    door: Platform;
    /** When the copy was first delivered: the time it shows stays its own when it is redrawn. */
    deliveredAt?: Date;
  };
}

/** What a notifier says about a delivery it made: the door that delivered it (for the audit trail). */
export interface DeliveryReceipt {
  door: Platform;
  /** For a team post: the team's channel it went to. */
  channel?: ChannelRef;
  /** For a team post: the door showed it to each of the team's people (no channel of the team got it). */
  shownToTeam?: boolean;
}

/**
 * A person's verdict on a guideline answer ("Helpful" / "Not helpful"). Holds no question text and no
 * person id: only which answer, where, in which language and which passage it quoted.
 */
export interface AnswerFeedback {
  /** The adapter's id of the answer message (unique per platform). */
  answerId: string;
  platform: Platform;
  helpful: boolean;
  lang: UiLang;
  /** Whether the bot answered (false: it said the guidelines do not answer). */
  answered: boolean;
  /** The passage quoted first, or null when nothing was quoted. */
  passageId: string | null;
  at: Date;
}

/** One message the web chat showed: to a person, or to a channel (addressed by addresseeKey()). */
export interface WebDelivery {
  idempotencyKey: string;
  personId: string | null;
  /** `platform:id` of the channel, for channel messages. */
  channelKey: string | null;
  at: Date;
}

/** Counts for /metrics. Latency = delivery time minus the time the message became due. */
export interface OperationsFigures {
  reports: { category: ReportCategory; status: ReportStatus; count: number }[];
  outbox: { pending: number; delivered: number; dead: number; oldestPendingSeconds: number | null };
  /** Cumulative histogram of delivery latency: deliveries at most `le` seconds late, for each bound. */
  deliveryLatency: { buckets: { le: number; count: number }[]; count: number; sumSeconds: number };
  /** Reminders (level 1) and escalations (level 2) that fired. */
  escalations: { reminders: number; escalations: number };
  feedback: { helpful: number; notHelpful: number };
}

/**
 * How the Teams adapter reaches a user (`user:<AAD object id>`) or a channel (`channel:<channel id>`):
 * a Bot Framework conversation reference, kept as JSON so the core stays free of botbuilder types.
 */
export interface TeamsConversation {
  conversationKey: string;
  reference: unknown;
  updatedAt: Date;
  /** Set when Teams answered 403 (the user blocked or removed the bot); cleared by their next message. */
  blockedAt: Date | null;
}

/** A message Teams accepted: which outbox message, where, and the report status its card shows. */
export interface TeamsSentMessage {
  idempotencyKey: string;
  /** The report the message is about, if any. */
  reference: string | null;
  conversationKey: string;
  /** Teams' id of the posted activity (what an update replaces). */
  activityId: string;
  /** The report status the card shows; null for messages that are not report cards. */
  cardStatus: ReportStatus | null;
  sentAt: Date;
}

/** Where Slack posted an outbox message (no text: the message is rendered again from the report to update it). */
export interface SlackMessage {
  /** The outbox row's idempotency key. */
  idempotencyKey: string;
  /** The report the message is about, if any. */
  reference: string | null;
  /** The Slack conversation (DM or channel id) it was posted in. */
  channelId: string;
  /** Slack's timestamp id of the message (what chat.update addresses). */
  ts: string;
  postedAt: Date;
}

/** An earlier attempt to deliver a message whose outcome is unknown (the platform's answer never came). */
export interface DeliveryAttempt {
  /** When the first such attempt started (the relay recorded it just before calling the platform). */
  startedAt: Date;
}

/**
 * What the platform says about an earlier attempt: it shows the message (`true`: record it, do not post
 * again), it does not (`false`: post again), or it cannot tell now (`unknown`: ask again later).
 */
export type AttemptOutcome = { landed: true } | { landed: false } | { landed: 'unknown' };

/** How fast messages to one chat may go out: one per `intervalMs` per `key` (e.g. `slack:U123`). */
export interface Pace {
  key: string;
  intervalMs: number;
}

/** Sends messages out through a platform (Slack, Teams, e-mail, the web chat). */
export interface Notifier {
  /**
   * Delivers one message. Resolves when the platform accepted it; throws DeliveryError
   * (delivery/deliveryError.ts) with `retryAfterMs` / `permanent` / `notSent` on failure. May be called
   * again with the same idempotencyKey after a crash (at-least-once), unless `findAttempt` says it landed.
   * Once the platform accepted the message it must resolve (a failing local record is logged, not thrown).
   */
  deliver(message: OutboundMessage): Promise<DeliveryReceipt | void>;
  /**
   * Did an earlier attempt of this message land? Asked before posting again a message whose last attempt
   * ended without an answer. A notifier without it has no way to know, and the message is posted again.
   */
  findAttempt?(message: OutboundMessage, attempt: DeliveryAttempt): Promise<AttemptOutcome>;
  /** The platform's rate for the message's chat, if it has one (the relay queues posts per chat at it). */
  pace?(message: OutboundMessage): Pace | undefined;
}

/** A delivery the platform accepted whose record could not be written (the database was away). */
export interface JournaledDelivery {
  outboxId: number;
  idempotencyKey: string;
  reference: string | null;
  /** Message kind, recipient role and addresseeKey, for the report's timeline. */
  kind: string;
  role: string;
  to: string;
  /** The door that delivered it. */
  door?: Platform;
  at: string;
}

/**
 * A small append-only record, kept beside the process (in the data directory), of deliveries that happened
 * while the database could not record them. Replayed into the store at the next relay pass.
 */
export interface DeliveryJournal {
  /** Appends one entry durably (resolves once written to disk). */
  append(entry: JournaledDelivery): Promise<void>;
  /** Hands the entries written so far to `settle`; those it resolves for are forgotten, the rest kept. */
  replay(settle: (entry: JournaledDelivery) => Promise<void>): Promise<number>;
}

/** A signed-in session of the web console. */
export interface WebSession {
  /** SHA-256 (hex) of the random id the cookie carries. */
  idHash: string;
  personId: string;
  createdAt: Date;
  lastSeenAt: Date;
  /** The absolute end of the session, whatever its use. */
  expiresAt: Date;
  /** The ID token of the sign-in, sealed with a key only the cookie's id gives (sent back at sign-out). */
  idTokenSealed?: string;
}
