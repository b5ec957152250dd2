/** Cross-app scenarios: the real API on a real PostgreSQL (and, later, a real browser). */
const swc = [
  '@swc/jest',
  {
    jsc: {
      target: 'es2022',
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true },
    },
  },
];

/** @type {import('jest').Config} */
module.exports = {
  displayName: 'api-scenarios',
  rootDir: __dirname,
  testEnvironment: 'node',
  testEnvironmentOptions: { customExportConditions: ['@chaping/source', 'node', 'require', 'default'] },
  testMatch: ['<rootDir>/api/**/*.e2e-spec.ts', '<rootDir>/security/**/*.e2e-spec.ts', '<rootDir>/triage/**/*.spec.ts'],
  transform: { '^.+\\.ts$': swc },
  transformIgnorePatterns: ['/node_modules/(?!(@date-fns)/)'],
  globalSetup: '<rootDir>/support/global-setup.mjs',
  globalTeardown: '<rootDir>/support/global-teardown.mjs',
  testTimeout: 30_000,
  maxWorkers: 2,
};
