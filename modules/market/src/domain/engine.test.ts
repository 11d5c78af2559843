import { describe, expect, it } from 'vitest';
import { FIELD_BONUS, LINK_BONUS, MatchEngine, matchAchievements, matchDemands, trlFactor } from './engine.ts';
import { parseLexicon } from './lexicon.ts';
import { achievementText, demandText, type Achievement, type Demand } from './listing.ts';

const engine = new MatchEngine(
  parseLexicon({
    dictionary: '电解液\n选择性加氢\n加氢脱硫',
    synonyms: ['领域: 新能源 = 能源', '锂离子电池 = 锂电', '机器视觉 ≈ 视觉检测', '发黄 → 选择性加氢'].join('\n'),
    stopwords: '我们 希望 技术',
    chains: '新能源 / 锂电池材料：电解液，正极材料',
  }),
);

const achievements: Achievement[] = [
  { id: 'A1', title: '高电压锂离子电池电解液添加剂', abstract: '抑制电解液在高电压下氧化分解。', field: '新能源', keywords: ['电解液'], trl: 7 },
  { id: 'A2', title: '锂离子电池正极材料碳包覆', abstract: '提高正极材料倍率性能。', field: '新材料', trl: 5 },
  { id: 'A3', title: '裂解汽油选择性加氢催化剂', abstract: '脱除双烯烃，产品色度稳定。', field: '石油化工', trl: 8 },
  { id: 'A4', title: '柴油加氢脱硫催化剂', abstract: '超深度脱硫。', field: '石油化工', trl: 8 },
  { id: 'A5', title: '极片表面缺陷视觉检测', abstract: '线阵相机在线检测。', field: '电子信息' },
];
const demand = (id: string, title: string, description = '', field?: string): Demand => ({ id, title, description, field });

describe('matching a demand to achievements', () => {
  it('ranks by shared terms, a synonym counting as the same term, and says which terms', () => {
    const [r] = matchDemands(engine, achievements, [demand('D1', '锂电电解液配方', '', '能源')], 10);
    expect(r.demand).toBe('D1');
    expect(r.matches.map((m) => m.id)).toEqual(['A1', 'A2']);
    expect(r.matches[0].reasons[0]).toBe('共同术语：电解液、锂离子电池');
    expect(r.matches[0].reasons).toContain('同一领域：新能源');
    expect(r.matches[0].reasons).toContain('同一产业链环节：锂电池材料');
    expect(r.matches[0].reasons).toContain('技术成熟度：TRL 7（样机真实环境试验）');
    // A2 is on the same chain link through 正极材料, though it shares no word of it with the demand
    expect(r.matches[1].reasons).toEqual(['共同术语：锂离子电池', '同一产业链环节：锂电池材料', '技术成熟度：TRL 5（部件相关环境验证）']);
    expect(r.matches[0].score).toBeGreaterThan(r.matches[1].score);
  });

  it('bridges a symptom to the technology it calls for, and says so', () => {
    const [r] = matchDemands(engine, achievements, [demand('D2', '出料发黄')], 10);
    expect(r.matches.map((m) => m.id)).toEqual(['A3']);
    expect(r.matches[0].reasons[0]).toBe('问题对应技术：发黄→选择性加氢');
  });

  it('finds related terms (≈) at a lower weight than the term itself', () => {
    const [r] = matchDemands(engine, achievements, [demand('D3', '机器视觉')], 10);
    expect(r.matches.map((m) => m.id)).toEqual(['A5']);
    // 视觉 is a part of both terms, shared as it is; 视觉检测 comes as a related term of 机器视觉
    expect(r.matches[0].reasons).toEqual(['共同术语：视觉', '相关术语：机器视觉≈视觉检测']);
    const direct = matchDemands(engine, achievements, [demand('D3', '视觉检测')], 10)[0].matches[0];
    expect(direct.score).toBeGreaterThan(r.matches[0].score);
  });

  it('never matches on field or readiness alone, and keeps demands in input order', () => {
    const out = matchDemands(engine, achievements, [demand('D9', '毫不相干的内容', '', '石油化工'), demand('D1', '电解液')], 10);
    expect(out.map((r) => r.demand)).toEqual(['D9', 'D1']);
    expect(out[0].matches).toEqual([]);
  });

  it('the same field lifts a match by its bonus, on top of the chain link and readiness', () => {
    const ix = engine.index(achievements.map(achievementText));
    const other = engine.match(ix, demandText(demand('D4', '电解液', '', '新材料')), 1)[0];
    const same = engine.match(ix, demandText(demand('D4', '电解液', '', '能源')), 1)[0];
    expect(same.id).toBe('A1');
    const base = 1 + LINK_BONUS + trlFactor(7);
    expect(same.score / other.score).toBeCloseTo((base + FIELD_BONUS) / base, 3);
  });

  it.each([
    ['empty', ''],
    ['one character', '锂'],
    ['only stop words and punctuation', '我们希望！！'],
  ])('an %s demand matches nothing', (_, title) => {
    expect(matchDemands(engine, achievements, [demand('D0', title)], 10)[0].matches).toEqual([]);
  });

  it('a demand of 10,000 characters, HTML and script included, is read as text', () => {
    const long = `<script>alert(1)</script>${'电解液配方优化，'.repeat(1250)}`.slice(0, 10_000);
    const [r] = matchDemands(engine, achievements, [demand('D6', '<b>锂电</b>', long)], 10);
    expect(r.matches[0].id).toBe('A1');
    expect(r.matches[0].reasons[0]).toBe('共同术语：电解液、锂离子电池');
  });

  it('cuts the list at top, best first', () => {
    const [r] = matchDemands(engine, achievements, [demand('D5', '锂电 催化剂')], 2);
    expect(r.matches).toHaveLength(2);
    expect(r.matches[0].score).toBeGreaterThanOrEqual(r.matches[1].score);
  });
});

describe('matching an achievement to demands (the other way, same engine)', () => {
  const demands = [demand('D1', '反应器出料发黄', '', '石油化工'), demand('D2', '锂电电解液'), demand('D3', '柴油硫含量超标')];

  it('finds the demand whose problem its technology solves, through the bridge, and the plain one', () => {
    const byA = matchAchievements(engine, achievements, demands, 10);
    expect(byA.map((r) => r.achievement)).toEqual(['A1', 'A2', 'A3', 'A4', 'A5']);
    const a3 = byA[2].matches;
    expect(a3[0].id).toBe('D1');
    expect(a3[0].reasons).toContain('问题对应技术：发黄→选择性加氢');
    expect(a3[0].reasons).toContain('同一领域：石油化工');
    expect(a3[0].reasons).toContain('技术成熟度：TRL 8（实际系统验证）');
    expect(byA[0].matches[0].id).toBe('D2');
  });
});

it('readiness: +1.5% a level above TRL 5, −1.5% below, nothing when unknown', () => {
  expect(trlFactor(9)).toBeCloseTo(0.06, 10);
  expect(trlFactor(3)).toBeCloseTo(-0.03, 10);
  expect(trlFactor(null)).toBe(0);
});
