import { describe, expect, it } from 'vitest';
import { quantile } from './stats.ts';
import { logTransform, perDenominator, winsorise } from './transform.ts';

describe('winsorisation at percentiles', () => {
  it('(1…9, 100) at 10% / 90%: type-7 bounds 1.9 and 18.1, one value raised and one lowered', () => {
    // n = 10, h = (n − 1)p: p = .1 → h = 0.9 → x(0) + 0.9·(x(1) − x(0)) = 1 + 0.9·1 = 1.9
    //                        p = .9 → h = 8.1 → x(8) + 0.1·(x(9) − x(8)) = 9 + 0.1·91 = 18.1
    // (R: quantile(c(1:9, 100), c(.1, .9)) gives 1.9 and 18.1.)
    const w = winsorise(Float64Array.of(1, 2, 3, 4, 5, 6, 7, 8, 9, 100), 0.1, 0.9);
    expect(w.low).toBeCloseTo(1.9, 12);
    expect(w.high).toBeCloseTo(18.1, 12);
    expect(Array.from(w.values).map((v) => +v.toFixed(6))).toEqual([1.9, 2, 3, 4, 5, 6, 7, 8, 9, 18.1]);
    expect([w.raised, w.lowered]).toEqual([1, 1]);
  });
  it('leaves missing values missing and computes the percentiles over observed values only', () => {
    const w = winsorise(Float64Array.of(NaN, 0, 10, 20, 30, 40), 0, 0.5);
    expect(w.high).toBe(20); // median of (0, 10, 20, 30, 40)
    expect(Array.from(w.values)).toEqual([NaN, 0, 10, 20, 20, 20]);
  });
});

describe('quantiles (type 7)', () => {
  it('interpolate between order statistics', () => {
    expect(quantile(Float64Array.of(4, 1, 3, 2), 0.5)).toBe(2.5);
    expect(quantile(Float64Array.of(7), 0.95)).toBe(7);
  });
});

describe('log and per-denominator', () => {
  it('log: (1, e, e²) → (0, 1, 2); log1p: (0, e − 1) → (0, 1)', () => {
    const l = logTransform(Float64Array.of(1, Math.E, Math.E ** 2), 'log', 'x', ['A', 'B', 'C']);
    expect(Array.from(l).map((v) => +v.toFixed(12))).toEqual([0, 1, 2]);
    expect(Array.from(logTransform(Float64Array.of(0, Math.E - 1), 'log1p', 'x', ['A', 'B'])).map((v) => +v.toFixed(12))).toEqual([0, 1]);
  });
  it('log of 0 is refused naming the column and the entity', () => {
    expect(() => logTransform(Float64Array.of(3, 0), 'log', 'patents', ['A', 'B'])).toThrow(/指标 patents 取对数（log）要求数值 > 0，实体 B 的值为 0/);
  });
  it('x / denominator, missing when the denominator is missing, zero or negative', () => {
    expect(Array.from(perDenominator(Float64Array.of(10, 20, 30, 40), Float64Array.of(2, 0, NaN, -1)))).toEqual([5, NaN, NaN, NaN]);
  });
});
