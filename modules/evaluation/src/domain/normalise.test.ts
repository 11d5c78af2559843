import { describe, expect, it } from 'vitest';
import { normalise, scaleOf, unitInterval } from './normalise.ts';
import type { Normalisation } from './scheme-format.ts';

const ids = ['A', 'B', 'C', 'D', 'E'];
const norm = (x: number[], spec: Normalisation, direction: 1 | -1 = 1) => Array.from(normalise(Float64Array.from(x), spec, direction, 'x', ids));
const close = (a: number[], b: number[]) => a.forEach((v, i) => expect(v).toBeCloseTo(b[i], 6));

describe('min-max', () => {
  it('maps (2, 4, 6, 10) onto 0–100: (x − 2)/8·100 = 0, 25, 50, 100', () => {
    expect(norm([2, 4, 6, 10], { method: 'minmax', range: [0, 100] })).toEqual([0, 25, 50, 100]);
  });
  it('flips for direction −1 so that the lowest value gets the top: (10 − x)/8·100 = 100, 75, 50, 0', () => {
    expect(norm([2, 4, 6, 10], { method: 'minmax', range: [0, 100] }, -1)).toEqual([100, 75, 50, 0]);
  });
  it('maps onto another range: [1, 100] gives 1 + (x − 2)/8·99 = 1, 25.75, 50.5, 100', () => {
    expect(norm([2, 4, 6, 10], { method: 'minmax', range: [1, 100] })).toEqual([1, 25.75, 50.5, 100]);
  });
  it('refuses a constant column (min = max), naming it', () => {
    expect(() => norm([3, 3, 3], { method: 'minmax', range: [0, 100] })).toThrow(
      expect.objectContaining({ reason: 'DATA_CONSTANT', message: expect.stringMatching(/指标 x 在所有参评实体上取值相同（= 3）/) }),
    );
  });
});

describe('z-score', () => {
  it('(2, 4, 6, 8): mean 5, sd with n − 1 = √(20/3) = 2.581989, z = ∓1.161895, ∓0.387298', () => {
    close(norm([2, 4, 6, 8], { method: 'zscore', mean: 0, sd: 1 }), [-1.161895, -0.387298, 0.387298, 1.161895]);
    close(norm([2, 4, 6, 8], { method: 'zscore', mean: 0, sd: 1 }, -1), [1.161895, 0.387298, -0.387298, -1.161895]);
  });
  it('rescales to a target mean and sd (COINr m_sd = c(10, 2)): 10 + 2z', () => {
    close(norm([2, 4, 6, 8], { method: 'zscore', mean: 10, sd: 2 }), [7.67621, 9.225403, 10.774597, 12.32379]);
  });
  it('refuses a constant column', () => {
    expect(() => norm([1, 1], { method: 'zscore', mean: 0, sd: 1 })).toThrow(/z-score/);
  });
});

describe('rank and percentile (COINr n_rank / n_prank, ties at the lowest rank)', () => {
  it('(10, 20, 20, 30) ranks 1, 2, 2, 4 (higher is better); direction −1 ranks 4, 2, 2, 1', () => {
    expect(norm([10, 20, 20, 30], { method: 'rank' })).toEqual([1, 2, 2, 4]);
    expect(norm([10, 20, 20, 30], { method: 'rank' }, -1)).toEqual([4, 2, 2, 1]);
  });
  it('percentile = 100·(rank − 1)/(n − 1) = 0, 33.3, 33.3, 100', () => {
    close(norm([10, 20, 20, 30], { method: 'percentile' }), [0, 100 / 3, 100 / 3, 100]);
  });
  it('a constant column: every entity ranks 1, percentile 0 (no error: the ranks are defined)', () => {
    expect(norm([5, 5, 5], { method: 'rank' })).toEqual([1, 1, 1]);
    expect(norm([5, 5, 5], { method: 'percentile' })).toEqual([0, 0, 0]);
  });
});

describe('distance to a reference (Handbook: x / x_ref)', () => {
  it('reference 50, scale 100: (25, 50, 75) → 50, 100, 150; capped → 50, 100, 100', () => {
    expect(norm([25, 50, 75], { method: 'distance', reference: 50, cap: false, scale: 100 })).toEqual([50, 100, 150]);
    expect(norm([25, 50, 75], { method: 'distance', reference: 50, cap: true, scale: 100 })).toEqual([50, 100, 100]);
  });
  it('lower is better: reference/x, so (25, 50, 100) → 200, 100, 50; a value ≤ 0 is refused naming the entity', () => {
    expect(norm([25, 50, 100], { method: 'distance', reference: 50, cap: false, scale: 100 }, -1)).toEqual([200, 100, 50]);
    expect(() => norm([25, 0], { method: 'distance', reference: 50, cap: false, scale: 100 }, -1)).toThrow(/实体 B 的值为 0/);
  });
});

describe('goalposts (fixed min and max, clamped; COINr n_goalposts)', () => {
  it('min 0, max 10 onto 0–100: (−5, 0, 5, 10, 15) → 0, 0, 50, 100, 100; direction −1 → 100, 100, 50, 0, 0', () => {
    const spec: Normalisation = { method: 'goalposts', min: 0, max: 10, range: [0, 100] };
    expect(norm([-5, 0, 5, 10, 15], spec)).toEqual([0, 0, 50, 100, 100]);
    expect(norm([-5, 0, 5, 10, 15], spec, -1)).toEqual([100, 100, 50, 0, 0]);
  });
  it('accepts a constant column (the goalposts, not the data, set the scale)', () => {
    expect(norm([4, 4], { method: 'goalposts', min: 0, max: 8, range: [0, 100] })).toEqual([50, 50]);
  });
});

describe('scales and the [0, 1] values entropy and CRITIC use', () => {
  it('min-max and goalposts live on their range, the rest on 0–100', () => {
    expect(scaleOf({ method: 'minmax', range: [1, 10] })).toEqual([1, 10]);
    expect(scaleOf({ method: 'zscore', mean: 0, sd: 1 })).toEqual([0, 100]);
  });
  it('unitInterval applies the direction and names the group and child of a constant column', () => {
    expect(Array.from(unitInterval(Float64Array.of(2, 4, 6), -1, 'g', 'x', 'entropy'))).toEqual([1, 0.5, 0]);
    expect(() => unitInterval(Float64Array.of(2, 2), 1, 'g', 'x', 'entropy')).toThrow(/节点 g 用 entropy 权重，但子项 x/);
  });
});
