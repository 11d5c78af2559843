/**
 * The server under the integration-test harness (@kechuang/testing): registers this app — its
 * configuration from the test's options, its start-up preparation, buildApp — and re-exports the harness,
 * so the server's own tests and the browser tests import it from here. The rooms' tests import
 * @kechuang/testing; vitest.config.ts's setup file (test/setup-test-app.ts) imports this module first.
 */
import { registerTestApp, type AppUnderTest, type TestAppOptions } from '@kechuang/testing';
import { clearCache, warmupsSettled } from '@kechuang/indicators/server';
import { loadConfig, type Config } from './config.ts';
import { appContext, prepare, DEMO_PASSWORD } from './boot.ts';
import { buildApp } from './app.ts';

export * from '@kechuang/testing';

/** The configuration a test app runs with: the demo unless `demo: false`, and `env` over the defaults (not process.env). */
export function testConfig(opts: Pick<TestAppOptions, 'demo' | 'env'>): Config {
  return loadConfig({ KECHUANG_DEMO: opts.demo === false ? 'false' : 'true', ...opts.env });
}

/** The settings that decide what a fresh test database holds: prepare() reads these two and no other. */
export function templateKey(config: Pick<Config, 'KECHUANG_DEMO' | 'KECHUANG_HOME_REGION'>): string {
  return `${config.KECHUANG_DEMO ? 'demo' : 'plain'}-${config.KECHUANG_HOME_REGION}`;
}

/** The server as the harness starts it. */
export const serverUnderTest: AppUnderTest = {
  templateKey: (opts) => templateKey(testConfig(opts)),
  prepare: async (db, opts) => {
    await prepare(db, testConfig(opts));
  },
  build: (db, opts) => buildApp(appContext(db, testConfig(opts)), { serveWeb: opts.serveWeb ?? false, logLevel: process.env.KC_TEST_LOG ?? 'silent' }),
  password: DEMO_PASSWORD,
  beforeStart: clearCache,
  settle: warmupsSettled,
};

registerTestApp(serverUnderTest);
