import { describe, expect, it } from 'vitest';
import { groupCodes, imputeColumn } from './impute.ts';

const ids = ['A', 'B', 'C', 'D', 'E', 'F'];

describe('imputation, reported per entity', () => {
  it('mean: (1, –, 3, 8) → the missing B gets (1 + 3 + 8)/3 = 4', () => {
    const x = Float64Array.of(1, NaN, 3, 8);
    expect(imputeColumn(x, { method: 'mean' }, 'patents', ids)).toEqual([{ id: 'B', indicator: 'patents', method: 'mean', value: 4 }]);
    expect(Array.from(x)).toEqual([1, 4, 3, 8]);
  });
  it('group median: (1, 5, 9 | –) in group a → 5, and (2, 4 | –) in b → 3', () => {
    const x = Float64Array.of(1, 9, NaN, 5, 2, 4, NaN);
    imputeColumn(x, { method: 'median', by: 'size' }, 'rd', ['A', 'B', 'C', 'D', 'E', 'F', 'G'], groupCodes(['a', 'a', 'a', 'a', 'b', 'b', 'b']));
    expect([x[2], x[6]]).toEqual([5, 3]);
  });
  it('median: (1, –, 3, 8) → 3', () => {
    const x = Float64Array.of(1, NaN, 3, 8);
    imputeColumn(x, { method: 'median' }, 'patents', ids);
    expect(x[1]).toBe(3);
  });
  it("group mean: within the entity's group; a group with nothing observed falls back to all entities", () => {
    // groups a: (2, –, 4) → 3;  b: (6, –) → 6;  c: (–) → all observed (2, 4, 6) → 4
    const x = Float64Array.of(2, NaN, 4, 6, NaN, NaN);
    const cells = imputeColumn(x, { method: 'mean', by: 'industry' }, 'rd', ids, groupCodes(['a', 'a', 'a', 'b', 'b', 'c']));
    expect(cells).toEqual([
      { id: 'B', indicator: 'rd', method: 'mean', value: 3, group: 'a' },
      { id: 'E', indicator: 'rd', method: 'mean', value: 6, group: 'b' },
      { id: 'F', indicator: 'rd', method: 'mean', value: 4 },
    ]);
  });
  it('refuses a column missing for every entity, naming it', () => {
    expect(() => imputeColumn(Float64Array.of(NaN, NaN), { method: 'mean' }, 'awards', ids)).toThrow(/指标 awards 在所有参评实体上都缺失/);
  });
});
