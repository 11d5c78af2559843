/**
 * HNTE innovation-capability score (创新能力评价, 100 points, pass above 70: ≥ 71) — 《高新技术企业认定管理工作指引》
 * 国科发火〔2016〕195号. Bands give a range; `low` uses each band's lowest value (a pass at `low` is a sure pass),
 * `high` its highest. Expert items come from `assessed`; when missing they count 0 in `low` and their maximum in `high`.
 *
 * The bands are constant tables and the score is added up directly, with no helper closure made per call (tsx
 * names each with an Object.defineProperty): this runs once per enterprise in batch screening (bench/rules.bench.ts).
 */
import { ipCounts, type EnterpriseFigures, type YearFigures } from './input.ts';

export interface ScoreParts {
  ip: number;
  conversion: number;
  rdManagement: number;
  growth: number;
  total: number;
}
type Range = readonly [low: number, high: number];
/** A band of a scoring table: from `atLeast` (inclusive) up to the band above, `points` low–high. */
type Band = readonly [atLeast: number, points: Range];

const NONE: Range = [0, 0];

function pointsFor(value: number, bands: readonly Band[], below: Range = NONE): Range {
  for (const [atLeast, points] of bands) if (value >= atLeast) return points;
  return below;
}

const expertLow = (given: number | undefined): number => (given === undefined ? 0 : given);
const expertHigh = (given: number | undefined, max: number): number => (given === undefined ? max : given);

// 知识产权数量 ≤ 8: ≥ 1 Class I 7–8; ≥ 5 Class II 5–6; 3–4 Class II 3–4; 1–2 Class II 1–2; none 0
const QUANTITY_CLASS_I: Range = [7, 8];
const QUANTITY_CLASS_II: readonly Band[] = [
  [5, [5, 6]],
  [3, [3, 4]],
  [1, [1, 2]],
];
// 获得方式 ≤ 6: some own development 1–6; only transfer, gift or merger 1–3
const ACQUIRED_OWN: Range = [1, 6];
const ACQUIRED_TRANSFERRED: Range = [1, 3];

/** IP ≤ 30: advancement ≤ 8, core support ≤ 8, quantity ≤ 8, acquisition ≤ 6, standards ≤ 2. */
export function ipPoints(firm: EnterpriseFigures): Range {
  const c = ipCounts(firm, true); // Class II items used in an earlier recognition do not score again
  const quantity = c.classI >= 1 ? QUANTITY_CLASS_I : pointsFor(c.classII, QUANTITY_CLASS_II);
  const acquisition = c.own > 0 ? ACQUIRED_OWN : c.transferred > 0 ? ACQUIRED_TRANSFERRED : NONE;
  const { advancement, coreSupport, standards } = firm.assessed ?? {};
  const low = expertLow(advancement) + expertLow(coreSupport) + quantity[0] + acquisition[0] + expertLow(standards);
  const high = expertHigh(advancement, 8) + expertHigh(coreSupport, 8) + quantity[1] + acquisition[1] + expertHigh(standards, 2);
  return [Math.min(30, low), Math.min(30, high)];
}

// 科技成果转化能力 ≤ 30, by the average number of conversions a year
const CONVERSION: readonly Band[] = [
  [5, [25, 30]],
  [4, [19, 24]],
  [3, [13, 18]],
  [2, [7, 12]],
  [1, [1, 6]],
];

/** Conversions ≤ 30, by the yearly average over the window. */
export function conversionPoints(firm: EnterpriseFigures, window: readonly YearFigures[]): Range {
  if (window.length === 0) return NONE;
  let conversions = 0;
  for (const y of window) conversions += firm.conversions?.[y.year] ?? 0;
  return pointsFor(conversions / window.length, CONVERSION);
}

/** Growth rate over the window: ½(x₂/x₁ + x₃/x₂) − 1; two years: x₂/x₁ − 1; a zero first year uses the last two. */
export function growthRate(values: readonly (number | undefined)[]): number | null {
  // the last three figures given (a, b, c), and how many were given
  let a = 0;
  let b = 0;
  let c = 0;
  let given = 0;
  for (const x of values) {
    if (x === undefined) continue;
    a = b;
    b = c;
    c = x;
    given++;
  }
  if (given < 2) return null;
  if (given >= 3) {
    if (b === 0) return null;
    if (a === 0) return c / b - 1;
    return (b / a + c / b) / 2 - 1;
  }
  // two figures: b then c
  return b === 0 ? null : c / b - 1;
}

// 企业成长性, each of net assets and sales ≤ 10: ≥ 35% 9–10, ≥ 25% 7–8, ≥ 15% 5–6, ≥ 5% 3–4, > 0 1–2, ≤ 0 0
const GROWTH: readonly Band[] = [
  [0.35, [9, 10]],
  [0.25, [7, 8]],
  [0.15, [5, 6]],
  [0.05, [3, 4]],
];
const GROWTH_ABOVE_ZERO: Range = [1, 2];

function growthBand(rate: number | null): Range {
  if (rate === null) return NONE;
  // 115 M after 100 M is 15% growth, though 1.15 − 1 is 0.1499… in binary: round away the float error
  const r = Math.round(rate * 1e9) / 1e9;
  if (r <= 0) return NONE;
  return pointsFor(r, GROWTH, GROWTH_ABOVE_ZERO);
}

const netAssets = (y: YearFigures) => y.netAssets;
const revenue = (y: YearFigures) => y.revenue;

export function growthPoints(years: readonly YearFigures[]): Range {
  const na = growthBand(growthRate(years.map(netAssets)));
  const sales = growthBand(growthRate(years.map(revenue)));
  return [na[0] + sales[0], na[1] + sales[1]];
}

function scoreParts(ip: number, conversion: number, rdManagement: number, growth: number): ScoreParts {
  return { ip, conversion, rdManagement, growth, total: ip + conversion + rdManagement + growth };
}

export function innovationScore(firm: EnterpriseFigures, windowYears: readonly YearFigures[]): { score: ScoreParts; scoreHigh: ScoreParts } {
  const ip = ipPoints(firm);
  const conversion = conversionPoints(firm, windowYears);
  const rdManagement = firm.assessed?.rdManagement; // expert-assessed, ≤ 20
  const growth = growthPoints(windowYears);
  return {
    score: scoreParts(ip[0], conversion[0], expertLow(rdManagement), growth[0]),
    scoreHigh: scoreParts(ip[1], conversion[1], expertHigh(rdManagement, 20), growth[1]),
  };
}
