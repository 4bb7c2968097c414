import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { guidelineSettings } from '../../src/app/guidelineRuntime';
import { runBench } from '../../src/bench/runBench';
import { SYSTEM } from '../../src/bench/systemNames';
import { formatBench } from '../../src/bench/formatBench';
import { translator } from '../../src/core/i18n';

/** The benchmark's shape on a small question file; its timings are never asserted (they depend on the machine). */
describe('runBench', () => {
  let dir: string;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'somebot-bench-'));
  });
  afterAll(() => {
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('measures somebot, plain lunr and MiniSearch over the same questions', () => {
    const lines = fs.readFileSync(path.join(__dirname, '../fixtures/questions.jsonl'), 'utf8').split('\n').filter((l) => l.trim() !== '');
    const file = path.join(dir, 'questions.jsonl');
    fs.writeFileSync(file, `${lines.slice(0, 10).join('\n')}\n`);
    const indexFile = path.join(dir, 'guideline-index.json');

    const report = runBench({ file, iterations: 1, includeColdStart: false, settings: guidelineSettings({ SOMEBOT_INDEX_FILE: indexFile }) });

    expect(report.systems.map((s) => s.name)).toEqual([SYSTEM.somebot, SYSTEM.lunr, SYSTEM.miniSearch]);
    expect(report.questions).toBe(10);
    expect(report.passages).toBeGreaterThan(0);
    expect(fs.existsSync(indexFile)).toBe(true);
    expect(report.coldAsk).toBeUndefined();
    for (const s of report.systems) {
      expect(s.scores.n).toBeGreaterThan(0);
      for (const x of [s.scores.top1, s.scores.top3, s.scores.mrr]) {
        expect(x).toBeGreaterThanOrEqual(0);
        expect(x).toBeLessThanOrEqual(1);
      }
      expect(s.scores.top3).toBeGreaterThanOrEqual(s.scores.top1);
      expect(s.latency.samples).toBe(10);
      for (const x of [s.latency.p50Us, s.latency.p99Us, s.buildMs, s.loadMs]) {
        expect(Number.isFinite(x)).toBe(true);
        expect(x).toBeGreaterThanOrEqual(0);
      }
      expect(s.latency.p99Us).toBeGreaterThanOrEqual(s.latency.p50Us);
    }
    expect(Number.isFinite(report.rssMb)).toBe(true);

    // The printed table is in the reader's language, every label translated.
    for (const [lang, label] of [['sv', 'fråga p99 (µs)'], ['fi', 'kysymys p99 (µs)'], ['en', 'query p99 (µs)']] as const) {
      const text = formatBench(report, translator(lang));
      expect(text).toContain(label);
      expect(text).not.toMatch(/bench:[a-zA-Z]|{{/); // no untranslated key, no unfilled value
      for (const s of report.systems) expect(text).toContain(s.name);
    }
  });
});
