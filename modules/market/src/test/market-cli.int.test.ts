/**
 * `npx kechuang market match`: the interface issue 11 fixes, run as a user runs it (through the bin, in a
 * child process), on the labelled set and on broken files. No database needed.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);
const BIN = path.resolve(import.meta.dirname, '../../../../apps/server/bin/kechuang.mjs');
const EVAL = path.resolve(import.meta.dirname, '../../data/eval');
const A = path.join(EVAL, 'achievements.json');
const D = path.join(EVAL, 'demands.json');
const env = { ...process.env, KECHUANG_DATA_DIR: '/nonexistent' };
const dir = mkdtempSync(path.join(os.tmpdir(), 'kc-market-'));

const kechuang = (...args: string[]) => run(process.execPath, [BIN, ...args], { env, maxBuffer: 64 * 1024 * 1024 });
const failing = (...args: string[]) =>
  kechuang(...args).then(
    () => ({ code: 0, stderr: '' }),
    (e: { code: number; stderr: string }) => e,
  );
const file = (name: string, content: string): string => {
  const f = path.join(dir, name);
  writeFileSync(f, content);
  return f;
};

it('ranks every demand’s achievements: demands in input order, best first, id, score and reasons only', async () => {
  const { stdout } = await kechuang('market', 'match', '--achievements', A, '--demands', D, '--top', '50', '--json');
  const out = JSON.parse(stdout);
  const demands = JSON.parse((await import('node:fs')).readFileSync(D, 'utf8'));
  expect(Object.keys(out)).toEqual(['items']);
  expect(out.items.map((i: { demand: string }) => i.demand)).toEqual(demands.map((d: { id: string }) => d.id));
  for (const item of out.items) {
    expect(Object.keys(item)).toEqual(['demand', 'matches']);
    expect(item.matches.length).toBeLessThanOrEqual(50);
    for (const [i, m] of item.matches.entries()) {
      expect(Object.keys(m)).toEqual(['id', 'score', 'reasons']);
      expect(typeof m.score).toBe('number');
      if (i > 0) expect(m.score).toBeLessThanOrEqual(item.matches[i - 1].score);
    }
  }
  const d15 = out.items.find((i: { demand: string }) => i.demand === 'D15');
  expect(d15.matches.slice(0, 3).map((m: { id: string }) => m.id)).toEqual(expect.arrayContaining(['A031', 'A045']));
  expect(d15.matches[0].reasons.some((r: string) => r.startsWith('共同术语：'))).toBe(true);
});

it('ignores extra fields, allows missing optional ones, and cuts at --top', async () => {
  const a = file('a.json', JSON.stringify([{ id: 'X1', title: '锂离子电池电解液', extra: { any: 1 } }, { id: 'X2', abstract: '电解液添加剂' }, { id: 'X3' }]));
  const d = file('d.json', JSON.stringify([{ id: 'Q1', title: '锂电电解液', budget: 300000, contact: '张工' }, { id: 'Q2' }]));
  const out = JSON.parse((await kechuang('market', 'match', '--achievements', a, '--demands', d, '--top', '1', '--json')).stdout);
  expect(out.items).toEqual([
    { demand: 'Q1', matches: [{ id: 'X1', score: expect.any(Number), reasons: ['共同术语：锂离子电池、电解液', '同一产业链环节：锂电池·电解液与隔膜'] }] },
    { demand: 'Q2', matches: [] },
  ]);
});

describe('bad input: a message naming the file, item and field, exit code 1, no stack', () => {
  const demands = file('ok-d.json', JSON.stringify([{ id: 'Q1', title: '电解液' }]));
  it.each([
    ['a missing file', () => [path.join(dir, 'nope.json'), demands], '找不到成果文件：'],
    ['invalid JSON', () => [file('broken.json', '[{"id": "A1",'), demands], '不是有效的 JSON'],
    ['not an array', () => [file('obj.json', '{"id": "A1"}'), demands], '应为 JSON 数组'],
    [
      'a wrong field type',
      () => [file('trl.json', JSON.stringify([{ id: 'A1' }, { id: 'A2', trl: '七' }])), demands],
      '第 2 个成果（A2）的字段 trl 有误：应为 1–9 的整数',
    ],
    [
      'keywords not a list',
      () => [file('kw.json', JSON.stringify([{ id: 'A1', keywords: '电池' }])), demands],
      '第 1 个成果（A1）的字段 keywords 有误：应为文本数组',
    ],
    ['a missing id', () => [file('noid.json', JSON.stringify([{ title: '电池' }])), demands], '第 1 个成果的字段 id 有误'],
    ['a duplicate id', () => [file('dup.json', JSON.stringify([{ id: 'A1' }, { id: 'A1' }])), demands], '第 2 个成果（A1）的 id 与前面的重复'],
    [
      'a demand with a wrong type',
      () => [A, file('bad-d.json', JSON.stringify([{ id: 'Q1', description: 42 }]))],
      '第 1 个需求（Q1）的字段 description 有误：应为文本',
    ],
  ])('%s', async (_, files, message) => {
    const [a, d] = files();
    const e = await failing('market', 'match', '--achievements', a, '--demands', d, '--json');
    expect(e.code).toBe(1);
    expect(e.stderr).toContain(message);
    expect(e.stderr).not.toMatch(/\n\s+at /);
  });

  it('a --top that is not a positive integer', async () => {
    const e = await failing('market', 'match', '--achievements', A, '--demands', demands, '--top', '0');
    expect(e.code).not.toBe(0);
    expect(e.stderr).toContain('--top 应为 1 到 10000 之间的整数');
  });
});
