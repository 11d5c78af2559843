// Vitest setup file (vitest.config.ts): registers the server as the app @kechuang/testing starts, before each test file runs.
import '../test-app.ts';
