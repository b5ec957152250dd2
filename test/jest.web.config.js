/**
 * Real-browser scenarios (test/web): Debian's Chromium, driven by playwright-core, against the real
 * app serving the built web (apps/web/dist) and the API on a real PostgreSQL. Run after jest.config.js
 * by this project's `test` script; the e2e test target builds the web first.
 */
const base = require('./jest.config');

/** @type {import('jest').Config} */
module.exports = {
  displayName: 'web-browser',
  rootDir: __dirname,
  testEnvironment: 'node',
  testEnvironmentOptions: base.testEnvironmentOptions,
  testMatch: ['<rootDir>/web/**/*.e2e-spec.ts'],
  transform: base.transform,
  transformIgnorePatterns: base.transformIgnorePatterns,
  globalSetup: base.globalSetup,
  globalTeardown: base.globalTeardown,
  // One browser at a time: 2 cores, and Chromium is the heaviest thing in the run.
  maxWorkers: 1,
  testTimeout: 60_000,
};
