import { describe, expect, it } from 'vitest';
import { factorLabel, imputationLabel, METHOD_CODES, methodLabel, rankBand, stabilityWords, type MethodKind, type RankExplanation } from './words.ts';
import { AGGREGATIONS, ZImputation, ZNormalisation, ZWeighting } from './scheme-format.ts';

describe('method names', () => {
  const methods = (u: { options: readonly { shape: { method: { value: string } } }[] }) => u.options.map((o) => o.shape.method.value);
  it.each<[MethodKind, string[]]>([
    ['normalisation', methods(ZNormalisation)],
    ['weighting', methods(ZWeighting)],
    ['aggregation', [...AGGREGATIONS]],
    ['imputation', methods(ZImputation)],
  ])('name every %s method of the scheme format in Chinese and in English', (kind, codes) => {
    expect([...METHOD_CODES[kind]].sort()).toEqual([...codes].sort());
    for (const code of codes) {
      expect(methodLabel(kind, code, 'zh-CN')).toMatch(/[\u4e00-\u9fa5]|TOPSIS|CRITIC/);
      expect(methodLabel(kind, code, 'en')).not.toMatch(/[\u4e00-\u9fa5]/);
      expect(methodLabel(kind, code, 'en')).not.toBe(code);
    }
  });

  it.each([
    ['minmax', 'normalisation', '极差标准化', 'Min-max'],
    ['percentile', 'normalisation', '百分位标准化', 'Percentile'],
    ['arithmetic', 'aggregation', '算术平均', 'Arithmetic mean'],
    ['given', 'weighting', '专家赋权', 'Expert weights'],
  ] as const)('%s (%s): %s / %s', (code, kind, zh, en) => {
    expect(methodLabel(kind, code, 'zh-CN')).toBe(zh);
    expect(methodLabel(kind, code, 'en')).toBe(en);
  });

  it("says how a run imputed, by the grouping column's name", () => {
    const name = (c: string) => (c === 'industry' ? '行业大类' : c);
    expect(imputationLabel('median(industry)', 'zh-CN', name)).toBe('按行业大类中位数补缺');
    expect(imputationLabel('mean(industry)', 'zh-CN', name)).toBe('按行业大类均值补缺');
    expect(imputationLabel('median(industry)', 'en', name)).toBe('Median within each 行业大类');
    expect(imputationLabel('mean', 'zh-CN')).toBe('均值补缺');
    expect(imputationLabel('exclude', 'zh-CN')).toBe('缺数不参评');
    expect(factorLabel('normalisation', 'zh-CN')).toBe('标准化方法');
  });
});

describe('rank bands', () => {
  it.each([
    [2.6, 7.4, '第 3–7 名之间', 'ranks 3–7'],
    [10, 138.1, '第 10–138 名之间', 'ranks 10–138'],
    [1, 1, '第 1 名', 'rank 1'],
    [0.6, 1.2, '第 1 名', 'rank 1'],
    [null, 5, '—', '—'],
  ])('%s–%s: %s', (low, high, zh, en) => {
    expect(rankBand(low, high, 'zh-CN')).toBe(zh);
    expect(rankBand(low, high, 'en')).toBe(en);
  });
});

describe('what moves a finalist, in words', () => {
  const explanation = (over: Partial<RankExplanation>): RankExplanation => ({
    cutoff: 10,
    samples: 200,
    within: 0.6,
    effects: [],
    driver: null,
    weightsBand: null,
    ...over,
  });
  const imputation = (nominalRank: number, otherRank: number): RankExplanation =>
    explanation({
      driver: 'imputation',
      effects: [
        {
          factor: 'imputation',
          share: 0.8,
          options: [
            { option: 'median(industry)', isNominal: true, samples: 100, medianRank: nominalRank, within: 1 },
            { option: 'mean(industry)', isNominal: false, samples: 100, medianRank: otherRank, within: 0.2 },
          ],
        },
        { factor: 'weights', share: 0.2 },
      ],
    });
  const industry = (c: string) => (c === 'industry' ? '行业大类' : c);

  it("says a finalist drops out of its tier under another method, and where the scheme's own puts it", () => {
    const w = stabilityWords(imputation(7.5, 13), false, 0.25, 'zh-CN', industry);
    expect(w).toEqual({
      verdict: '不稳定',
      within: '60% 的抽样中保持在前 10 名',
      driver: '主要随补缺方法变动：改用按行业大类均值补缺时跌出前 10 名（中位排名第 13 名；按行业大类中位数补缺时第 8 名）',
    });
    expect(stabilityWords(imputation(7.5, 13), false, 0.25, 'en', industry).driver).toBe(
      'Moved mostly by the imputation: with Mean within each 行业大类 it drops out of the first 10 (median rank 13; 8 with Median within each 行业大类)',
    );
  });

  it('says a firm outside its tier rises into it under another method', () => {
    expect(stabilityWords(imputation(12, 9), false, 0.25, 'zh-CN', industry).driver).toBe(
      '主要随补缺方法变动：改用按行业大类均值补缺时进入前 10 名（中位排名第 9 名；按行业大类中位数补缺时第 12 名）',
    );
  });

  it('gives the ranks alone when the other method keeps it on the same side of the cutoff', () => {
    expect(stabilityWords(imputation(3, 6), true, 0.25, 'zh-CN', industry).driver).toBe(
      '主要随补缺方法变动：改用按行业大类均值补缺时中位排名第 6 名（按行业大类中位数补缺时第 3 名）',
    );
  });

  it("gives the weights' rank band when the weights move it most", () => {
    const x = explanation({ driver: 'weights', effects: [{ factor: 'weights', share: 1 }], weightsBand: [2.6, 7.4], within: 1 });
    expect(stabilityWords(x, true, 0.25, 'zh-CN')).toEqual({
      verdict: '稳定',
      within: '100% 的抽样中保持在前 10 名',
      driver: '主要随权重变动：各组权重上下浮动 25% 时排在第 3–7 名之间',
    });
    expect(stabilityWords(x, true, 0.25, 'en').driver).toBe("Moved mostly by the weights: with each group's weights ±25%, ranks 3–7");
  });
});
