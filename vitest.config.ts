import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['apps/**/*.test.ts', 'platform/**/*.test.ts', 'modules/**/*.test.ts'],
    exclude: ['**/node_modules/**', '**/dist/**'],
    env: { TZ: 'Asia/Shanghai' },
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    // builds once per run the databases the test apps start from (startTestApp)
    globalSetup: ['apps/server/src/test/global-setup.ts'],
    // registers the server as the app @kechuang/testing's startTestApp starts (the rooms' tests do not import the server)
    setupFiles: ['apps/server/src/test/setup-test-app.ts'],
  },
});
