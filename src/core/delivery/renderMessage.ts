import type { Directory, MessageReport, OutboundMessage, Person } from '../ports';
import type { UiLang } from '../language/lang';
import type { TFunction } from 'i18next';
import { translator } from '../i18n';
import { formatLocalDateTime } from '../clock';
import type { OutboxRow, StoredReport } from '../reports/records';
import { DeliveryError } from './deliveryError';
import { MESSAGE_ACTIONS, type MessageKind } from './messageKinds';

/** Message kinds that carry the report itself (the recipient must be able to act without opening anything). */
const CARRIES_REPORT: readonly MessageKind[] = ['report_alert', 'ack_reminder', 'escalation_alert'];

export interface RenderContext {
  /** The row's report (decrypted), when it has one. */
  report: StoredReport | undefined;
  directory: Directory;
  /** Language for channels and for people without a preference. */
  defaultLang: UiLang;
  timeZone: string;
}

/**
 * Turns an outbox row into the message for its addressee, in the addressee's language: people in their
 * directory language, the reporter in the language they reported in, channels in the default language.
 * Throws a permanent DeliveryError when the addressee or the report no longer exists.
 */
export async function renderMessage(row: OutboxRow, ctx: RenderContext): Promise<OutboundMessage> {
  const { report, directory } = ctx;
  if (row.reference !== null && !report) throw new DeliveryError('report_missing', { permanent: true });

  let to: OutboundMessage['to'];
  let lang: UiLang;
  if (row.addressee.kind === 'person') {
    const person = await directory.person(row.addressee.personId);
    if (!person) throw new DeliveryError('recipient_unknown', { permanent: true });
    to = { kind: 'person', person };
    lang = row.addressee.role === 'reporter' && report ? report.reporterLang : (person.lang ?? ctx.defaultLang);
  } else {
    to = { kind: 'channel', channel: row.addressee.channel };
    lang = ctx.defaultLang;
  }
  const t = translator(lang);

  const reporter = report?.reporterId ? await directory.person(report.reporterId) : undefined;
  const acknowledger = report?.acknowledgedBy ? await directory.person(report.acknowledgedBy) : undefined;
  const vars = {
    reference: row.reference ?? '',
    category: report ? t(`notifications:category.${report.category}`) : '',
    urgency: report ? t(`notifications:urgency.${report.urgency}`) : '',
    role: t(`notifications:role.${row.addressee.role}`),
    reporter: reporter?.name ?? t('notifications:unknownPerson'),
    acknowledger: acknowledger?.name ?? t('notifications:unknownPerson'),
    // escalation_alert: not acknowledged within 2T; report_unrouted: goes on to IT security at 2T.
    minutes: report ? String(report.ackTimeoutMinutes * (row.kind === 'escalation_alert' || row.kind === 'report_unrouted' ? 2 : 1)) : '',
    submittedAt: report ? formatLocalDateTime(report.submittedAt, ctx.timeZone) : '',
    failedKind: typeof row.data.failedKind === 'string' ? t(`notifications:kind.${row.data.failedKind}`) : '',
    failedTo: await describeFailedAddressee(row, directory, t),
    attempts: String(row.data.attempts ?? ''),
  };

  const subject = t(`notifications:${row.kind}.subject`, vars);
  const paragraphs = [t(`notifications:${row.kind}.body`, vars)];
  let messageReport: MessageReport | undefined;
  if (report) {
    const carries = CARRIES_REPORT.includes(row.kind);
    const outcome = row.kind === 'reporter_resolved' && report.outcomeNote ? report.outcomeNote : undefined;
    messageReport = {
      reference: report.reference,
      category: report.category,
      categoryLabel: vars.category,
      urgency: report.urgency,
      status: report.status,
      occurredOn: report.occurredOn,
      rules: carries ? report.rules : [],
      ...(carries && reporter ? { reporterName: reporter.name } : {}),
      ...(carries && report.content ? { description: report.content.description, evidence: report.content.evidence } : {}),
      ...(outcome ? { outcomeNote: outcome } : {}),
    };
    if (carries) paragraphs.push(...reportParagraphs(report, reporter, t));
    if (outcome) paragraphs.push(`${t('notifications:section.outcome')}:\n${outcome}`);
  }

  const actions: OutboundMessage['actions'] = [];
  if (report && to.kind === 'person' && CARRIES_REPORT.includes(row.kind) && report.status === 'submitted') {
    actions.push({ id: MESSAGE_ACTIONS.acknowledge, label: t('notifications:action.acknowledge'), reference: report.reference });
  }
  return {
    idempotencyKey: row.idempotencyKey,
    kind: row.kind,
    to,
    lang,
    subject,
    text: paragraphs.join('\n\n'),
    ...(messageReport ? { report: messageReport } : {}),
    actions,
  };
}

/** The report as plain text: facts, description, evidence, and the rules that explain why this person is told. */
function reportParagraphs(report: StoredReport, reporter: Person | undefined, t: TFunction): string[] {
  const out: string[] = [];
  out.push(
    [
      `${t('notifications:section.reporter')}: ${reporter?.name ?? t('notifications:unknownPerson')}`,
      `${t('notifications:section.occurredOn')}: ${report.occurredOn}`,
      `${t('notifications:section.platform')}: ${report.content?.platformOther ?? t(`notifications:platform.${report.platform}`)}`,
      ...(report.immediateDanger ? [t('notifications:section.immediateDanger')] : []),
    ].join('\n'),
  );
  if (report.content) {
    out.push(`${t('notifications:section.description')}:\n${report.content.description}`);
    const { links, quotes, files } = report.content.evidence;
    const evidence = [...links.map((l) => `- ${l}`), ...quotes.map((q) => `- “${q}”`), ...files.map((f) => `- ${f}`)];
    if (evidence.length > 0) out.push(`${t('notifications:section.evidence')}:\n${evidence.join('\n')}`);
  }
  if (report.rules.length > 0) {
    const rules = report.rules.map((r) => `“${r.quote}”\n— ${r.source.organisation}: ${r.source.document}, ${r.source.section}`);
    out.push(`${t('notifications:section.rules')}:\n${rules.join('\n\n')}`);
  }
  return out;
}

async function describeFailedAddressee(row: OutboxRow, directory: Directory, t: TFunction): Promise<string> {
  const target = row.data.failedTo;
  if (typeof target !== 'string') return '';
  const role = typeof row.data.failedRole === 'string' ? t(`notifications:role.${row.data.failedRole}`) : '';
  if (target.startsWith('person:')) {
    const person = await directory.person(target.slice('person:'.length));
    return `${person?.name ?? target.slice('person:'.length)} (${role})`;
  }
  return `${target.slice('channel:'.length)} (${role})`;
}
