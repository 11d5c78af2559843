// Entry of a parse worker thread (parse-pool.ts), plain JavaScript so that Node can start it. A worker thread
// does not inherit the TypeScript loader of the thread that started it, however that one got it — `node
// --import tsx` (npm start), the tsx command (npm run dev, npm run bench), tsx's API (bin/kechuang.mjs) or
// vitest's own transform (tests) — so tsx is registered here before the TypeScript worker is loaded.
import { register } from 'tsx/esm/api';

register();
await import('./parse-worker.ts');
