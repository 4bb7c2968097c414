import fs from 'node:fs';
import path from 'node:path';
import { evalItemSchema, evaluate, toBatchLine } from '../../src/core/guidelines/evaluation';
import { testGuidelineRuntime } from './guidelineRuntime';

/** Scores a file of test/fixtures through the whole answer path, as `somebot eval` does. */
export function scoreFixture(file: string): ReturnType<typeof evaluate> {
  const runtime = testGuidelineRuntime();
  const items = fs
    .readFileSync(path.join(__dirname, '..', 'fixtures', file), 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => evalItemSchema.parse(JSON.parse(l)));
  return evaluate(items, items.map((i) => toBatchLine(i.id, runtime.answerer.answer(i.q))));
}
