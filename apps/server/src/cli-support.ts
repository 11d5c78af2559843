/** What the command-line commands share: the database they work on, the bureau's scope, and the progress bar. */
import cliProgress from 'cli-progress';
import { getRegion, type Db, type Scope } from '@kechuang/platform-server';
import { loadConfig, type Config } from './config.ts';
import { openAndMigrate, prepare } from './boot.ts';
import { serverHoldingDataDir } from './data-dir-lock.ts';

/** A user's mistake: printed as it is, exit code 1, no stack. */
export class CliError extends Error {}

/** Runs fn on the embedded data directory when no server holds it, or on the PostgreSQL server of DATABASE_URL. */
export async function withDb<T>(fn: (db: Db, config: Config) => Promise<T>): Promise<T> {
  const config = loadConfig();
  if (!config.DATABASE_URL) {
    const pid = serverHoldingDataDir(config.dataDir);
    if (pid) throw new CliError(`服务器（pid ${pid}）正在使用数据目录 ${config.dataDir}：请先停止服务器，或设置 DATABASE_URL 连接 PostgreSQL。`);
  }
  const db = await openAndMigrate(config);
  try {
    await prepare(db, config);
    return await fn(db, config);
  } finally {
    await db.close();
  }
}

/** The home district, as a bureau user's scope: the command line acts for the bureau. */
export async function bureauScope(db: Db, config: Config): Promise<Extract<Scope, { kind: 'region' }>> {
  const home = (await getRegion(db, config.KECHUANG_HOME_REGION))!;
  return { kind: 'region', regionCode: home.code, regionName: home.name, path: home.path };
}

/**
 * A progress bar on stderr through an import's phases, each with its label and unit (行 unless said);
 * `stop` must run whether the import succeeds or not.
 */
export function progressBar<P extends { phase: string; done: number; total: number }>(
  labels: Record<P['phase'], string>,
  units: Partial<Record<P['phase'], string>> = {},
): { update: (p: P) => void; stop: () => void } {
  const bar = new cliProgress.SingleBar(
    { format: '{phase} [{bar}] {value}/{total} {unit}', stream: process.stderr, hideCursor: true },
    cliProgress.Presets.shades_classic,
  );
  let started = false;
  return {
    update(p) {
      const phase = p.phase as P['phase'];
      const payload = { phase: labels[phase], unit: units[phase] ?? '行' };
      const total = p.total || Math.max(p.done, 1);
      if (!started) bar.start(total, 0, payload);
      started = true;
      bar.setTotal(total);
      bar.update(p.phase === 'done' ? total : p.done, payload);
    },
    stop() {
      if (started) bar.stop();
    },
  };
}
