/**
 * The leaders' cockpit (驾驶舱) for one period, its data year: the headline indicators with their lights (each
 * card the figures of that one year), the count of lights over the whole plan, the league of towns and parks,
 * and the headline trends.
 */
import { AppError } from '@kechuang/platform-core';
import { currentVersion, type Db, type Scope } from '@kechuang/platform-server';
import type { Light } from '../domain/index.ts';
import type { Plan } from '../db/catalogue-queries.ts';
import { computeReport, type ReportItem } from './compute-report.ts';
import { computeLeague, type LeagueItem } from './compute-league.ts';
import { computeTrend, type Trend } from './compute-trend.ts';
import { cached } from './cache.ts';

export interface Cockpit {
  region: { code: string; name: string; kind: string };
  /** the data year of every figure on it */
  period: string;
  planName: string;
  plan: Plan;
  headline: ReportItem[];
  lights: Record<Light, number>;
  league: Omit<LeagueItem, 'cells' | 'path'>[];
  unitCount: number;
  trends: Trend[];
}

export async function getCockpit(db: Db, scope: Scope, district: string, input: { period: string; region?: string; version?: number }): Promise<Cockpit> {
  // an account bound to one enterprise or carrier has no region to show: refused, not a server error
  if (scope.kind !== 'region')
    throw new AppError('FORBIDDEN_SCOPE', { message: { zh: '驾驶舱只对有地区范围的账号开放', en: 'The cockpit is open to accounts with a region only' } });
  const region = input.region ?? scope.regionCode;
  const version = input.version ?? (await currentVersion(db, 'indicators'));
  // the key holds the scope's region: a cached cockpit is only ever served within the same jurisdiction
  return cached(`cockpit|${version}|${scope.path}|${region}|${input.period}`, async () => {
    const report = await computeReport(db, scope, { region, period: input.period });
    const league = await computeLeague(db, scope, district, { period: input.period, version });
    const headline = report.items.filter((i) => i.isHeadline);
    const lights: Record<Light, number> = { green: 0, yellow: 0, red: 0, grey: 0 };
    for (const i of report.items) if (i.target !== null) lights[i.light] += 1;
    const trends = await Promise.all(headline.map((i) => computeTrend(db, scope, { region, indicator: i.code })));
    return {
      region: report.region,
      period: report.period,
      planName: report.plan.name,
      plan: report.plan,
      headline,
      lights,
      league: league.items.map(({ cells: _cells, path: _path, ...rest }) => rest),
      unitCount: league.unitCount,
      trends,
    };
  });
}
