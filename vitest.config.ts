import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['apps/**/*.test.ts', 'platform/**/*.test.ts', 'modules/**/*.test.ts'],
    exclude: ['**/node_modules/**', '**/dist/**'],
    env: { TZ: 'Asia/Shanghai' },
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    // two test files at once even on a 2-core machine (vitest's default there is one): an integration test spends
    // much of its time waiting on PostgreSQL or on a CLI it spawns, and a second file fills the wait
    maxWorkers: 2,
    // builds once per run the databases the test apps start from (startTestApp)
    globalSetup: ['apps/server/src/test/global-setup.ts'],
    // registers the server as the app @kechuang/testing's startTestApp starts (the rooms' tests do not import the server)
    setupFiles: ['apps/server/src/test/setup-test-app.ts'],
  },
});
