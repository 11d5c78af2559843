/**
 * `npx kechuang enterprises import FILE --kind enterprises|years|qualifications`: the registry import
 * (企业名录 · 年度数据 · 资质名单) from the command line, acting for the bureau over the home district,
 * with a progress bar on standard error. Works on the embedded data directory when no server holds
 * it, or on the PostgreSQL server named by DATABASE_URL — as `indicators import` does.
 */
import { readFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Option, type Command } from 'commander';
import cliProgress from 'cli-progress';
import { AppError } from '@kechuang/platform-core';
import { getRegion, type Db, type Scope } from '@kechuang/platform-server';
import { importRegistry, IMPORT_KIND_LABELS, REGISTRY_IMPORT_KINDS, type RegistryImportKind, type RegistryImportProgress } from '@kechuang/enterprises/server';
import { loadConfig, type Config } from './config.ts';
import { openAndMigrate, prepare } from './boot.ts';
import { serverHoldingDataDir } from './data-dir-lock.ts';

async function withDb<T>(fn: (db: Db, config: Config) => Promise<T>): Promise<T> {
  const config = loadConfig();
  if (!config.DATABASE_URL) {
    const pid = serverHoldingDataDir(config.dataDir);
    if (pid) throw new AppError('CONFLICT', { message: `服务器（pid ${pid}）正在使用数据目录 ${config.dataDir}：请先停止服务器，或设置 DATABASE_URL 连接 PostgreSQL。` });
  }
  const db = await openAndMigrate(config);
  try {
    await prepare(db, config);
    return await fn(db, config);
  } finally {
    await db.close();
  }
}

/** A progress bar on stderr through the import's phases; `stop` must run whether the import succeeds or not. */
function progressBar(): { update: (p: RegistryImportProgress) => void; stop: () => void } {
  const labels = { read: '读取', validate: '校验', write: '写入', recheck: '研判', done: '完成' } as const;
  const units = { read: '行', validate: '行', write: '行', recheck: '家', done: '行' } as const;
  const bar = new cliProgress.SingleBar(
    { format: '{phase} [{bar}] {value}/{total} {unit}', stream: process.stderr, hideCursor: true },
    cliProgress.Presets.shades_classic,
  );
  let started = false;
  return {
    update(p) {
      const total = p.total || Math.max(p.done, 1);
      if (!started) bar.start(total, 0, { phase: labels[p.phase], unit: units[p.phase] });
      started = true;
      bar.setTotal(total);
      bar.update(p.phase === 'done' ? total : p.done, { phase: labels[p.phase], unit: units[p.phase] });
    },
    stop() {
      if (started) bar.stop();
    },
  };
}

export function registerEnterpriseCommands(program: Command): void {
  const enterprises = program.command('enterprises').description('enterprise registry (企业库)');
  enterprises
    .command('import')
    .description('import enterprises, yearly figures or a qualification list from an .xlsx or .csv file (all or nothing)')
    .argument('<file>', '.xlsx or .csv with the columns of the template (GET /api/enterprises/template?kind=…)')
    .addOption(new Option('--kind <kind>', `what the file holds: ${REGISTRY_IMPORT_KINDS.map((k) => `${k} (${IMPORT_KIND_LABELS[k]})`).join(', ')}`).choices(REGISTRY_IMPORT_KINDS).makeOptionMandatory())
    .option('--json', 'print the result as JSON')
    .action(async (file: string, o: { kind: RegistryImportKind; json?: boolean }) => {
      const data = await readFile(file);
      await withDb(async (db, config) => {
        const home = (await getRegion(db, config.KECHUANG_HOME_REGION))!;
        const scope: Scope = { kind: 'region', regionCode: home.code, regionName: home.name, path: home.path };
        const actor = { id: null, username: `cli:${os.userInfo().username}`, role: null };
        const bar = o.json ? null : progressBar();
        const result = await importRegistry(db, actor, scope, o.kind, { name: path.basename(file), data }, { homeRegion: home.code, onProgress: bar?.update }).finally(() => bar?.stop());
        if (o.json) process.stdout.write(`${JSON.stringify(result)}\n`);
        else {
          process.stdout.write(
            `${IMPORT_KIND_LABELS[o.kind]}导入完成：${result.rows} 行，新增 ${result.inserted}，更新 ${result.updated}，未变 ${result.unchanged}；` +
              `重新研判 ${result.rechecked} 家企业（导入批次 ${result.importRunId}）\n${result.warnings.map((w) => `${w}\n`).join('')}`,
          );
        }
      });
    });
}
