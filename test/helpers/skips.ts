import fs from 'node:fs';
import path from 'node:path';

/**
 * Says why this test file skips some of its tests (or leaves out a variant, e.g. PostgreSQL), so the run
 * ends with one line naming what was skipped and why (test/reporters/skipSummary.js). `topic` names what
 * did not run ("browser tests"), `reason` why and how to run it. Without the reporter it does nothing.
 */
export function noteSkip(topic: string, reason: string): void {
  const dir = process.env.SOMEBOT_SKIP_NOTES;
  if (!dir || !fs.existsSync(dir)) return;
  const testPath = expect.getState().testPath ?? '';
  fs.appendFileSync(path.join(dir, `${process.pid}.jsonl`), `${JSON.stringify({ testPath, topic, reason })}\n`);
}
