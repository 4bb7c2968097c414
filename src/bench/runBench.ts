import fs from 'node:fs';
import { createGuidelineRuntime, guidelineSettings, type GuidelineSettings } from '../app/guidelineRuntime';
import { evalItemSchema, toBatchLine, type Scores } from '../core/guidelines/evaluation';
import type { GuidelineAnswer } from '../core/guidelines/guidelineAnswerer';
import { loadGuidelineContent } from '../core/guidelines/guidelineContent';
import { buildGuidelineIndex, GuidelineIndex, type SavedGuidelineIndex } from '../core/guidelines/guidelineIndex';
import { saveIndex } from '../core/guidelines/indexFile';
import { readJsonl } from '../cli/jsonl';
import { baselineLine, type RankedRef } from './baselineLine';
import { BASELINE_REFERENCE, BENCH_TARGETS, COLD_ASK_QUESTION } from './benchTargets';
import type { BenchSystem } from './benchSystem';
import { measureColdAsk, type ColdAskResult } from './coldAsk';
import { buildLunrBaseline, loadLunrBaseline, searchLunrBaseline } from './lunrBaseline';
import { measureSystem, type Latency } from './measureSystem';
import { buildMiniSearchBaseline, loadMiniSearchBaseline, searchMiniSearchBaseline } from './miniSearchBaseline';
import { timeMedianMs, timeMs } from './stats';
import { SYSTEM, type SystemName } from './systemNames';

/** Each index is loaded this many times; the median is reported (one load alone is at the mercy of GC). */
export const LOAD_RUNS = 3;

export interface BenchOptions {
  /** Question file (JSONL, the `eval` format). */
  file: string;
  /** Timed passes over all questions after the warm-up passes (default 5). */
  iterations?: number;
  /** Untimed passes before timing, the scored pass included (default 5). */
  warmups?: number;
  /** Whether to time fresh `somebot ask` processes (default true; tests turn it off). */
  includeColdStart?: boolean;
  /** How many timed `somebot ask` processes (default 5). */
  coldRuns?: number;
  /** Content folder and index file; default: the environment's, as `somebot index` uses them. */
  settings?: GuidelineSettings;
}

/** The figures of one system. */
export interface SystemFigures {
  name: SystemName;
  scores: Scores;
  latency: Latency;
  /** One build, from passages (and for somebot the parsed content) already in memory. */
  buildMs: number;
  /** Median of LOAD_RUNS loads from the serialised JSON string (file reading excluded). */
  loadMs: number;
}

export interface BenchReport {
  file: string;
  questions: number;
  iterations: number;
  warmups: number;
  passages: number;
  systems: SystemFigures[];
  /** Only when the cold start was measured. */
  coldAsk?: ColdAskResult & { question: string };
  /** Resident set size of this process after everything, in MB. */
  rssMb: number;
  targets: typeof BENCH_TARGETS;
  reference: typeof BASELINE_REFERENCE;
}

/**
 * Runs the whole benchmark in one process: builds, saves and reloads each system's index over the same
 * passages, scores the questions as `eval` does, times the searches, then (optionally) fresh `somebot ask`
 * processes. Invalid content throws a ContentError; a missing question file throws a translated Error.
 */
export function runBench(options: BenchOptions): BenchReport {
  const iterations = options.iterations ?? 5;
  const warmups = options.warmups ?? 5;
  const settings = options.settings ?? guidelineSettings();
  const items = readJsonl(options.file, evalItemSchema);

  const content = loadGuidelineContent(settings.contentDir);
  const passages = content.passages;
  const byId = new Map(passages.map((p) => [p.id, p]));
  const systems: SystemFigures[] = [];

  // somebot: built from the parsed content, saved where `somebot ask` loads it, loaded back as start-up does.
  const somebotBuild = timeMs(() => buildGuidelineIndex(content));
  saveIndex(somebotBuild.value, settings.indexFile);
  const savedText = fs.readFileSync(settings.indexFile, 'utf8');
  const somebotLoad = timeMedianMs(() => new GuidelineIndex(JSON.parse(savedText) as SavedGuidelineIndex), LOAD_RUNS);
  const { answerer } = createGuidelineRuntime(settings);
  const somebot: BenchSystem<GuidelineAnswer> = {
    name: SYSTEM.somebot,
    search: (q) => answerer.answer(q),
    toLine: (id, answer) => toBatchLine(id, answer),
  };
  systems.push({ name: somebot.name, ...measureSystem(somebot, items, iterations, warmups), buildMs: somebotBuild.ms, loadMs: somebotLoad.ms });

  const lunrBuild = timeMs(() => buildLunrBaseline(passages));
  const lunrJson = JSON.stringify(lunrBuild.value);
  const lunrLoad = timeMedianMs(() => loadLunrBaseline(lunrJson), LOAD_RUNS);
  const lunrIndex = lunrLoad.value;
  const lunrSystem: BenchSystem<RankedRef[]> = {
    name: SYSTEM.lunr,
    search: (q) => searchLunrBaseline(lunrIndex, q),
    toLine: (id, results) => baselineLine(id, results, byId),
  };
  systems.push({ name: lunrSystem.name, ...measureSystem(lunrSystem, items, iterations, warmups), buildMs: lunrBuild.ms, loadMs: lunrLoad.ms });

  const miniBuild = timeMs(() => buildMiniSearchBaseline(passages));
  const miniJson = JSON.stringify(miniBuild.value);
  const miniLoad = timeMedianMs(() => loadMiniSearchBaseline(miniJson), LOAD_RUNS);
  const miniIndex = miniLoad.value;
  const miniSystem: BenchSystem<RankedRef[]> = {
    name: SYSTEM.miniSearch,
    search: (q) => searchMiniSearchBaseline(miniIndex, q),
    toLine: (id, results) => baselineLine(id, results, byId),
  };
  systems.push({ name: miniSystem.name, ...measureSystem(miniSystem, items, iterations, warmups), buildMs: miniBuild.ms, loadMs: miniLoad.ms });

  const coldAsk = options.includeColdStart === false ? undefined : { ...measureColdAsk(COLD_ASK_QUESTION, options.coldRuns ?? 5, settings), question: COLD_ASK_QUESTION };

  return {
    file: options.file,
    questions: items.length,
    iterations,
    warmups,
    passages: passages.length,
    systems,
    ...(coldAsk ? { coldAsk } : {}),
    rssMb: process.memoryUsage().rss / (1024 * 1024),
    targets: BENCH_TARGETS,
    reference: BASELINE_REFERENCE,
  };
}
