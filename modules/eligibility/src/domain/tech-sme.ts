/**
 * Tech-based SME evaluation (科技型中小企业评价) — 《科技型中小企业评价办法》国科发政〔2017〕115号 and, from
 * 2022-01-01, 《科技型中小企业评价服务工作指引》国科发区〔2022〕67号, which adds: the sci-tech staff score
 * must not be 0. Size limits, a 100-point score (staff 20, R&D 50, IP 30; pass ≥ 60), or a direct route.
 */
import { ipCounts, shareAtLeast, yearOf, type EnterpriseFigures, type YearFigures } from './input.ts';

export interface TechSmeResult {
  qualified: boolean | null;
  ruleVersion: string;
  score: { staff: number; rd: number; ip: number; total: number };
  route: 'score' | `direct:${string}` | null;
  reasons: string[];
}

const RULES = [
  { version: '国科发政〔2017〕115号', effectiveFrom: '2017-05-01', staffScoreRequired: false },
  { version: '国科发区〔2022〕67号', effectiveFrom: '2022-01-01', staffScoreRequired: true },
] as const;

export const DIRECT_ROUTES = ['hnte', 'nationalAward', 'provincialRdInstitution', 'ledStandard'] as const;

function band(num: number, den: number, steps: [pct: number, points: number][]): number {
  if (den <= 0) return 0;
  for (const [pct, points] of steps) if (shareAtLeast(num, den, pct)) return points;
  return 0;
}

export function staffPoints(staff: number, employees: number): number {
  return band(staff, employees, [[30, 20], [25, 16], [20, 12], [15, 8], [10, 4]]);
}

/** The better of R&D / sales revenue and R&D / total costs and expenses. */
export function rdPoints(rd: number, revenue: number | undefined, totalCost: number | undefined): number {
  const byRevenue = revenue === undefined ? 0 : band(rd, revenue, [[6, 50], [5, 40], [4, 30], [3, 20], [2, 10]]);
  const byCost = totalCost === undefined ? 0 : band(rd, totalCost, [[30, 50], [25, 40], [20, 30], [15, 20], [10, 10]]);
  return Math.max(byRevenue, byCost);
}

export function ipPointsSme(classI: number, classII: number): number {
  if (classI >= 1) return 30;
  if (classII >= 4) return 24;
  return [0, 6, 12, 18][classII] ?? 0;
}

export function checkTechSme(firm: EnterpriseFigures): TechSmeResult {
  let rules: (typeof RULES)[number] = RULES[0];
  for (const r of RULES) if (firm.asOf >= r.effectiveFrom) rules = r;
  const applying = yearOf(firm.asOf);
  let last: YearFigures | undefined;
  for (const y of firm.years ?? []) if (y.year < applying && (!last || y.year > last.year)) last = y;
  const reasons: string[] = [];
  // Art. 2(2): employees ≤ 500, sales revenue ≤ 200 million CNY, total assets ≤ 200 million CNY
  const limits = [
    { what: 'employees', value: firm.employees, max: 500 },
    { what: 'revenue', value: last?.revenue, max: 200_000_000 },
    { what: 'totalAssets', value: firm.totalAssets, max: 200_000_000 },
  ];
  for (const l of limits) {
    if (l.value === undefined) reasons.push(`${l.what} missing`);
    else if (l.value > l.max) reasons.push(`${l.what} ${l.value} > ${l.max}`);
  }
  const sizeOk: boolean | null = limits.some((l) => l.value !== undefined && l.value > l.max) ? false : limits.some((l) => l.value === undefined) ? null : true;
  const clean = firm.incidents === undefined ? null : !firm.incidents;
  if (clean === false) reasons.push('incident or listed as dishonest');

  const staff = firm.employees && firm.sciTechStaff !== undefined ? staffPoints(firm.sciTechStaff, firm.employees) : 0;
  const rd = last?.rdExpense !== undefined ? rdPoints(last.rdExpense, last.revenue, last.totalCost) : 0;
  const c = ipCounts(firm);
  const ip = ipPointsSme(c.classI, c.classII);
  const score = { staff, rd, ip, total: staff + rd + ip };

  const direct = (firm.directRoutes ?? []).find((r) => (DIRECT_ROUTES as readonly string[]).includes(r));
  const byScore = score.total >= 60 && (!rules.staffScoreRequired || staff > 0);
  if (!byScore && score.total >= 60) reasons.push('sci-tech staff score is 0 (required since 2022)');
  const basic: boolean | null = sizeOk === false || clean === false ? false : sizeOk === null || clean === null ? null : true;
  const route: TechSmeResult['route'] = basic === false ? null : direct ? `direct:${direct}` : byScore ? 'score' : null;
  const qualified = basic === false ? false : route === null ? false : basic;
  return { qualified, ruleVersion: rules.version, score, route, reasons };
}
