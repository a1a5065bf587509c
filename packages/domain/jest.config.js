module.exports = require('../../jest.preset')('domain', {
  testMatch: ['<rootDir>/src/**/*.spec.ts', '<rootDir>/test/**/*.test.ts'],
});
