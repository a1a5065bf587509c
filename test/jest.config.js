// Cross-process tests: they start the built server and real browsers.
module.exports = require('../jest.preset')('end-to-end', {
  testMatch: ['<rootDir>/**/*.test.ts'],
  testTimeout: 60_000,
});
