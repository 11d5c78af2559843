/**
 * Tech-based SME evaluation (科技型中小企业评价) — 《科技型中小企业评价办法》国科发政〔2017〕115号 and, for
 * evaluation years from 2022, as restated by 《科技型中小企业评价服务工作指引》国科火字〔2022〕67号 (the Torch
 * Centre's service guide). Basic conditions (Art. 6): (1) a resident enterprise; (2) size limits; (3) not in a
 * restricted or eliminated industry and, from 2022, not in an industry excluded from the R&D super-deduction
 * (财税〔2015〕119号); (4) no incident and not listed as seriously dishonest. Then a 100-point score (staff 20,
 * R&D 50, IP 30; pass ≥ 60 with a non-zero staff score) or a direct route (Art. 8). A missing figure leaves its
 * condition undecided. Reasons are codes (reasons.ts).
 */
import { ipCounts, shareAtLeast, yearOf, type EnterpriseFigures, type YearFigures } from './input.ts';
import type { RuleReason, SizeFigure } from './reasons.ts';

export interface TechSmeResult {
  qualified: boolean | null;
  ruleVersion: string;
  score: { staff: number; rd: number; ip: number; total: number };
  route: 'score' | `direct:${string}` | null;
  reasons: RuleReason[];
}

const RULES = [
  { version: '国科发政〔2017〕115号', effectiveFrom: '2017-05-01', staffScoreRequired: false, excludedIndustryRule: false },
  { version: '国科火字〔2022〕67号', effectiveFrom: '2022-01-01', staffScoreRequired: true, excludedIndustryRule: true },
] as const;

export const DIRECT_ROUTES = ['hnte', 'nationalAward', 'provincialRdInstitution', 'ledStandard'] as const;

/** A score table: from `pct` % (inclusive) up to the row above, `points`. */
type Steps = readonly (readonly [pct: number, points: number])[];

function band(num: number, den: number, steps: Steps): number {
  if (den <= 0) return 0;
  for (const [pct, points] of steps) if (shareAtLeast(num, den, pct)) return points;
  return 0;
}

// 2.2: sci-tech staff / employees (20)
const STAFF: Steps = [
  [30, 20],
  [25, 16],
  [20, 12],
  [15, 8],
  [10, 4],
];
// 2.2: R&D input (50), by R&D / sales revenue, or by R&D / total costs and expenses (成本费用支出总额)
const RD_BY_REVENUE: Steps = [
  [6, 50],
  [5, 40],
  [4, 30],
  [3, 20],
  [2, 10],
];
const RD_BY_COST: Steps = [
  [30, 50],
  [25, 40],
  [20, 30],
  [15, 20],
  [10, 10],
];
// 2.2: S&T achievements (30) with no Class I item: 1, 2, 3 Class II items (4 or more: 24)
const CLASS_II_POINTS: readonly number[] = [0, 6, 12, 18];

export function staffPoints(staff: number, employees: number): number {
  return band(staff, employees, STAFF);
}

/** The better of R&D / sales revenue and R&D / total costs and expenses. */
export function rdPoints(rd: number, revenue: number | undefined, totalCost: number | undefined): number {
  const byRevenue = revenue === undefined ? 0 : band(rd, revenue, RD_BY_REVENUE);
  const byCost = totalCost === undefined ? 0 : band(rd, totalCost, RD_BY_COST);
  return Math.max(byRevenue, byCost);
}

export function ipPointsSme(classI: number, classII: number): number {
  if (classI >= 1) return 30;
  if (classII >= 4) return 24;
  return CLASS_II_POINTS[classII] ?? 0;
}

/** A size limit: false (and why) above it, null (and why) when the figure is missing. */
function withinLimit(reasons: RuleReason[], figure: SizeFigure, value: number | undefined, max: number): boolean | null {
  if (value === undefined) {
    reasons.push({ code: 'techSme.sizeMissing', figure });
    return null;
  }
  if (value > max) {
    reasons.push({ code: 'techSme.sizeAbove', figure, actual: value, limit: max });
    return false;
  }
  return true;
}

/** A yes/no condition that must not hold: false (and why) when it does, null (and why) when unknown. */
type FlagReason = 'restricted' | 'industryExcluded' | 'incident' | 'dishonest';
function mustNot(reasons: RuleReason[], flag: boolean | undefined, what: FlagReason): boolean | null {
  if (flag === undefined) {
    reasons.push({ code: `techSme.${what}Missing` });
    return null;
  }
  if (flag) reasons.push({ code: `techSme.${what}` });
  return !flag;
}

/** false if any is false, else null if any is null, else true. */
function allOf(...checks: (boolean | null)[]): boolean | null {
  return checks.includes(false) ? false : checks.includes(null) ? null : true;
}

const isDirectRoute = (r: string) => (DIRECT_ROUTES as readonly string[]).includes(r);

export function checkTechSme(firm: EnterpriseFigures): TechSmeResult {
  let rules: (typeof RULES)[number] = RULES[0];
  for (const r of RULES) if (firm.asOf >= r.effectiveFrom) rules = r;
  const applying = yearOf(firm.asOf);
  let last: YearFigures | undefined;
  for (const y of firm.years ?? []) if (y.year < applying && (!last || y.year > last.year)) last = y;
  const reasons: RuleReason[] = [];
  // Art. 6(1): a resident enterprise registered in China
  const resident =
    firm.resident === undefined
      ? (reasons.push({ code: 'techSme.residentMissing' }), null)
      : firm.resident
        ? true
        : (reasons.push({ code: 'techSme.notResident' }), false);
  // Art. 6(2): employees ≤ 500, sales revenue ≤ 200 million CNY, total assets ≤ 200 million CNY
  const sizeOk = allOf(
    withinLimit(reasons, 'employees', firm.employees, 500),
    withinLimit(reasons, 'revenue', last?.revenue, 200_000_000),
    withinLimit(reasons, 'totalAssets', firm.totalAssets, 200_000_000),
  );
  // Art. 6(3): not restricted or eliminated; from 2022 also not an industry excluded from the super-deduction
  const industryOk = allOf(
    mustNot(reasons, firm.restrictedCatalogue, 'restricted'),
    rules.excludedIndustryRule ? mustNot(reasons, firm.industryExcluded, 'industryExcluded') : true,
  );
  // Art. 6(4): no major accident or violation, not listed as seriously illegal or dishonest
  const clean = allOf(mustNot(reasons, firm.incidents, 'incident'), mustNot(reasons, firm.dishonestyListed, 'dishonest'));

  const staff = firm.employees && firm.sciTechStaff !== undefined ? staffPoints(firm.sciTechStaff, firm.employees) : 0;
  const rd = last?.rdExpense !== undefined ? rdPoints(last.rdExpense, last.revenue, last.totalCost) : 0;
  const c = ipCounts(firm);
  const ip = ipPointsSme(c.classI, c.classII);
  const score = { staff, rd, ip, total: staff + rd + ip };

  const direct = firm.directRoutes?.find(isDirectRoute);
  const byScore = score.total >= 60 && (!rules.staffScoreRequired || staff > 0);
  // 国科火字〔2022〕67号: from 2022 the staff score may not be 0
  if (!byScore && score.total >= 60) reasons.push({ code: 'techSme.staffScoreZero' });
  const basic = allOf(resident, sizeOk, industryOk, clean);
  const route: TechSmeResult['route'] = basic === false ? null : direct ? `direct:${direct}` : byScore ? 'score' : null;
  const qualified = basic === false ? false : route === null ? false : basic;
  return { qualified, ruleVersion: rules.version, score, route, reasons };
}
