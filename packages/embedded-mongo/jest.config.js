module.exports = require('../../jest.preset')('embedded-mongo', {
  testMatch: ['<rootDir>/src/**/*.spec.ts', '<rootDir>/test/**/*.test.ts'],
});
