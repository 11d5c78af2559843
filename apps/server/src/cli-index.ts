/**
 * `npx kechuang index compute|weights`: the evaluation centre's index engine on a scheme (JSON) and a
 * table (CSV: an `id` column and one column per indicator). No database. The interface is the one issue 5
 * fixes; the scheme format is documented in modules/evaluation/README.md.
 */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { InvalidArgumentError, type Command } from 'commander';
import { parse as parseCsv } from 'csv-parse/sync';
import {
  computeIndex,
  IndexError,
  parseScheme,
  rankOrder,
  runSensitivity,
  schemeColumns,
  tableFromRecords,
  type DataTable,
  type IndexResult,
  type Scheme,
  type SensitivityResult,
} from '@kechuang/evaluation/domain';
import { runSensitivityParallel } from '@kechuang/evaluation/parallel';

/** Above this many sample × entity × leaf cells the Monte Carlo runs on worker threads (same result). */
const PARALLEL_CELLS = 20_000_000;

async function readScheme(file: string): Promise<Scheme> {
  const text = await readFile(file, 'utf8');
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    throw new IndexError('SCHEME_INVALID', `方案文件 ${file} 不是有效的 JSON：${(e as Error).message}`, { file });
  }
  const { scheme, warnings } = parseScheme(json);
  for (const w of warnings) process.stderr.write(`警告：${w}\n`);
  return scheme;
}

/** UTF-8 (with or without BOM), else GB18030 as Chinese Excel saves CSV. */
function decode(data: Buffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(data).replace(/^\uFEFF/, '');
  } catch {
    return new TextDecoder('gb18030').decode(data);
  }
}

async function readData(file: string, scheme: Scheme): Promise<DataTable> {
  let records: string[][];
  try {
    records = parseCsv(decode(await readFile(file)), { skip_empty_lines: true });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') throw e;
    throw new IndexError('DATA_UNREADABLE', `数据文件 ${file} 无法按 CSV 读取：${(e as Error).message}`, { file });
  }
  if (records.length === 0) throw new IndexError('DATA_UNREADABLE', `数据文件 ${file} 是空的：第一行应为表头（id 与各指标代码）`, { file });
  return tableFromRecords(records[0], records.slice(1), schemeColumns(scheme));
}

const csvField = (s: string): string => (/[",\r\n]|^\s|\s$/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
/** Figures to 9 decimals (the tie rule's precision); empty when missing. */
const num = (x: number): string => (Number.isFinite(x) ? String(Math.round(x * 1e9) / 1e9 || 0) : '');

/** RESULTS.csv: id, score, rank, one column per group (root excluded: it is `score`), [median_rank, rank_p05, rank_p95]; best first. */
export function resultsCsv(result: IndexResult, sensitivity?: SensitivityResult): string {
  const groups = result.nodes.filter((n) => n.kind === 'group' && n.parent !== null).map((n) => n.id);
  const header = ['id', 'score', 'rank', ...groups, ...(sensitivity ? ['median_rank', 'rank_p05', 'rank_p95'] : [])];
  const at = new Map(sensitivity?.ids.map((id, e) => [id, e]));
  const lines = [header.map(csvField).join(',')];
  for (const i of rankOrder(result.rank)) {
    const cells = [result.ids[i], num(result.score[i]), String(result.rank[i]), ...groups.map((g) => num(result.nodeScores.get(g)![i]))];
    if (sensitivity) {
      const e = at.get(result.ids[i])!;
      cells.push(num(sensitivity.medianRank[e]), num(sensitivity.rankP05[e]), num(sensitivity.rankP95[e]));
    }
    lines.push(cells.map(csvField).join(','));
  }
  return `${lines.join('\r\n')}\r\n`;
}

function listSome<T>(items: T[], show: (x: T) => string, max = 20): string {
  return (
    items
      .slice(0, max)
      .map((x) => `  ${show(x)}\n`)
      .join('') + (items.length > max ? `  …等共 ${items.length} 项\n` : '')
  );
}

function report(result: IndexResult, out: string, sensitivity?: SensitivityResult): string {
  let s = `已计算 ${result.ids.length} 个实体（方案 ${result.scheme || '未命名'}），结果写入 ${out}\n`;
  if (result.excluded.length > 0) s += `未参评 ${result.excluded.length} 个：\n${listSome(result.excluded, (x) => `${x.id}：${x.detail}`)}`;
  if (result.imputed.length > 0)
    s += `插补 ${result.imputed.length} 个缺失值：\n${listSome(result.imputed, (x) => `${x.id} ${x.indicator} = ${num(x.value)}（${x.method === 'mean' ? '均值' : '中位数'}${x.group ? `，${x.group} 组` : ''}）`)}`;
  for (const w of result.winsorised) s += `缩尾 ${w.leaf}：[${num(w.low)}, ${num(w.high)}]，上调 ${w.raised} 个、下调 ${w.lowered} 个\n`;
  if (sensitivity) s += `敏感性分析：${sensitivity.samples} 次抽样，种子 ${String(sensitivity.seed)}\n`;
  return s;
}

const positiveInt =
  (what: string) =>
  (v: string): number => {
    const n = Number(v);
    if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError(`${what} 应为正整数`);
    return n;
  };

export function registerIndexCommands(program: Command): void {
  const index = program.command('index').description('composite indices: the evaluation centre engine (no database needed)');
  index
    .command('compute')
    .description('compute a scheme on a table: score, rank and group scores per entity, best first')
    .requiredOption('--scheme <file>', 'scheme JSON (modules/evaluation/README.md)')
    .requiredOption('--data <file>', 'CSV with an id column and one column per indicator code')
    .requiredOption('--out <file>', 'RESULTS.csv to write: id, score, rank, one column per group [, median_rank, rank_p05, rank_p95]')
    .option('--sensitivity <n>', 'Monte Carlo samples for rank intervals', positiveInt('--sensitivity'))
    .option('--seed <s>', 'seed of the Monte Carlo (default 1)', (v: string) => {
      if (!/^-?\d+$/.test(v)) throw new InvalidArgumentError('--seed 应为整数');
      return Number(v);
    })
    .action(async (o: { scheme: string; data: string; out: string; sensitivity?: number; seed?: number }) => {
      const scheme = await readScheme(o.scheme);
      const table = await readData(o.data, scheme);
      const result = computeIndex(scheme, table);
      let sensitivity: SensitivityResult | undefined;
      if (o.sensitivity) {
        const plan = { ...scheme.sensitivity, samples: o.sensitivity, seed: o.seed ?? 1 };
        const cells = o.sensitivity * table.ids.length * result.contributions.size;
        sensitivity = cells >= PARALLEL_CELLS ? await runSensitivityParallel(scheme, table, plan) : runSensitivity(scheme, table, plan);
      }
      await writeFile(o.out, resultsCsv(result, sensitivity));
      process.stdout.write(report(result, path.relative(process.cwd(), o.out) || o.out, sensitivity));
    });

  index
    .command('weights')
    .description("each group's child weights on this data (AHP groups with their consistency ratio `cr`)")
    .requiredOption('--scheme <file>', 'scheme JSON')
    .requiredOption('--data <file>', 'CSV with an id column and one column per indicator code (entropy and CRITIC weights depend on it)')
    .option('--json', 'print {"<group id>": {"method", "aggregation", "weights": {"<child id>": w}, "cr"?}}')
    .action(async (o: { scheme: string; data: string; json?: boolean }) => {
      const scheme = await readScheme(o.scheme);
      const result = computeIndex(scheme, await readData(o.data, scheme));
      if (o.json) {
        const out = Object.fromEntries(
          result.weights.map((g) => [
            g.id,
            {
              method: g.method,
              aggregation: g.aggregation,
              weights: Object.fromEntries(g.children.map((c) => [c.id, c.weight])),
              ...(g.cr === undefined ? {} : { cr: g.cr }),
            },
          ]),
        );
        process.stdout.write(`${JSON.stringify(out)}\n`);
        return;
      }
      for (const g of result.weights) {
        const cr = g.cr === undefined ? '' : `，CR = ${g.cr.toFixed(4)}`;
        process.stdout.write(`${g.id}（${g.method}，${g.aggregation}${cr}）：${g.children.map((c) => `${c.id} ${c.weight.toFixed(4)}`).join('，')}\n`);
      }
    });
}
