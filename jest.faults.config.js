/**
 * The fault suite (`npm run test:faults`): real PostgreSQL servers of its own that it stops and starts, several
 * `somebot start` processes, fake platform APIs that fail on purpose, fuzzing over HTTP. Slow by nature, so
 * kept out of the everyday `npm test`. Needs Debian's postgresql package (.ci/run installs it).
 */
const base = require('./jest.config.js');

module.exports = {
  ...base,
  roots: ['<rootDir>/test/faults'],
  testPathIgnorePatterns: ['/node_modules/'],
  maxWorkers: 1,
  testTimeout: 120000,
};
