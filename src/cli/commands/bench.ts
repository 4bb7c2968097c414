import fs from 'node:fs';
import path from 'node:path';
import { formatBench } from '../../bench/formatBench';
import { runBench } from '../../bench/runBench';
import { REPO_ROOT } from '../../core/i18n';
import { parseArgs, type CliCommand } from '../command';
import { cliT } from '../cliLang';

/** The development question set, next to the repository. */
export const DEFAULT_BENCH_FILE = path.resolve(REPO_ROOT, '../shared/eval/dev.jsonl');
/** Used when the development set is not checked out. */
export const FALLBACK_BENCH_FILE = path.join(REPO_ROOT, 'test/fixtures/questions.jsonl');

/**
 * `somebot bench [FILE] [--iterations N] [--warmup N] [--json]`: somebot, plain lunr and MiniSearch side by side on one
 * question file — retrieval scores, query latency, index build and load times, memory and cold `ask` time.
 */
export const benchCommand: CliCommand = {
  name: 'bench',
  summary: 'compare somebot with plain lunr and MiniSearch: bench [FILE.jsonl] [--iterations N] [--warmup N] [--json]',
  async run(args, io) {
    const t = cliT();
    const { flags, rest } = parseArgs(args, { valued: ['iterations', 'warmup'], switches: ['json'] });
    const iterations = flags.iterations === undefined ? 5 : Number(flags.iterations);
    const warmups = flags.warmup === undefined ? 5 : Number(flags.warmup);
    for (const [option, value, raw] of [['--iterations', iterations, flags.iterations], ['--warmup', warmups, flags.warmup]] as const) {
      if (!Number.isInteger(value) || value < 1) {
        io.err(t('cli:badCount', { option, value: String(raw) }));
        return 2;
      }
    }
    let file = rest[0] ? path.resolve(rest[0]) : DEFAULT_BENCH_FILE;
    if (!fs.existsSync(file)) {
      if (rest[0]) {
        io.err(t('cli:fileNotFound', { file }));
        return 2;
      }
      io.err(t('cli:benchFallback', { missing: DEFAULT_BENCH_FILE, file: FALLBACK_BENCH_FILE }));
      file = FALLBACK_BENCH_FILE;
    }
    // Invalid content ends the command in cli.ts with a message naming the file (exit code 1).
    const report = runBench({ file, iterations, warmups });
    if (report.coldAsk && !report.coldAsk.ok) io.err(t('cli:benchColdAskFailed', { message: report.coldAsk.error }));
    io.out(flags.json ? JSON.stringify(report, null, 2) : formatBench(report, t));
    return 0;
  },
};
