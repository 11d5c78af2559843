/**
 * A ranked entity's stability: the last place its tier reaches (10 for the Top10, 20 for the next ten; for a grade,
 * the places its grade and the better ones hold; otherwise the first 20), and whether its 95% rank over the Monte
 * Carlo samples stays within it.
 */
import type { RunRow } from '../db/run-queries.ts';

export const UNSELECTED_SHOWN = 20;

export interface CutoffRow {
  tier: string | null;
  rank: number;
  rankP95: number | null;
}

/**
 * the last place an entity's tier reaches; in a run graded by quota (绩效评价, the grade kept as the tier), the last
 * place its grade and the better ones reach (A 1, B 5 …); without either, the number of entities shown
 */
export function cutoffOf(run: Pick<RunRow, 'summary' | 'scoredCount'>, tier: string | null): number {
  const tiers = run.summary.tiers;
  const grades = run.summary.grades;
  if ((!tiers || tiers.length === 0) && grades?.length && tier !== null && grades.some((g) => g.grade === tier)) {
    let sum = 0;
    for (const g of grades) {
      sum += g.count;
      if (g.grade === tier) return sum;
    }
  }
  if (!tiers || tiers.length === 0) return Math.min(UNSELECTED_SHOWN, run.scoredCount);
  let sum = 0;
  for (const t of tiers) {
    sum += t.size;
    if (t.name === tier) return sum;
  }
  return sum;
}

export const isStable = (run: Pick<RunRow, 'summary' | 'scoredCount'>, r: CutoffRow): boolean => r.rankP95 !== null && r.rankP95 <= cutoffOf(run, r.tier);
