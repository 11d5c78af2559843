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

/**
 * The pivot, with the parameter numbers of the plan's start and end years and of the period, and the
 * condition that picks the regions. Each value is sorted into a bucket (b = baseline, t = target,
 * a = actual); `distinct on` keeps the latest of each bucket; the rows travel as one JSON text of
 * arrays, which both drivers decode far faster than tens of thousands of rows.
 */
function pivotSql(regions: { join: string; where: string }, start: string, end: string, period: string): string {
  const bucket = `case
      when v.kind = 'actual' and v.period = ${period} then 'a'
      when v.kind = 'baseline' and v.year between ${start} - ${BASELINE_WINDOW} and ${start} - 1 then 'b'
      when v.kind = 'target' and v.year between ${start} and ${end} then 't' end`;
  return `
    with latest as (
      select distinct on (region_code, indicator_code, bucket) region_code, indicator_code, bucket, value, period, source
        from (select v.region_code, v.indicator_code, v.value::text as value, v.period, v.year, v.source, ${bucket} as bucket
                from indicator_values v ${regions.join} where ${regions.where} and (${bucket}) is not null) x
       order by region_code, indicator_code, bucket, year desc, period desc)
    select coalesce(json_agg(json_build_array(region_code, indicator_code, b, bp, t, tp, a, s)), '[]')::text as rows
      from (select region_code, indicator_code,
              max(value) filter (where bucket = 'b') as b, max(period) filter (where bucket = 'b') as bp,
              max(value) filter (where bucket = 't') as t, max(period) filter (where bucket = 't') as tp,
              max(value) filter (where bucket = 'a') as a, max(source) filter (where bucket = 'a') as s
              from latest group by region_code, indicator_code) p`;
}

async function pivot(db: Db, sql: string, params: unknown[]): Promise<ProgressRow[]> {
  const [{ rows }] = await db.query<{ rows: string }>(sql, params);
  return (JSON.parse(rows) as [string, string, string | null, string | null, string | null, string | null, string | null, ValueSource | null][]).map(
    ([regionCode, indicatorCode, baseline, baselinePeriod, target, targetPeriod, actual, actualSource]) => ({
      regionCode, indicatorCode, baseline, baselinePeriod, target, targetPeriod, actual, actualSource,
    }),
  );
}

/** Progress rows for the given regions. */
export async function progressRows(db: Db, regionCodes: string[], plan: Plan, period: string): Promise<ProgressRow[]> {
  if (regionCodes.length === 0) return [];
  return pivot(db, pivotSql({ join: '', where: 'v.region_code = any($1::text[])' }, '$2', '$3', '$4'), [regionCodes, plan.startYear, plan.endYear, period]);
}

/** Progress rows for every town and park directly under a district. */
export async function unitProgressRows(db: Db, districtCode: string, plan: Plan, period: string): Promise<ProgressRow[]> {
  return pivot(
    db,
    pivotSql({ join: 'join regions r on r.code = v.region_code', where: `r.parent_code = $1 and r.kind in ('town', 'park')` }, '$2', '$3', '$4'),
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
