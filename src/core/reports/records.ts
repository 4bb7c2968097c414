import type { ChannelRef, Platform } from '../directory/directory';
import type { UiLang } from '../language/lang';
import type { ReportCategory } from './categories';
import type { AccountKind, Evidence, SocialPlatform } from './report';
import type { RecipientRole, RuleCitation } from './routing';
import type { Urgency } from './routingTable';
import type { ReportStatus } from './lifecycle';
import type { MessageKind } from '../delivery/messageKinds';

/**
 * Records the Store keeps for incident reports. These are plain data; the Store encrypts the personal
 * content (ReportContent, outcome notes, dialog states) before it reaches a table.
 */

/** Why a party receives messages about a report: a routing role, an escalation, or being the reporter. */
export type AddresseeRole = RecipientRole | 'escalation' | 'reporter';

/** Someone a message is addressed to: a directory person or a channel. */
export type Addressee =
  | { kind: 'person'; personId: string; role: AddresseeRole }
  | { kind: 'channel'; channel: ChannelRef; role: AddresseeRole };

/** A stable key for an addressee, used in idempotency keys: `person:anna` / `channel:slack:C01`. */
export function addresseeKey(addressee: Addressee): string {
  return addressee.kind === 'person'
    ? `person:${addressee.personId}`
    : `channel:${addressee.channel.platform}:${addressee.channel.id}`;
}

/**
 * The trail's recipient key of a team post that a door showed to each of the team's people itself (the web
 * chat's inboxes) instead of posting it in one of the team's channels: `team:<role>`.
 */
export function teamKey(role: AddresseeRole): string {
  return `team:${role}`;
}

/**
 * A recipient of a report. Level 0 = chosen by routing at submission; higher = added by escalation.
 * `addressee` is null after the retention purge (only the role survives).
 */
export interface ReportRecipient {
  addressee: Addressee | null;
  role: AddresseeRole;
  level: number;
  addedAt: Date;
}

/** The personal content of a report, encrypted at rest and purged after the retention period. */
export interface ReportContent {
  description: string;
  evidence: Evidence;
  platformOther?: string;
  /** Last day of a period that has ended (occurredOn is its first day). */
  occurredUntil?: string;
  /** The situation began on occurredOn and still went on when it was reported. */
  ongoing?: boolean;
}

/** A report as stored. Personal fields are null after the retention purge. */
export interface StoredReport {
  reference: string;
  category: ReportCategory;
  platform: SocialPlatform;
  accountKind: AccountKind;
  /** YYYY-MM-DD as the reporter gave it. */
  occurredOn: string;
  immediateDanger: boolean;
  subjectIsManager: boolean;
  urgency: Urgency;
  status: ReportStatus;
  /** Null after purge. */
  reporterId: string | null;
  reporterLang: UiLang;
  /** The reporter's manager when that manager is the person reported: never told, never escalated to. Null after purge. */
  subjectPersonId: string | null;
  /** Null after purge. */
  content: ReportContent | null;
  /** Null until resolved, and after purge. */
  outcomeNote: string | null;
  rules: RuleCitation[];
  ackTimeoutMinutes: number;
  submittedAt: Date;
  acknowledgedAt: Date | null;
  acknowledgedBy: string | null;
  progressAt: Date | null;
  closedAt: Date | null;
  closedBy: string | null;
  purgedAt: Date | null;
  recipients: ReportRecipient[];
}

/** What submit writes; status starts as 'submitted'. */
export type NewReport = Omit<
  StoredReport,
  'status' | 'acknowledgedAt' | 'acknowledgedBy' | 'progressAt' | 'closedAt' | 'closedBy' | 'purgedAt' | 'outcomeNote'
> & { year: number; sequence: number; submissionKey?: string };

/** The columns a lifecycle step may change. */
export interface ReportPatch {
  status?: ReportStatus;
  acknowledgedAt?: Date;
  acknowledgedBy?: string;
  progressAt?: Date;
  closedAt?: Date;
  closedBy?: string;
  outcomeNote?: string;
}

/** A report without its personal content: for lists, and what survives the retention purge. */
export interface ReportSummary {
  reference: string;
  category: ReportCategory;
  urgency: Urgency;
  status: ReportStatus;
  submittedAt: Date;
  closedAt: Date | null;
  purgedAt: Date | null;
  recipientRoles: AddresseeRole[];
}

/**
 * Which reports a list shows. `visibleTo` applies the access rules of access.ts in SQL: never a report about
 * that person (subjectPersonId), else their own, those they receive, and (itSecurity) those routed to IT security.
 */
export interface ReportFilter {
  visibleTo?: { personId: string; itSecurity: boolean };
  status?: ReportStatus;
  category?: ReportCategory;
  limit?: number;
}

/** Everything that happens to a report, declared once. */
export const TIMELINE_EVENTS = [
  'submitted',
  /** Routing found nobody to receive the report; it was saved and IT security was alerted (details.alerted). */
  'unrouted',
  'acknowledged',
  'progress_started',
  'resolved',
  'withdrawn',
  'viewed',
  'view_refused',
  'action_refused',
  'exported',
  'notified',
  'delivery_failed',
  'reminded',
  'escalated',
  'purged',
] as const;
export type TimelineEvent = (typeof TIMELINE_EVENTS)[number];

/** Details of a timeline entry: ids, roles, codes — never report text. */
export type TimelineDetails = Record<string, string | number | boolean | null>;

/** One line of a report's audit trail. */
export interface TimelineEntry {
  id: number;
  reference: string;
  at: Date;
  /** An actor string from actor.ts: `person:<id>`, `admin:<name>` or `system`. */
  actor: string;
  event: TimelineEvent;
  details: TimelineDetails;
}
export type NewTimelineEntry = Omit<TimelineEntry, 'id'>;

/** Delivery state of an outbox row. */
export type OutboxStatus = 'pending' | 'delivered' | 'dead';

/** One message waiting for (or done with) delivery. Holds no report text: the relay renders it at delivery. */
export interface OutboxRow {
  id: number;
  idempotencyKey: string;
  reference: string | null;
  kind: MessageKind;
  addressee: Addressee;
  /** Extra non-personal data for rendering (escalation level, the failed message's kind...). */
  data: Record<string, string | number | boolean>;
  status: OutboxStatus;
  attempts: number;
  nextAttemptAt: Date;
  leaseUntil: Date | null;
  claimToken: string | null;
  lastError: string | null;
  createdAt: Date;
  deliveredAt: Date | null;
  /**
   * When the first attempt whose outcome is unknown started (the platform may have shown the message though
   * its answer never came); null when no attempt is open. The relay asks the platform before posting again.
   */
  attemptStartedAt: Date | null;
  /** The door (platform) that delivered it; null while pending, and for rows delivered before doors were recorded. */
  deliveredVia: Platform | null;
}

export interface NewOutboxRow {
  idempotencyKey: string;
  reference: string | null;
  kind: MessageKind;
  addressee: Addressee;
  data?: Record<string, string | number | boolean>;
  /** When the row becomes due (usually now). */
  availableAt: Date;
}

/** How a claimed delivery ended. */
export type OutboxOutcome =
  | { status: 'delivered'; at: Date; door?: Platform }
  /** `attemptSettled`: the platform said the message was not shown, so no lookup is needed before the next try. */
  | { status: 'retry'; at: Date; nextAttemptAt: Date; error: string; attemptSettled?: boolean }
  | { status: 'dead'; at: Date; error: string };

/** One escalation step due at a time; fires at most once. */
export interface EscalationTimer {
  id: number;
  reference: string;
  level: number;
  dueAt: Date;
  firedAt: Date | null;
  cancelledAt: Date | null;
}
export type NewEscalationTimer = Pick<EscalationTimer, 'reference' | 'level' | 'dueAt'>;

/** A closed report old enough to lose its personal content. */
export interface PurgeCandidate {
  reference: string;
  category: ReportCategory;
  closedAt: Date;
}
