/** The last line of a test run: what was skipped and why, from the results and the files' notes. */
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { summaryLine } = require('./skipSummary.js') as {
  summaryLine(files: { testFilePath: string; testResults: { status: string }[] }[], notes: { testPath: string; topic: string; reason: string }[]): string;
};

const file = (testFilePath: string, statuses: string[]) => ({ testFilePath, testResults: statuses.map((status) => ({ status })) });

describe('skip summary line', () => {
  it('names each reason with its count, and the variants left out of files that skipped no test', () => {
    const line = summaryLine(
      [
        file('/r/test/e2e/webChat.test.ts', ['pending', 'pending', 'pending']),
        file('/r/test/storage/sqlStore.test.ts', ['passed', 'pending']),
        file('/r/test/core/reports/service.test.ts', ['passed', 'passed']),
        file('/r/test/core/text/cue.test.ts', ['passed']),
        file('/r/test/other.test.ts', ['todo']),
      ],
      [
        { testPath: '/r/test/e2e/webChat.test.ts', topic: 'browser', reason: 'no Chromium at /usr/bin/chromium' },
        { testPath: '/r/test/storage/sqlStore.test.ts', topic: 'PostgreSQL', reason: 'TEST_DATABASE_URL is not set' },
        { testPath: '/r/test/core/reports/service.test.ts', topic: 'PostgreSQL', reason: 'TEST_DATABASE_URL is not set' },
      ],
    );
    expect(line).toBe(
      'Skipped: 5 tests — 3 browser tests (no Chromium at /usr/bin/chromium); 1 PostgreSQL test (TEST_DATABASE_URL is not set); ' +
        '1 test in other.test.ts (no reason given); the PostgreSQL runs (TEST_DATABASE_URL is not set) of 1 more file.',
    );
    expect(line.split('\n')).toHaveLength(1);
  });

  it('says so when nothing was skipped', () => {
    expect(summaryLine([file('/r/a.test.ts', ['passed'])], [])).toBe('Skipped: nothing.');
  });
});
