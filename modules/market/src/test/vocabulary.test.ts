/**
 * The repository's vocabulary and labelled set (modules/market/data): they load, and the engine on them
 * does what issue 11 asks of it on the cases it names.
 */
import { describe, expect, it } from 'vitest';
import { matchDemands } from '../domain/index.ts';
import { CASE_KINDS, defaultEngine, loadEvalSet } from '../data/index.ts';

const set = loadEvalSet();
const engine = defaultEngine();
const byId = new Map(set.achievements.map((a) => [a.id, a]));

describe('the labelled set', () => {
  it('has at least 25 demands × 100 achievements, every kind of hard case, and graded pairs for every demand', () => {
    expect(set.achievements.length).toBeGreaterThanOrEqual(100);
    expect(set.demands.length).toBeGreaterThanOrEqual(25);
    expect(new Set(set.demands.map((d) => d.kind))).toEqual(new Set(CASE_KINDS));
    for (const d of set.demands) expect([...(set.judgments.get(d.id)?.values() ?? [])]).toContain(3);
  });
});

describe('the engine on the repository’s vocabulary', () => {
  it('finds selective hydrogenation catalysts for "反应釜出料发黄，想降低副产物", saying which problem called for them', () => {
    const [r] = matchDemands(engine, set.achievements, [{ id: 'Q', title: '反应釜出料发黄，想降低副产物' }], 5);
    const titles = r.matches.map((m) => byId.get(m.id)!.title!);
    expect(titles.filter((t) => t.includes('选择性加氢') || t.includes('高选择性')).length).toBeGreaterThanOrEqual(2);
    expect(r.matches.flatMap((m) => m.reasons).some((x) => x.startsWith('问题对应技术：') && x.includes('发黄'))).toBe(true);
  });

  it.each([
    ['锂电', '锂离子电池'],
    ['AOI', '自动光学检测'],
    ['CO2捕获', '碳捕集'],
  ])('reads %s as %s', (said, meant) => {
    expect(engine.segmenter.terms(said)).toContain(meant);
  });

  it('a demand saying only 锂电 finds an achievement titled 锂离子电池, with the shared term named', () => {
    const [r] = matchDemands(engine, set.achievements, [{ id: 'Q', title: '锂电电解液高电压添加剂', field: '新能源' }], 3);
    expect(r.matches[0].id).toBe('A001');
    expect(r.matches[0].reasons[0]).toMatch(/^共同术语：.*锂离子电池/);
    expect(r.matches[0].reasons).toContain('同一领域：新能源');
  });
});
