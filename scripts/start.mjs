// `npm start`: builds the web client when it is missing or older than its sources, then starts the server.
import { execSync, spawn } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const dist = path.join(root, 'apps/web/dist/index.html');

function newest(dir) {
  let t = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    if (e.name === 'node_modules' || e.name === 'dist') continue;
    const p = path.join(dir, e.name);
    t = Math.max(t, e.isDirectory() ? newest(p) : statSync(p).mtimeMs);
  }
  return t;
}

// what the client is built from: the shell, the shared web pieces, pure core code, and each room's web/ and domain/
const rooms = readdirSync(path.join(root, 'modules')).flatMap((m) => ['web', 'domain'].map((d) => path.join('modules', m, 'src', d)));
const sources = ['apps/web', 'platform/web', 'platform/core', ...rooms].map((d) => path.join(root, d)).filter(existsSync);
const built = existsSync(dist) ? statSync(dist).mtimeMs : 0;
if (existsSync(path.join(root, 'apps/web/index.html')) && Math.max(...sources.map(newest)) > built) {
  console.log('building the web client …');
  execSync('npm run build', { cwd: root, stdio: 'inherit' });
}
const server = spawn(process.execPath, ['--import', 'tsx', path.join(root, 'apps/server/src/main.ts')], { cwd: root, stdio: 'inherit' });
for (const s of ['SIGINT', 'SIGTERM']) process.on(s, () => server.kill(s));
server.on('exit', (code) => process.exit(code ?? 0));
