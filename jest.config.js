/** @type {import('jest').Config} */
module.exports = {
  // End-to-end tests start real servers and browsers; Jest reads this only at the root.
  testTimeout: 60_000,
  projects: [
    '<rootDir>/packages/domain',
    '<rootDir>/packages/protocol',
    '<rootDir>/packages/collab-provider',
    '<rootDir>/packages/specification-document',
    '<rootDir>/packages/embedded-mongo',
    '<rootDir>/server',
    '<rootDir>/client/jest.config.cjs',
    '<rootDir>/test',
  ],
};
