/**
 * PGlite is a single-process database: the server marks the data directory it uses, and the CLI
 * refuses to open a directory a live server holds (it asks for the server to stop, or DATABASE_URL).
 */
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const FILE = 'kechuang-server.pid';

export function holdDataDir(dir: string): () => void {
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, FILE);
  writeFileSync(file, String(process.pid));
  const release = () => rmSync(file, { force: true });
  process.once('exit', release);
  return release;
}

export function serverHoldingDataDir(dir: string): number | null {
  const file = path.join(dir, FILE);
  if (!existsSync(file)) return null;
  const pid = Number(readFileSync(file, 'utf8'));
  if (!Number.isInteger(pid) || pid === process.pid) return null;
  try {
    process.kill(pid, 0);
    return pid;
  } catch {
    return null; // a stale mark from a server that did not stop cleanly
  }
}
