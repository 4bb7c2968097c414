/** Tests mirror src/; real components throughout (PGlite, PostgreSQL when TEST_DATABASE_URL is set). */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  // The fault suite runs on its own: npm run test:faults (jest.faults.config.js).
  testPathIgnorePatterns: ['/node_modules/', '<rootDir>/test/faults/'],
  transform: { '^.+\\.ts$': ['ts-jest', { isolatedModules: true }] },
  maxWorkers: 2,
  testTimeout: 30000,
  // The last line of a run says what was skipped and why (test/helpers/skips.ts).
  reporters: ['default', '<rootDir>/test/reporters/skipSummary.js'],
};
