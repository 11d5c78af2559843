import { describe, expect, it } from 'vitest';
import type { RunSummary } from '../contract/schemas.ts';
import { cutoffOf, isStable } from './stability.ts';

const run = (summary: Partial<RunSummary>, scoredCount: number) => ({ summary: { tiers: null, grades: null, ...summary } as RunSummary, scoredCount });

describe('the places a ranked entity must keep to be stable', () => {
  it('a tier: its last place (10 for the Top10, 20 for the next ten)', () => {
    const r = run(
      {
        tiers: [
          { name: 'Top10', size: 10, count: 10, overfull: false },
          { name: '优秀', size: 10, count: 10, overfull: false },
        ],
      },
      300,
    );
    expect([cutoffOf(r, 'Top10'), cutoffOf(r, '优秀'), cutoffOf(r, null)]).toEqual([10, 20, 20]);
  });

  it('a grade by quota: the places it and the better grades hold (A 1, B 5, C all)', () => {
    const r = run(
      {
        grades: [
          { grade: 'A', count: 1, cap: 1 },
          { grade: 'B', count: 4, cap: 4 },
          { grade: 'C', count: 3 },
        ],
      },
      8,
    );
    expect([cutoffOf(r, 'A'), cutoffOf(r, 'B'), cutoffOf(r, 'C')]).toEqual([1, 5, 8]);
    expect(isStable(r, { tier: 'A', rank: 1, rankP95: 2 })).toBe(false);
    expect(isStable(r, { tier: 'B', rank: 3, rankP95: 5 })).toBe(true);
  });

  it('neither: the first 20 shown, or all when fewer', () => {
    expect(cutoffOf(run({}, 300), null)).toBe(20);
    expect(cutoffOf(run({}, 12), null)).toBe(12);
  });
});
