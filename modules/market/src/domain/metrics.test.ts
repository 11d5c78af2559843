import { describe, expect, it } from 'vitest';
import { dcg, ndcgAt, recallAt } from './metrics.ts';
import { scoreCases, summariseByKind } from './evaluate.ts';

const judged = new Map([
  ['a', 3],
  ['b', 2],
  ['c', 0],
  ['d', 1],
]);

describe('nDCG and recall on a hand-computed case', () => {
  it('dcg: gains 2^g − 1 over log2(rank + 1)', () => {
    // 7/1 + 3/log2(3) + 0/2 = 7 + 1.892789…
    expect(dcg([3, 2, 0], 10)).toBeCloseTo(7 + 3 / Math.log2(3), 10);
    expect(dcg([3, 2, 0], 1)).toBe(7);
  });

  it('ndcg@k: the ranking’s dcg over the ideal ordering of every judged listing', () => {
    // ranking b, x, a: 3/1 + 0 + 7/2 = 6.5; ideal a, b, d: 7 + 3/1.5849625 + 1/2 = 9.392789…
    const ideal = 7 + 3 / Math.log2(3) + 1 / 2;
    expect(ndcgAt(['b', 'x', 'a'], judged, 10)).toBeCloseTo(6.5 / ideal, 10);
    expect(ndcgAt(['a', 'b', 'd'], judged, 10)).toBe(1);
    // at k = 1 only the first counts: b (3) against a (7)
    expect(ndcgAt(['b', 'a'], judged, 1)).toBeCloseTo(3 / 7, 10);
    expect(ndcgAt([], judged, 10)).toBe(0);
  });

  it('recall@k counts the listings graded 2 or 3 found in the first k', () => {
    expect(recallAt(['x', 'a', 'd', 'b'], judged, 2)).toBe(0.5);
    expect(recallAt(['x', 'a', 'd', 'b'], judged, 4)).toBe(1);
    expect(recallAt(['a'], new Map([['a', 1]]), 10)).toBeNaN();
  });

  it('averages per kind of case and overall', () => {
    const judgments = new Map([
      ['D1', judged],
      ['D2', new Map([['z', 3]])],
    ]);
    const scores = scoreCases(
      [
        { demand: 'D1', kind: 'symptom', ranking: ['a', 'b', 'd'] },
        { demand: 'D2', kind: 'plain', ranking: ['y', 'z'] },
      ],
      judgments,
    );
    const byKind = summariseByKind(scores);
    expect(byKind.map((k) => k.kind)).toEqual(['symptom', 'plain', 'all']);
    expect(byKind[1].ndcg10).toBeCloseTo(1 / Math.log2(3), 10);
    expect(byKind[2].ndcg10).toBeCloseTo((1 + 1 / Math.log2(3)) / 2, 10);
    expect(byKind[2].recall50).toBe(1);
  });
});
