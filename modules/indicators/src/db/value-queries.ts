/**
 * Reads of indicator values shaped for progress: one row per (region, indicator) with the plan's
 * baseline (the latest in the years just before the plan starts), its target (the latest within the plan) and the
 * actual of one period. Pivoted in SQL so that a league over 1,000 units × 50 indicators moves
 * 50,000 rows, not 150,000.
 */
import type { Db } from '@kechuang/platform-server';
import type { z } from 'zod';
import type { Plan } from './catalogue-queries.ts';
import type { ZValueSource } from '../contract/schemas.ts';

export type ValueSource = z.infer<typeof ZValueSource>;

export interface ProgressRow {
  regionCode: string;
  indicatorCode: string;
  baseline: string | null;
  baselinePeriod: string | null;
  target: string | null;
  targetPeriod: string | null;
  actual: string | null;
  actualSource: ValueSource | null;
}

/**
 * A plan's baseline is the latest one in the few years before it starts (the 14th plan states 2020
 * figures, and 2019 where 2020 was not yet published), so an older plan's baseline never leaks in.
 */
export const BASELINE_WINDOW = 3;

/** The pivot, with the parameter numbers of the plan's start and end years and of the period. */
function pivot(start: string, end: string, period: string): { select: string; relevant: string } {
  const baseline = `v.kind = 'baseline' and v.year between ${start} - ${BASELINE_WINDOW} and ${start} - 1`;
  const target = `v.kind = 'target' and v.year between ${start} and ${end}`;
  const actual = `v.kind = 'actual' and v.period = ${period}`;
  const latest = 'order by v.year desc, v.period desc';
  return {
    select: `select v.region_code as "regionCode", v.indicator_code as "indicatorCode",
      (array_agg(v.value::text ${latest}) filter (where ${baseline}))[1] as baseline,
      (array_agg(v.period ${latest}) filter (where ${baseline}))[1] as "baselinePeriod",
      (array_agg(v.value::text ${latest}) filter (where ${target}))[1] as target,
      (array_agg(v.period ${latest}) filter (where ${target}))[1] as "targetPeriod",
      (array_agg(v.value::text) filter (where ${actual}))[1] as actual,
      (array_agg(v.source) filter (where ${actual}))[1] as "actualSource"
    from indicator_values v`,
    relevant: `((${actual}) or (${baseline}) or (${target}))`,
  };
}

/** Progress rows for the given regions. */
export async function progressRows(db: Db, regionCodes: string[], plan: Plan, period: string): Promise<ProgressRow[]> {
  if (regionCodes.length === 0) return [];
  const q = pivot('$2', '$3', '$4');
  return db.query<ProgressRow>(`${q.select} where v.region_code = any($1::text[]) and ${q.relevant} group by 1, 2`, [
    regionCodes,
    plan.startYear,
    plan.endYear,
    period,
  ]);
}

/** Progress rows for every town and park directly under a district. */
export async function unitProgressRows(db: Db, districtCode: string, plan: Plan, period: string): Promise<ProgressRow[]> {
  const q = pivot('$2', '$3', '$4');
  return db.query<ProgressRow>(
    `${q.select} join regions r on r.code = v.region_code
     where r.parent_code = $1 and r.kind in ('town', 'park') and ${q.relevant} group by 1, 2`,
    [districtCode, plan.startYear, plan.endYear, period],
  );
}

export interface SeriesPoint {
  kind: 'baseline' | 'target' | 'actual';
  period: string;
  year: number;
  value: string;
  source: string;
}

/** Every value of one indicator for the given regions (for trends and roll-ups over time). */
export async function seriesRows(db: Db, regionCodes: string[], indicatorCodes: string[]): Promise<(SeriesPoint & { regionCode: string; indicatorCode: string })[]> {
  return db.query(
    `select region_code as "regionCode", indicator_code as "indicatorCode", kind, period, year, value::text as value, source
       from indicator_values where region_code = any($1::text[]) and indicator_code = any($2::text[])
       order by year, period`,
    [regionCodes, indicatorCodes],
  );
}
