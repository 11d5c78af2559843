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
  /** the actual is demo data: stored as synthetic, or computed from synthetic records */
  actualSynthetic: boolean;
}

/**
 * A plan's baseline is the latest one in the few years before it starts (the 14th plan states 2020
 * figures, and 2019 where 2020 was not yet published), so an older plan's baseline never leaks in.
 */
export const BASELINE_WINDOW = 3;

/** a value that is demo data: stored as synthetic, or computed by the platform from synthetic records */
const SYNTHETIC = `(v.source = 'synthetic' or (v.source = 'computed' and v.computed_from_synthetic))`;

/**
 * The pivot, with the parameter numbers of the plan's start and end years and of the period, and the
 * condition that picks the regions. The latest baseline and target are picked with a plain `max` over
 * "year + period | value" (the year is four digits, so text order is time order): one hash aggregate,
 * no sort. The rows travel as one JSON text of arrays, which both drivers decode far faster than tens
 * of thousands of rows.
 */
function pivotSql(regions: { join: string; where: string }, start: string, end: string, period: string): string {
  const actual = `v.kind = 'actual' and v.period = ${period}`;
  const baseline = `v.kind = 'baseline' and v.year between ${start} - ${BASELINE_WINDOW} and ${start} - 1`;
  const target = `v.kind = 'target' and v.year between ${start} and ${end}`;
  const latest = `v.year || v.period || '|' || v.value`;
  return `
    select coalesce(json_agg(json_build_array(region_code, indicator_code, b, t, a, s, y)), '[]')::text as rows
      from (select v.region_code, v.indicator_code,
              max(${latest}) filter (where ${baseline}) as b,
              max(${latest}) filter (where ${target}) as t,
              max(v.value::text) filter (where ${actual}) as a,
              max(v.source) filter (where ${actual}) as s,
              coalesce(bool_or(${SYNTHETIC}) filter (where ${actual}), false) as y
              from indicator_values v ${regions.join}
             where ${regions.where} and ((${actual}) or (${baseline}) or (${target}))
             group by v.region_code, v.indicator_code) p`;
}

/** "2020" + "2020" + "|" + "2.43" → period "2020", value "2.43" */
function splitLatest(packed: string | null): [period: string | null, value: string | null] {
  if (packed === null) return [null, null];
  const bar = packed.lastIndexOf('|');
  return [packed.slice(4, bar), packed.slice(bar + 1)];
}

async function pivot(db: Db, sql: string, params: unknown[]): Promise<ProgressRow[]> {
  const [{ rows }] = await db.query<{ rows: string }>(sql, params);
  return (JSON.parse(rows) as [string, string, string | null, string | null, string | null, ValueSource | null, boolean][]).map(
    ([regionCode, indicatorCode, b, t, actual, actualSource, actualSynthetic]) => {
      const [baselinePeriod, baseline] = splitLatest(b);
      const [targetPeriod, target] = splitLatest(t);
      return { regionCode, indicatorCode, baseline, baselinePeriod, target, targetPeriod, actual, actualSource, actualSynthetic };
    },
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
  source: ValueSource;
  synthetic: boolean;
}

/** Every value of one indicator for the given regions (for trends and roll-ups over time). */
export async function seriesRows(
  db: Db,
  regionCodes: string[],
  indicatorCodes: string[],
): Promise<(SeriesPoint & { regionCode: string; indicatorCode: string })[]> {
  return db.query(
    `select region_code as "regionCode", indicator_code as "indicatorCode", kind, period, year, value::text as value, source, ${SYNTHETIC} as synthetic
       from indicator_values v where region_code = any($1::text[]) and indicator_code = any($2::text[])
       order by year, period`,
    [regionCodes, indicatorCodes],
  );
}

/** A figure computed by the platform (an actual with source 'computed') and a baseline of the same region, indicator and period. */
export interface ComputedBesideBaseline {
  regionCode: string;
  indicatorCode: string;
  period: string;
  computed: string;
  baseline: string;
  baselineSource: ValueSource;
}

/**
 * Where both a computed actual and a baseline stated elsewhere (a plan, an import, a hand-entered figure) are
 * stored for the same region, indicator and period — the 14th plan's 2020 base beside the registry's 2020 count.
 */
export async function computedBesideBaselines(db: Db, regionCodes: string[], periods: string[]): Promise<ComputedBesideBaseline[]> {
  if (regionCodes.length === 0 || periods.length === 0) return [];
  return db.query<ComputedBesideBaseline>(
    `select c.region_code as "regionCode", c.indicator_code as "indicatorCode", c.period, c.value::text as computed,
            b.value::text as baseline, b.source as "baselineSource"
       from indicator_values c
       join indicator_values b on b.region_code = c.region_code and b.indicator_code = c.indicator_code and b.period = c.period and b.kind = 'baseline'
      where c.kind = 'actual' and c.source = 'computed' and b.source <> 'computed'
        and c.region_code = any($1::text[]) and c.period = any($2::text[])`,
    [regionCodes, periods],
  );
}
