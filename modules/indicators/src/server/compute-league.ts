/**
 * League table (亮灯赛绩) of the home district's towns and parks for one period. The whole table is
 * computed once per data version and cached; each viewer then sees the rows of their jurisdiction
 * (a town officer: their own row, with its rank among all units).
 */
import { reportingUnits, currentVersion, isInScope, type Db, type Region, type Scope } from '@kechuang/platform-server';
import { indicatorRanks, standings, type Light } from '../domain/index.ts';
import { allIndicators, resolvePlan, type Plan } from '../db/catalogue-queries.ts';
import { unitProgressRows } from '../db/value-queries.ts';
import { requirePeriod, toReportItem } from './compute-report.ts';
import { cached } from './cache.ts';

export interface LeagueCell {
  light: Light;
  completion: number | null;
  actual: number | null;
  expected: number | null;
  rank: number | null;
}
export interface LeagueItem {
  rank: number;
  regionCode: string;
  regionName: string;
  kind: string;
  path: string;
  green: number;
  yellow: number;
  red: number;
  grey: number;
  greenShare: number | null;
  completion: number | null;
  cells: Record<string, LeagueCell>;
}
export interface League {
  period: string;
  plan: Plan;
  unitCount: number;
  indicators: { code: string; name: string; nameEn: string; unit: string; precision: number }[];
  items: LeagueItem[];
}

async function computeWholeLeague(db: Db, district: string, planCode: string | undefined, periodText: string): Promise<League> {
  const period = requirePeriod(periodText);
  const plan = await resolvePlan(db, planCode, period.year);
  const [indicators, units, rows] = await Promise.all([
    allIndicators(db),
    reportingUnits(db, district),
    unitProgressRows(db, district, plan, period.text),
  ]);
  const byUnit = new Map<string, Map<string, (typeof rows)[number]>>();
  const planned = new Set<string>();
  for (const r of rows) {
    if (!byUnit.has(r.regionCode)) byUnit.set(r.regionCode, new Map());
    byUnit.get(r.regionCode)!.set(r.indicatorCode, r);
    if (r.target !== null && r.baseline !== null) planned.add(r.indicatorCode);
  }
  const inLeague = indicators.filter((i) => planned.has(i.code));
  const cells = new Map<string, Record<string, LeagueCell>>();
  for (const u of units) {
    const own = byUnit.get(u.code);
    const record: Record<string, LeagueCell> = {};
    for (const i of inLeague) {
      const item = toReportItem(i, own?.get(i.code), plan, period);
      record[i.code] = { light: item.light, completion: item.completion, actual: item.actual, expected: item.expected, rank: null };
    }
    cells.set(u.code, record);
  }
  for (const i of inLeague) {
    const ranks = indicatorRanks(units.map((u) => ({ regionCode: u.code, completion: cells.get(u.code)![i.code].completion })));
    for (const u of units) cells.get(u.code)![i.code].rank = ranks.get(u.code) ?? null;
  }
  const table = standings(
    units.map((u) => ({
      regionCode: u.code,
      lights: inLeague.map((i) => ({ indicatorCode: i.code, light: cells.get(u.code)![i.code].light, completion: cells.get(u.code)![i.code].completion })),
    })),
  );
  const unitBy = new Map<string, Region>(units.map((u) => [u.code, u]));
  return {
    period: period.text,
    plan,
    unitCount: units.length,
    indicators: inLeague.map((i) => ({ code: i.code, name: i.nameZh, nameEn: i.nameEn, unit: i.unit, precision: i.precision })),
    items: table.map((s) => {
      const u = unitBy.get(s.regionCode)!;
      return { ...s, regionName: u.name, kind: u.kind, path: u.path, cells: cells.get(s.regionCode)! };
    }),
  };
}

export async function computeLeague(db: Db, scope: Scope, district: string, input: { period: string; plan?: string }): Promise<League> {
  const version = await currentVersion(db, 'indicators');
  const whole = await cached(`league|${version}|${district}|${input.plan ?? ''}|${input.period}`, () =>
    computeWholeLeague(db, district, input.plan, input.period),
  );
  return { ...whole, items: whole.items.filter((i) => isInScope(scope, i)) };
}
