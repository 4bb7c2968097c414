import { createGuidelineRuntime } from '../../app/guidelineRuntime';
import { evalItemSchema, evaluate, toBatchLine, type EvalReport, type ReportRecall, type Scores } from '../../core/guidelines/evaluation';
import { parseArgs, type CliCommand } from '../command';
import { cliT } from '../cliLang';
import { readJsonl } from '../jsonl';

const pct = (x: number) => x.toFixed(3);
const row = (name: string, s: Scores) => `${name.padEnd(7)} n=${String(s.n).padStart(3)}  top-1 ${pct(s.top1)}  top-3 ${pct(s.top3)}  MRR ${pct(s.mrr)}`;

/** Human-readable report: overall and per-language figures, then the misses. */
export function formatReport(report: EvalReport): string {
  const r = report.retrieval;
  const lines = [
    row('all', r.all),
    row('sv', r.sv),
    row('fi', r.fi),
    row('cross', r.cross),
    `intent accuracy   ${pct(report.intentAccuracy)} (n=${report.intentN})`,
    `language accuracy ${pct(report.languageAccuracy)} (n=${report.languageN})`,
    `refusal           ${pct(report.refusal)} (n=${report.refusalN})   false refusal ${pct(report.falseRefusal)}`,
  ];
  const recall = report.reportRecall;
  if (recall) {
    const rates = (name: string, x: ReportRecall) =>
      `${name.padEnd(7)} report recall ${pct(x.recall)} (n=${x.reports}; answer + offer ${pct(x.reportsOffered)}, missed ${pct(x.missed)})  false reports ${pct(x.falseReports)} (n=${x.questions})  questions answered with a report offer ${x.offered}`;
    lines.push(rates('all', recall.all), rates('sv', recall.sv), rates('fi', recall.fi));
  }
  if (report.misses.length > 0) {
    lines.push('', `misses (${report.misses.length}):`);
    for (const m of report.misses) lines.push(`  ${m.id} [${m.kind}] ${m.q} — ${m.detail}`);
  }
  // Summary last: it is what a glance at the end of the output shows.
  lines.push('', `summary: top-1 ${pct(r.all.top1)} · top-3 ${pct(r.all.top3)} · MRR ${pct(r.all.mrr)} · intent ${pct(report.intentAccuracy)} · language ${pct(report.languageAccuracy)} · refusal ${pct(report.refusal)} · false refusal ${pct(report.falseRefusal)}${recall ? ` · report recall ${pct(recall.all.recall)} · reports missed ${pct(recall.all.missed)} · false reports ${pct(recall.all.falseReports)}` : ''}`);
  return lines.join('\n');
}

/** `somebot eval FILE [--json]`: scores a question file as the evaluation rules say. */
export const evalCommand: CliCommand = {
  name: 'eval',
  summary: 'score a question file: eval FILE.jsonl [--json]',
  async run(args, io) {
    const { flags, rest } = parseArgs(args, { switches: ['json'] });
    const file = rest[0];
    if (!file) {
      io.err(cliT()('cli:needsFile', { option: 'eval' }));
      return 2;
    }
    const items = readJsonl(file, evalItemSchema);
    const runtime = createGuidelineRuntime();
    const lines = items.map((item) => toBatchLine(item.id, runtime.answerer.answer(item.q)));
    const report = evaluate(items, lines);
    io.out(flags.json ? JSON.stringify(report, null, 2) : formatReport(report));
    return 0;
  },
};
