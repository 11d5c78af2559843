// Vitest setup file (vitest.config.ts): registers the server as the app @kechuang/testing starts, before each test
// file runs; loaded on the first startTestApp, so a unit test file does not load the server.
import { registerTestApp } from '@kechuang/testing';

registerTestApp(async () => (await import('../test-app.ts')).serverUnderTest);
