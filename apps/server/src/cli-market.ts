/**
 * `npx kechuang market match`: the technology market's matching engine on two JSON files, no database —
 * every demand's best achievements, with scores and reasons. The interface issue 11 fixes; the engine and
 * its vocabulary are modules/market's (docs/matching.md there).
 */
import { readFile } from 'node:fs/promises';
import { InvalidArgumentError, type Command } from 'commander';
import { z } from 'zod';
import { matchDemands, ZAchievement, ZDemand } from '@kechuang/market/domain';
import { defaultEngine } from '@kechuang/market/data';
import { CliError } from './cli-support.ts';

/** Reads a JSON array of listings, naming the file, the item (number and id) and the field of the first mistake. */
async function readListings<T extends z.ZodType>(file: string, what: string, schema: T): Promise<z.infer<T>[]> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') throw new CliError(`找不到${what}文件：${file}`);
    throw new CliError(`无法读取${what}文件 ${file}：${(e as Error).message}`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    throw new CliError(`${what}文件 ${file} 不是有效的 JSON：${(e as Error).message}`);
  }
  if (!Array.isArray(json)) throw new CliError(`${what}文件 ${file} 应为 JSON 数组（[{"id": …}, …]）`);
  const seen = new Set<string>();
  return json.map((raw, i) => {
    const parsed = schema.safeParse(raw);
    const id = (raw as { id?: unknown } | null)?.id;
    const name = `第 ${i + 1} 个${what}${typeof id === 'string' ? `（${id}）` : ''}`;
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const field = issue.path.length > 0 ? `字段 ${issue.path.join('.')} ` : '内容';
      throw new CliError(`${what}文件 ${file}：${name}的${field}有误：${issue.message}`);
    }
    const item = parsed.data as { id: string };
    if (seen.has(item.id)) throw new CliError(`${what}文件 ${file}：${name}的 id 与前面的重复`);
    seen.add(item.id);
    return parsed.data;
  });
}

const positiveInt = (v: string): number => {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1 || n > 10_000) throw new InvalidArgumentError('--top 应为 1 到 10000 之间的整数');
  return n;
};

export function registerMarketCommands(program: Command): void {
  const market = program.command('market').description('technology market: matching (no database needed)');
  market
    .command('match')
    .description(
      'rank every demand\'s achievements: prints {"items":[{"demand","matches":[{"id","score","reasons"}]}]}, demands in input order, best match first',
    )
    .requiredOption('--achievements <file>', 'JSON array of achievements: id, title, abstract, field, keywords[], trl, owner, modes[]')
    .requiredOption('--demands <file>', 'JSON array of demands: id, title, description, field, budget')
    .option('--top <n>', 'matches per demand (default 50)', positiveInt, 50)
    .option('--json', 'print JSON (the only output format)')
    .action(async (o: { achievements: string; demands: string; top: number }) => {
      const achievements = await readListings(o.achievements, '成果', ZAchievement);
      const demands = await readListings(o.demands, '需求', ZDemand);
      const items = matchDemands(defaultEngine(), achievements, demands, o.top);
      process.stdout.write(`${JSON.stringify({ items })}\n`);
    });
}
