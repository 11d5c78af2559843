import { describe, expect, it } from 'vitest';
import { indicatorRanks, standings } from './league.ts';
import { rollUp } from './rollup.ts';

const L = (light: 'green' | 'yellow' | 'red' | 'grey', completion: number | null = null) => ({ indicatorCode: 'x', light, completion });

describe('league standings', () => {
  it('orders by share of green lights, then mean completion', () => {
    const s = standings([
      { regionCode: 'A', lights: [L('green', 0.5), L('red', 0.1)] },
      { regionCode: 'B', lights: [L('green', 0.6), L('green', 0.6)] },
      { regionCode: 'C', lights: [L('green', 0.9), L('yellow', 0.4)] },
    ]);
    expect(s.map((r) => [r.regionCode, r.rank])).toEqual([
      ['B', 1],
      ['C', 2],
      ['A', 3],
    ]);
    expect(s[0]).toMatchObject({ green: 2, greenShare: 1, completion: 0.6 });
  });
  it('gives equal results the same rank and skips the next (1, 2, 2, 4)', () => {
    const s = standings([
      { regionCode: 'A', lights: [L('green', 1)] },
      { regionCode: 'B', lights: [L('red', 0.2)] },
      { regionCode: 'C', lights: [L('red', 0.2)] },
      { regionCode: 'D', lights: [L('red', 0.1)] },
    ]);
    expect(s.map((r) => r.rank)).toEqual([1, 2, 2, 4]);
  });
  it('leaves grey lights out of the green share and puts units with no lights last', () => {
    const s = standings([
      { regionCode: 'A', lights: [L('grey'), L('grey')] },
      { regionCode: 'B', lights: [L('green', 0.7), L('grey')] },
    ]);
    expect(s[0]).toMatchObject({ regionCode: 'B', greenShare: 1, grey: 1 });
    expect(s[1]).toMatchObject({ regionCode: 'A', greenShare: null, rank: 2 });
  });
  it('ranks one indicator by completion, units without a figure unranked', () => {
    const r = indicatorRanks([
      { regionCode: 'A', completion: 0.3 },
      { regionCode: 'B', completion: null },
      { regionCode: 'C', completion: 0.8 },
    ]);
    expect(Object.fromEntries(r)).toEqual({ A: 2, B: null, C: 1 });
  });
});

describe('roll-up to the district', () => {
  const towns: Record<string, number[]> = { rd: [1, 2, 3], gdp: [100, 100, 100] };
  it('sums additive indicators', () => {
    expect(rollUp({ kind: 'sum' }, [3, 4, 5], (c) => towns[c])).toBe(12);
  });
  it('divides sums for ratio indicators', () => {
    expect(rollUp({ kind: 'ratio', numerator: 'rd', denominator: 'gdp', scale: 100 }, [], (c) => towns[c])).toBeCloseTo(2, 10);
  });
  it('does not roll up non-additive indicators or empty data', () => {
    expect(rollUp({ kind: 'none' }, [1, 2], (c) => towns[c])).toBeNull();
    expect(rollUp({ kind: 'sum' }, [], (c) => towns[c])).toBeNull();
  });
});
