/**
 * Demo content for indicator monitoring. Real (source 'plan'): every figure of the Zhenhai 14th plan's 表2
 * (district baselines 2020, targets 2025) and of the 13th plan's 表1 (2015 figures, 2020 targets and actuals),
 * read from data/*.csv with the figures their notes give (plan-tables.ts). Synthetic, labelled as such (source
 * 'synthetic'): every town's and the park's baselines, targets and 2021–2025 actuals, the district's
 * non-additive actuals, and GDP. Deterministic: the same seed data on every machine. Towns move at different
 * paces, so the cockpit shows green, yellow and red lights.
 */
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { roundTo, seededRandom as random } from '@kechuang/platform-core';
import { bumpVersion, reportingUnits, type Db, type Region } from '@kechuang/platform-server';
import { insertMissingIndicators, upsertIndicator, upsertPlan, type Indicator, type Plan } from '../db/catalogue-queries.ts';
import { catalogueIndicators, ZHENHAI_CATALOGUE } from './zhenhai-catalogue.ts';
import { planFigures, readPlanTables, type PlanFigure } from './plan-tables.ts';

export const DEMO_DATA_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../data');
/** the years of synthetic actuals: the 14th plan's, up to its last (the demo registry's years too) */
export const DEMO_ACTUAL_YEARS = [2021, 2022, 2023, 2024, 2025];

const DEMO_PLANS: Plan[] = [
  { code: 'FYP13', name: '“十三五”规划（2016–2020）', startYear: 2016, endYear: 2020, yellowThreshold: 0.1, isCurrent: false },
  { code: 'FYP14', name: '“十四五”科技创新规划（2021–2025）', startYear: 2021, endYear: 2025, yellowThreshold: 0.1, isCurrent: true },
];

type Value = { region: string; indicator: string; kind: 'baseline' | 'target' | 'actual'; period: string; value: number; source: 'plan' | 'synthetic' };

/** Splits a total over weights, rounded to `precision`, with the remainders given out so the parts add up exactly. */
export function splitTotal(total: number, weights: number[], precision: number): number[] {
  const unit = 10 ** -precision;
  const scaled = Math.round(total / unit);
  const sum = weights.reduce((a, b) => a + b, 0);
  const raw = weights.map((w) => (scaled * w) / sum);
  const parts = raw.map(Math.floor);
  let left = scaled - parts.reduce((a, b) => a + b, 0);
  const order = raw.map((r, i) => ({ i, frac: r - Math.floor(r) })).sort((a, b) => b.frac - a.frac);
  for (const { i } of order) {
    if (left <= 0) break;
    parts[i] += 1;
    left -= 1;
  }
  return parts.map((p) => roundTo(p * unit, precision));
}

// each unit's share of the district's additive totals, and its pace against the plan
const PROFILE: Record<string, { weight: number; pace: number }> = {
  '330211001': { weight: 0.1, pace: 1.08 }, // 招宝山街道
  '330211002': { weight: 0.17, pace: 0.97 }, // 蛟川街道
  '330211003': { weight: 0.16, pace: 1.02 }, // 骆驼街道
  '330211004': { weight: 0.18, pace: 1.12 }, // 庄市街道
  '330211005': { weight: 0.09, pace: 0.86 }, // 贵驷街道
  '330211100': { weight: 0.12, pace: 0.93 }, // 澥浦镇
  '330211101': { weight: 0.08, pace: 0.76 }, // 九龙湖镇
};
const PARK_PROFILE = { weight: 0.1, pace: 1.04 };
// the district's own figures that lag the plan in the demo (fiscal S&T spending towards an ambitious 6%)
const DISTRICT_PACE: Record<string, number> = { FISCAL_ST_SHARE: 0.72 };

/** The plans' real figures and the synthetic town, park and district figures around them. */
async function demoValues(db: Db, district: Region, indicators: Indicator[]): Promise<Value[]> {
  const byCode = new Map(indicators.map((i) => [i.code, i]));
  const units = await reportingUnits(db, district.code);
  const profiles = units.map((u) => PROFILE[u.code] ?? PARK_PROFILE);
  const values: Value[] = [];
  const d = district.code;
  const push = (region: string, indicator: string, kind: Value['kind'], period: number | string, value: number, source: Value['source']) =>
    values.push({ region, indicator, kind, period: String(period), value: roundTo(value, byCode.get(indicator)!.precision), source });

  const figures = planFigures(ZHENHAI_CATALOGUE, readPlanTables(DEMO_DATA_DIR));
  for (const f of figures) push(d, f.indicator, f.kind, f.period, f.value, 'plan');
  const figure = (plan: PlanFigure['plan'], indicator: string, kind: PlanFigure['kind'], period?: string) =>
    figures.find((f) => f.plan === plan && f.indicator === indicator && f.kind === kind && (period === undefined || f.period === period));

  for (const indicator of indicators) {
    const [baseline, target] = [figure('FYP14', indicator.code, 'baseline'), figure('FYP14', indicator.code, 'target')];
    if (!baseline || !target || indicator.code === 'RD_INTENSITY') continue; // towns' R&D intensity follows from their R&D spend and GDP, below
    const [b, t, by, ty] = [baseline.value, target.value, Number(baseline.period), Number(target.period)];
    seedUnits(indicator, b, t, by, ty);
    if (indicator.rollup === 'none') {
      // the district's own figure for indicators that do not add up from towns
      const rnd = random(`${d}|${indicator.code}`);
      const pace = DISTRICT_PACE[indicator.code] ?? 0.95 + rnd() * 0.1;
      for (const y of DEMO_ACTUAL_YEARS) push(d, indicator.code, 'actual', y, b + (t - b) * ((y - by) / (ty - by)) * pace, 'synthetic');
    }
  }

  function seedUnits(indicator: Indicator, b: number, t: number, by: number, ty: number): void {
    const additive = indicator.rollup === 'sum';
    const baselines = additive
      ? splitTotal(
          b,
          profiles.map((p) => p.weight),
          indicator.precision,
        )
      : units.map((u) => b * (0.85 + random(`${u.code}|${indicator.code}|b`)() * 0.3));
    const targets = additive
      ? splitTotal(
          t,
          profiles.map((p) => p.weight),
          indicator.precision,
        )
      : baselines.map((ub, k) => ub + (t - b) * (0.9 + random(`${units[k].code}|${indicator.code}|t`)() * 0.2));
    units.forEach((u, k) => {
      const rnd = random(`${u.code}|${indicator.code}`);
      const pace = profiles[k].pace * (0.9 + rnd() * 0.2);
      push(u.code, indicator.code, 'baseline', by, baselines[k], 'synthetic');
      push(u.code, indicator.code, 'target', ty, targets[k], 'synthetic');
      for (const y of DEMO_ACTUAL_YEARS) {
        const share = (y - by) / (ty - by);
        push(u.code, indicator.code, 'actual', y, baselines[k] + (targets[k] - baselines[k]) * share * pace, 'synthetic');
      }
    });
  }

  // R&D intensity: towns get GDP and R&D spend; their intensity is R&D / GDP; the district's rolls up.
  // Synthetic GDP of 2020: the 13th plan's real R&D spend of 2020 at its real share of GDP (表1: 25.03 亿元, 2.43%).
  const gdp2020 = (figure('FYP13', 'RD_EXPENDITURE', 'actual', '2020')!.value / figure('FYP13', 'RD_INTENSITY', 'actual', '2020')!.value) * 100;
  const [rb, rt] = [figure('FYP14', 'RD_INTENSITY', 'baseline')!.value, figure('FYP14', 'RD_INTENSITY', 'target')!.value];
  // each town's intensity varies around the district's; scaled so that, GDP-weighted, the towns'
  // 2020 baseline and 2025 target are the district's real 2.43% and 3.0%
  const spread = units.map((u) => {
    const rnd = random(`${u.code}|RD`);
    return { b: 0.8 + rnd() * 0.4, t: 0.9 + rnd() * 0.2, pace: 0.9 + rnd() * 0.2 };
  });
  const weighted = (f: (k: number) => number) => profiles.reduce((sum, p, k) => sum + p.weight * f(k), 0) / profiles.reduce((sum, p) => sum + p.weight, 0);
  const bScale = rb / weighted((k) => rb * spread[k].b);
  const townBaseline = (k: number) => rb * spread[k].b * bScale;
  const tScale = (rt - rb) / weighted((k) => (rt - rb) * spread[k].t);
  units.forEach((u, k) => {
    const ub = townBaseline(k);
    const ut = ub + (rt - rb) * spread[k].t * tScale;
    const pace = profiles[k].pace * spread[k].pace;
    push(u.code, 'RD_INTENSITY', 'baseline', 2020, ub, 'synthetic');
    push(u.code, 'RD_INTENSITY', 'target', 2025, ut, 'synthetic');
    for (const y of [2020, ...DEMO_ACTUAL_YEARS]) {
      const g = gdp2020 * profiles[k].weight * 1.05 ** (y - 2020);
      const intensity = y === 2020 ? ub : ub + (ut - ub) * ((y - 2020) / 5) * pace;
      push(u.code, 'GDP', 'actual', y, g, 'synthetic');
      push(u.code, 'RD_EXPENDITURE', 'actual', y, (g * intensity) / 100, 'synthetic');
      push(u.code, 'RD_INTENSITY', 'actual', y, intensity, 'synthetic');
    }
  });
  return values;
}

/** Inserts the values that are not there yet (a figure already present, whatever its source, stays); returns how many. */
async function insertValues(db: Db, values: Value[]): Promise<number> {
  const [{ n }] = await db.query<{ n: number }>(
    `with added as (
       insert into indicator_values (region_code, indicator_code, kind, period, year, value, source)
       select r, i, k, p, p::int, v, s from unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::numeric[], $6::text[]) as t(r, i, k, p, v, s)
       on conflict do nothing returning 1)
     select count(*)::int as n from added`,
    [
      values.map((v) => v.region),
      values.map((v) => v.indicator),
      values.map((v) => v.kind),
      values.map((v) => v.period),
      values.map((v) => String(v.value)),
      values.map((v) => v.source),
    ],
  );
  return n;
}

/** ratio indicators after the indicators they divide */
const byDependency = (indicators: Indicator[]) => [...indicators.filter((x) => !x.numeratorCode), ...indicators.filter((x) => x.numeratorCode)];

export async function seedDemoIndicators(db: Db, district: Region): Promise<{ values: number }> {
  const indicators = catalogueIndicators();
  for (const i of byDependency(indicators)) await upsertIndicator(db, i);
  for (const p of DEMO_PLANS) await upsertPlan(db, p);
  const values = await demoValues(db, district, indicators);
  await insertValues(db, values);
  await bumpVersion(db, 'indicators');
  return { values: values.length };
}

/**
 * Brings a demo database seeded by an earlier version up to this one, idempotently: the catalogue entries and
 * plans it lacks, and the values it lacks (the plan tables' rows added since, the synthetic 2025). Nothing
 * already there is changed: an entry, a plan or a value someone edited stays as they left it.
 */
export async function upgradeDemoIndicators(db: Db, district: Region): Promise<{ indicators: number; values: number }> {
  const indicators = catalogueIndicators();
  const added = await insertMissingIndicators(db, byDependency(indicators));
  const plans = new Set((await db.query<{ code: string }>('select code from plans')).map((p) => p.code));
  for (const p of DEMO_PLANS.filter((x) => !plans.has(x.code))) await upsertPlan(db, { ...p, isCurrent: p.isCurrent && plans.size === 0 });
  const values = await insertValues(db, await demoValues(db, district, indicators));
  if (added > 0 || values > 0) await bumpVersion(db, 'indicators');
  return { indicators: added, values };
}
