import { describe, expect, it } from 'vitest';
import { B, InvertedIndex, K1, topK } from './bm25.ts';

describe('InvertedIndex', () => {
  const ix = new InvertedIndex();
  ix.add(
    new Map([
      ['电池', 2],
      ['回收', 1],
    ]),
  ); // length 3
  ix.add(new Map([['电池', 1]])); // length 1
  ix.add(new Map([['涂料', 1]])); // length 1

  it('scores BM25 by hand: idf ln(1 + (N − df + 0.5)/(df + 0.5)), tf saturation and length normalisation', () => {
    const idf = Math.log(1 + (3 - 2 + 0.5) / (2 + 0.5));
    const avg = 5 / 3;
    const part = (tf: number, len: number) => (tf * (K1 + 1)) / (tf + K1 * (1 - B + (B * len) / avg));
    const { docs, scores } = ix.score(new Map([['电池', 1]]));
    expect([...docs].sort()).toEqual([0, 1]);
    expect(scores[0]).toBeCloseTo(idf * part(2, 3), 12);
    expect(scores[1]).toBeCloseTo(idf * part(1, 1), 12);
    expect(ix.termScore('电池', 1, 2, 0)).toBeCloseTo(scores[0], 12);
    expect(ix.tf('电池', 1)).toBe(1);
    expect(ix.tf('回收', 1)).toBe(0);
  });

  it('a rarer term weighs more, and a query weight scales its share', () => {
    expect(ix.idf('回收')).toBeGreaterThan(ix.idf('电池'));
    const once = ix.score(new Map([['回收', 1]])).scores[0];
    expect(ix.score(new Map([['回收', 2]])).scores[0]).toBeCloseTo(2 * once, 12);
  });
});

describe('topK', () => {
  const scores = [0, 5, 3, 5, 9, 1, 0.5];
  const all = scores.map((_, d) => d);

  it('keeps the k best above 0, best first, ties in document order', () => {
    expect(topK(all, (d) => scores[d], 3)).toEqual([
      { d: 4, s: 9 },
      { d: 1, s: 5 },
      { d: 3, s: 5 },
    ]);
    expect(topK([3, 1, 4], (d) => scores[d], 2).map((x) => x.d)).toEqual([4, 1]);
    expect(topK(all, (d) => scores[d], 100).map((x) => x.d)).toEqual([4, 1, 3, 2, 5, 6]);
    expect(topK(all, (d) => scores[d], 0)).toEqual([]);
  });
});

describe('topK with an upper bound', () => {
  it('gives the same answer as without, skipping the listings the bound rules out', () => {
    const raw = Array.from({ length: 200 }, (_, d) => ((d * 7919) % 101) / 10);
    const lift = (d: number) => 1 + (d % 3) * 0.2;
    const docs = raw.map((_, d) => d);
    let scored = 0;
    const score = (d: number) => {
      scored++;
      return raw[d] * lift(d);
    };
    const plain = topK(docs, (d) => raw[d] * lift(d), 10);
    expect(topK(docs, score, 10, (d) => raw[d] * 1.4)).toEqual(plain);
    expect(scored).toBeLessThan(docs.length);
  });
});
