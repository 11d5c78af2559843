/**
 * The plan's baselines and targets (indicator_values of kind 'baseline' and 'target', migrations/0002), read
 * for other rooms: the registry's doubling progress and its demo, which sizes the synthetic registry to the plan.
 */
import type { Db } from '@kechuang/platform-server';

export interface PlanValueRow {
  kind: 'baseline' | 'target';
  year: number;
  value: string;
}

/** A unit's latest baseline and latest target of one indicator (either may be missing). */
export async function latestBaselineAndTarget(db: Db, regionCode: string, indicatorCode: string): Promise<PlanValueRow[]> {
  return db.query<PlanValueRow>(
    `select distinct on (kind) kind, year, value::text as value from indicator_values
      where region_code = $1 and indicator_code = $2 and kind in ('baseline', 'target') order by kind, year desc`,
    [regionCode, indicatorCode],
  );
}

export interface UnitPlanRow {
  region: string;
  indicator: string;
  kind: 'baseline' | 'target';
  value: string;
}

/** The units' baselines of `baselinePeriod` and targets of `targetPeriod` of these indicators. */
export async function unitBaselinesAndTargets(
  db: Db,
  indicatorCodes: readonly string[],
  regionCodes: readonly string[],
  baselinePeriod: string,
  targetPeriod: string,
): Promise<UnitPlanRow[]> {
  return db.query<UnitPlanRow>(
    `select region_code as region, indicator_code as indicator, kind, value::text as value from indicator_values
      where indicator_code = any($1::text[]) and region_code = any($2::text[])
        and ((kind = 'baseline' and period = $3) or (kind = 'target' and period = $4))`,
    [[...indicatorCodes], [...regionCodes], baselinePeriod, targetPeriod],
  );
}

/** Whether any value is the demo's synthetic figures (the demo notice; a data directory the demo seeded). */
export async function hasSyntheticValues(db: Db): Promise<boolean> {
  const [row] = await db.query(`select 1 from indicator_values where source = 'synthetic' limit 1`);
  return !!row;
}

/** Whether the catalogue holds this indicator. */
export async function hasIndicator(db: Db, code: string): Promise<boolean> {
  const [row] = await db.query('select 1 from indicators where code = $1', [code]);
  return !!row;
}
