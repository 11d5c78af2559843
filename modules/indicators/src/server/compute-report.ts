/**
 * The progress report of one region for one period: for every indicator of the catalogue that has a figure
 * in it (the plan's baseline or target, or an actual of the period), the baseline and target, the actual (the
 * region's own, or rolled up from its towns and parks), the expected value on the trajectory, the completion
 * ratio and the light — and, where the platform computed a figure that differs from the baseline stated for
 * the same period, both of them.
 */
import { AppError, parsePeriod, periodPosition, roundTo, type Period } from '@kechuang/platform-core';
import { assertRegionInScope, reportingUnits, type Db, type Scope } from '@kechuang/platform-server';
import { computeProgress, rollUp, rollupInputs, type Rollup } from '../domain/index.ts';
import { allIndicators, resolvePlan, type Indicator, type Plan } from '../db/catalogue-queries.ts';
import { computedBesideBaselines, progressRows, type ProgressRow } from '../db/value-queries.ts';
import type { ZReportItem } from '../contract/schemas.ts';
import type { z } from 'zod';

export type ReportItem = z.infer<typeof ZReportItem>;

export interface Report {
  region: { code: string; name: string; kind: string };
  period: string;
  plan: Plan;
  items: ReportItem[];
}

export function requirePeriod(text: string): Period {
  const p = parsePeriod(text);
  if (!p) throw new AppError('PERIOD_INVALID', { details: { field: 'period', value: text } });
  return p;
}

const num = (s: string | null): number | null => (s === null ? null : Number(s));

export function rollupOf(i: Indicator): Rollup {
  if (i.rollup === 'ratio') return { kind: 'ratio', numerator: i.numeratorCode!, denominator: i.denominatorCode!, scale: i.ratioScale };
  return { kind: i.rollup };
}

/** The towns' and parks' actuals of one period, for a parent region's roll-ups. */
export interface ChildActuals {
  values: (indicatorCode: string) => number[];
  /** whether any of them is demo data */
  synthetic: (indicatorCode: string) => boolean;
}

/** Turns pivoted rows into report items; `children` feeds roll-ups for a parent region. */
export function toReportItem(
  indicator: Indicator,
  row: ProgressRow | undefined,
  plan: Plan,
  period: Period,
  children?: ChildActuals,
  comparisons: ReportItem['comparisons'] = [],
): ReportItem {
  let actual = num(row?.actual ?? null);
  let actualSource: ReportItem['actualSource'] = row?.actualSource ?? null;
  let actualSynthetic = row?.actualSynthetic ?? false;
  if (actual === null && children) {
    const rollup = rollupOf(indicator);
    actual = rollUp(rollup, children.values(indicator.code), children.values);
    if (actual !== null) {
      actualSource = 'rolledUp';
      // a sum or ratio over demo figures is demo data too
      actualSynthetic = rollupInputs(rollup, indicator.code).some(children.synthetic);
    }
  }
  const baseline = num(row?.baseline ?? null);
  const target = num(row?.target ?? null);
  const position = (p: string | null | undefined) => (p ? periodPosition(parsePeriod(p)!) : 0);
  const progress = computeProgress({
    direction: indicator.direction,
    trajectory: indicator.trajectory,
    baseline: baseline === null ? null : { position: position(row?.baselinePeriod), value: baseline },
    target: target === null ? null : { position: position(row?.targetPeriod), value: target },
    actual,
    position: periodPosition(period),
    yellowThreshold: plan.yellowThreshold,
  });
  return {
    code: indicator.code,
    name: indicator.nameZh,
    nameEn: indicator.nameEn,
    unit: indicator.unit,
    precision: indicator.precision,
    direction: indicator.direction,
    isHeadline: indicator.isHeadline,
    baseline,
    baselinePeriod: row?.baselinePeriod ?? null,
    target,
    targetPeriod: row?.targetPeriod ?? null,
    actual: actual === null ? null : roundTo(actual, Math.max(indicator.precision, 4)),
    actualSource,
    actualSynthetic,
    expected: progress.expected === null ? null : roundTo(progress.expected, indicator.precision + 2),
    completion: progress.completion === null ? null : roundTo(progress.completion, 4),
    light: progress.light,
    dataSource: indicator.dataSource,
    computedBasis: indicator.computedBasis,
    comparisons,
  };
}

/** in the plan: a baseline or target of the plan, or an actual of the period */
const hasFigure = (i: ReportItem) => i.baseline !== null || i.target !== null || i.actual !== null;

/** The computed figures of the region that differ from the baseline stated for the report's period or the baseline's. */
async function comparisonsOf(
  db: Db,
  region: string,
  period: string,
  rows: ProgressRow[],
  indicators: Indicator[],
): Promise<Map<string, ReportItem['comparisons']>> {
  const own = rows.filter((r) => r.regionCode === region);
  const periods = [...new Set([period, ...own.map((r) => r.baselinePeriod).filter((p): p is string => p !== null)])];
  const precision = new Map(indicators.map((i) => [i.code, i.precision]));
  const baselinePeriod = new Map(own.map((r) => [r.indicatorCode, r.baselinePeriod]));
  const found = new Map<string, ReportItem['comparisons']>();
  for (const c of await computedBesideBaselines(db, [region], periods)) {
    const digits = precision.get(c.indicatorCode);
    if (digits === undefined || (c.period !== period && c.period !== baselinePeriod.get(c.indicatorCode))) continue;
    const [official, computed] = [roundTo(Number(c.baseline), digits), roundTo(Number(c.computed), digits)];
    if (official === computed) continue;
    const list = found.get(c.indicatorCode) ?? [];
    list.push({ period: c.period, official, officialKind: 'baseline', officialSource: c.baselineSource, computed });
    found.set(c.indicatorCode, list);
  }
  return found;
}

export async function computeReport(db: Db, scope: Scope, input: { region: string; period: string; plan?: string }): Promise<Report> {
  const region = await assertRegionInScope(db, scope, input.region);
  const period = requirePeriod(input.period);
  const plan = await resolvePlan(db, input.plan, period.year);
  const indicators = await allIndicators(db);
  const units = region.kind === 'district' ? await reportingUnits(db, region.code) : [];
  const rows = await progressRows(db, [region.code, ...units.map((u) => u.code)], plan, period.text);
  const own = new Map(rows.filter((r) => r.regionCode === region.code).map((r) => [r.indicatorCode, r]));
  const childActuals = new Map<string, number[]>();
  const childSynthetic = new Set<string>();
  for (const r of rows) {
    if (r.regionCode === region.code || r.actual === null) continue;
    const list = childActuals.get(r.indicatorCode) ?? [];
    list.push(Number(r.actual));
    childActuals.set(r.indicatorCode, list);
    if (r.actualSynthetic) childSynthetic.add(r.indicatorCode);
  }
  const fromChildren: ChildActuals | undefined =
    units.length > 0 ? { values: (code) => childActuals.get(code) ?? [], synthetic: (code) => childSynthetic.has(code) } : undefined;
  const comparisons = await comparisonsOf(db, region.code, period.text, rows, indicators);
  return {
    region: { code: region.code, name: region.name, kind: region.kind },
    period: period.text,
    plan,
    items: indicators.map((i) => toReportItem(i, own.get(i.code), plan, period, fromChildren, comparisons.get(i.code))).filter(hasFigure),
  };
}
