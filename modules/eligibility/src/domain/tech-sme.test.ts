import { describe, expect, it } from 'vitest';
import { checkTechSme, ipPointsSme, rdPoints, staffPoints } from './tech-sme.ts';
import type { EnterpriseFigures } from './input.ts';

const M = 1_000_000;
const firm: EnterpriseFigures = {
  id: 'S1',
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
};

describe('tech-SME score bands (lower bounds inclusive)', () => {
  it.each([
    [30, 20],
    [29, 16],
    [25, 16],
    [20, 12],
    [15, 8],
    [10, 4],
    [9, 0],
  ])('%s%% sci-tech staff → %s points', (pct, points) => {
    expect(staffPoints(pct, 100)).toBe(points);
  });
  it.each([
    [6, undefined, 50],
    [5, undefined, 40],
    [4, undefined, 30],
    [3, undefined, 20],
    [2, undefined, 10],
    [1.99, undefined, 0],
    [1, 30, 50],
    [1, 14.99, 10],
    [1, 9.99, 0],
  ])('R&D %s%% of revenue, %s%% of costs → %s points (the better ratio)', (revenuePct, costPct, points) => {
    const rd = revenuePct * M;
    expect(rdPoints(rd, 100 * M, costPct === undefined ? undefined : (rd * 100) / costPct)).toBe(points);
  });
  it.each([
    [1, 0, 30],
    [0, 4, 24],
    [0, 3, 18],
    [0, 2, 12],
    [0, 1, 6],
    [0, 0, 0],
  ])('%s Class I, %s Class II → %s points', (i, ii, points) => {
    expect(ipPointsSme(i, ii)).toBe(points);
  });
});

describe('tech-SME evaluation', () => {
  it('qualifies by score at 60 or more', () => {
    // staff 20% → 12; R&D 2/40 = 5% → 40 (cost 6.7% → 0); 2 Class II → 12: 64
    expect(checkTechSme(firm)).toMatchObject({ qualified: true, route: 'score', score: { staff: 12, rd: 40, ip: 12, total: 64 } });
  });
  it('refuses a firm over a size limit, whatever its score', () => {
    expect(checkTechSme({ ...firm, employees: 501 })).toMatchObject({ qualified: false, route: null });
    expect(checkTechSme({ ...firm, totalAssets: 200 * M + 1 })).toMatchObject({ qualified: false });
    expect(checkTechSme({ ...firm, totalAssets: 200 * M }).qualified).toBe(true);
  });
  it('since 2022, refuses a score of 60 with no sci-tech staff points; before, accepts it', () => {
    const noStaff = { ...firm, sciTechStaff: 5, ip: [{ kind: 'inventionPatent' as const, acquisition: 'own' as const, count: 1 }] };
    expect(checkTechSme(noStaff)).toMatchObject({ qualified: false, score: { staff: 0, total: 70 } });
    expect(checkTechSme({ ...noStaff, asOf: '2021-05-31', years: [{ ...firm.years![0], year: 2020 }] })).toMatchObject({ qualified: true, route: 'score' });
  });
  it('qualifies directly through a valid HNTE certificate', () => {
    expect(checkTechSme({ ...firm, sciTechStaff: 0, ip: [], directRoutes: ['hnte'] })).toMatchObject({ qualified: true, route: 'direct:hnte' });
  });
});
