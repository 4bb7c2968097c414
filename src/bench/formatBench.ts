import { LOAD_RUNS, type BenchReport, type SystemFigures } from './runBench';
import { SYSTEM } from './systemNames';

const LABEL_WIDTH = 26;
const COLUMN_WIDTH = 12;

const fixed = (digits: number) => (x: number) => (Number.isFinite(x) ? x.toFixed(digits) : '-');

/** One table row: a metric label, one cell per system, then the target (if any). */
function row(label: string, cells: string[], target = ''): string {
  return `${label.padEnd(LABEL_WIDTH)}${cells.map((c) => c.padStart(COLUMN_WIDTH)).join('')}${target ? `   ${target}` : ''}`;
}

/** "target < N unit (met|missed)" for a measured value. */
function target(value: number, limit: number, unit: string, who = ''): string {
  const verdict = Number.isFinite(value) ? (value < limit ? 'met' : 'missed') : 'not measured';
  return `target${who ? ` ${who}` : ''} < ${limit} ${unit} (${verdict})`;
}

/** The benchmark as a developer-facing table: systems side by side, metrics as rows, targets beside them. */
export function formatBench(report: BenchReport): string {
  const systems = report.systems;
  const cells = (f: (s: SystemFigures) => string) => systems.map(f);
  const somebot = systems.find((s) => s.name === SYSTEM.somebot);
  const scored = systems[0]?.scores.n ?? 0;
  const lines = [
    `bench: ${report.questions} questions (${scored} scored for retrieval) from ${report.file}; ${report.passages} passages; ` +
      `latency over ${report.iterations} timed pass(es) after ${report.warmups} warm-up pass(es)`,
    '',
    row('metric', cells((s) => s.name)),
    row('top-1', cells((s) => fixed(3)(s.scores.top1))),
    row('top-3', cells((s) => fixed(3)(s.scores.top3))),
    row('MRR', cells((s) => fixed(3)(s.scores.mrr))),
    row('query p50 (µs)', cells((s) => fixed(0)(s.latency.p50Us))),
    row('query p99 (µs)', cells((s) => fixed(0)(s.latency.p99Us)), somebot ? target(somebot.latency.p99Us, report.targets.somebotAnswerP99Us, 'µs', SYSTEM.somebot) : ''),
    row('index build (ms)', cells((s) => fixed(1)(s.buildMs))),
    row('index load (ms)', cells((s) => fixed(1)(s.loadMs))),
  ];
  if (report.coldAsk) {
    const cold = report.coldAsk;
    const value = cold.ok ? fixed(0)(cold.medianMs) : 'failed';
    const coldCells = cells((s) => (s.name === SYSTEM.somebot ? value : '-'));
    lines.push(row('cold `somebot ask` (ms)', coldCells, target(cold.ok ? cold.medianMs : Number.NaN, report.targets.coldAskMs, 'ms')));
  }
  lines.push(`${'process RSS (MB)'.padEnd(LABEL_WIDTH)}${fixed(1)(report.rssMb).padStart(COLUMN_WIDTH)}   (this whole process, all three systems loaded)`);
  lines.push('');
  if (report.coldAsk) {
    const cold = report.coldAsk;
    lines.push(
      cold.ok
        ? `note: cold ask = median wall time of ${cold.runsMs.length} fresh \`node bin/somebot.js ask "${cold.question}"\` processes (${cold.runsMs.map((ms) => ms.toFixed(0)).join(', ')} ms)`
        : `note: cold ask could not be timed: ${cold.error}`,
    );
  }
  lines.push(
    'note: somebot query = the whole in-process answer (language, intent, search, decision); an unanswered question scores as a miss. ' +
      `Baselines never refuse. Build = one build from parsed content in memory; load = median of ${LOAD_RUNS} × (parse the saved JSON + rebuild the index object). ` +
      `Each system's timing starts after a garbage collection of its set-up${typeof (globalThis as { gc?: unknown }).gc === 'function' ? '' : ' (not here: run node with --expose-gc, as npm run bench does)'}.`,
  );
  const ref = Object.entries(report.reference)
    .map(([name, r]) => `${name} ${r.top1.toFixed(2)} top-1 / ${r.top3.toFixed(2)} top-3`)
    .join('; ');
  lines.push(`note: reference, measured by the issue's author (not asserted): ${ref}`);
  return lines.join('\n');
}
