/**
 * The runtime's tests, in node. The app's root jest.config.js runs this project too, so `npm test`
 * from the repository root covers the package; `npx jest` here runs it alone.
 */
/** @type {import('jest').Config} */
module.exports = {
  displayName: 'forge-local',
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  testPathIgnorePatterns: ['/test/fixtures/'],
  transform: {
    '^.+\\.tsx?$': [
      'ts-jest',
      { tsconfig: { module: 'commonjs', moduleResolution: 'node10', isolatedModules: true } },
    ],
  },
};
