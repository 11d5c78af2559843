/**
 * League table (亮灯赛绩) of towns and parks for one period.
 * Overall order: share of green lights among the indicators that have a light other than grey,
 * then mean completion, then the unit's code (so that the order is total and stable).
 * Ranks are standard competition ranks: equal results share a rank, the next rank skips (1, 2, 2, 4).
 */
import type { Light } from './progress.ts';

export interface UnitLight {
  indicatorCode: string;
  light: Light;
  completion: number | null;
}

export interface LeagueRow {
  regionCode: string;
  lights: UnitLight[];
}

export interface LeagueStanding {
  rank: number;
  regionCode: string;
  green: number;
  yellow: number;
  red: number;
  grey: number;
  greenShare: number | null;
  completion: number | null;
}

export function standings(rows: LeagueRow[]): LeagueStanding[] {
  const scored = rows.map((row) => {
    const count = { green: 0, yellow: 0, red: 0, grey: 0 };
    let completionSum = 0;
    let completionCount = 0;
    for (const l of row.lights) {
      count[l.light] += 1;
      if (l.completion !== null) {
        completionSum += l.completion;
        completionCount += 1;
      }
    }
    const lit = count.green + count.yellow + count.red;
    return {
      rank: 0,
      regionCode: row.regionCode,
      ...count,
      greenShare: lit === 0 ? null : count.green / lit,
      completion: completionCount === 0 ? null : completionSum / completionCount,
    };
  });
  scored.sort((a, b) => compareDesc(a.greenShare, b.greenShare) || compareDesc(a.completion, b.completion) || a.regionCode.localeCompare(b.regionCode));
  assignRanks(scored, (a, b) => a.greenShare === b.greenShare && a.completion === b.completion);
  return scored;
}

/** Ranks units on one indicator by completion (direction is already inside completion's sign). */
export function indicatorRanks(rows: { regionCode: string; completion: number | null }[]): Map<string, number | null> {
  const ranked = rows.filter((r) => r.completion !== null).map((r) => ({ ...r, rank: 0 }));
  ranked.sort((a, b) => compareDesc(a.completion, b.completion) || a.regionCode.localeCompare(b.regionCode));
  assignRanks(ranked, (a, b) => a.completion === b.completion);
  const out = new Map<string, number | null>(rows.map((r) => [r.regionCode, null]));
  for (const r of ranked) out.set(r.regionCode, r.rank);
  return out;
}

/** nulls last */
function compareDesc(a: number | null, b: number | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return b - a;
}

function assignRanks<T extends { rank: number }>(sorted: T[], tie: (a: T, b: T) => boolean): void {
  sorted.forEach((row, i) => {
    row.rank = i > 0 && tie(sorted[i - 1], row) ? sorted[i - 1].rank : i + 1;
  });
}
