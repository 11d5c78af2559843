import { describe, expect, it } from 'vitest';
import { checkHnte, requiredRdShare } from './hnte.ts';
import { growthRate, ipPoints } from './hnte-score.ts';
import type { EnterpriseFigures } from './input.ts';

const M = 1_000_000;
// POLICY-RULES.md §5: application in 2024, window 2021–2023
const worked: EnterpriseFigures = {
  id: 'E1',
  asOf: '2024-05-31',
  foundedOn: '2015-03-15',
  employees: 200,
  sciTechStaff: 24,
  totalAssets: 80 * M,
  keyField: true,
  ownsCoreIp: true,
  incidents: false,
  years: [
    { year: 2021, revenue: 30 * M, rdExpense: 1.5 * M, rdExpenseDomestic: 1.5 * M, netAssets: 20 * M },
    { year: 2022, revenue: 40 * M, rdExpense: 2.0 * M, rdExpenseDomestic: 2.0 * M, netAssets: 24 * M },
    { year: 2023, revenue: 52 * M, rdExpense: 2.6 * M, rdExpenseDomestic: 2.6 * M, highTechRevenue: 33 * M, netAssets: 30 * M },
  ],
  ip: [
    { kind: 'inventionPatent', acquisition: 'own', count: 1 },
    { kind: 'utilityModel', acquisition: 'own', count: 6 },
  ],
  conversions: { 2021: 3, 2022: 4, 2023: 5 },
  assessed: { advancement: 6, coreSupport: 6, rdManagement: 14, standards: 0 },
};
const cond = (r: ReturnType<typeof checkHnte>, code: string) => r.conditions.find((c) => c.code === code)!;

describe('HNTE: the worked example of POLICY-RULES.md §5', () => {
  const r = checkHnte(worked);
  it('passes every condition but the innovation score', () => {
    expect(r.window).toEqual([2021, 2022, 2023]);
    expect(cond(r, 'sciTechStaffShare')).toMatchObject({ actual: 0.12, pass: true });
    expect(cond(r, 'rdExpenseShare')).toMatchObject({ actual: 0.05, required: 0.04, pass: true });
    expect(cond(r, 'rdDomesticShare')).toMatchObject({ actual: 1, pass: true });
    expect(cond(r, 'highTechRevenueShare')).toMatchObject({ actual: 0.6346, pass: true });
    expect(cond(r, 'innovationScore')).toMatchObject({ actual: 65, required: 71, pass: false });
    expect(r.qualified).toBe(false);
  });
  it('scores IP 20, conversion 19, R&D management 14, growth 12 = 65', () => {
    expect(r.score).toEqual({ ip: 20, conversion: 19, rdManagement: 14, growth: 12, total: 65 });
    expect(r.scoreHigh).toEqual({ ip: 26, conversion: 24, rdManagement: 14, growth: 14, total: 78 });
  });
  it('says what it would take: 6 more points (71 is the lowest pass)', () => {
    expect(r.gaps).toEqual([expect.objectContaining({ code: 'innovationScore', change: 6, unit: 'points' })]);
  });
});

describe('HNTE conditions at and around their thresholds', () => {
  const withLast = (patch: Partial<NonNullable<EnterpriseFigures['years']>[number]>) => ({
    ...worked,
    years: worked.years!.map((y, i) => (i === 2 ? { ...y, ...patch } : y)),
  });
  it.each([
    [50 * M, 5],
    [50 * M + 1, 4],
    [200 * M, 4],
    [200 * M + 1, 3],
  ])('last-year revenue %d requires %d%% R&D', (revenue, pct) => {
    expect(requiredRdShare(revenue)).toBe(pct);
  });
  it.each([
    ['exactly 10% sci-tech staff passes', 20, true],
    ['just under 10% fails', 19, false],
  ])('%s', (_, staff, pass) => {
    expect(cond(checkHnte({ ...worked, sciTechStaff: staff }), 'sciTechStaffShare').pass).toBe(pass);
  });
  it('needs the R&D a 5% band asks when last year sales fall to 50 million, and names the extra CNY', () => {
    // window sales 30 + 40 + 50 = 120 M → 5% = 6.0 M; R&D 1.5 + 2.0 + 2.4 = 5.9 M: 100,000 CNY short
    const r = checkHnte(withLast({ revenue: 50 * M, rdExpense: 2.4 * M, rdExpenseDomestic: 2.4 * M, highTechRevenue: 33 * M }));
    expect(cond(r, 'rdExpenseShare')).toMatchObject({ required: 0.05, pass: false });
    expect(r.gaps).toContainEqual(expect.objectContaining({ code: 'rdExpenseShare', change: 100_000, unit: 'CNY' }));
    const fixed = checkHnte(withLast({ revenue: 50 * M, rdExpense: 2.5 * M, rdExpenseDomestic: 2.5 * M, highTechRevenue: 33 * M }));
    expect(cond(fixed, 'rdExpenseShare').pass).toBe(true);
  });
  it('asks for more R&D in China when less than 60% is domestic', () => {
    const r = checkHnte({ ...worked, years: worked.years!.map((y) => ({ ...y, rdExpenseDomestic: (y.rdExpense ?? 0) / 2 })) });
    expect(cond(r, 'rdDomesticShare')).toMatchObject({ actual: 0.5, pass: false });
    // t = 6.1 M, d = 3.05 M: (0.6·6.1 − 3.05) / 0.4 = 1.525 M more spent in China
    expect(r.gaps).toContainEqual(expect.objectContaining({ code: 'rdDomesticShare', change: 1_525_000 }));
  });
  it('asks for more high-tech revenue below 60%', () => {
    const r = checkHnte(withLast({ highTechRevenue: 31 * M }));
    expect(cond(r, 'highTechRevenueShare').pass).toBe(false);
    expect(r.gaps).toContainEqual(expect.objectContaining({ code: 'highTechRevenueShare', change: 200_000, unit: 'CNY' }));
    expect(cond(checkHnte(withLast({ highTechRevenue: 31.2 * M })), 'highTechRevenueShare').pass).toBe(true);
  });
  it('counts registration days: 365 passes, 364 fails', () => {
    expect(cond(checkHnte({ ...worked, foundedOn: '2023-06-01', asOf: '2024-05-31' }), 'registeredOneYear')).toMatchObject({ actual: 365, pass: true });
    const young = checkHnte({ ...worked, foundedOn: '2023-06-02', asOf: '2024-05-31' });
    expect(cond(young, 'registeredOneYear')).toMatchObject({ actual: 364, pass: false });
    expect(young.gaps).toContainEqual({ code: 'registeredOneYear', change: 1, unit: 'days' });
  });
  it('answers null with a reason where a figure is missing, and is then not sure', () => {
    const r = checkHnte({ id: 'X', asOf: '2024-05-31' });
    expect(cond(r, 'coreIp')).toMatchObject({ pass: null, reason: { code: 'hnte.coreIpMissing' } });
    expect(r.qualified).toBe(false); // the score of a firm with no figures is 0, not above 70
    const nearly = checkHnte({ ...worked, incidents: undefined, conversions: { 2021: 5, 2022: 5, 2023: 5 } });
    expect(cond(nearly, 'noIncidents').pass).toBeNull();
    expect(nearly.qualified).toBeNull();
  });
  it('qualifies the worked firm once its conversions average five a year (71 is above 70)', () => {
    const r = checkHnte({ ...worked, conversions: { 2021: 5, 2022: 5, 2023: 5 } });
    expect(r.score.conversion).toBe(25);
    expect(r.score.total).toBe(71);
    expect(r.qualified).toBe(true);
    expect(r.gaps).toEqual([]);
  });
  it('fails a total of exactly 70, one point short (70分以上（不含70分）)', () => {
    const r = checkHnte({ ...worked, conversions: { 2021: 5, 2022: 5, 2023: 5 }, assessed: { ...worked.assessed, rdManagement: 13 } });
    expect(r.score.total).toBe(70);
    expect(cond(r, 'innovationScore')).toMatchObject({ actual: 70, required: 71, pass: false });
    expect(r.gaps).toEqual([expect.objectContaining({ code: 'innovationScore', change: 1, unit: 'points' })]);
  });
});

describe('HNTE score bands', () => {
  it.each([
    ['one Class I item', [{ kind: 'inventionPatent', acquisition: 'own', count: 1 }], [7 + 1, 8 + 6]],
    ['five Class II items', [{ kind: 'utilityModel', acquisition: 'own', count: 5 }], [5 + 1, 6 + 6]],
    ['three Class II items', [{ kind: 'design', acquisition: 'own', count: 3 }], [3 + 1, 4 + 6]],
    ['one Class II item, transferred', [{ kind: 'softwareCopyright', acquisition: 'transferred', count: 1 }], [1 + 1, 2 + 3]],
    ['no IP', [], [0, 0]],
  ] as const)('IP: %s', (_, ip, [low, high]) => {
    const [l, h] = ipPoints({ id: 'x', asOf: '2024-01-01', ip: [...ip], assessed: { advancement: 0, coreSupport: 0, standards: 0 } });
    expect([l, h]).toEqual([low, high]);
  });
  it('caps IP at 30', () => {
    expect(
      ipPoints({
        id: 'x',
        asOf: '2024-01-01',
        ip: [{ kind: 'inventionPatent', acquisition: 'own', count: 3 }],
        assessed: { advancement: 8, coreSupport: 8, standards: 2 },
      }),
    ).toEqual([26, 30]);
  });
  it.each([
    [[100, 135, 182.25], 0.35],
    [[20, 24, 30], 0.225],
    [[0, 10, 12], 0.2],
    [[10, 0, 12], null],
    [[10, 12], 0.2],
    [[10], null],
  ])('growth of %j is %s', (values, rate) => {
    const g = growthRate(values);
    if (rate === null) expect(g).toBeNull();
    else expect(g).toBeCloseTo(rate, 10);
  });
  it.each([
    [{ 2021: 5, 2022: 5, 2023: 5 }, 25],
    [{ 2021: 4, 2022: 4, 2023: 4 }, 19],
    [{ 2021: 3, 2022: 3, 2023: 3 }, 13],
    [{ 2021: 2, 2022: 2, 2023: 2 }, 7],
    [{ 2021: 1, 2022: 1, 2023: 1 }, 1],
    [{ 2021: 0, 2022: 1, 2023: 1 }, 0],
  ])('conversions %j score %d at the lowest', (conversions, points) => {
    expect(checkHnte({ ...worked, conversions }).score.conversion).toBe(points);
  });
});
