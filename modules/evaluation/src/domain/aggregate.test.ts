import { describe, expect, it } from 'vitest';
import { arithmetic, geometric, topsis } from './aggregate.ts';

const run = (fn: (c: Float64Array[], w: number[], out: Float64Array) => void, cols: number[][], w: number[]) => {
  const out = new Float64Array(cols[0].length);
  fn(
    cols.map((c) => Float64Array.from(c)),
    w,
    out,
  );
  return Array.from(out);
};
const geo = (cols: number[][], w: number[]) => run((c, ww, out) => geometric(c, ww, out, 'g', ['a', 'b'], ['E1', 'E2', 'E3']), cols, w);

describe('weighted arithmetic mean', () => {
  it('0.6·(50, 100) + 0.4·(100, 0) = (70, 60)', () => {
    expect(
      run(
        arithmetic,
        [
          [50, 100],
          [100, 0],
        ],
        [0.6, 0.4],
      ),
    ).toEqual([70, 60]);
  });
});

describe('weighted geometric mean and its zero rule', () => {
  it('equal weights: √(4·1) = 2, √(9·4) = 6', () => {
    geo(
      [
        [4, 9],
        [1, 4],
      ],
      [0.5, 0.5],
    ).forEach((v, i) => expect(v).toBeCloseTo([2, 6][i], 12));
  });
  it('weights 0.75 / 0.25: 16^0.75 · 1^0.25 = 8', () => {
    expect(geo([[16], [1]], [0.75, 0.25])[0]).toBeCloseTo(8, 12);
  });
  it('a zero child score makes the group score 0 (no compensation), unless its weight is 0', () => {
    expect(
      geo(
        [
          [0, 50],
          [100, 50],
        ],
        [0.5, 0.5],
      ),
    ).toEqual([0, expect.closeTo(50, 10)]);
    expect(geo([[0], [100]], [0, 1])[0]).toBeCloseTo(100, 10);
  });
  it('a negative score is refused naming the group, the child and the entity', () => {
    expect(() =>
      geo(
        [
          [1, 2],
          [3, -0.5],
        ],
        [0.5, 0.5],
      ),
    ).toThrow(/节点 g 用几何平均汇总，但子项 b 对实体 E2 的得分为负/);
  });
});

describe('TOPSIS closeness (Hwang & Yoon 1981), worked by hand', () => {
  it('columns (3, 4, 0) and (0, 3, 4), equal weights → closeness 0.421165, 0.833333, 0.5', () => {
    // Vector normalisation: both columns have norm 5 → r1 = (.6, .8, 0), r2 = (0, .6, .8);
    // weighted (×0.5): v1 = (.3, .4, 0), v2 = (0, .3, .4); ideal A⁺ = (.4, .4), anti-ideal A⁻ = (0, 0).
    // E1 (.3, 0):  S⁺ = √(.1² + .4²) = √.17 = 0.412311, S⁻ = .3   → C = .3/.712311 = 0.421165
    // E2 (.4, .3): S⁺ = √(0 + .1²) = .1,              S⁻ = √(.16 + .09) = .5 → C = .5/.6 = 0.833333
    // E3 (0, .4):  S⁺ = .4,                           S⁻ = .4  → C = 0.5
    const c = run(
      (cols, w, out) => topsis(cols, w, out, [0, 1]),
      [
        [3, 4, 0],
        [0, 3, 4],
      ],
      [0.5, 0.5],
    );
    [0.421165, 0.833333, 0.5].forEach((v, i) => expect(c[i]).toBeCloseTo(v, 6));
  });
  it('puts the closeness on the scheme scale: 0–100 gives 42.1165, 83.3333, 50', () => {
    const c = run(
      (cols, w, out) => topsis(cols, w, out, [0, 100]),
      [
        [3, 4, 0],
        [0, 3, 4],
      ],
      [0.5, 0.5],
    );
    [42.1165, 83.3333, 50].forEach((v, i) => expect(c[i]).toBeCloseTo(v, 4));
  });
});
