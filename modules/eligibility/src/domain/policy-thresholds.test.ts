/**
 * The thresholds of POLICY-RULES.md that the other rule tests do not reach, each at and just around
 * its edge, with the arithmetic in the comment. Together with hnte.test.ts and tech-sme.test.ts every
 * condition and score band of the policy has a case on both sides.
 */
import { describe, expect, it } from 'vitest';
import { checkHnte } from './hnte.ts';
import { growthPoints, ipPoints } from './hnte-score.ts';
import { checkTechSme } from './tech-sme.ts';
import type { EnterpriseFigures, YearFigures } from './input.ts';

const M = 1_000_000;
const cond = (r: ReturnType<typeof checkHnte>, code: string) => r.conditions.find((c) => c.code === code)!;

// a firm that passes everything; each case moves one figure to an edge
const firm = (years: YearFigures[], over: Partial<EnterpriseFigures> = {}): EnterpriseFigures => ({
  id: 'T',
  asOf: '2024-05-31',
  foundedOn: '2010-01-01',
  employees: 100,
  sciTechStaff: 20,
  totalAssets: 50 * M,
  keyField: true,
  ownsCoreIp: true,
  incidents: false,
  years,
  ip: [{ kind: 'inventionPatent', acquisition: 'own', count: 1 }],
  conversions: { 2021: 5, 2022: 5, 2023: 5 },
  assessed: { advancement: 8, coreSupport: 8, rdManagement: 20, standards: 2 },
  ...over,
});
const flat = (revenue: number, rd: number, extra: Partial<YearFigures> = {}): YearFigures[] =>
  [2021, 2022, 2023].map((year) => ({ year, revenue, rdExpense: rd, rdExpenseDomestic: rd, highTechRevenue: revenue * 0.8, netAssets: 10 * M, ...extra }));

describe("HNTE R&D share, at each band edge of last year's revenue", () => {
  it.each([
    // revenue ≤ 50 M → 5%: 3 × 50 M = 150 M; 7.5 M passes, 7,499,999 fails
    ['50 M, 5.00%', 50 * M, 2.5 * M, true],
    ['50 M, just under 5%', 50 * M, 2.5 * M - 1, false],
    // 50 M < revenue ≤ 200 M → 4%: 200 M × 3 = 600 M; 24 M passes
    ['200 M, 4.00%', 200 * M, 8 * M, true],
    ['200 M, just under 4%', 200 * M, 8 * M - 1, false],
    // > 200 M → 3%: 300 M × 3 = 900 M; 27 M passes
    ['300 M, 3.00%', 300 * M, 9 * M, true],
    ['300 M, just under 3%', 300 * M, 9 * M - 1, false],
  ])('%s', (_, revenue, rdPerYear, pass) => {
    expect(cond(checkHnte(firm(flat(revenue, rdPerYear))), 'rdExpenseShare').pass).toBe(pass);
  });
});

describe('HNTE shares of 60%', () => {
  it('passes domestic R&D at exactly 60% and fails just under', () => {
    const at = flat(40 * M, 2.4 * M).map((y) => ({ ...y, rdExpenseDomestic: 1.44 * M })); // 1.44 / 2.4 = 60%
    expect(cond(checkHnte(firm(at)), 'rdDomesticShare')).toMatchObject({ actual: 0.6, pass: true });
    const under = at.map((y, i) => (i === 0 ? { ...y, rdExpenseDomestic: 1.44 * M - 1 } : y));
    expect(cond(checkHnte(firm(under)), 'rdDomesticShare').pass).toBe(false);
  });
  it('passes high-tech revenue at exactly 60% and fails one yuan under', () => {
    const at = flat(40 * M, 2.4 * M, { highTechRevenue: 24 * M });
    expect(cond(checkHnte(firm(at)), 'highTechRevenueShare').pass).toBe(true);
    const under = flat(40 * M, 2.4 * M, { highTechRevenue: 24 * M - 1 });
    const r = checkHnte(firm(under));
    expect(cond(r, 'highTechRevenueShare').pass).toBe(false);
    expect(r.gaps).toContainEqual(expect.objectContaining({ code: 'highTechRevenueShare', change: 1 }));
  });
});

describe('HNTE innovation score: 71 passes, 70 fails (more than 70, 不含70分)', () => {
  // IP 8 + 8 + 7 + 1 + 2 = 26 (Class I, own, lowest acquisition point); conversions average 5 → 25;
  // growth: flat figures → 0; so R&D management decides: 20 → 71, 19 → 70, 18 → 69
  it.each([
    [20, 71, true, 0],
    [19, 70, false, 1],
    [18, 69, false, 2],
  ])('R&D management %d → %d', (rdManagement, total, pass, short) => {
    const r = checkHnte(firm(flat(40 * M, 2.4 * M), { assessed: { advancement: 8, coreSupport: 8, rdManagement, standards: 2 } }));
    expect(r.score.total).toBe(total);
    expect(cond(r, 'innovationScore')).toMatchObject({ required: 71, pass });
    if (!pass) expect(r.gaps).toContainEqual(expect.objectContaining({ code: 'innovationScore', change: short, unit: 'points' }));
  });
});

describe('HNTE IP quantity and acquisition bands', () => {
  const none = { advancement: 0, coreSupport: 0, standards: 0 };
  it.each([
    ['4 Class II → 3–4', 4, [3 + 1, 4 + 6]],
    ['2 Class II → 1–2', 2, [1 + 1, 2 + 6]],
    ['5 Class II → 5–6', 5, [5 + 1, 6 + 6]],
  ] as const)('%s (own: acquisition 1–6)', (_, count, expected) => {
    expect(ipPoints({ id: 'x', asOf: '2024-01-01', ip: [{ kind: 'utilityModel', acquisition: 'own', count }], assessed: none })).toEqual(expected);
  });
  it('gives transferred-only IP the 1–3 acquisition band, and own IP 1–6 even beside transferred', () => {
    expect(ipPoints({ id: 'x', asOf: '2024-01-01', ip: [{ kind: 'inventionPatent', acquisition: 'transferred', count: 1 }], assessed: none })).toEqual([
      7 + 1,
      8 + 3,
    ]);
    expect(
      ipPoints({
        id: 'x',
        asOf: '2024-01-01',
        ip: [
          { kind: 'inventionPatent', acquisition: 'transferred', count: 1 },
          { kind: 'design', acquisition: 'own', count: 1 },
        ],
        assessed: none,
      }),
    ).toEqual([7 + 1, 8 + 6]);
  });
});

describe('HNTE growth bands (each of net assets and sales, ≤ 10)', () => {
  // two years give the rate x₂/x₁ − 1 directly; whole yuan, as figures are (115 M / 100 M − 1 is 0.1499… in binary)
  const two = (rate: number): YearFigures[] => {
    const next = Math.round(100 * M * (1 + rate));
    return [
      { year: 2022, revenue: 100 * M, netAssets: 100 * M },
      { year: 2023, revenue: next, netAssets: next },
    ];
  };
  it.each([
    [0.35, [9, 10]],
    [0.3499, [7, 8]],
    [0.25, [7, 8]],
    [0.2499, [5, 6]],
    [0.15, [5, 6]],
    [0.1499, [3, 4]],
    [0.05, [3, 4]],
    [0.0499, [1, 2]],
    [0.0001, [1, 2]],
    [0, [0, 0]],
    [-0.1, [0, 0]],
  ] as const)('a rate of %s scores %j on each', (rate, [low, high]) => {
    expect(growthPoints(two(rate))).toEqual([2 * low, 2 * high]);
  });
  it('scores 0 with one year, and 0 when the middle year is 0', () => {
    expect(growthPoints([{ year: 2023, revenue: 10 * M, netAssets: 10 * M }])).toEqual([0, 0]);
    const middleZero: YearFigures[] = [
      { year: 2021, revenue: 10 * M, netAssets: 10 * M },
      { year: 2022, revenue: 0, netAssets: 0 },
      { year: 2023, revenue: 12 * M, netAssets: 12 * M },
    ];
    expect(growthPoints(middleZero)).toEqual([0, 0]);
  });
});

describe('tech-SME size limits and the pass mark', () => {
  const sme = (over: Partial<EnterpriseFigures> = {}): EnterpriseFigures => ({
    id: 'S',
    asOf: '2024-05-31',
    employees: 100,
    sciTechStaff: 20,
    totalAssets: 50 * M,
    incidents: false,
    resident: true,
    industryExcluded: false,
    restrictedCatalogue: false,
    dishonestyListed: false,
    years: [{ year: 2023, revenue: 40 * M, rdExpense: 2 * M, totalCost: 30 * M }],
    ip: [{ kind: 'utilityModel', acquisition: 'own', count: 2 }],
    ...over,
  });
  it('accepts 500 employees and 200 M revenue, refuses 501 and 200 M + 1', () => {
    expect(checkTechSme(sme({ employees: 500, sciTechStaff: 100 })).qualified).toBe(true);
    expect(checkTechSme(sme({ employees: 501, sciTechStaff: 100 })).qualified).toBe(false);
    const big = (revenue: number) => sme({ years: [{ year: 2023, revenue, rdExpense: 12 * M, totalCost: 150 * M }] });
    expect(checkTechSme(big(200 * M)).qualified).toBe(true);
    expect(checkTechSme(big(200 * M + 1)).qualified).toBe(false);
  });
  it('passes a score of 60 and fails 58', () => {
    // staff 20% → 12; R&D 3% of revenue → 20 (cost 4% → 0); 3 Class II → 18 … 50; 1 Class I → 30: 62
    // 25% staff → 16, R&D 4% → 30, 2 Class II → 12: 58; with 3 Class II → 18: 64
    const score = (staff: number, rd: number, classII: number) =>
      checkTechSme(
        sme({
          sciTechStaff: staff,
          years: [{ year: 2023, revenue: 100 * M, rdExpense: rd, totalCost: 1_000 * M }],
          ip: [{ kind: 'utilityModel', acquisition: 'own', count: classII }],
        }),
      );
    expect(score(25, 4 * M, 2)).toMatchObject({ qualified: false, score: { staff: 16, rd: 30, ip: 12, total: 58 } });
    // staff 20% → 12, R&D 4% → 30, 3 Class II → 18: 60 exactly
    expect(score(20, 4 * M, 3)).toMatchObject({ qualified: true, score: { total: 60 } });
  });
  it.each(['nationalAward', 'provincialRdInstitution', 'ledStandard'])('qualifies directly through %s, still inside the size limits', (route) => {
    expect(checkTechSme(sme({ sciTechStaff: 0, ip: [], directRoutes: [route] }))).toMatchObject({ qualified: true, route: `direct:${route}` });
    expect(checkTechSme(sme({ employees: 600, sciTechStaff: 0, ip: [], directRoutes: [route] })).qualified).toBe(false);
  });
});
