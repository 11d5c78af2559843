/**
 * The trend of one indicator in one region: yearly actuals (own or rolled up) with their source, the
 * expected path of the plan's trajectory, the baseline and the target — what the trend chart draws. Without
 * a plan asked for, the plan is the current one, or else the newest plan with a baseline or target of the
 * indicator in the region (the 13th plan for an indicator only it had). Where a year's actual is a computed
 * figure and a baseline stated for that year differs from it, the point carries that baseline too.
 */
import { parsePeriod, periodPosition, roundTo } from '@kechuang/platform-core';
import { assertRegionInScope, reportingUnits, type Db, type Scope } from '@kechuang/platform-server';
import { computeProgress, expectedValue, rollUp, rollupInputs } from '../domain/index.ts';
import type { z } from 'zod';
import type { ZTrendPoint } from '../contract/schemas.ts';
import { allPlans, getIndicator, resolvePlan, type Plan } from '../db/catalogue-queries.ts';
import { BASELINE_WINDOW, seriesRows } from '../db/value-queries.ts';
import { rollupOf } from './compute-report.ts';

export interface Trend {
  region: { code: string; name: string };
  indicator: { code: string; name: string; unit: string; precision: number; direction: 'higher' | 'lower'; dataSource: string; computedBasis: string };
  plan: Plan;
  baseline: { period: string; value: number } | null;
  target: { period: string; value: number } | null;
  points: TrendPoint[];
}

type TrendPoint = z.infer<typeof ZTrendPoint>;

type Row = Awaited<ReturnType<typeof seriesRows>>[number];

const inPlan = (plan: Plan) => ({
  baseline: (year: number) => year < plan.startYear && year >= plan.startYear - BASELINE_WINDOW,
  target: (year: number) => year >= plan.startYear && year <= plan.endYear,
});

/** the plan asked for; else the current one if it has a baseline or target of the indicator here; else the newest that has */
async function trendPlan(db: Db, code: string | undefined, own: Row[]): Promise<Plan> {
  if (code) return resolvePlan(db, code);
  const current = await resolvePlan(db, undefined);
  const has = (p: Plan) => own.some((r) => (r.kind === 'baseline' && inPlan(p).baseline(r.year)) || (r.kind === 'target' && inPlan(p).target(r.year)));
  if (has(current)) return current;
  return (await allPlans(db)).find(has) ?? current;
}

export async function computeTrend(db: Db, scope: Scope, input: { region: string; indicator: string; plan?: string }): Promise<Trend> {
  const region = await assertRegionInScope(db, scope, input.region);
  const indicator = await getIndicator(db, input.indicator);
  const units = region.kind === 'district' ? await reportingUnits(db, region.code) : [];
  const rollup = rollupOf(indicator);
  const codes = [indicator.code, ...(rollup.kind === 'ratio' ? [rollup.numerator, rollup.denominator] : [])];
  const rows = await seriesRows(db, [region.code, ...units.map((u) => u.code)], codes);

  const own = rows.filter((r) => r.regionCode === region.code && r.indicatorCode === indicator.code);
  const plan = await trendPlan(db, input.plan, own);
  const latest = (kind: string, ok: (year: number) => boolean) => own.filter((r) => r.kind === kind && ok(r.year)).at(-1);
  const b = latest('baseline', inPlan(plan).baseline);
  const t = latest('target', inPlan(plan).target);
  const baseline = b ? { period: b.period, value: Number(b.value), position: periodPosition(parsePeriod(b.period)!) } : null;
  const target = t ? { period: t.period, value: Number(t.value), position: periodPosition(parsePeriod(t.period)!) } : null;

  const yearlyActual = (year: number): { value: number | null; rolledUp: boolean; source: TrendPoint['actualSource']; synthetic: boolean } => {
    const mine = own.find((r) => r.kind === 'actual' && r.period === String(year));
    if (mine) return { value: Number(mine.value), rolledUp: false, source: mine.source, synthetic: mine.synthetic };
    if (units.length === 0) return { value: null, rolledUp: false, source: null, synthetic: false };
    const children = (code: string) =>
      rows.filter((r) => r.regionCode !== region.code && r.indicatorCode === code && r.kind === 'actual' && r.period === String(year));
    const v = rollUp(
      rollup,
      children(indicator.code).map((r) => Number(r.value)),
      (code) => children(code).map((r) => Number(r.value)),
    );
    if (v === null) return { value: null, rolledUp: false, source: null, synthetic: false };
    return {
      value: v,
      rolledUp: true,
      source: 'rolledUp',
      synthetic: rollupInputs(rollup, indicator.code).some((code) => children(code).some((r) => r.synthetic)),
    };
  };
  // a baseline stated for a year whose actual the platform computed, where the two differ
  const officialAt = (year: number, actual: { value: number | null; source: TrendPoint['actualSource'] }): TrendPoint['official'] => {
    const stated = own.find((r) => r.kind === 'baseline' && r.period === String(year) && r.source !== 'computed');
    if (!stated || actual.source !== 'computed' || actual.value === null) return null;
    const value = roundTo(Number(stated.value), indicator.precision);
    return value === roundTo(actual.value, indicator.precision) ? null : { value, kind: 'baseline', source: stated.source };
  };

  const actualYears = rows.filter((r) => r.kind === 'actual' && /^\d{4}$/.test(r.period)).map((r) => r.year);
  const first = Math.min(baseline ? Math.floor(baseline.position) : plan.startYear, ...actualYears);
  const last = Math.max(plan.endYear, ...actualYears);
  const points: Trend['points'] = [];
  for (let year = first; year <= last; year++) {
    const a = yearlyActual(year);
    const expected = baseline && target && year >= baseline.position ? expectedValue(indicator.trajectory, baseline, target, year) : null;
    const progress =
      baseline && target && year > baseline.position
        ? computeProgress({
            direction: indicator.direction,
            trajectory: indicator.trajectory,
            baseline,
            target,
            actual: a.value,
            position: year,
            yellowThreshold: plan.yellowThreshold,
          })
        : null;
    points.push({
      period: String(year),
      actual: a.value === null ? null : roundTo(a.value, Math.max(indicator.precision, 4)),
      expected: expected === null ? null : roundTo(expected, indicator.precision + 2),
      completion: progress?.completion == null ? null : roundTo(progress.completion, 4),
      light: progress?.light ?? 'grey',
      rolledUp: a.rolledUp,
      actualSource: a.source,
      actualSynthetic: a.synthetic,
      official: officialAt(year, a),
    });
  }
  return {
    region: { code: region.code, name: region.name },
    indicator: {
      code: indicator.code,
      name: indicator.nameZh,
      unit: indicator.unit,
      precision: indicator.precision,
      direction: indicator.direction,
      dataSource: indicator.dataSource,
      computedBasis: indicator.computedBasis,
    },
    plan,
    baseline: baseline && { period: baseline.period, value: baseline.value },
    target: target && { period: target.period, value: target.value },
    points,
  };
}
