/**
 * League table (亮灯赛绩) of the home district's towns and parks for one period. The whole table is
 * computed once per data version and cached; each viewer then sees the rows of their jurisdiction
 * (a town officer: their own row, with its rank among all units).
 */
import { reportingUnits, currentVersion, isInScope, type Db, type Region, type Scope } from '@kechuang/platform-server';
import { parsePeriod, periodPosition, roundTo } from '@kechuang/platform-core';
import { computeProgress, indicatorRanks, standings, type LeagueStanding, type Light } from '../domain/index.ts';
import { allIndicators, resolvePlan, type Plan } from '../db/catalogue-queries.ts';
import { unitProgressRows } from '../db/value-queries.ts';
import { requirePeriod } from './compute-report.ts';
import { cached } from './cache.ts';

export interface LeagueCell {
  light: Light;
  completion: number | null;
  actual: number | null;
  expected: number | null;
  rank: number | null;
}
export interface LeagueItem extends LeagueStanding {
  regionName: string;
  kind: string;
  path: string;
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
  const [indicators, units, rows] = await Promise.all([allIndicators(db), reportingUnits(db, district), unitProgressRows(db, district, plan, period.text)]);
  const byUnit = new Map<string, Map<string, (typeof rows)[number]>>();
  const planned = new Set<string>();
  for (const r of rows) {
    if (!byUnit.has(r.regionCode)) byUnit.set(r.regionCode, new Map());
    byUnit.get(r.regionCode)!.set(r.indicatorCode, r);
    if (r.target !== null && r.baseline !== null) planned.add(r.indicatorCode);
  }
  const inLeague = indicators.filter((i) => planned.has(i.code));
  // one pass over the unit × indicator grid; each period string is placed on the year axis once
  const positions = new Map<string, number>();
  const position = (p: string) => positions.get(p) ?? positions.set(p, periodPosition(parsePeriod(p)!)).get(p)!;
  const at = periodPosition(period);
  const num = (v: string | null) => (v === null ? null : Number(v));
  const cells = new Map<string, Record<string, LeagueCell>>();
  for (const u of units) {
    const own = byUnit.get(u.code);
    const record: Record<string, LeagueCell> = {};
    for (const i of inLeague) {
      const r = own?.get(i.code);
      const [b, t, a] = [num(r?.baseline ?? null), num(r?.target ?? null), num(r?.actual ?? null)];
      const p = computeProgress({
        direction: i.direction,
        trajectory: i.trajectory,
        baseline: b === null ? null : { position: position(r!.baselinePeriod!), value: b },
        target: t === null ? null : { position: position(r!.targetPeriod!), value: t },
        actual: a,
        position: at,
        yellowThreshold: plan.yellowThreshold,
      });
      record[i.code] = {
        light: p.light,
        completion: p.completion === null ? null : roundTo(p.completion, 4),
        actual: a,
        expected: p.expected === null ? null : roundTo(p.expected, i.precision + 2),
        rank: null,
      };
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

/** `version`: the data version when the caller already knows it (read with the session), else read here. */
export interface LeagueInput {
  period: string;
  plan?: string;
  version?: number;
}

async function wholeLeague(db: Db, district: string, input: LeagueInput): Promise<League> {
  const version = input.version ?? (await currentVersion(db, 'indicators'));
  return cached(`league|${version}|${district}|${input.plan ?? ''}|${input.period}`, () => computeWholeLeague(db, district, input.plan, input.period));
}

export async function computeLeague(db: Db, scope: Scope, district: string, input: LeagueInput): Promise<League> {
  const whole = await wholeLeague(db, district, input);
  return { ...whole, items: whole.items.filter((i) => isInScope(scope, i)) };
}

/** Periods with actuals, newest first (the client opens the first). */
export async function periodsWithActuals(db: Db): Promise<string[]> {
  const rows = await db.query<{ period: string }>(`select distinct period from indicator_values where kind = 'actual' order by period desc`);
  return rows.map((r) => r.period);
}

/**
 * The period the pages open on: the newest with actuals for at least half as many indicators as the best-covered
 * period. A year under way has a few running figures (the technology contracts registered so far) long before its
 * statistics come in; opening the cockpit on it would show a page of blanks. Null without any actual.
 */
export async function defaultPeriod(db: Db): Promise<string | null> {
  const [row] = await db.query<{ period: string }>(
    `with covered as (select period, count(distinct indicator_code) as n from indicator_values where kind = 'actual' group by period)
     select period from covered where n * 2 >= (select max(n) from covered) order by period desc limit 1`,
  );
  return row?.period ?? null;
}

/**
 * Computes, off the request path, the league of the period the client opens by default: called after
 * every write and at start-up, so the first reader after an import finds it ready (or joins the
 * computation already under way) instead of paying for it. Failures are left to the next reader.
 */
export function warmLeague(db: Db, district: string): void {
  const warming = (async () => {
    const period = await defaultPeriod(db);
    if (period) await wholeLeague(db, district, { period });
  })().catch(() => undefined);
  inFlight.add(warming);
  void warming.finally(() => inFlight.delete(warming));
}

const inFlight = new Set<Promise<unknown>>();

/** Resolves when no warm-up is running (before closing the database). */
export async function warmupsSettled(): Promise<void> {
  await Promise.allSettled([...inFlight]);
}
