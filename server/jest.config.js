module.exports = require('../jest.preset')('server', {
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
});
