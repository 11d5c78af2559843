import { describe, expect, it } from 'vitest';
import { beforeLog, bureauDate, bureauDateTime, filterFailure, formatFigure, formatShare, leafFigure, missingFigure, type FilterWords } from './figures.ts';

describe('figures with their units', () => {
  it.each([
    [94505.3, '万元', '94,505 万元'],
    [363, '人', '363 人'],
    [18, '件', '18 件'],
    [363.46, '', '363.5'],
    [12.345, '分', '12.35 分'],
    [2.76, '%', '2.76%'],
    [0.03731, '', '0.037'],
    [0, '家', '0 家'],
    [null, '万元', '—'],
    [Number.NaN, '', '—'],
  ])('%s %s → %s', (x, unit, text) => expect(formatFigure(x, unit)).toBe(text));

  it.each([
    [0.0373, '3.7%'],
    [0.9243, '92.4%'],
    [0.0004, '0.04%'],
    [0, '0%'],
  ])('share %s → %s', (x, text) => expect(formatShare(x)).toBe(text));

  it('shows a ratio of like units as a percentage, of unlike units per unit', () => {
    expect(leafFigure(0.0373, { unit: '万元', denominator: 'revenue', denominatorUnit: '万元' })).toBe('3.7%');
    expect(leafFigure(0.05, { unit: '件', denominator: 'employees', denominatorUnit: '人' })).toBe('0.05 件/人');
    expect(leafFigure(0.5, { denominator: 'x' })).toBe('0.5');
    expect(leafFigure(94505, { unit: '万元' })).toBe('94,505 万元');
  });

  it('reads a logged figure back as the figure itself', () => {
    expect(beforeLog(Math.log1p(94505), 'log1p')).toBeCloseTo(94505, 6);
    expect(beforeLog(Math.log(18), 'log')).toBeCloseTo(18, 9);
    expect(beforeLog(3.5, undefined)).toBe(3.5);
    expect(beforeLog(null, 'log1p')).toBeNull();
  });
});

describe("times in the bureau's zone", () => {
  it.each([
    ['2025-03-01T06:05:09.123Z', '2025-03-01 14:05'],
    ['2025-12-31T16:30:00+00:00', '2026-01-01 00:30'],
    ['2025-06-30 23:59:00+08', '2025-06-30 23:59'],
  ])('%s → %s', (iso, text) => expect(bureauDateTime(iso)).toBe(text));
  it('gives the calendar day and nothing for no time', () => {
    expect(bureauDate('2025-12-31T16:30:00Z')).toBe('2026-01-01');
    expect(bureauDateTime(null)).toBe('');
  });
});

describe('why an entity was not scored, as a sentence', () => {
  const years: FilterWords = { column: 'registered_years', op: '>=', value: 3, label: '注册年限', unit: '年' };
  it.each<[string, FilterWords, number | null, string]>([
    [
      'a registration age in years and whole months (age() counts 2 years 7 months 25 days as 2.65178)',
      years,
      2.65178,
      '注册年限不满足（需 ≥ 3 年，实际 2 年 7 个月）',
    ],
    ['2 years 8 months 5 days', years, 2 + 8 / 12 + 5 / 365.25, '注册年限不满足（需 ≥ 3 年，实际 2 年 8 个月）'],
    ['a day short of the minimum is still 2 years 11 months', years, 2 + 11 / 12 + 30 / 365.25, '注册年限不满足（需 ≥ 3 年，实际 2 年 11 个月）'],
    ['whole years', years, 1, '注册年限不满足（需 ≥ 3 年，实际 1 年）'],
    ['under a year', years, 0.5, '注册年限不满足（需 ≥ 3 年，实际 6 个月）'],
    ['a missing figure, with what is needed', years, null, '注册年限无数据（需 ≥ 3 年）'],
    [
      'a maximum of years whose whole months would meet it keeps its places',
      { ...years, op: '<=', value: 3 },
      3.02,
      '注册年限不满足（需 ≤ 3 年，实际 3.02 年）',
    ],
    [
      'a percentage maximum, rounded as far as it still fails',
      { column: 'debt', op: '<=', value: 70, label: '资产负债率', unit: '%' },
      85.24,
      '资产负债率不满足（需 ≤ 70%，实际 85.2%）',
    ],
    [
      'a figure that would round onto the bound keeps its places',
      { column: 'share', op: '>=', value: 60, label: '高新收入占比', unit: '%' },
      59.996,
      '高新收入占比不满足（需 ≥ 60%，实际 59.996%）',
    ],
    ['a strict minimum', { column: 'staff', op: '>', value: 10, label: '职工人数', unit: '人' }, 10, '职工人数不满足（需 > 10 人，实际 10 人）'],
    ['an equality, without a unit', { column: 'flag', op: '==', value: 1, label: '已确认' }, 0, '已确认不满足（需 = 1，实际 0）'],
    [
      "the filter's own sentence",
      { column: 'tech_tier', op: '>=', value: 1, label: '科技型企业资质', message: '评价日无有效的科技型企业资质' },
      0,
      '评价日无有效的科技型企业资质',
    ],
    ['no label: the column', { column: 'x', op: '<', value: 5 }, 7, 'x不满足（需 < 5，实际 7）'],
  ])('%s', (_, f, v, text) => expect(filterFailure(f, v)).toBe(text));

  it('names the missing figure of a leaf, or the denominator that makes its ratio impossible', () => {
    const names: Record<string, string> = { rd_expense: '研发费用', revenue: '营业收入' };
    const leaf = { name: '研发投入强度', indicator: 'rd_expense', denominator: 'revenue' };
    const of = (f: Record<string, number | null>) => (c: string) => f[c] ?? null;
    expect(missingFigure(leaf, of({ rd_expense: null, revenue: 10 }), (c) => names[c])).toBe('缺少研发费用数据');
    expect(missingFigure(leaf, of({ rd_expense: 5, revenue: null }), (c) => names[c])).toBe('缺少营业收入数据，无法计算研发投入强度');
    expect(missingFigure(leaf, of({ rd_expense: 5, revenue: 0 }), (c) => names[c])).toBe('营业收入为 0，无法计算研发投入强度');
    expect(missingFigure(leaf, of({ rd_expense: 5, revenue: 10 }), (c) => names[c])).toBeNull();
  });
});
