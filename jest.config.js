/** @type {import('jest').Config} */
module.exports = {
  projects: [
    '<rootDir>/packages/domain',
    '<rootDir>/packages/protocol',
    '<rootDir>/packages/collab-provider',
    '<rootDir>/packages/embedded-mongo',
    '<rootDir>/server',
    '<rootDir>/client/jest.config.cjs',
    '<rootDir>/test',
  ],
};
