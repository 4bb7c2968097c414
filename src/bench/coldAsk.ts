import { spawnSync } from 'node:child_process';
import path from 'node:path';
import type { GuidelineSettings } from '../app/guidelineRuntime';
import { REPO_ROOT } from '../core/i18n';
import { elapsedNs, median } from './stats';

/** Wall times of fresh `somebot ask` processes, or why they could not be measured. */
export type ColdAskResult = { ok: true; medianMs: number; runsMs: number[] } | { ok: false; error: string };

/**
 * Times `node bin/somebot.js ask QUESTION` in new processes that read the given content folder and index
 * file (the launcher runs the built dist/; build it first). One untimed run comes first, so the file caches
 * are warm and only start-up and the answer are timed.
 */
export function measureColdAsk(question: string, runs: number, settings: GuidelineSettings): ColdAskResult {
  const launcher = path.join(REPO_ROOT, 'bin', 'somebot.js');
  const env = { ...process.env, SOMEBOT_CONTENT_DIR: settings.contentDir, SOMEBOT_INDEX_FILE: settings.indexFile };
  const once = (): { ms: number } | { error: string } => {
    const start = process.hrtime.bigint();
    const child = spawnSync(process.execPath, [launcher, 'ask', question], { encoding: 'utf8', env });
    const ms = elapsedNs(start) / 1e6;
    if (child.error) return { error: child.error.message };
    if (child.status !== 0) {
      const firstLine = (child.stderr || child.stdout || '').trim().split('\n')[0] ?? '';
      return { error: `exit ${child.status ?? child.signal}: ${firstLine}` };
    }
    if (child.stdout.trim() === '') return { error: 'no answer printed' };
    return { ms };
  };
  const warmUp = once();
  if ('error' in warmUp) return { ok: false, error: warmUp.error };
  const runsMs: number[] = [];
  for (let i = 0; i < runs; i++) {
    const run = once();
    if ('error' in run) return { ok: false, error: run.error };
    runsMs.push(run.ms);
  }
  return { ok: true, medianMs: median(runsMs), runsMs };
}
