/**
 * The app's two projects (the back end and tools run in node, the Custom UI in jsdom) and the
 * local Forge runtime's own (packages/forge-local/jest.config.js).
 */
const tsJest = [
  'ts-jest',
  { tsconfig: { module: 'commonjs', moduleResolution: 'node10', jsx: 'react-jsx', isolatedModules: true } },
];

/** @type {import('jest').Config} */
module.exports = {
  projects: [
    {
      displayName: 'node',
      testEnvironment: 'node',
      roots: ['<rootDir>/test'],
      testMatch: ['**/*.test.ts'],
      testPathIgnorePatterns: ['/test/static/'],
      setupFiles: ['<rootDir>/test/fast-check-limits.ts'],
      transform: { '^.+\\.tsx?$': tsJest },
    },
    {
      displayName: 'ui',
      testEnvironment: 'jsdom',
      roots: ['<rootDir>/test/static'],
      testMatch: ['**/*.test.ts?(x)'],
      setupFiles: ['<rootDir>/test/fast-check-limits.ts', '<rootDir>/test/static/setup-bridge.ts'],
      setupFilesAfterEnv: ['<rootDir>/test/static/setup-dom.ts'],
      moduleNameMapper: { '\\.css$': '<rootDir>/test/static/style-stub.ts' },
      transform: { '^.+\\.tsx?$': tsJest },
    },
    '<rootDir>/packages/forge-local',
  ],
};
