/**
 * The revised POLICY-RULES.md case by case: the worked example of §5 (application on 2024-06-30,
 * window 2021–2023), its "one management point less" and "4.99%" variants, the tech-SME result beside
 * it; Class II IP used in an earlier HNTE recognition; the high-tech share over total income (总收入);
 * and the tech-SME basic conditions as restated by 国科火字〔2022〕67号.
 */
import { describe, expect, it } from 'vitest';
import { checkHnte } from './hnte.ts';
import { ipPoints } from './hnte-score.ts';
import { checkTechSme } from './tech-sme.ts';
import { ZEnterpriseFigures } from './input-schema.ts';
import type { EnterpriseFigures } from './input.ts';

const M = 1_000_000;
const cond = (r: ReturnType<typeof checkHnte>, code: string) => r.conditions.find((c) => c.code === code)!;

// §5: registered 2015-03-01, electronic information, core IP, no incidents
const example: EnterpriseFigures = {
  id: 'P5',
  asOf: '2024-06-30',
  foundedOn: '2015-03-01',
  employees: 200,
  sciTechStaff: 30,
  totalAssets: 90 * M,
  keyField: true,
  ownsCoreIp: true,
  incidents: false,
  resident: true,
  industryExcluded: false,
  restrictedCatalogue: false,
  dishonestyListed: false,
  years: [
    { year: 2021, revenue: 40 * M, totalIncome: 40.5 * M, rdExpense: 2 * M, rdExpenseDomestic: 2 * M, highTechRevenue: 26 * M, netAssets: 30 * M },
    { year: 2022, revenue: 50 * M, totalIncome: 50.6 * M, rdExpense: 2.5 * M, rdExpenseDomestic: 2.5 * M, highTechRevenue: 33 * M, netAssets: 36 * M },
    {
      year: 2023,
      revenue: 60 * M,
      totalIncome: 61 * M,
      rdExpense: 3 * M,
      rdExpenseDomestic: 3 * M,
      highTechRevenue: 42 * M,
      netAssets: 45 * M,
      totalCost: 50 * M,
    },
  ],
  ip: [
    { kind: 'inventionPatent', acquisition: 'own', count: 2 },
    { kind: 'utilityModel', acquisition: 'own', count: 5, usedInEarlierHnte: 0 },
  ],
  conversions: { 2021: 4, 2022: 5, 2023: 6 },
  assessed: { advancement: 6, coreSupport: 6, standards: 0, rdManagement: 16 },
};

describe('POLICY-RULES.md §5: the worked example', () => {
  const r = checkHnte(example);
  it('meets conditions 1–6 and 8 with the figures of the text', () => {
    expect(r.window).toEqual([2021, 2022, 2023]);
    expect(cond(r, 'registeredOneYear')).toMatchObject({ actual: 3409, pass: true });
    expect(cond(r, 'sciTechStaffShare')).toMatchObject({ actual: 0.15, pass: true });
    // 7.5 M / 150 M = 5.00%; last-year sales 60 M → the 4% band
    expect(cond(r, 'rdExpenseShare')).toMatchObject({ actual: 0.05, required: 0.04, pass: true });
    expect(cond(r, 'rdDomesticShare')).toMatchObject({ actual: 1, pass: true });
    // 42 M / 61 M = 68.85%, on total income, not on sales (42 / 60 would be 70%)
    expect(cond(r, 'highTechRevenueShare')).toMatchObject({ actual: 0.6885, pass: true });
    expect(cond(r, 'highTechRevenueShare').reason).toBeUndefined();
    expect(cond(r, 'noIncidents').pass).toBe(true);
  });
  it('scores IP 20–26, conversions 25–30, management 16, growth 10–12: 71–84, a sure pass', () => {
    expect(r.score).toEqual({ ip: 20, conversion: 25, rdManagement: 16, growth: 10, total: 71 });
    expect(r.scoreHigh).toEqual({ ip: 26, conversion: 30, rdManagement: 16, growth: 12, total: 84 });
    expect(cond(r, 'innovationScore')).toMatchObject({ actual: 71, required: 71, pass: true });
    expect(r.qualified).toBe(true);
    expect(r.gaps).toEqual([]);
  });
  it('with one management point less, the lowest total is 70: not more than 70, 1 point short', () => {
    const less = checkHnte({ ...example, assessed: { ...example.assessed, rdManagement: 15 } });
    expect(less.score.total).toBe(70);
    expect(cond(less, 'innovationScore')).toMatchObject({ actual: 70, pass: false });
    expect(less.qualified).toBe(false);
    expect(less.gaps).toEqual([expect.objectContaining({ code: 'innovationScore', change: 1, unit: 'points' })]);
  });
  it('with 2023 sales of exactly 50 M and R&D of 2,486,000 (4.99% against 5%), 14,000 CNY of R&D short', () => {
    const years = example.years!.map((y) =>
      y.year === 2023 ? { ...y, revenue: 50 * M, totalIncome: 51 * M, rdExpense: 2_486_000, rdExpenseDomestic: 2_486_000, highTechRevenue: 35 * M } : y,
    );
    const short = checkHnte({ ...example, years });
    expect(cond(short, 'rdExpenseShare')).toMatchObject({ required: 0.05, pass: false });
    expect(short.gaps).toContainEqual(expect.objectContaining({ code: 'rdExpenseShare', change: 14_000, unit: 'CNY' }));
  });
  it('beside it, tech-SME for 2024 on the 2023 figures: staff 8, R&D 40, IP 30 = 78, qualified under 国科火字〔2022〕67号', () => {
    expect(checkTechSme(example)).toMatchObject({
      qualified: true,
      route: 'score',
      ruleVersion: '国科火字〔2022〕67号',
      score: { staff: 8, rd: 40, ip: 30, total: 78 },
    });
  });
});

describe('Class II IP counts for one HNTE application only', () => {
  const none = { advancement: 0, coreSupport: 0, standards: 0 };
  it('leaves out the Class II items used in an earlier recognition: 6 utility models, 3 used → the 3–4 band', () => {
    const ip = [{ kind: 'utilityModel' as const, acquisition: 'own' as const, count: 6, usedInEarlierHnte: 3 }];
    expect(ipPoints({ id: 'x', asOf: '2024-01-01', ip, assessed: none })).toEqual([3 + 1, 4 + 6]);
    expect(ipPoints({ id: 'x', asOf: '2024-01-01', ip: [{ ...ip[0], usedInEarlierHnte: 0 }], assessed: none })).toEqual([5 + 1, 6 + 6]);
  });
  it('scores nothing when every Class II item was used before, acquisition included', () => {
    const ip = [{ kind: 'softwareCopyright' as const, acquisition: 'own' as const, count: 4, usedInEarlierHnte: 4 }];
    expect(ipPoints({ id: 'x', asOf: '2024-01-01', ip, assessed: none })).toEqual([0, 0]);
  });
  it('still counts all of them for the tech-SME score, which has no once-only rule', () => {
    const ip = [{ kind: 'utilityModel' as const, acquisition: 'own' as const, count: 4, usedInEarlierHnte: 4 }];
    expect(checkTechSme({ ...example, ip }).score.ip).toBe(24);
  });
  it('refuses a used count above the count, or on a Class I item, naming the field', () => {
    const over = ZEnterpriseFigures.safeParse({ id: 'x', asOf: '2024-01-01', ip: [{ kind: 'design', acquisition: 'own', count: 2, usedInEarlierHnte: 3 }] });
    expect(over.success).toBe(false);
    expect(over.error?.issues[0].path).toEqual(['ip', 0, 'usedInEarlierHnte']);
    const classI = ZEnterpriseFigures.safeParse({
      id: 'x',
      asOf: '2024-01-01',
      ip: [{ kind: 'inventionPatent', acquisition: 'own', count: 2, usedInEarlierHnte: 1 }],
    });
    expect(classI.success).toBe(false);
  });
});

describe('high-tech revenue share over total income (总收入)', () => {
  const last = (patch: object) => ({ ...example, years: example.years!.map((y) => (y.year === 2023 ? { ...y, ...patch } : y)) });
  it('uses total income where given: 36.6 M of 61 M is exactly 60%, one yuan less fails', () => {
    expect(cond(checkHnte(last({ highTechRevenue: 36.6 * M })), 'highTechRevenueShare')).toMatchObject({ actual: 0.6, pass: true });
    const under = checkHnte(last({ highTechRevenue: 36.6 * M - 1 }));
    expect(cond(under, 'highTechRevenueShare').pass).toBe(false);
    // income shown to be high-tech: ⌈(3 · 61 M − 5 · (36.6 M − 1)) ÷ 5⌉ = 1
    expect(under.gaps).toContainEqual(expect.objectContaining({ code: 'highTechRevenueShare', change: 1, unit: 'CNY' }));
  });
  it('falls back to sales revenue when total income is missing, and says so', () => {
    const r = checkHnte(last({ totalIncome: undefined }));
    expect(cond(r, 'highTechRevenueShare')).toMatchObject({ actual: 0.7, pass: true, reason: { code: 'hnte.revenueAsTotalIncome' } });
  });
  it('is undecided with neither figure', () => {
    expect(cond(checkHnte(last({ totalIncome: undefined, revenue: undefined })), 'highTechRevenueShare')).toMatchObject({ pass: null });
  });
});

describe('tech-SME basic conditions (国科火字〔2022〕67号)', () => {
  it('refuses a non-resident enterprise, an industry in the restricted catalogue, or one on a dishonesty list', () => {
    expect(checkTechSme({ ...example, resident: false })).toMatchObject({ qualified: false, route: null, reasons: [{ code: 'techSme.notResident' }] });
    expect(checkTechSme({ ...example, restrictedCatalogue: true })).toMatchObject({ qualified: false, reasons: [{ code: 'techSme.restricted' }] });
    expect(checkTechSme({ ...example, dishonestyListed: true })).toMatchObject({ qualified: false, reasons: [{ code: 'techSme.dishonest' }] });
    expect(checkTechSme({ ...example, incidents: true })).toMatchObject({ qualified: false, reasons: [{ code: 'techSme.incident' }] });
  });
  it('from 2022 refuses an industry excluded from the super-deduction; the 2017 wording did not ask', () => {
    expect(checkTechSme({ ...example, industryExcluded: true })).toMatchObject({ qualified: false, reasons: [{ code: 'techSme.industryExcluded' }] });
    const in2021 = { ...example, asOf: '2021-05-31', years: example.years!.map((y) => ({ ...y, year: y.year - 3 })), industryExcluded: true };
    expect(checkTechSme(in2021)).toMatchObject({ qualified: true, ruleVersion: '国科发政〔2017〕115号' });
  });
  it('leaves a missing field undecided, naming it, even with a direct route', () => {
    expect(checkTechSme({ ...example, resident: undefined })).toMatchObject({ qualified: null, reasons: [{ code: 'techSme.residentMissing' }] });
    expect(checkTechSme({ ...example, dishonestyListed: undefined, directRoutes: ['hnte'] })).toMatchObject({ qualified: null, route: 'direct:hnte' });
    expect(checkTechSme({ ...example, industryExcluded: undefined }).qualified).toBeNull();
  });
  it('still refuses a failing score when a condition is undecided', () => {
    expect(checkTechSme({ ...example, resident: undefined, sciTechStaff: 0, ip: [] })).toMatchObject({ qualified: false, route: null });
  });
});
