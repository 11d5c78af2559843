import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['e2e/**/*.e2e.test.ts'],
    // chooses the browser once per run (CHROMIUM_PATH, the system's Chromium, else @sparticuz/chromium) and says which
    // and builds once per run the database the test apps start from (startTestApp)
    globalSetup: [
      fileURLToPath(new URL('./find-browser.ts', import.meta.url)),
      fileURLToPath(new URL('../apps/server/src/test/global-setup.ts', import.meta.url)),
    ],
    env: { TZ: 'Asia/Shanghai' },
    testTimeout: 120_000,
    hookTimeout: 120_000,
    fileParallelism: false,
  },
});
