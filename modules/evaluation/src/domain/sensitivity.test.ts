import { describe, expect, it } from 'vitest';
import { seededRandom } from '@kechuang/platform-core';
import { exampleTable, ISSUE_EXAMPLE, table } from '../test/fixtures.ts';
import { parseScheme } from './scheme.ts';
import { runSensitivity, stableWithin } from './sensitivity.ts';

const example = parseScheme(ISSUE_EXAMPLE).scheme;

/** 40 entities whose figures overlap, so that ranks move when weights do. */
function noisy(n = 40) {
  const rnd = seededRandom('sensitivity-test');
  const col = () => Array.from({ length: n }, () => Math.round(rnd() * 1000) / 10);
  return table(
    Array.from({ length: n }, (_, i) => `E${i + 1}`),
    { rd_intensity: col(), staff_share: col(), patents: col(), defects: col() },
  );
}

describe('Monte Carlo rank intervals', () => {
  it('is reproducible: the same seed gives the same median rank and 5–95% interval, another seed does not', () => {
    const plan = { samples: 300, seed: 11, weights: 0.5, aggregation: ['arithmetic' as const, 'topsis' as const] };
    const a = runSensitivity(example, noisy(), plan);
    const b = runSensitivity(example, noisy(), plan);
    expect(b).toEqual(a);
    const c = runSensitivity(example, noisy(), { ...plan, seed: 12 });
    expect(Array.from(c.medianRank)).not.toEqual(Array.from(a.medianRank));
  });

  it('with no perturbation and no alternatives every sample is the nominal run: median = 5% = 95% = nominal rank', () => {
    const r = runSensitivity(example, exampleTable(), { samples: 20, seed: 1, weights: 0 });
    expect(Array.from(r.medianRank)).toEqual(Array.from(r.nominalRank));
    expect(Array.from(r.rankP05)).toEqual(Array.from(r.nominalRank));
    expect(Array.from(r.rankP95)).toEqual(Array.from(r.nominalRank));
    expect(Array.from(r.nominalRank)).toEqual([4, 1, 6, 2, 5, 2]);
    expect(Array.from(r.ranked)).toEqual(new Array<number>(6).fill(20));
  });

  it('keeps an entity that dominates on every indicator at rank 1 whatever the weights, and names the stable finalists', () => {
    // E02 is best on rd, staff and patents, worst on defects (weight 0.4·0.25 = 0.1 nominal): ±25% cannot move it.
    const r = runSensitivity(example, exampleTable(), { samples: 200, seed: 3 });
    const e02 = r.ids.indexOf('E02');
    expect([r.rankP05[e02], r.medianRank[e02], r.rankP95[e02]]).toEqual([1, 1, 1]);
    expect(stableWithin(r, 2)).toEqual(['E02', 'E04', 'E06']);
  });

  it('varies the normalisation, aggregation and imputation among the alternatives; rank intervals widen', () => {
    const t = noisy();
    t.columns.get('patents')![3] = NaN;
    const s = parseScheme({ ...ISSUE_EXAMPLE, imputation: { method: 'mean' } }).scheme;
    const r = runSensitivity(s, t, {
      samples: 200,
      seed: 5,
      weights: 0.25,
      normalisation: [{ method: 'minmax', range: [1, 100] }, { method: 'percentile' }],
      aggregation: ['arithmetic', 'geometric'],
      imputation: [{ method: 'mean' }, { method: 'median' }, { method: 'exclude' }],
    });
    const width = Array.from(r.rankP95).reduce((acc, hi, e) => acc + hi - r.rankP05[e], 0) / r.ids.length;
    expect(width).toBeGreaterThan(1);
    // E4 has a missing figure: excluded in the samples that drew `exclude` (about a third), ranked in the rest
    const e4 = r.ids.indexOf('E4');
    expect(r.ranked[e4]).toBeGreaterThan(100);
    expect(r.ranked[e4]).toBeLessThan(170);
    expect(r.ranked[r.ids.indexOf('E5')]).toBe(200);
  });

  it('refuses up front a combination that cannot be computed, naming it', () => {
    expect(() =>
      runSensitivity(example, exampleTable(), { samples: 10, seed: 1, normalisation: [{ method: 'zscore', mean: 0, sd: 1 }], aggregation: ['geometric'] }),
    ).toThrow(/敏感性分析的组合（插补 exclude、标准化 zscore、汇总 geometric）无法计算：节点 output 用几何平均汇总，但子项 patents 对实体 E01 的得分为负/);
    expect(() => runSensitivity(example, exampleTable(), { samples: 0, seed: 1 })).toThrow(/样本数应为正整数/);
    expect(() => runSensitivity(example, exampleTable(), { samples: 5, seed: 1, weights: 2 })).toThrow(/权重扰动幅度/);
  });
});
