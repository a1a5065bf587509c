module.exports = require('../../jest.preset')('collab-provider', {
  testMatch: ['<rootDir>/src/**/*.spec.ts', '<rootDir>/test/**/*.test.ts'],
});
