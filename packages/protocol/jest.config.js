module.exports = require('../../jest.preset')('protocol', {
  testMatch: ['<rootDir>/src/**/*.spec.ts', '<rootDir>/test/**/*.test.ts'],
});
