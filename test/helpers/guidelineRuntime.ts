import os from 'node:os';
import path from 'node:path';
import { createGuidelineRuntime, guidelineSettings, type GuidelineRuntime } from '../../src/app/guidelineRuntime';

let shared: GuidelineRuntime | undefined;

/** One guideline runtime per test file, built from the repo's content/ into a temporary index file. */
export function testGuidelineRuntime(): GuidelineRuntime {
  shared ??= createGuidelineRuntime({
    ...guidelineSettings({}),
    indexFile: path.join(os.tmpdir(), `somebot-test-index-${process.pid}.json`),
  });
  return shared;
}
