import type { TFunction } from 'i18next';
import { LOAD_RUNS, type BenchReport, type SystemFigures } from './runBench';
import { SYSTEM } from './systemNames';

const LABEL_WIDTH = 26;
const COLUMN_WIDTH = 12;

const fixed = (digits: number) => (x: number) => (Number.isFinite(x) ? x.toFixed(digits) : '-');

/** One table row: a metric label, one cell per system, then the target (if any). */
function row(label: string, cells: string[], target = ''): string {
  return `${label.padEnd(LABEL_WIDTH)}${cells.map((c) => c.padStart(COLUMN_WIDTH)).join('')}${target ? `   ${target}` : ''}`;
}

/** "target < N unit (met|missed)" for a measured value, in the reader's language. */
function target(t: TFunction, value: number, limit: number, unit: string, who = ''): string {
  const verdict = Number.isFinite(value) ? (value < limit ? t('bench:met') : t('bench:missed')) : t('bench:notMeasured');
  return t('bench:target', { who: who ? ` ${who}` : '', limit, unit, verdict });
}

/** The benchmark as a developer-facing table: systems side by side, metrics as rows, targets beside them. */
export function formatBench(report: BenchReport, t: TFunction): string {
  const systems = report.systems;
  const cells = (f: (s: SystemFigures) => string) => systems.map(f);
  const somebot = systems.find((s) => s.name === SYSTEM.somebot);
  const scored = systems[0]?.scores.n ?? 0;
  const lines = [
    t('bench:header', {
      questions: report.questions,
      scored,
      file: report.file,
      passages: report.passages,
      iterations: report.iterations,
      warmups: report.warmups,
    }),
    '',
    row(t('bench:metric'), cells((s) => s.name)),
    row(t('bench:top1'), cells((s) => fixed(3)(s.scores.top1))),
    row(t('bench:top3'), cells((s) => fixed(3)(s.scores.top3))),
    row(t('bench:mrr'), cells((s) => fixed(3)(s.scores.mrr))),
    row(t('bench:p50'), cells((s) => fixed(0)(s.latency.p50Us))),
    row(
      t('bench:p99'),
      cells((s) => fixed(0)(s.latency.p99Us)),
      somebot ? target(t, somebot.latency.p99Us, report.targets.somebotAnswerP99Us, 'µs', SYSTEM.somebot) : '',
    ),
    row(t('bench:build'), cells((s) => fixed(1)(s.buildMs))),
    row(t('bench:load'), cells((s) => fixed(1)(s.loadMs))),
  ];
  if (report.coldAsk) {
    const cold = report.coldAsk;
    const value = cold.ok ? fixed(0)(cold.medianMs) : t('bench:failed');
    const coldCells = cells((s) => (s.name === SYSTEM.somebot ? value : '-'));
    lines.push(row(t('bench:coldAsk'), coldCells, target(t, cold.ok ? cold.medianMs : Number.NaN, report.targets.coldAskMs, 'ms')));
  }
  lines.push(`${t('bench:rss').padEnd(LABEL_WIDTH)}${fixed(1)(report.rssMb).padStart(COLUMN_WIDTH)}   ${t('bench:rssNote')}`);
  lines.push('');
  if (report.coldAsk) {
    const cold = report.coldAsk;
    lines.push(
      cold.ok
        ? t('bench:coldAskNote', { count: cold.runsMs.length, question: cold.question, runs: cold.runsMs.map((ms) => ms.toFixed(0)).join(', ') })
        : t('bench:coldAskFailedNote', { error: cold.error }),
    );
  }
  lines.push(t('bench:method', { loadRuns: LOAD_RUNS }));
  if (typeof (globalThis as { gc?: unknown }).gc !== 'function') lines.push(t('bench:noGc'));
  const figures = Object.entries(report.reference)
    .map(([name, r]) => t('bench:referenceFigure', { name, top1: r.top1.toFixed(2), top3: r.top3.toFixed(2) }))
    .join('; ');
  lines.push(t('bench:reference', { figures }));
  return lines.join('\n');
}
