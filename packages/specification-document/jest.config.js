module.exports = require('../../jest.preset')('specification-document', {
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
});
