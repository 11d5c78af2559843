import { describe, expect, it } from 'vitest';
import { competitionRank, rankOrder } from './rank.ts';
import { gradeByQuotas, gradeByThresholds, selectTopN, type Ranked } from './select.ts';

const ranked = (scores: number[], nodeScores?: Record<string, number[]>): Ranked => {
  const score = Float64Array.from(scores);
  return {
    ids: scores.map((_, i) => `E${String(i + 1).padStart(2, '0')}`),
    score,
    rank: competitionRank(score),
    nodeScores: nodeScores && new Map(Object.entries(nodeScores).map(([k, v]) => [k, Float64Array.from(v)])),
  };
};

describe('competition ranking ("1224")', () => {
  it('ties share the best rank of the tie and the next rank is skipped', () => {
    expect(Array.from(competitionRank(Float64Array.of(70, 90, 80, 80, 60)))).toEqual([4, 1, 2, 2, 5]);
  });
  it('treats scores equal to 9 decimals as tied (0.1 + 0.2 and 0.3 differ by 5.6e-17)', () => {
    expect(Array.from(competitionRank(Float64Array.of(0.1 + 0.2, 0.3, 0.2999999)))).toEqual([1, 1, 3]);
  });
  it('lists tied entities in input order', () => {
    expect(rankOrder(Int32Array.of(2, 1, 2, 4))).toEqual([1, 0, 2, 3]);
  });
});

const TOP = [
  { name: '引领Top10', size: 10 },
  { name: '优秀', size: 10 },
];

describe('Top-N with tiers (10 + 10)', () => {
  it('takes places 1–10 into the first tier and 11–20 into the second', () => {
    const r = selectTopN(ranked(Array.from({ length: 25 }, (_, i) => 100 - i)), TOP);
    expect(r.selected.map((s) => s.tier)).toEqual([...new Array<string>(10).fill('引领Top10'), ...new Array<string>(10).fill('优秀')]);
    expect(r.selected.map((s) => s.id).slice(9, 11)).toEqual(['E10', 'E11']);
    expect(r.tiers).toEqual([
      { name: '引领Top10', size: 10, count: 10, overfull: false },
      { name: '优秀', size: 10, count: 10, overfull: false },
    ]);
  });

  it('admits a tie straddling the 10th place whole to the first tier, flagged; the second tier still ends at place 20', () => {
    // places 1–8 distinct, then three entities tied at place 9 (positions 9, 10, 11), the next is place 12
    const scores = [...Array.from({ length: 8 }, (_, i) => 100 - i), 90, 90, 90, ...Array.from({ length: 14 }, (_, i) => 80 - i)];
    const r = selectTopN(ranked(scores), TOP);
    const top = r.selected.filter((s) => s.tier === '引领Top10');
    expect(top).toHaveLength(11);
    expect(top.slice(8).map((s) => [s.id, s.place, s.tiedAtCutoff])).toEqual([
      ['E09', 9, true],
      ['E10', 9, true],
      ['E11', 9, true],
    ]);
    expect(r.tiers.map((t) => [t.count, t.overfull])).toEqual([
      [11, true],
      [9, false],
    ]);
    expect(r.selected.at(-1)).toMatchObject({ id: 'E20', place: 20 });
  });

  it('breaks ties by the named nodes first (higher score first), then flags only what is still tied', () => {
    const scores = [...Array.from({ length: 8 }, (_, i) => 100 - i), 90, 90, 90, ...Array.from({ length: 14 }, (_, i) => 80 - i)];
    const output = scores.map((_, i) => (i === 10 ? 99 : i === 8 ? 98 : 50));
    const r = selectTopN(ranked(scores, { output }), TOP, ['output']);
    expect(r.selected.slice(8, 11).map((s) => [s.id, s.place, s.tier])).toEqual([
      ['E11', 9, '引领Top10'],
      ['E09', 10, '引领Top10'],
      ['E10', 11, '优秀'],
    ]);
    expect(r.tiers.map((t) => t.count)).toEqual([10, 10]);
    expect(() => selectTopN(ranked(scores), TOP, ['nope'])).toThrow(/并列裁决节点 nope 不在方案中/);
  });

  it('refuses when fewer entities are scored than N asks for', () => {
    expect(() => selectTopN(ranked([3, 2, 1]), TOP)).toThrow(
      expect.objectContaining({ reason: 'SELECTION_TOO_FEW', message: '参评实体只有 3 个，少于 Top-20（引领Top10 10 + 优秀 10）所需的 20 个' }),
    );
  });
});

describe('grades', () => {
  it('by thresholds: score ≥ 90 A, ≥ 75 B, else C (89.9999999999 counts as 90 by the tie rule)', () => {
    const g = gradeByThresholds(ranked([95, 89.9999999999, 80, 75, 60]), [{ grade: 'A', min: 90 }, { grade: 'B', min: 75 }, { grade: 'C' }]);
    expect(g.grades).toEqual(['A', 'A', 'B', 'B', 'C']);
    expect(g.counts).toEqual([
      { grade: 'A', count: 2 },
      { grade: 'B', count: 2 },
      { grade: 'C', count: 1 },
    ]);
  });
  it('by thresholds: entities below the last threshold get none; thresholds must fall', () => {
    expect(gradeByThresholds(ranked([95, 50]), [{ grade: 'A', min: 90 }]).grades).toEqual(['A', null]);
    expect(() =>
      gradeByThresholds(ranked([1]), [
        { grade: 'A', min: 70 },
        { grade: 'B', min: 80 },
      ]),
    ).toThrow(/等级分数线应从高到低/);
  });
  it('by quotas: A at most 20% of 10 = 2; the tie at rank 2 (two entities) would make 3, so it goes to B whole', () => {
    // ranks: 1, 2, 2, 4, 5, 6, 7, 8, 9, 10
    const g = gradeByQuotas(ranked([100, 90, 90, 80, 70, 60, 50, 40, 30, 20]), [{ grade: 'A', maxShare: 0.2 }, { grade: 'B', maxShare: 0.5 }, { grade: 'C' }]);
    expect(g.grades).toEqual(['A', 'B', 'B', 'B', 'B', 'B', 'C', 'C', 'C', 'C']);
    expect(g.counts).toEqual([
      { grade: 'A', count: 1, cap: 2 },
      { grade: 'B', count: 5, cap: 5 },
      { grade: 'C', count: 4 },
    ]);
  });
  it('by quotas: without ties the quota is filled exactly', () => {
    const g = gradeByQuotas(ranked([10, 9, 8, 7, 6]), [{ grade: 'A', maxShare: 0.4 }, { grade: 'B' }]);
    expect(g.grades).toEqual(['A', 'A', 'B', 'B', 'B']);
  });
});
