import type { Directory, MessageReport, OutboundMessage, Person } from '../ports';
import { evidenceLines } from '../reports/evidenceItems';
import { copyLangOf } from './copyLang';
import type { UiLang } from '../language/lang';
import type { TFunction } from 'i18next';
import { translator } from '../i18n';
import { formatLocalDateTime } from '../clock';
import type { OutboxRow, StoredReport, TimelineEntry } from '../reports/records';
import { actorRoleOf, latestStep, stateLine } from '../reports/reportState';
import { formatDuration } from '../text/duration';
import { DeliveryError } from './deliveryError';
import { ALERT_COPY_KINDS, MESSAGE_ACTIONS, type MessageKind } from './messageKinds';
import { displayPeriod } from '../reports/dialog/period';
import { ruleSourceLine } from '../reports/ruleSource';
import type { RoutingTable } from '../reports/routingTable';
import { receiptMessage } from './receiptMessage';
import { detailsMessage } from './detailsMessage';

/** Message kinds that carry the report itself (the recipient must be able to act without opening anything). */
const CARRIES_REPORT: readonly MessageKind[] = ALERT_COPY_KINDS;

/** Kinds whose time is the escalation's (2T): not acknowledged within 2T, or the report goes on at 2T. */
const AFTER_2T: readonly MessageKind[] = ['escalation_alert', 'report_unrouted', 'reporter_escalated'];
/** Kinds whose text speaks of what happens if nobody acknowledges: outdated once the report has gone on. */
const ESCALATION_OUTDATES: readonly MessageKind[] = ['report_alert', 'ack_reminder'];

/** What of an outbox row a message is rendered from. */
export type RenderedRow = Pick<OutboxRow, 'idempotencyKey' | 'reference' | 'kind' | 'addressee' | 'data'>;

export interface RenderContext {
  /** The row's report (decrypted), when it has one. */
  report: StoredReport | undefined;
  directory: Directory;
  /** Language for channels and for people without a preference. */
  defaultLang: UiLang;
  timeZone: string;
  /** The report's timeline: alert copies then say who did the latest step and when. */
  timeline?: readonly TimelineEntry[];
  /** "Now", to write a step of today as a time only. */
  now?: Date;
  /** The language of the one person a channel message is shown to (the web chat shows team posts per person). */
  viewerLang?: UiLang;
  /** The routing table: a redrawn receipt repeats its advice (none without it). */
  routingTable?: RoutingTable;
}

/**
 * Turns an outbox row into the message for its addressee, in the addressee's language: people in their
 * directory language, the reporter in the language they reported in, channels in the default language.
 * Throws a permanent DeliveryError when the addressee or the report no longer exists.
 */
export async function renderMessage(row: RenderedRow, ctx: RenderContext): Promise<OutboundMessage> {
  const { report, directory } = ctx;
  if (row.reference !== null && !report) throw new DeliveryError('report_missing', { permanent: true });

  let to: OutboundMessage['to'];
  let lang: UiLang;
  if (row.addressee.kind === 'person') {
    const person = await directory.person(row.addressee.personId);
    if (!person) throw new DeliveryError('recipient_unknown', { permanent: true });
    to = { kind: 'person', person };
    lang = copyLangOf(person, row.addressee.role === 'reporter', report, ctx.defaultLang);
  } else {
    const channel = row.addressee.channel;
    const alternatives =
      row.data.team === 'it_security' ? (await directory.itSecurity()).channels.filter((c) => c.platform !== channel.platform || c.id !== channel.id) : [];
    to = { kind: 'channel', channel, ...(alternatives.length > 0 ? { alternatives } : {}) };
    lang = ctx.viewerLang ?? ctx.defaultLang;
  }
  const t = translator(lang);
  if (row.kind === 'reporter_receipt' && report) {
    return receiptMessage(row, report, { to, lang, t, directory, timeZone: ctx.timeZone, ...(ctx.routingTable ? { routingTable: ctx.routingTable } : {}), ...(ctx.timeline ? { timeline: ctx.timeline } : {}), ...(ctx.now ? { now: ctx.now } : {}) });
  }
  if (row.kind === 'details_card' && report) {
    return detailsMessage(row, report, { to, lang, directory, timeZone: ctx.timeZone, ...(ctx.timeline ? { timeline: ctx.timeline } : {}), ...(ctx.now ? { now: ctx.now } : {}) });
  }

  const reporter = report?.reporterId ? await directory.person(report.reporterId) : undefined;
  const acknowledger = report?.acknowledgedBy ? await directory.person(report.acknowledgedBy) : undefined;
  // The person whose step this message tells of (data.actor), named with the role they act in.
  const actorId = typeof row.data.actor === 'string' ? row.data.actor : (report?.acknowledgedBy ?? undefined);
  const actor = actorId ? await directory.person(actorId) : undefined;
  const actorRole = report && actorId ? t(`notifications:role.${await actorRoleOf(report, actorId, directory)}`) : '';
  // Escalation happens at 2T: messages about it speak of 2T, the others of T.
  const timeoutMinutes = report ? report.ackTimeoutMinutes * (AFTER_2T.includes(row.kind) ? 2 : 1) : 0;
  const vars = {
    reference: row.reference ?? '',
    category: report ? t(`notifications:category.${report.category}`) : '',
    urgency: report ? t(`notifications:urgency.${report.urgency}`) : '',
    role: t(`notifications:role.${row.addressee.role}`),
    reporter: reporter?.name ?? t('notifications:unknownPerson'),
    acknowledger: acknowledger?.name ?? t('notifications:unknownPerson'),
    // escalation_alert: not acknowledged within 2T; report_unrouted: goes on to IT security at 2T.
    minutes: report ? String(timeoutMinutes) : '',
    duration: report ? formatDuration(timeoutMinutes, lang) : '',
    actor: actor?.name ?? t('notifications:unknownPerson'),
    actorRole,
    escalatedTo: typeof row.data.escalatedTo === 'string' ? await namesOf(row.data.escalatedTo, directory) : '',
    submittedAt: report ? formatLocalDateTime(report.submittedAt, ctx.timeZone) : '',
    failedKind: typeof row.data.failedKind === 'string' ? t(`notifications:kind.${row.data.failedKind}`) : '',
    failedTo: await describeFailedAddressee(row, directory, t),
    attempts: String(row.data.attempts ?? ''),
  };

  // An alert copy drawn after the first step (acknowledged, in progress, closed) no longer asks to be acknowledged
  // nor calls itself new: it names the report and leads with who did the latest step.
  const pastFirstStep = report !== undefined && CARRIES_REPORT.includes(row.kind) && report.status !== 'submitted';
  // A copy redrawn after the retention purge says only that: the content is gone.
  const purgedCopy = pastFirstStep && report.purgedAt !== null;
  // An alert or reminder drawn after the report went on to the next level no longer promises that it will: it
  // says so, and still asks to be acknowledged (the report is open).
  const escalatedCopy = !pastFirstStep && ESCALATION_OUTDATES.includes(row.kind) && (ctx.timeline ?? []).some((e) => e.event === 'escalated');
  const texts = purgedCopy ? 'alert_copy_purged' : pastFirstStep ? 'alert_copy_after_first_step' : escalatedCopy ? 'alert_copy_escalated' : row.kind;
  const subject = t(`notifications:${texts}.subject`, vars);
  const paragraphs = [t(`notifications:${texts}.body`, vars)];
  if (row.kind === 'reporter_escalated' && vars.escalatedTo) paragraphs.push(t('notifications:reporter_escalated.named', vars));
  let messageReport: MessageReport | undefined;
  if (report) {
    const carries = CARRIES_REPORT.includes(row.kind) && !purgedCopy;
    const line =
      carries && ctx.timeline ? await stateLine(report, latestStep(ctx.timeline), { directory, t, timeZone: ctx.timeZone, now: ctx.now ?? new Date() }) : undefined;
    const outcome = row.kind === 'reporter_resolved' && report.outcomeNote ? report.outcomeNote : undefined;
    messageReport = {
      reference: report.reference,
      category: report.category,
      categoryLabel: vars.category,
      urgency: report.urgency,
      status: report.status,
      occurredOn: report.occurredOn,
      occurredLabel: displayPeriod({ occurredOn: report.occurredOn, ...report.content }, lang),
      accountKind: report.accountKind,
      accountLabel: t(`dialog:account.${report.accountKind}`),
      rules: carries ? report.rules : [],
      ...(carries && reporter ? { reporterName: reporter.name } : {}),
      ...(carries && report.content ? { description: report.content.description, evidence: report.content.evidence } : {}),
      ...(outcome ? { outcomeNote: outcome } : {}),
      ...(line ? { stateLine: line } : {}),
    };
    if (line) paragraphs.splice(pastFirstStep || escalatedCopy ? 0 : paragraphs.length, 0, line);
    if (carries) paragraphs.push(...reportParagraphs(report, reporter, t, lang));
    if (outcome) paragraphs.push(`${t('notifications:section.outcome')}:\n${outcome}`);
  }

  // Only the steps that apply now: a copy redrawn after a change loses the buttons that no longer do.
  const actions: OutboundMessage['actions'] = [];
  if (report && CARRIES_REPORT.includes(row.kind) && report.purgedAt === null) {
    if (report.status === 'submitted') {
      actions.push({ id: MESSAGE_ACTIONS.acknowledge, label: t('notifications:action.acknowledge'), reference: report.reference });
    } else if (report.status === 'acknowledged') {
      actions.push({ id: MESSAGE_ACTIONS.startProgress, label: t('notifications:action.startProgress'), reference: report.reference });
    }
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
function reportParagraphs(report: StoredReport, reporter: Person | undefined, t: TFunction, lang: UiLang): string[] {
  const out: string[] = [];
  out.push(
    [
      `${t('notifications:section.reporter')}: ${reporter?.name ?? t('notifications:unknownPerson')}`,
      `${t('notifications:section.occurredOn')}: ${displayPeriod({ occurredOn: report.occurredOn, ...report.content }, lang)}`,
      `${t('notifications:section.platform')}: ${report.content?.platformOther ?? t(`notifications:platform.${report.platform}`)}`,
      `${t('dialog:section.account')}: ${t(`dialog:account.${report.accountKind}`)}`,
      ...(report.immediateDanger ? [t('notifications:section.immediateDanger')] : []),
    ].join('\n'),
  );
  if (report.content) {
    out.push(`${t('notifications:section.description')}:\n${report.content.description}`);
    const evidence = evidenceLines(report.content.evidence).map((line) => `- ${line}`);
    if (evidence.length > 0) out.push(`${t('notifications:section.evidence')}:\n${evidence.join('\n')}`);
  }
  if (report.rules.length > 0) {
    const rules = report.rules.map((r) => `“${r.quote}”\n— ${ruleSourceLine(r.source, lang)}`);
    out.push(`${t('notifications:section.rules')}:\n${rules.join('\n\n')}`);
  }
  return out;
}

/** Names of comma-separated directory ids, joined as a list. */
async function namesOf(ids: string, directory: Directory): Promise<string> {
  const names: string[] = [];
  for (const id of ids.split(',').filter(Boolean)) names.push((await directory.person(id))?.name ?? id);
  return names.join(', ');
}

async function describeFailedAddressee(row: RenderedRow, directory: Directory, t: TFunction): Promise<string> {
  const target = row.data.failedTo;
  if (typeof target !== 'string') return '';
  const role = typeof row.data.failedRole === 'string' ? t(`notifications:role.${row.data.failedRole}`) : '';
  if (target.startsWith('person:')) {
    const person = await directory.person(target.slice('person:'.length));
    return `${person?.name ?? target.slice('person:'.length)} (${role})`;
  }
  return `${target.slice('channel:'.length)} (${role})`;
}
