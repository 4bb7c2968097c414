import { REFRESHED_COPY_KINDS } from '../../core/delivery/messageKinds';
import type { StoreTx } from '../../core/ports';
import type { ChannelRef } from '../../core/directory/directory';
import type {
  Addressee,
  AddresseeRole,
  NewReport,
  PurgeCandidate,
  ReportContent,
  ReportFilter,
  ReportPatch,
  ReportRecipient,
  ReportSummary,
  StoredReport,
} from '../../core/reports/records';
import type { ContentCipher } from '../contentCipher';
import type { SqlExecutor } from '../sqlDriver';
import { asBytesOrNull, asDate, asDateOrNull, asJson, jsonParam } from './rowValues';
import { personIndex, personIndexes, reporterContext, subjectContext } from './reportPeople';

type ReportQueries = Pick<
  StoreTx,
  | 'nextReportNumber'
  | 'insertReport'
  | 'findReportBySubmissionKey'
  | 'getReport'
  | 'listReports'
  | 'updateReport'
  | 'addRecipients'
  | 'purgeCandidates'
  | 'purgeReport'
  | 'dropPurgedOutbox'
>;

/** Associated-data contexts of the encrypted columns: a ciphertext only decrypts in its own row and field. */
export const contentContext = (reference: string): string => `report:${reference}:content`;
export const outcomeContext = (reference: string): string => `report:${reference}:outcome`;

interface RecipientRow {
  kind: 'person' | 'channel';
  person_id: string | null;
  channel: unknown;
  role: AddresseeRole;
  level: number;
  added_at: unknown;
}

function toRecipient(row: RecipientRow): ReportRecipient {
  let addressee: Addressee | null = null;
  if (row.kind === 'person' && row.person_id !== null) addressee = { kind: 'person', personId: row.person_id, role: row.role };
  if (row.kind === 'channel' && row.channel !== null) addressee = { kind: 'channel', channel: asJson<ChannelRef>(row.channel), role: row.role };
  return { addressee, role: row.role, level: row.level, addedAt: asDate(row.added_at) };
}

/** SET clauses of a ReportPatch (the outcome note is encrypted). */
function patchColumns(reference: string, patch: ReportPatch, cipher: ContentCipher): [string, unknown][] {
  const columns: [string, unknown][] = [];
  if (patch.status !== undefined) columns.push(['status', patch.status]);
  if (patch.acknowledgedAt !== undefined) columns.push(['acknowledged_at', patch.acknowledgedAt]);
  if (patch.acknowledgedBy !== undefined) columns.push(['acknowledged_by', patch.acknowledgedBy]);
  if (patch.progressAt !== undefined) columns.push(['progress_at', patch.progressAt]);
  if (patch.closedAt !== undefined) columns.push(['closed_at', patch.closedAt]);
  if (patch.closedBy !== undefined) columns.push(['closed_by', patch.closedBy]);
  if (patch.outcomeNote !== undefined) columns.push(['outcome', cipher.encrypt(patch.outcomeNote, outcomeContext(reference))]);
  return columns;
}

export function reportQueries(db: SqlExecutor, cipher: ContentCipher): ReportQueries {
  async function addRecipients(reference: string, recipients: ReportRecipient[]): Promise<number> {
    let added = 0;
    for (const recipient of recipients) {
      const a = recipient.addressee;
      if (!a) continue;
      const rows = await db.query(
        `INSERT INTO report_recipients (reference, level, kind, person_id, channel, role, added_at)
         SELECT $1, $2, $3, $4, $5::jsonb, $6, $7
         WHERE NOT EXISTS (
           SELECT 1 FROM report_recipients
           WHERE reference = $1
             AND ((kind = 'person' AND person_id = $4)
               OR (kind = 'channel' AND channel->>'platform' = $8 AND channel->>'id' = $9)))
         RETURNING id`,
        [
          reference,
          recipient.level,
          a.kind,
          a.kind === 'person' ? a.personId : null,
          a.kind === 'channel' ? jsonParam(a.channel) : null,
          a.role,
          recipient.addedAt,
          a.kind === 'channel' ? a.channel.platform : null,
          a.kind === 'channel' ? a.channel.id : null,
        ],
      );
      added += rows.length;
    }
    return added;
  }

  return {
    async nextReportNumber(year) {
      const rows = await db.query<{ last_value: number }>(
        `INSERT INTO report_sequences (year, last_value) VALUES ($1, 1)
         ON CONFLICT (year) DO UPDATE SET last_value = report_sequences.last_value + 1
         RETURNING last_value`,
        [year],
      );
      return rows[0]!.last_value;
    },

    async insertReport(report: NewReport) {
      const content = report.content ? cipher.encryptJson(report.content, contentContext(report.reference)) : null;
      // Who reported whom: encrypted, with a blind index for lookups (migration 9).
      await db.query(
        `INSERT INTO reports (reference, year, sequence, submission_key, category, platform, account_kind, occurred_on,
           immediate_danger, subject_is_manager, urgency, status, reporter, reporter_lang, subject, content,
           rules, ack_timeout_minutes, submitted_at, reporter_hash, subject_hash)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, 'submitted', $12, $13, $14, $15, $16::jsonb, $17, $18, $19, $20)`,
        [
          report.reference,
          report.year,
          report.sequence,
          report.submissionKey ?? null,
          report.category,
          report.platform,
          report.accountKind,
          report.occurredOn,
          report.immediateDanger,
          report.subjectIsManager,
          report.urgency,
          report.reporterId === null ? null : cipher.encrypt(report.reporterId, reporterContext(report.reference)),
          report.reporterLang,
          report.subjectPersonId === null ? null : cipher.encrypt(report.subjectPersonId, subjectContext(report.reference)),
          content,
          jsonParam(report.rules),
          report.ackTimeoutMinutes,
          report.submittedAt,
          report.reporterId === null ? null : personIndex(cipher, 'reporter', report.reporterId),
          report.subjectPersonId === null ? null : personIndex(cipher, 'subject', report.subjectPersonId),
        ],
      );
      await addRecipients(report.reference, report.recipients);
    },

    async findReportBySubmissionKey(submissionKey) {
      const rows = await db.query<{ reference: string }>('SELECT reference FROM reports WHERE submission_key = $1', [submissionKey]);
      return rows[0]?.reference;
    },

    async getReport(reference, options = {}) {
      const rows = await db.query<Record<string, unknown>>(
        `SELECT * FROM reports WHERE reference = $1${options.lock ? ' FOR UPDATE' : ''}`,
        [reference],
      );
      const row = rows[0];
      if (!row) return undefined;
      const recipients = await db.query<RecipientRow>(
        'SELECT kind, person_id, channel, role, level, added_at FROM report_recipients WHERE reference = $1 ORDER BY level, id',
        [reference],
      );
      const content = asBytesOrNull(row.content);
      const outcome = asBytesOrNull(row.outcome);
      const reporter = asBytesOrNull(row.reporter);
      const subject = asBytesOrNull(row.subject);
      const report: StoredReport = {
        reference,
        category: row.category as StoredReport['category'],
        platform: row.platform as StoredReport['platform'],
        accountKind: row.account_kind as StoredReport['accountKind'],
        occurredOn: row.occurred_on as string,
        immediateDanger: row.immediate_danger as boolean,
        subjectIsManager: row.subject_is_manager as boolean,
        urgency: row.urgency as StoredReport['urgency'],
        status: row.status as StoredReport['status'],
        reporterId: reporter ? cipher.decrypt(reporter, reporterContext(reference)) : null,
        reporterLang: row.reporter_lang as StoredReport['reporterLang'],
        subjectPersonId: subject ? cipher.decrypt(subject, subjectContext(reference)) : null,
        content: content ? cipher.decryptJson<ReportContent>(content, contentContext(reference)) : null,
        outcomeNote: outcome ? cipher.decrypt(outcome, outcomeContext(reference)) : null,
        rules: asJson(row.rules),
        ackTimeoutMinutes: row.ack_timeout_minutes as number,
        submittedAt: asDate(row.submitted_at),
        acknowledgedAt: asDateOrNull(row.acknowledged_at),
        acknowledgedBy: row.acknowledged_by as string | null,
        progressAt: asDateOrNull(row.progress_at),
        closedAt: asDateOrNull(row.closed_at),
        closedBy: row.closed_by as string | null,
        purgedAt: asDateOrNull(row.purged_at),
        recipients: recipients.map(toRecipient),
      };
      return report;
    },

    async listReports(filter: ReportFilter = {}) {
      const rows = await db.query<Record<string, unknown>>(
        `SELECT r.reference, r.category, r.urgency, r.status, r.submitted_at, r.closed_at, r.purged_at,
           COALESCE((SELECT json_agg(rr.role ORDER BY rr.level, rr.id) FROM report_recipients rr WHERE rr.reference = r.reference),
                    '[]'::json) AS roles
         FROM reports r
         WHERE ($1::text IS NULL OR r.status = $1)
           AND ($2::text IS NULL OR r.category = $2)
           AND ($3::text IS NULL
                OR ((r.subject_hash IS NULL OR NOT (r.subject_hash = ANY($6::text[])))
                    AND (r.reporter_hash = ANY($7::text[])
                         OR EXISTS (SELECT 1 FROM report_recipients x WHERE x.reference = r.reference AND x.kind = 'person' AND x.person_id = $3)
                         OR ($4::boolean AND EXISTS (SELECT 1 FROM report_recipients y WHERE y.reference = r.reference AND y.role = 'it_security')))))
         ORDER BY r.year DESC, r.sequence DESC
         LIMIT $5`,
        [
          filter.status ?? null,
          filter.category ?? null,
          filter.visibleTo?.personId ?? null,
          filter.visibleTo?.itSecurity ?? false,
          filter.limit ?? 1000,
          filter.visibleTo ? personIndexes(cipher, 'subject', filter.visibleTo.personId) : [],
          filter.visibleTo ? personIndexes(cipher, 'reporter', filter.visibleTo.personId) : [],
        ],
      );
      return rows.map(
        (row): ReportSummary => ({
          reference: row.reference as string,
          category: row.category as ReportSummary['category'],
          urgency: row.urgency as ReportSummary['urgency'],
          status: row.status as ReportSummary['status'],
          submittedAt: asDate(row.submitted_at),
          closedAt: asDateOrNull(row.closed_at),
          purgedAt: asDateOrNull(row.purged_at),
          recipientRoles: [...new Set(asJson<AddresseeRole[]>(row.roles))],
        }),
      );
    },

    async updateReport(reference, patch) {
      const columns = patchColumns(reference, patch, cipher);
      if (columns.length === 0) return;
      const sets = columns.map(([column], i) => `${column} = $${i + 2}`).join(', ');
      await db.query(`UPDATE reports SET ${sets} WHERE reference = $1`, [reference, ...columns.map(([, value]) => value)]);
    },

    addRecipients,

    async purgeCandidates(cutoff) {
      const rows = await db.query<{ reference: string; category: string; closed_at: unknown }>(
        `SELECT reference, category, closed_at FROM reports
         WHERE closed_at IS NOT NULL AND closed_at < $1 AND purged_at IS NULL
         ORDER BY closed_at, reference`,
        [cutoff],
      );
      return rows.map(
        (row): PurgeCandidate => ({ reference: row.reference, category: row.category as PurgeCandidate['category'], closedAt: asDate(row.closed_at) }),
      );
    },

    async purgeReport(reference, at) {
      await db.query(
        `UPDATE reports SET content = NULL, outcome = NULL, reporter = NULL, reporter_hash = NULL, subject = NULL, subject_hash = NULL,
           acknowledged_by = NULL, closed_by = NULL, submission_key = NULL, purged_at = $2
         WHERE reference = $1`,
        [reference, at],
      );
      await db.query('UPDATE report_recipients SET person_id = NULL, channel = NULL WHERE reference = $1', [reference]);
      // The timeline's append-only trigger lets exactly this report's entries go, within this transaction.
      await db.query("SELECT set_config('somebot.timeline_purge', $1, true)", [reference]);
      await db.query('DELETE FROM report_timeline WHERE reference = $1', [reference]);
      await db.query("SELECT set_config('somebot.timeline_purge', '', true)");
      // Delivered alert copies and receipts stay until they are redrawn as purged (dropPurgedOutbox removes them then): their
      // rows are how each door finds its copy (Slack's channel and ts, Teams' activity, the web inbox).
      await db.query(
        `DELETE FROM outbox WHERE reference = $1
           AND NOT (status = 'delivered' AND delivered_via IS NOT NULL AND kind = ANY($2::text[]))`,
        [reference, [...REFRESHED_COPY_KINDS]],
      );
      await db.query('DELETE FROM escalation_timers WHERE reference = $1', [reference]);
    },

    async dropPurgedOutbox() {
      const rows = await db.query<{ id: number }>(
        `DELETE FROM outbox o USING reports r
          WHERE o.reference = r.reference AND r.purged_at IS NOT NULL
            AND NOT EXISTS (SELECT 1 FROM outbox p WHERE p.reference = r.reference AND p.status = 'pending')
          RETURNING o.id`,
      );
      return rows.length;
    },
  };
}
