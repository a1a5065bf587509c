// Shared Jest settings: TypeScript through SWC (type-checking is tsc's job in `npm test`).
/** @param {string} displayName @param {import('jest').Config} overrides */
module.exports = function jestProject(displayName, overrides = {}) {
  return {
    displayName,
    testEnvironment: 'node',
    transform: {
      '^.+\\.tsx?$': [
        '@swc/jest',
        {
          jsc: {
            target: 'es2022',
            parser: { syntax: 'typescript', decorators: true },
            transform: { legacyDecorator: true, decoratorMetadata: true },
          },
          module: { type: 'commonjs' },
        },
      ],
    },
    testPathIgnorePatterns: ['/node_modules/', '/dist/'],
    ...overrides,
  };
};
