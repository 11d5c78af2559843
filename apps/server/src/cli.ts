/**
 * The kechuang command line, for analysts and batch jobs. Works on the embedded data directory when
 * no server holds it, or on the PostgreSQL server named by DATABASE_URL.
 */
import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Command, InvalidArgumentError } from 'commander';
import cliProgress from 'cli-progress';
import { AppError } from '@kechuang/platform-core';
import { boundKinds, createUser, isKnownRole, PLATFORM_ROLES, type Role } from '@kechuang/platform-server';
import { computeReport, importValues, type ImportProgress } from '@kechuang/indicators/server';
import { checkEnterprise, ZEnterpriseFigures, type EnterpriseFigures } from '@kechuang/eligibility/domain';
import { bureauScope, CliError, progressBar, withDb } from './cli-support.ts';
import { readLimitsOf } from './boot.ts';
import { registerIndexCommands } from './cli-index.ts';
import { registerEnterpriseCommands } from './cli-enterprises.ts';
import { registerMarketCommands } from './cli-market.ts';

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of process.stdin) chunks.push(c as Buffer);
  return Buffer.concat(chunks)
    .toString('utf8')
    .replace(/\r?\n$/, '');
}

/** the platform's roles and those of the kinds of bound account the rooms registered (their modules are imported above) */
const roleNames = () => [...PLATFORM_ROLES, ...boundKinds().map((k) => k.role)].join(', ');

const program = new Command('kechuang').description('科创 Kechuang command line').showHelpAfterError();

const user = program.command('user').description('user accounts');
user
  .command('create')
  .description('create a user (the password is read from stdin with --password-stdin, else generated and printed)')
  .requiredOption('--username <name>', 'login name')
  .requiredOption('--role <role>', `one of ${roleNames()}`, (v: string) => {
    if (!isKnownRole(v)) throw new InvalidArgumentError(`role must be one of ${roleNames()}`);
    return v;
  })
  .option('--region <code>', 'region code (required for townOfficer)')
  .option('--display-name <name>', 'display name')
  .option('--password-stdin', 'read the password from standard input')
  .action(async (o: { username: string; role: Role; region?: string; displayName?: string; passwordStdin?: boolean }) => {
    const generated = o.passwordStdin ? null : randomBytes(12).toString('base64url');
    const password = generated ?? (await readStdin());
    await withDb(async (db, config) => {
      const u = await createUser(
        db,
        { id: null, username: `cli:${os.userInfo().username}` },
        {
          username: o.username,
          role: o.role,
          regionCode: o.region ?? null,
          displayName: o.displayName,
          password,
        },
        { allowDemoPassword: config.KECHUANG_DEMO },
      );
      process.stdout.write(`created user ${u.username} (${u.role}${u.regionCode ? `, ${u.regionCode} ${u.regionName}` : ''})\n`);
      if (generated) process.stdout.write(`password: ${generated}\n`);
    });
  });

const indicators = program.command('indicators').description('indicator monitoring');
indicators
  .command('import')
  .description('import baselines, targets and actuals from an .xlsx or .csv file (all or nothing)')
  .argument('<file>', '.xlsx or .csv file in the long layout: 地区代码, 指标, 期间, 类型, 数值, 单位')
  .option('--json', 'print the result as JSON')
  .action(async (file: string, o: { json?: boolean }) => {
    const data = await readFile(file);
    await withDb(async (db, config) => {
      const actor = { id: null, username: `cli:${os.userInfo().username}`, actualsOnly: false };
      const bar = o.json ? null : progressBar<ImportProgress>({ read: '读取', validate: '校验', write: '写入', done: '完成' });
      const result = await importValues(
        db,
        actor,
        await bureauScope(db, config),
        { name: path.basename(file), data, limits: readLimitsOf(config) },
        bar?.update,
      ).finally(() => bar?.stop());
      if (o.json) process.stdout.write(`${JSON.stringify(result)}\n`);
      else
        process.stdout.write(
          `导入完成：${result.rows} 行，新增 ${result.inserted}，更新 ${result.updated}，未变 ${result.unchanged}（导入批次 ${result.importRunId}）\n${result.warnings.join('\n')}`,
        );
    });
  });

indicators
  .command('report')
  .description('progress of a region for a period: one JSON object per indicator with --json')
  .requiredOption('--region <code>', 'GB/T 2260 region code, e.g. 330211')
  .requiredOption('--period <period>', 'e.g. 2024, 2024Q2, 2024-05')
  .option('--plan <code>', 'plan code (default: the plan covering the period)')
  .option('--json', 'one JSON object per line per indicator')
  .action(async (o: { region: string; period: string; plan?: string; json?: boolean }) => {
    await withDb(async (db, config) => {
      const report = await computeReport(db, await bureauScope(db, config), o);
      if (o.json) {
        for (const i of report.items) {
          const { code, name, unit, baseline, target, actual, expected, completion, light } = i;
          process.stdout.write(`${JSON.stringify({ code, name, unit, baseline, target, actual, expected, completion, light })}\n`);
        }
        return;
      }
      process.stdout.write(`${report.region.name} ${report.period} · ${report.plan.name}\n`);
      console.table(
        report.items.map((i) => ({
          指标: i.name,
          单位: i.unit,
          基数: i.baseline,
          目标: i.target,
          实际: i.actual,
          序时: i.expected,
          完成率: i.completion === null ? null : `${(i.completion * 100).toFixed(1)}%`,
          亮灯: i.light,
        })),
      );
    });
  });

const rules = program.command('rules').description('qualification rules (no database needed)');
rules
  .command('check')
  .description('check enterprises against the HNTE and tech-SME rules; prints {"items":[...]} in input order')
  .requiredOption('--input <file>', 'JSON array of enterprises (see the eligibility room README)')
  .option('--json', 'print JSON (the only output format)')
  .action(async (o: { input: string }) => {
    const parsed: unknown = JSON.parse(await readFile(o.input, 'utf8'));
    if (!Array.isArray(parsed)) throw new CliError('输入应为企业数组（JSON array）');
    const bar =
      parsed.length >= 10_000 && process.stderr.isTTY ? new cliProgress.SingleBar({ stream: process.stderr }, cliProgress.Presets.shades_classic) : null;
    bar?.start(parsed.length, 0);
    const items = parsed.map((raw, i) => {
      const firm = ZEnterpriseFigures.safeParse(raw);
      if (!firm.success) {
        bar?.stop();
        const issue = firm.error.issues[0];
        throw new CliError(`第 ${i + 1} 个企业（${(raw as { id?: string })?.id ?? '无 id'}）的 ${issue.path.join('.')} 有误：${issue.message}`);
      }
      if (i % 1000 === 0) bar?.update(i);
      return checkEnterprise(firm.data as EnterpriseFigures);
    });
    bar?.update(parsed.length);
    bar?.stop();
    process.stdout.write(`${JSON.stringify({ items })}\n`);
  });

registerIndexCommands(program);
registerEnterpriseCommands(program);
registerMarketCommands(program);

program.parseAsync(process.argv).catch((e: unknown) => {
  if (e instanceof AppError) {
    process.stderr.write(`错误 ${e.code}：${e.message}\n`);
    const errors = (e.details as { errors?: { row: number; column: string; value: string; reason: string }[] } | null)?.errors;
    if (errors) for (const x of errors.slice(0, 200)) process.stderr.write(`  第 ${x.row} 行 [${x.column}] ${JSON.stringify(x.value)}：${x.reason}\n`);
    else if (e.details) process.stderr.write(`  ${JSON.stringify(e.details)}\n`);
  } else if (e instanceof CliError) process.stderr.write(`${e.message}\n`);
  else if ((e as NodeJS.ErrnoException).code === 'ENOENT') process.stderr.write(`找不到文件：${(e as NodeJS.ErrnoException).path}\n`);
  else process.stderr.write(`${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  process.exitCode = 1;
});
