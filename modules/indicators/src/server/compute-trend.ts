/**
 * The trend of one indicator in one region: yearly actuals (own or rolled up), the expected path
 * of the plan's trajectory, the baseline and the target — what the trend chart draws.
 */
import { parsePeriod, periodPosition, roundTo } from '@kechuang/platform-core';
import { assertRegionInScope, reportingUnits, type Db, type Scope } from '@kechuang/platform-server';
import { computeProgress, expectedValue, rollUp, type Light } from '../domain/index.ts';
import { getIndicator, resolvePlan, type Plan } from '../db/catalogue-queries.ts';
import { BASELINE_WINDOW, seriesRows } from '../db/value-queries.ts';
import { rollupOf } from './compute-report.ts';

export interface Trend {
  region: { code: string; name: string };
  indicator: { code: string; name: string; unit: string; precision: number; direction: 'higher' | 'lower' };
  plan: Plan;
  baseline: { period: string; value: number } | null;
  target: { period: string; value: number } | null;
  points: { period: string; actual: number | null; expected: number | null; completion: number | null; light: Light; rolledUp: boolean }[];
}

export async function computeTrend(db: Db, scope: Scope, input: { region: string; indicator: string; plan?: string }): Promise<Trend> {
  const region = await assertRegionInScope(db, scope, input.region);
  const indicator = await getIndicator(db, input.indicator);
  const plan = await resolvePlan(db, input.plan);
  const units = region.kind === 'district' ? await reportingUnits(db, region.code) : [];
  const rollup = rollupOf(indicator);
  const codes = [indicator.code, ...(rollup.kind === 'ratio' ? [rollup.numerator, rollup.denominator] : [])];
  const rows = await seriesRows(db, [region.code, ...units.map((u) => u.code)], codes);

  const own = rows.filter((r) => r.regionCode === region.code && r.indicatorCode === indicator.code);
  const latest = (kind: string, ok: (year: number) => boolean) => own.filter((r) => r.kind === kind && ok(r.year)).at(-1);
  const b = latest('baseline', (y) => y < plan.startYear && y >= plan.startYear - BASELINE_WINDOW);
  const t = latest('target', (y) => y >= plan.startYear && y <= plan.endYear);
  const baseline = b ? { period: b.period, value: Number(b.value), position: periodPosition(parsePeriod(b.period)!) } : null;
  const target = t ? { period: t.period, value: Number(t.value), position: periodPosition(parsePeriod(t.period)!) } : null;

  const yearlyActual = (year: number): { value: number | null; rolledUp: boolean } => {
    const mine = own.find((r) => r.kind === 'actual' && r.period === String(year));
    if (mine) return { value: Number(mine.value), rolledUp: false };
    if (units.length === 0) return { value: null, rolledUp: false };
    const childValues = (code: string) =>
      rows.filter((r) => r.regionCode !== region.code && r.indicatorCode === code && r.kind === 'actual' && r.period === String(year)).map((r) => Number(r.value));
    const v = rollUp(rollup, childValues(indicator.code), childValues);
    return { value: v, rolledUp: v !== null };
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
        ? computeProgress({ direction: indicator.direction, trajectory: indicator.trajectory, baseline, target, actual: a.value, position: year, yellowThreshold: plan.yellowThreshold })
        : null;
    points.push({
      period: String(year),
      actual: a.value === null ? null : roundTo(a.value, Math.max(indicator.precision, 4)),
      expected: expected === null ? null : roundTo(expected, indicator.precision + 2),
      completion: progress?.completion == null ? null : roundTo(progress.completion, 4),
      light: progress?.light ?? 'grey',
      rolledUp: a.rolledUp,
    });
  }
  return {
    region: { code: region.code, name: region.name },
    indicator: { code: indicator.code, name: indicator.nameZh, unit: indicator.unit, precision: indicator.precision, direction: indicator.direction },
    plan,
    baseline: baseline && { period: baseline.period, value: baseline.value },
    target: target && { period: target.period, value: target.value },
    points,
  };
}
