import fs from 'node:fs';
import { evidenceLines } from '../../core/reports/evidenceItems';
import os from 'node:os';
import type { TFunction } from 'i18next';
import { loadConfig, configProblemText, isConfigError, type Config } from '../../config';
import { translator } from '../../core/i18n';
import { formatLocalDateTime } from '../../core/clock';
import { createJsonLogger } from '../../core/logger';
import { isReportCategory } from '../../core/reports/categories';
import { isReportStatus } from '../../core/reports/lifecycle';
import { isReportError, reportErrorMessage } from '../../core/reports/reportErrors';
import type { ReportView, Viewer } from '../../core/reports/service';
import { deliveryText } from '../../core/reports/trailText';
import type { ReportFilter, ReportSummary } from '../../core/reports/records';
import { displayPeriod } from '../../core/reports/dialog/period';
import { terminalSafe } from '../../adapters/terminal/terminalText';
import { isConfigFileError } from '../../core/directory/configFileError';
import { isDataDirInUseError } from '../../storage/dataDirLock';
import { openReporting, type Reporting } from '../../reporting';
import { cliUsageMessage, isCliUsageError, parseArgs, type CliCommand, type CliIo } from '../command';
import { cliLang } from '../cliLang';

/** How the command gets its components; tests pass their own. */
export interface ReportsCommandDeps {
  env?: NodeJS.ProcessEnv;
  open?: (config: Config) => Promise<Reporting>;
}

const VALUED = ['as', 'status', 'category', 'limit', 'format', 'out'];
export const EXPORT_FORMATS = ['csv', 'json'] as const;

/** Usage errors: exit code 2. Everything else that fails: 1. */
class UsageError extends Error {}

/**
 * `somebot reports list|show REF|export|purge` — administration on the server.
 * Access: list, show and export need an acting person (`--as PERSON_ID`, who sees what the access rules
 * let them see) or an explicit `--admin` (everything; recorded in each report's timeline as
 * `admin:<OS user>` for show and export). purge needs neither: it only applies the retention rule.
 */
export function reportsCommand(deps: ReportsCommandDeps = {}): CliCommand {
  return {
    name: 'reports',
    summary: 'incident reports: list | show REF | export --format csv|json [--out FILE] | purge [--dry-run]; --as PERSON_ID or --admin',
    async run(args, io) {
      const env = deps.env ?? process.env;
      const t = translator(cliLang(env));
      const [sub, ...rest] = args;
      let parsed;
      try {
        parsed = parseArgs(rest, { valued: VALUED, switches: ['admin', 'dry-run'] });
      } catch (err) {
        if (!isCliUsageError(err)) throw err;
        io.err(`${cliUsageMessage(err, t)}\n${t('admin:reports.usage')}`);
        return 2;
      }
      const { flags, rest: positional } = parsed;
      if (!sub || !['list', 'show', 'export', 'purge'].includes(sub)) {
        io.err(t('admin:reports.usage'));
        return 2;
      }
      let config: Config;
      try {
        config = loadConfig(env);
      } catch (err) {
        if (isConfigError(err)) {
          io.err(t('admin:errors.config', { variable: err.variable, problem: configProblemText(err.problem, err.given, t) }));
          return 1;
        }
        throw err;
      }
      let reporting: Reporting | undefined;
      try {
        const viewer = sub === 'purge' ? undefined : viewerOf(flags);
        const filter = filterOf(flags);
        reporting = await (deps.open ?? ((c) => openReporting(c, { logger: createJsonLogger('error') })))(config);
        switch (sub) {
          case 'list':
            return await list(reporting, viewer!, filter, config, io, t);
          case 'show':
            return await show(reporting, viewer!, positional[0], config, io, t);
          case 'export':
            return await exportReports(reporting, viewer!, filter, flags, config, io, t);
          default:
            return await purge(reporting, flags['dry-run'] === true, config, io, t);
        }
      } catch (err) {
        if (err instanceof UsageError) {
          io.err(`${err.message}\n${t('admin:reports.usage')}`);
          return 2;
        }
        if (isReportError(err)) {
          io.err(reportErrorMessage(err, cliLang(env)));
          return 1;
        }
        if (isConfigFileError(err)) {
          io.err(t('admin:errors.configFile', { message: err.message }));
          return 1;
        }
        if (isDataDirInUseError(err)) {
          io.err(t('admin:errors.dataDirInUse', { dir: err.dir, pid: err.pid }));
          return 1;
        }
        io.err(t('admin:errors.unexpected', { name: err instanceof Error ? err.name : 'Error' }));
        return 1;
      } finally {
        await reporting?.close();
      }

      function viewerOf(f: Record<string, string | true>): Viewer {
        if (typeof f.as === 'string' && f.admin) throw new UsageError(t('admin:errors.asOrAdmin'));
        if (typeof f.as === 'string') return { kind: 'person', personId: f.as };
        if (f.admin === true) return { kind: 'admin', name: adminName(env) };
        throw new UsageError(t('admin:errors.needViewer'));
      }

      function filterOf(f: Record<string, string | true>): Omit<ReportFilter, 'visibleTo'> {
        const filter: Omit<ReportFilter, 'visibleTo'> = {};
        if (f.status !== undefined) {
          if (!isReportStatus(f.status)) throw new UsageError(t('admin:errors.badStatus', { value: String(f.status) }));
          filter.status = f.status;
        }
        if (f.category !== undefined) {
          if (!isReportCategory(f.category)) throw new UsageError(t('admin:errors.badCategory', { value: String(f.category) }));
          filter.category = f.category;
        }
        if (f.limit !== undefined) {
          const limit = Number(f.limit);
          if (!Number.isInteger(limit) || limit < 1) throw new UsageError(t('admin:errors.badLimit', { value: String(f.limit) }));
          filter.limit = limit;
        }
        return filter;
      }
    },
  };
}

/** The OS user running the command, recorded as the admin actor. */
function adminName(env: NodeJS.ProcessEnv): string {
  try {
    return os.userInfo().username;
  } catch {
    return env.USER ?? 'unknown';
  }
}

async function list(r: Reporting, viewer: Viewer, filter: Omit<ReportFilter, 'visibleTo'>, config: Config, io: CliIo, t: TFunction): Promise<number> {
  const reports = await r.service.list(viewer, filter);
  if (reports.length === 0) {
    io.out(t('admin:reports.none'));
    return 0;
  }
  io.out(summaryLine(t('admin:reports.column.reference'), t('admin:reports.column.status'), t('admin:reports.column.category'), t('admin:reports.column.submitted'), t('admin:reports.column.recipients')));
  for (const s of reports) io.out(summaryRow(s, config, t));
  io.out(t('admin:reports.count', { count: reports.length }));
  return 0;
}

function summaryLine(...cells: string[]): string {
  const widths = [16, 18, 36, 18];
  return cells.map((c, i) => (i < widths.length ? c.padEnd(widths[i]!) : c)).join(' ').trimEnd();
}

function summaryRow(s: ReportSummary, config: Config, t: TFunction): string {
  const purged = s.purgedAt ? ` ${t('admin:reports.purgedMark')}` : '';
  return summaryLine(
    s.reference,
    t(`notifications:status.${s.status}`),
    `${t(`notifications:category.${s.category}`)}${purged}`,
    formatLocalDateTime(s.submittedAt, config.timeZone),
    s.recipientRoles.map((role) => t(`notifications:role.${role}`)).join(', '),
  );
}

async function show(r: Reporting, viewer: Viewer, reference: string | undefined, config: Config, io: CliIo, t: TFunction): Promise<number> {
  if (!reference) throw new UsageError(t('admin:errors.needReference'));
  const view = await r.service.view(reference, viewer);
  io.out(terminalSafe(renderView(view, config, t)));
  return 0;
}

/** A report as text for `reports show`. */
export function renderView(view: ReportView, config: Config, t: TFunction): string {
  const { report } = view;
  const when = (d: Date | null) => (d ? formatLocalDateTime(d, config.timeZone) : '–');
  const lines = [
    `${report.reference} · ${t(`notifications:category.${report.category}`)} · ${t(`notifications:urgency.${report.urgency}`)} · ${t(`notifications:status.${report.status}`)}`,
    `${t('notifications:section.reporter')}: ${view.reporterName ?? report.reporterId ?? t('admin:reports.purgedValue')}`,
    `${t('admin:reports.field.submitted')}: ${when(report.submittedAt)}`,
    `${t('admin:reports.field.acknowledged')}: ${when(report.acknowledgedAt)}`,
    `${t('admin:reports.field.closed')}: ${when(report.closedAt)}`,
    `${t('notifications:section.occurredOn')}: ${displayPeriod({ occurredOn: report.occurredOn, ...report.content }, cliLang())}`,
    `${t('notifications:section.platform')}: ${report.content?.platformOther ?? t(`notifications:platform.${report.platform}`)}`,
    `${t('dialog:section.account')}: ${t(`dialog:account.${report.accountKind}`)}`,
  ];
  if (report.immediateDanger) lines.push(t('notifications:section.immediateDanger'));
  lines.push(`${t('admin:reports.field.recipients')}:`);
  for (const r of view.recipients) {
    lines.push(`  ${r.name ?? t('admin:reports.purgedValue')} (${t(`notifications:role.${r.role}`)}, ${t('admin:reports.level', { level: r.level })})`);
  }
  if (report.content) {
    lines.push('', `${t('notifications:section.description')}:`, report.content.description);
    const evidence = evidenceLines(report.content.evidence);
    if (evidence.length > 0) lines.push('', `${t('notifications:section.evidence')}:`, ...evidence.map((e) => `  - ${e}`));
  } else {
    lines.push('', t('admin:reports.contentPurged', { date: when(report.purgedAt) }));
  }
  if (report.outcomeNote) lines.push('', `${t('notifications:section.outcome')}:`, report.outcomeNote);
  lines.push('', `${t('admin:reports.field.timeline')}:`);
  const names = new Map<string, string>();
  for (const r of view.recipients) if (r.addressee?.kind === 'person' && r.name) names.set(r.addressee.personId, r.name);
  if (report.reporterId && view.reporterName) names.set(report.reporterId, view.reporterName);
  for (const e of view.timeline) {
    const details = Object.entries(e.details)
      .map(([k, v]) => `${k}=${String(v)}`)
      .join(' ');
    const delivery = deliveryText(e, t, (id) => names.get(id));
    lines.push(`  ${when(e.at)}  ${e.event.padEnd(16)} ${e.actor}${delivery ? `  ${delivery}` : details ? `  ${details}` : ''}`);
  }
  return lines.join('\n');
}

async function exportReports(
  r: Reporting,
  viewer: Viewer,
  filter: Omit<ReportFilter, 'visibleTo'>,
  flags: Record<string, string | true>,
  config: Config,
  io: CliIo,
  t: TFunction,
): Promise<number> {
  const format = flags.format;
  if (format === undefined || format === true) throw new UsageError(t('admin:errors.needFormat'));
  if (format !== 'csv' && format !== 'json') throw new UsageError(t('admin:errors.badFormat', { value: format }));
  if (flags.out === true) throw new UsageError(t('admin:errors.needFile'));
  const out = typeof flags.out === 'string' ? flags.out : undefined;
  // Create the file before anything is decrypted or audited, so a refused file costs nothing.
  const fd = out === undefined ? undefined : createPrivateFile(out, io, t);
  if (fd === null) return 1;
  try {
    const views = await r.service.exportReports(viewer, filter);
    const rows = views.map(exportRow);
    const text = format === 'json' ? `${JSON.stringify(rows, null, 2)}\n` : toCsv(rows);
    if (fd === undefined) {
      io.out(text.endsWith('\n') ? text.slice(0, -1) : text);
      return 0;
    }
    fs.writeFileSync(fd, text);
    fs.closeSync(fd);
    io.err(t('admin:reports.exported', { count: rows.length, file: out }));
    return 0;
  } catch (err) {
    if (fd !== undefined) {
      // Do not leave a partial export behind.
      fs.closeSync(fd);
      fs.rmSync(out!, { force: true });
    }
    throw err;
  }
}

/**
 * Creates a new file readable by its owner only (exports hold decrypted reports). Never opens an existing
 * file: its permissions could let others read what is written. Null (after a translated error) when the
 * file exists or cannot be created.
 */
function createPrivateFile(file: string, io: CliIo, t: TFunction): number | null {
  try {
    return fs.openSync(file, 'wx', 0o600);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code ?? 'error';
    io.err(code === 'EEXIST' ? t('admin:errors.fileExists', { file }) : t('admin:errors.fileNotWritable', { file, reason: code }));
    return null;
  }
}

/** One exported report: every stored field, content decrypted (null after purge). */
export function exportRow(view: ReportView): Record<string, string | number | boolean | null | string[]> {
  const r = view.report;
  return {
    reference: r.reference,
    category: r.category,
    urgency: r.urgency,
    status: r.status,
    submitted_at: r.submittedAt.toISOString(),
    acknowledged_at: r.acknowledgedAt?.toISOString() ?? null,
    acknowledged_by: r.acknowledgedBy,
    closed_at: r.closedAt?.toISOString() ?? null,
    purged_at: r.purgedAt?.toISOString() ?? null,
    reporter_id: r.reporterId,
    occurred_on: r.occurredOn,
    occurred_until: r.content?.occurredUntil ?? null,
    ongoing: r.content ? r.content.ongoing === true : null,
    platform: r.content?.platformOther ?? r.platform,
    account_kind: r.accountKind,
    immediate_danger: r.immediateDanger,
    recipients: view.recipients.map((x) => `${x.role}:${x.addressee?.kind === 'person' ? x.addressee.personId : (x.addressee?.channel.id ?? '')}`),
    description: r.content?.description ?? null,
    links: r.content?.evidence.links ?? [],
    quotes: r.content?.evidence.quotes ?? [],
    files: r.content?.evidence.files ?? [],
    outcome_note: r.outcomeNote,
    // The audit trail: one "at event actor [details]" line per entry, oldest first.
    timeline: view.timeline.map((e) => `${e.at.toISOString()} ${e.event} ${e.actor}${trailDetails(e.details)}`),
  };
}

function trailDetails(details: Record<string, string | number | boolean | null>): string {
  const text = Object.entries(details)
    .map(([k, v]) => `${k}=${String(v)}`)
    .join(' ');
  return text ? ` ${text}` : '';
}

/** RFC 4180 CSV; lists joined with " | "; cells that a spreadsheet would run as a formula are prefixed with '. */
export function toCsv(rows: Record<string, string | number | boolean | null | string[]>[]): string {
  if (rows.length === 0) return '';
  const headers = Object.keys(rows[0]!);
  const cell = (value: string | number | boolean | null | string[]): string => {
    let text = value === null ? '' : Array.isArray(value) ? value.join(' | ') : String(value);
    if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
    return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
  };
  return [headers.join(','), ...rows.map((row) => headers.map((h) => cell(row[h] ?? null)).join(','))].join('\r\n') + '\r\n';
}

async function purge(r: Reporting, dryRun: boolean, config: Config, io: CliIo, t: TFunction): Promise<number> {
  const result = await r.retention.purge({ dryRun });
  const list = result.reports.map(
    (c) => `  ${c.reference}  ${t(`notifications:category.${c.category}`)}  ${t('admin:purge.closed', { date: formatLocalDateTime(c.closedAt, config.timeZone) })}`,
  );
  if (dryRun) {
    io.out(result.reports.length === 0 ? t('admin:purge.nothing', { days: config.retentionDays }) : t('admin:purge.wouldPurge', { count: result.reports.length, days: config.retentionDays }));
    for (const line of list) io.out(line);
    return 0;
  }
  io.out(t('admin:purge.done', { count: result.reports.length, dialogs: result.dialogs, days: config.retentionDays }));
  for (const line of list) io.out(line);
  return 0;
}
