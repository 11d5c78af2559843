/**
 * The evaluation room's towns' scoreboard input, read from this room's tables (migrations/0002): the indicator
 * catalogue (names, units, directions, categories) and the actuals of the reporting units for one period.
 */
import type { Db } from '@kechuang/platform-server';

export interface CatalogueEntry {
  code: string;
  name: string;
  unit: string;
  direction: 'higher' | 'lower';
  category: string;
}

export async function indicatorCatalogue(db: Db): Promise<CatalogueEntry[]> {
  return db.query<CatalogueEntry>('select code, name_zh as name, unit, direction, category from indicators order by sort, code');
}

export interface ActualRow {
  regionCode: string;
  indicatorCode: string;
  value: number;
}

export async function unitActuals(db: Db, regionCodes: string[], period: string): Promise<ActualRow[]> {
  return db.query<ActualRow>(
    `select region_code as "regionCode", indicator_code as "indicatorCode", value::float8 as value
       from indicator_values where kind = 'actual' and period = $1 and region_code = any($2::text[])`,
    [period, regionCodes],
  );
}

/** Periods with actuals for any town or park of the district, newest first. */
export async function actualPeriods(db: Db, districtCode: string): Promise<string[]> {
  const rows = await db.query<{ period: string }>(
    `select distinct v.period from indicator_values v join regions r on r.code = v.region_code
      where v.kind = 'actual' and r.parent_code = $1 and r.kind in ('town', 'park') order by v.period desc`,
    [districtCode],
  );
  return rows.map((r) => r.period);
}
