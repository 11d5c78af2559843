// Entry of the thread that computes a large run off the request thread. A thread started under `tsx`
// inherits its TypeScript loader; one started from code that registered tsx through its API or from
// vitest does not, so then tsx is registered here before the TypeScript worker is loaded.
try {
  await import('./run-worker.ts');
} catch (e) {
  if (e?.code !== 'ERR_UNKNOWN_FILE_EXTENSION') throw e;
  const { register } = await import('tsx/esm/api');
  register();
  await import('./run-worker.ts?with-tsx');
}
