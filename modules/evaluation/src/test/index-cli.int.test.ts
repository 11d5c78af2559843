/**
 * `npx kechuang index compute|weights`: the interface issue 5 fixes, run as a user runs it (through the
 * bin, in a child process), on the example scheme and a small CSV. No database needed.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { parse } from 'csv-parse/sync';
import { expect, it } from 'vitest';

const run = promisify(execFile);
const BIN = path.resolve(import.meta.dirname, '../../../../apps/server/bin/kechuang.mjs');
const EXAMPLES = path.resolve(import.meta.dirname, '../../examples');
const SCHEME = path.join(EXAMPLES, 'example.scheme.json');
const DATA = path.join(EXAMPLES, 'example.data.csv');
const env = { ...process.env, KECHUANG_DATA_DIR: '/nonexistent' };
const dir = mkdtempSync(path.join(os.tmpdir(), 'kc-index-'));

const kechuang = (...args: string[]) => run(process.execPath, [BIN, ...args], { env });
const failing = (...args: string[]) =>
  kechuang(...args).then(
    () => ({ code: 0, stderr: '' }),
    (e: { code: number; stderr: string }) => e,
  );
const records = (file: string): Record<string, string>[] => parse(readFileSync(file, 'utf8'), { columns: true });

it("computes the issue's example: RESULTS.csv has id, score, rank and one column per group, best first", async () => {
  const out = path.join(dir, 'results.csv');
  const { stdout } = await kechuang('index', 'compute', '--scheme', SCHEME, '--data', DATA, '--out', out);
  expect(stdout).toContain('已计算 6 个实体（方案 example）');
  expect(readFileSync(out, 'utf8').split('\r\n')[0]).toBe('id,score,rank,input,output');
  const rows = records(out);
  expect(rows.map((r) => [r.id, r.rank])).toEqual([
    ['E02', '1'],
    ['E04', '2'],
    ['E06', '2'],
    ['E01', '4'],
    ['E05', '5'],
    ['E03', '6'],
  ]);
  // hand-worked in compute.test.ts: E01 input 51.829268, output 42.410714, score 48.061847
  const e01 = rows.find((r) => r.id === 'E01')!;
  expect(Number(e01.score)).toBeCloseTo(48.061847, 5);
  expect(Number(e01.input)).toBeCloseTo(51.829268, 5);
  expect(Number(e01.output)).toBeCloseTo(42.410714, 5);
});

it('adds median_rank, rank_p05 and rank_p95 with --sensitivity N --seed S, the same for the same seed', async () => {
  const a = path.join(dir, 'a.csv');
  const b = path.join(dir, 'b.csv');
  await kechuang('index', 'compute', '--scheme', SCHEME, '--data', DATA, '--out', a, '--sensitivity', '200', '--seed', '42');
  await kechuang('index', 'compute', '--scheme', SCHEME, '--data', DATA, '--out', b, '--sensitivity', '200', '--seed', '42');
  expect(readFileSync(a, 'utf8').split('\r\n')[0]).toBe('id,score,rank,input,output,median_rank,rank_p05,rank_p95');
  expect(readFileSync(b, 'utf8')).toBe(readFileSync(a, 'utf8'));
  const e02 = records(a).find((r) => r.id === 'E02')!;
  expect([e02.median_rank, e02.rank_p05, e02.rank_p95]).toEqual(['1', '1', '1']);
  for (const r of records(a)) expect(Number(r.rank_p05)).toBeLessThanOrEqual(Number(r.rank_p95));
});

it("prints each group's child weights as JSON, with the AHP group's cr", async () => {
  const { stdout } = await kechuang('index', 'weights', '--scheme', SCHEME, '--data', DATA, '--json');
  const w = JSON.parse(stdout);
  expect(w.index.weights).toEqual({ input: 0.6, output: 0.4 });
  expect(w.input.weights).toEqual({ rd_intensity: 0.5, staff_share: 0.5 });
  expect(w.output.weights.patents).toBeCloseTo(0.75, 6);
  expect(w.output.weights.defects).toBeCloseTo(0.25, 6);
  expect(w.output.cr).toBe(0);
  expect(w.input.cr).toBeUndefined();
});

it('refuses a text cell in an indicator column, naming the column, and exits 1', async () => {
  const bad = path.join(dir, 'bad.csv');
  writeFileSync(bad, 'id,rd_intensity,staff_share,patents,defects\nA,3.2,0.25,twelve,4\nB,5.1,0.40,30,9\n');
  const e = await failing('index', 'compute', '--scheme', SCHEME, '--data', bad, '--out', path.join(dir, 'x.csv'));
  expect(e.code).toBe(1);
  expect(e.stderr).toContain('列 patents 应为数字');
  expect(e.stderr).toContain('第 2 行 "twelve"');
});

it('refuses an inconsistent AHP matrix with its CR, and a scheme that is not JSON, exiting 1', async () => {
  const scheme = JSON.parse(readFileSync(SCHEME, 'utf8'));
  scheme.root.children[0].weighting = {
    method: 'ahp',
    matrix: [
      [1, 9, 1 / 9],
      [1 / 9, 1, 9],
      [9, 1 / 9, 1],
    ],
  };
  scheme.root.children[0].children.push({ indicator: 'patents', id: 'patents_in' });
  const file = path.join(dir, 'inconsistent.json');
  writeFileSync(file, JSON.stringify(scheme));
  const e = await failing('index', 'weights', '--scheme', file, '--data', DATA, '--json');
  expect(e).toMatchObject({ code: 1, stderr: expect.stringContaining('节点 input 的 AHP 判断矩阵一致性比率 CR = 6.130 > 0.10') });
  const notJson = path.join(dir, 'broken.json');
  writeFileSync(notJson, '{ "name": ');
  expect(await failing('index', 'compute', '--scheme', notJson, '--data', DATA, '--out', path.join(dir, 'y.csv'))).toMatchObject({
    code: 1,
    stderr: expect.stringContaining('不是有效的 JSON'),
  });
});

it('runs the leadership-index example: eligibility, group-median imputation and winsorisation reported', async () => {
  const out = path.join(dir, 'leadership.csv');
  const { stdout } = await kechuang(
    'index',
    'compute',
    '--scheme',
    path.join(EXAMPLES, 'leadership.scheme.json'),
    '--data',
    path.join(EXAMPLES, 'leadership.data.csv'),
    '--out',
    out,
  );
  expect(stdout).toContain('已计算 19 个实体');
  expect(stdout).toContain('Q06：注册年限不满足（需 ≥ 3 年，实际 2 年）');
  expect(stdout).toMatch(/Q04 rd_staff_share = 0\.131826742（中位数，C34 组）/);
  expect(stdout).toContain('缩尾 revenue_growth');
  expect(readFileSync(out, 'utf8').split('\r\n')[0]).toBe('id,score,rank,basics,input,output,projects,awards');
  expect(records(out)).toHaveLength(19);
});
