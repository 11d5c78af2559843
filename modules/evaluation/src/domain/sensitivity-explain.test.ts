import { describe, expect, it } from 'vitest';
import { seededRandom } from '@kechuang/platform-core';
import { exampleTable, ISSUE_EXAMPLE, table } from '../test/fixtures.ts';
import { parseScheme } from './scheme.ts';
import { createSensitivityContext, runSensitivity, sampleChoice, sampleRanks, type SensitivityPlan } from './sensitivity.ts';
import { explainRanks } from './sensitivity-explain.ts';
import type { DataTable } from './table.ts';
import { stabilityWords } from './words.ts';

function explain(raw: object, t: DataTable, plan: SensitivityPlan, targets: { id: string; cutoff: number }[]) {
  const ctx = createSensitivityContext(parseScheme(raw).scheme, t, plan);
  const ranks = new Int32Array(ctx.plan.samples * ctx.ids.length);
  sampleRanks(ctx, 0, ctx.plan.samples, ranks);
  return explainRanks(ctx, ranks, targets);
}

/**
 * A is 2nd under min-max (its outlier on a counts fully) and 3rd under percentile ranks (the outlier is just
 * the top rank): C 54.0, A 50.0, B 49.0, D 38.9 under min-max; B = C 66.7, A 50, D 16.7 under percentile.
 */
const OUTLIER = table(['A', 'B', 'C', 'D'], { a: [100, 10, 9, 1], b: [1, 9, 10, 8] });
const TWO = { name: 't', normalisation: { method: 'minmax', range: [0, 100] }, root: { id: 'r', children: [{ indicator: 'a' }, { indicator: 'b' }] } };

describe('what moves a finalist', () => {
  it('names the normalisation when only it changes, with the median rank under each method', () => {
    const x = explain(TWO, OUTLIER, { samples: 100, seed: 1, weights: 0, normalisation: [{ method: 'minmax', range: [0, 100] }, { method: 'percentile' }] }, [
      { id: 'A', cutoff: 2 },
    ]).get('A')!;
    expect(x.driver).toBe('normalisation');
    expect(x.effects).toHaveLength(1);
    expect(x.effects[0].share).toBeCloseTo(1, 9);
    const [minmax, percentile] = x.effects[0].options!;
    expect(minmax).toMatchObject({ option: 'minmax', isNominal: true, medianRank: 2, within: 1 });
    expect(percentile).toMatchObject({ option: 'percentile', isNominal: false, medianRank: 3, within: 0 });
    expect(minmax.samples + percentile.samples).toBe(100);
    expect(x.within).toBeCloseTo(minmax.samples / 100, 12);
    expect(x.weightsBand).toEqual([2, 2]); // the samples with the scheme's own method (min-max): always 2nd
    expect(stabilityWords(x, false, 0, 'zh-CN')).toEqual({
      verdict: '不稳定',
      within: `${Math.floor(x.within * 100)}% 的抽样中保持在前 2 名`,
      driver: '主要随标准化方法变动：改用百分位标准化时跌出前 2 名（中位排名第 3 名；极差标准化时第 2 名）',
    });
    expect(stabilityWords(x, false, 0, 'en').driver).toBe(
      'Moved mostly by the normalisation: with Percentile it drops out of the first 2 (median rank 3; 2 with Min-max)',
    );
    // with a tier of 3 places both methods keep it in: the ranks alone
    const roomy = explain(
      TWO,
      OUTLIER,
      { samples: 100, seed: 1, weights: 0, normalisation: [{ method: 'minmax', range: [0, 100] }, { method: 'percentile' }] },
      [{ id: 'A', cutoff: 3 }],
    ).get('A')!;
    expect(stabilityWords(roomy, true, 0, 'zh-CN').driver).toBe('主要随标准化方法变动：改用百分位标准化时中位排名第 3 名（极差标准化时第 2 名）');
  });

  it('names the weights when only they change, with the rank band of those samples', () => {
    const rnd = seededRandom('explain-test');
    const col = () => Array.from({ length: 30 }, () => Math.round(rnd() * 1000) / 10);
    const t = table(
      Array.from({ length: 30 }, (_, i) => `E${i + 1}`),
      { rd_intensity: col(), staff_share: col(), patents: col(), defects: col() },
    );
    const plan = { samples: 200, seed: 4, weights: 0.5 };
    const mc = runSensitivity(parseScheme(ISSUE_EXAMPLE).scheme, t, plan);
    const moving = mc.ids.filter((_, e) => mc.rankP95[e] > mc.rankP05[e]);
    expect(moving.length).toBeGreaterThan(5);
    const all = explain(
      ISSUE_EXAMPLE,
      t,
      plan,
      moving.map((id) => ({ id, cutoff: 10 })),
    );
    for (const id of moving) {
      const x = all.get(id)!;
      const e = mc.ids.indexOf(id);
      expect(x).toMatchObject({ driver: 'weights', samples: 200, weightsBand: [mc.rankP05[e], mc.rankP95[e]] });
      expect(x.effects.map((f) => f.factor)).toEqual(['weights']);
      expect(x.effects[0].share).toBeCloseTo(1, 9);
    }
    const x = all.get(moving[0])!;
    expect(stabilityWords(x, true, 0.5, 'zh-CN').driver).toMatch(/^主要随权重变动：各组权重上下浮动 50% 时排在第 \d+–\d+ 名之间$/);
  });

  it('says nothing moves a finalist whose rank is the same in every sample', () => {
    const x = explain(ISSUE_EXAMPLE, exampleTable(), { samples: 50, seed: 2, weights: 0.25 }, [{ id: 'E02', cutoff: 1 }]).get('E02')!;
    expect(x).toMatchObject({ driver: null, effects: [], within: 1, weightsBand: [1, 1], samples: 50 });
    expect(stabilityWords(x, true, 0.25, 'zh-CN')).toEqual({ verdict: '稳定', within: '100% 的抽样中保持在前 1 名', driver: '各抽样中名次不变' });
  });

  it("draws each sample's alternatives from its own seed, so they can be known without computing it", () => {
    const ctx = createSensitivityContext(parseScheme(TWO).scheme, OUTLIER, {
      samples: 40,
      seed: 9,
      weights: 0,
      normalisation: [{ method: 'minmax', range: [0, 100] }, { method: 'percentile' }],
    });
    const ranks = new Int32Array(40 * 4);
    sampleRanks(ctx, 0, 40, ranks);
    for (let s = 0; s < 40; s++) expect(ranks[s * 4]).toBe(sampleChoice(ctx.plan, s).normalisation === 0 ? 2 : 3);
  });
});
