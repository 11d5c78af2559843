/**
 * What the demo registry aims at: each town's (and the park's) path from its 2020 baseline to its 2025 target
 * for the four indicators the registry computes, at the town's own pace, so that the computed actuals keep
 * the cockpit's green, yellow and red lights. The weights and paces are the indicators demo's
 * (modules/indicators/src/demo/seed-demo-indicators.ts), jittered with the same seeds, so the figures the
 * registry computes follow the synthetic ones they replace.
 */
import { seededRandom } from '@kechuang/platform-core';
import { splitCount, type Rng } from './rng.ts';

export const PLAN_INDICATORS = ['HNTE_COUNT', 'TECH_SME_COUNT', 'ABOVE_SCALE_RD_SHARE', 'PROV_ENGINEERING_CENTERS'] as const;
export type PlanIndicator = (typeof PLAN_INDICATORS)[number];
export interface PlanFigure {
  baseline: number;
  target: number;
}
/** per reporting unit, its 2020 baseline and 2025 target, as the indicator plan holds them */
export type UnitPlans = Record<string, Partial<Record<PlanIndicator, PlanFigure>>>;

export const BASE_YEAR = 2020;
export const TARGET_YEAR = 2025;

/** The district's 14th five-year plan (real): used when a unit has no figures of its own. */
export const DISTRICT_PLAN: Record<PlanIndicator, PlanFigure & { additive: boolean }> = {
  HNTE_COUNT: { baseline: 227, target: 583, additive: true },
  TECH_SME_COUNT: { baseline: 1029, target: 2000, additive: true },
  ABOVE_SCALE_RD_SHARE: { baseline: 62, target: 90, additive: false },
  PROV_ENGINEERING_CENTERS: { baseline: 48, target: 63, additive: true },
};

// each unit's share of the district and its pace against the plan (as in the indicators demo)
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

export function unitProfile(code: string): { weight: number; pace: number } {
  return PROFILE[code] ?? PARK_PROFILE;
}

/**
 * The plans of every unit: their own where the indicator plan has both figures, else the district's (additive
 * indicators split by the units' weights so the parts add up, shares as they are).
 */
export function completePlans(units: readonly string[], plans: UnitPlans): UnitPlans {
  const out: UnitPlans = {};
  const weights = units.map((u) => unitProfile(u).weight);
  for (const indicator of PLAN_INDICATORS) {
    const d = DISTRICT_PLAN[indicator];
    const baselines = splitCount(d.baseline, weights);
    const targets = splitCount(d.target, weights);
    units.forEach((u, k) => {
      (out[u] ??= {})[indicator] =
        plans[u]?.[indicator] ?? (d.additive ? { baseline: baselines[k], target: targets[k] } : { baseline: d.baseline, target: d.target });
    });
  }
  return out;
}

/** A unit's planned value of an indicator in a year: the baseline, then a straight line to the target at its pace. */
export function plannedPath(unit: string, indicator: PlanIndicator, plan: PlanFigure): (year: number) => number {
  const pace = unitProfile(unit).pace * (0.9 + seededRandom(`${unit}|${indicator}`)() * 0.2);
  return (year) =>
    year <= BASE_YEAR ? plan.baseline : plan.baseline + (plan.target - plan.baseline) * ((year - BASE_YEAR) / (TARGET_YEAR - BASE_YEAR)) * pace;
}

/** One firm's run of HNTE certificates: the years each began to cover (a certificate covers the 31 December of
 * its year of issue and the two after); `early`: the first was issued in a spring batch. */
export interface HnteChain {
  starts: number[];
  early: boolean;
}

const FIRST_START = 2012;
const LAST_START = 2025;

/**
 * Certificates per starting year so that the valid count on 31 December of 2020…2025 is exactly `valid`
 * (n(y) = c(y) + c(y−1) + c(y−2)), earlier cohorts shrinking back to 2012; at each start year most of the
 * certificates ending that year are renewed (重新认定), the rest of the year's certificates go to new firms.
 */
export function hnteChains(valid: readonly number[], r: Rng): HnteChain[] {
  const c = new Map<number, number>();
  const n = (y: number) => valid[y - BASE_YEAR];
  c.set(2018, Math.round(n(2020) * 0.31));
  c.set(2019, Math.round(n(2020) * 0.33));
  c.set(2020, n(2020) - c.get(2018)! - c.get(2019)!);
  for (let y = 2021; y <= LAST_START; y++) c.set(y, Math.max(0, n(y) - c.get(y - 1)! - c.get(y - 2)!));
  for (let y = 2017; y >= FIRST_START; y--) c.set(y, Math.round(c.get(y + 3)! * 0.72));
  const renewal = r.float(0.8, 0.9);
  const chains: HnteChain[] = [];
  for (let y = FIRST_START; y <= LAST_START; y++) {
    const due = r.shuffle(chains.filter((ch) => ch.starts.at(-1) === y - 3));
    const renewed = Math.min(c.get(y)!, Math.round(renewal * due.length));
    for (const ch of due.slice(0, renewed)) ch.starts.push(y);
    for (let k = renewed; k < c.get(y)!; k++) chains.push({ starts: [y], early: r.chance(y === 2024 ? 0.15 : 0.08) });
  }
  return chains;
}

/** How many certificates of a set of chains cover 31 December of `year`. */
export function validOn31Dec(chains: readonly HnteChain[], year: number): number {
  return chains.filter((ch) => ch.starts.some((s) => s <= year && year <= s + 2)).length;
}
