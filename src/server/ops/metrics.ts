import type { OperationsFigures } from '../../core/ports';
import type { UiLang } from '../../core/language/lang';

/** How a question ended, for the answer counters. */
export type AnswerOutcome = 'answered' | 'no_answer';

/**
 * This process's counters (answers, HTTP requests) plus the database's totals, rendered in the Prometheus
 * text format (version 0.0.4). Counters of this process reset on restart, as Prometheus expects; figures
 * from the database (reports, outbox, latency, escalations, feedback) are shared by every bot process.
 */
export class Metrics {
  private readonly answers = new Map<string, number>();
  private readonly requests = new Map<string, number>();
  private readonly startedAt = Date.now() / 1000;

  /** One guideline answer given (any channel). */
  countAnswer(lang: UiLang, outcome: AnswerOutcome): void {
    const key = `${lang}|${outcome}`;
    this.answers.set(key, (this.answers.get(key) ?? 0) + 1);
  }

  /** One HTTP request finished. `route` is the matched route pattern, never the raw URL. */
  countRequest(route: string, status: number): void {
    const key = `${route}|${Math.floor(status / 100)}xx`;
    this.requests.set(key, (this.requests.get(key) ?? 0) + 1);
  }

  /** Answers given so far by outcome, summed over languages. */
  answerTotals(): Record<AnswerOutcome, number> {
    const totals: Record<AnswerOutcome, number> = { answered: 0, no_answer: 0 };
    for (const [key, count] of this.answers) totals[key.split('|')[1] as AnswerOutcome] += count;
    return totals;
  }

  /** The exposition text; `figures` undefined means the store could not be read (somebot_store_up 0). */
  render(figures: OperationsFigures | undefined): string {
    const out = new PrometheusText();
    out.metric('somebot_process_start_time_seconds', 'gauge', 'When this process started (Unix time).', [[{}, this.startedAt]]);
    out.metric(
      'somebot_answers_total',
      'counter',
      'Guideline questions this process handled, by reply language and outcome (answered or no answer).',
      [...this.answers].map(([key, count]) => {
        const [lang, outcome] = key.split('|');
        return [{ lang: lang!, outcome: outcome! }, count];
      }),
    );
    const totals = this.answerTotals();
    const asked = totals.answered + totals.no_answer;
    out.metric('somebot_no_answer_ratio', 'gauge', 'Share of questions since start that the guidelines did not answer.', [
      [{}, asked === 0 ? 0 : totals.no_answer / asked],
    ]);
    out.metric(
      'somebot_http_requests_total',
      'counter',
      'HTTP requests this process finished, by route and status class.',
      [...this.requests].map(([key, count]) => {
        const [route, status] = key.split('|');
        return [{ route: route!, status: status! }, count];
      }),
    );
    out.metric('somebot_store_up', 'gauge', '1 when the store answered this scrape, else 0.', [[{}, figures ? 1 : 0]]);
    if (!figures) return out.text();

    out.metric(
      'somebot_feedback_total',
      'counter',
      'Verdicts on answers ("Helpful" / "Not helpful"), all channels.',
      [
        [{ verdict: 'helpful' }, figures.feedback.helpful],
        [{ verdict: 'not_helpful' }, figures.feedback.notHelpful],
      ],
    );
    const byCategory = new Map<string, number>();
    for (const r of figures.reports) byCategory.set(r.category, (byCategory.get(r.category) ?? 0) + r.count);
    out.metric('somebot_reports_total', 'counter', 'Reports submitted, by category.', [...byCategory].map(([category, count]) => [{ category }, count]));
    out.metric(
      'somebot_reports',
      'gauge',
      'Reports by category and current status.',
      figures.reports.map((r) => [{ category: r.category, status: r.status }, r.count]),
    );
    out.metric('somebot_outbox_depth', 'gauge', 'Messages waiting in the outbox (pending).', [[{}, figures.outbox.pending]]);
    out.metric('somebot_outbox_messages', 'gauge', 'Outbox messages by delivery state.', [
      [{ status: 'pending' }, figures.outbox.pending],
      [{ status: 'delivered' }, figures.outbox.delivered],
      [{ status: 'dead' }, figures.outbox.dead],
    ]);
    out.metric('somebot_outbox_oldest_pending_seconds', 'gauge', 'Age of the oldest message that is due and not yet delivered (0 when none).', [
      [{}, figures.outbox.oldestPendingSeconds ?? 0],
    ]);
    const latency = figures.deliveryLatency;
    out.histogram('somebot_delivery_latency_seconds', 'Time from a message becoming due to its delivery.', latency.buckets, latency.count, latency.sumSeconds);
    out.metric('somebot_escalations_total', 'counter', 'Escalation steps that fired: reminders (level 1) and escalations to the next level (level 2).', [
      [{ level: 'reminder' }, figures.escalations.reminders],
      [{ level: 'escalation' }, figures.escalations.escalations],
    ]);
    return out.text();
  }
}

type Labels = Record<string, string>;

/** Writes the Prometheus text exposition format: HELP/TYPE lines, escaped label values. */
class PrometheusText {
  private readonly lines: string[] = [];

  metric(name: string, type: 'counter' | 'gauge', help: string, samples: [Labels, number][]): void {
    this.lines.push(`# HELP ${name} ${help}`, `# TYPE ${name} ${type}`);
    for (const [labels, value] of samples) this.lines.push(`${name}${formatLabels(labels)} ${formatValue(value)}`);
  }

  histogram(name: string, help: string, buckets: { le: number; count: number }[], count: number, sum: number): void {
    this.lines.push(`# HELP ${name} ${help}`, `# TYPE ${name} histogram`);
    for (const b of buckets) this.lines.push(`${name}_bucket${formatLabels({ le: String(b.le) })} ${formatValue(b.count)}`);
    this.lines.push(`${name}_bucket{le="+Inf"} ${formatValue(count)}`, `${name}_sum ${formatValue(sum)}`, `${name}_count ${formatValue(count)}`);
  }

  text(): string {
    return `${this.lines.join('\n')}\n`;
  }
}

function formatLabels(labels: Labels): string {
  const entries = Object.entries(labels);
  if (entries.length === 0) return '';
  const escape = (v: string) => v.replace(/\\/g, '\\\\').replace(/\n/g, '\\n').replace(/"/g, '\\"');
  return `{${entries.map(([k, v]) => `${k}="${escape(v)}"`).join(',')}}`;
}

function formatValue(value: number): string {
  if (Number.isNaN(value)) return 'NaN';
  if (!Number.isFinite(value)) return value > 0 ? '+Inf' : '-Inf';
  return String(value);
}

/** Content type of the exposition format. */
export const PROMETHEUS_CONTENT_TYPE = 'text/plain; version=0.0.4; charset=utf-8';
