import { Metrics } from '../../src/server/ops/metrics';
import type { OperationsFigures } from '../../src/core/ports';

const FIGURES: OperationsFigures = {
  reports: [
    { category: 'harassment', status: 'submitted', count: 2 },
    { category: 'harassment', status: 'resolved', count: 1 },
    { category: 'phishing', status: 'acknowledged', count: 4 },
  ],
  outbox: { pending: 3, delivered: 10, dead: 1, oldestPendingSeconds: 12.5 },
  deliveryLatency: { buckets: [{ le: 1, count: 6 }, { le: 5, count: 9 }], count: 10, sumSeconds: 14.25 },
  escalations: { reminders: 2, escalations: 1 },
  feedback: { helpful: 5, notHelpful: 2 },
};

describe('Metrics (Prometheus text format)', () => {
  it('renders counters, gauges and a cumulative histogram with HELP and TYPE lines', () => {
    const metrics = new Metrics();
    metrics.countAnswer('sv', 'answered');
    metrics.countAnswer('sv', 'answered');
    metrics.countAnswer('fi', 'no_answer');
    metrics.countRequest('/web/api/messages', 200);
    metrics.countRequest('/web/api/messages', 503);
    const text = metrics.render(FIGURES);
    expect(text).toContain('# TYPE somebot_answers_total counter\n');
    expect(text).toContain('somebot_answers_total{lang="sv",outcome="answered"} 2\n');
    expect(text).toContain('somebot_answers_total{lang="fi",outcome="no_answer"} 1\n');
    expect(text).toMatch(/somebot_no_answer_ratio 0\.333/);
    expect(text).toContain('somebot_http_requests_total{route="/web/api/messages",status="5xx"} 1\n');
    expect(text).toContain('somebot_reports_total{category="harassment"} 3\n');
    expect(text).toContain('somebot_reports_total{category="phishing"} 4\n');
    expect(text).toContain('somebot_reports{category="phishing",status="acknowledged"} 4\n');
    expect(text).toContain('somebot_outbox_depth 3\n');
    expect(text).toContain('somebot_outbox_messages{status="dead"} 1\n');
    expect(text).toContain('somebot_outbox_oldest_pending_seconds 12.5\n');
    expect(text).toContain('somebot_delivery_latency_seconds_bucket{le="1"} 6\nsomebot_delivery_latency_seconds_bucket{le="5"} 9\nsomebot_delivery_latency_seconds_bucket{le="+Inf"} 10\n');
    expect(text).toContain('somebot_delivery_latency_seconds_sum 14.25\nsomebot_delivery_latency_seconds_count 10\n');
    expect(text).toContain('somebot_escalations_total{level="escalation"} 1\n');
    expect(text).toContain('somebot_feedback_total{verdict="not_helpful"} 2\n');
    expect(text.endsWith('\n')).toBe(true);
    // Each metric has exactly one HELP and one TYPE line.
    const types = text.split('\n').filter((l) => l.startsWith('# TYPE ')).map((l) => l.split(' ')[2]);
    expect(new Set(types).size).toBe(types.length);
  });

  it('without the store: only the counters of this process and somebot_store_up 0', () => {
    const text = new Metrics().render(undefined);
    expect(text).toContain('somebot_store_up 0\n');
    expect(text).toContain('somebot_no_answer_ratio 0\n');
    expect(text).not.toContain('somebot_reports_total');
  });

  it('escapes label values', () => {
    const metrics = new Metrics();
    metrics.countRequest('/a"b\\c\nd', 200);
    expect(metrics.render(undefined)).toContain('route="/a\\"b\\\\c\\nd"');
  });
});
