// The client's unit specs: the plain logic beside the screens (form checks, error
// wording, dates). Screens themselves are tested in a real browser in test/browser.
module.exports = require('../jest.preset')('client', {
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
});
