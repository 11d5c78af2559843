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
import { importRegistry, IMPORT_KIND_LABELS, REGISTRY_IMPORT_KINDS, type RegistryImportKind, type RegistryImportProgress } from '@kechuang/enterprises/server';
import { bureauScope, progressBar, withDb } from './cli-support.ts';
import { readLimitsOf } from './boot.ts';

export function registerEnterpriseCommands(program: Command): void {
  const enterprises = program.command('enterprises').description('enterprise registry (企业库)');
  enterprises
    .command('import')
    .description('import enterprises, yearly figures or a qualification list from an .xlsx or .csv file (all or nothing)')
    .argument('<file>', '.xlsx or .csv with the columns of the template (GET /api/enterprises/template?kind=…)')
    .addOption(
      new Option('--kind <kind>', `what the file holds: ${REGISTRY_IMPORT_KINDS.map((k) => `${k} (${IMPORT_KIND_LABELS[k]})`).join(', ')}`)
        .choices(REGISTRY_IMPORT_KINDS)
        .makeOptionMandatory(),
    )
    .option('--json', 'print the result as JSON')
    .action(async (file: string, o: { kind: RegistryImportKind; json?: boolean }) => {
      const data = await readFile(file);
      await withDb(async (db, config) => {
        const scope = await bureauScope(db, config);
        const actor = { id: null, username: `cli:${os.userInfo().username}`, role: null };
        const bar = o.json
          ? null
          : progressBar<RegistryImportProgress>({ read: '读取', validate: '校验', write: '写入', recheck: '研判', done: '完成' }, { recheck: '家' });
        const result = await importRegistry(
          db,
          actor,
          scope,
          o.kind,
          { name: path.basename(file), data, limits: readLimitsOf(config) },
          { homeRegion: scope.regionCode, onProgress: bar?.update },
        ).finally(() => bar?.stop());
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
