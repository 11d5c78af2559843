import { describe, expect, it } from 'vitest';
import { checkHnte, type EnterpriseFigures } from '@kechuang/eligibility/domain';
import { hnteCloseness, registryVerdict } from './closeness.ts';

// revenue 40M a year (≤ 50M: R&D share 5% required), assessed points high enough to pass the score
const firm = (over: Partial<EnterpriseFigures> = {}): EnterpriseFigures => ({
  id: 'E',
  asOf: '2024-06-30',
  foundedOn: '2015-01-01',
  employees: 100,
  sciTechStaff: 20,
  keyField: true,
  ownsCoreIp: true,
  incidents: false,
  years: [2021, 2022, 2023].map((year) => ({
    year,
    revenue: 40_000_000,
    rdExpense: 2_400_000,
    rdExpenseDomestic: 2_400_000,
    highTechRevenue: 30_000_000,
    netAssets: 10_000_000 + (year - 2021) * 2_000_000,
  })),
  ip: [{ kind: 'inventionPatent', acquisition: 'own', count: 3 }],
  conversions: { 2021: 5, 2022: 5, 2023: 5 },
  assessed: { advancement: 8, coreSupport: 8, rdManagement: 20, standards: 2 },
  ...over,
});

describe('candidate closeness', () => {
  it('is zero for a firm that qualifies', () => {
    const r = checkHnte(firm());
    expect(r.qualified).toBe(true);
    expect(hnteCloseness(r)).toEqual({ failed: 0, unknown: 0, shortfall: 0 });
  });

  it('adds each failed share condition as the fraction of the requirement missing', () => {
    // staff 8 of 100: 8% against 10% → 0.2 short; R&D 4.5% against 5% → 0.1 short
    const years = firm().years!.map((y) => ({ ...y, rdExpense: 1_800_000, rdExpenseDomestic: 1_800_000 }));
    const c = hnteCloseness(checkHnte(firm({ sciTechStaff: 8, years })));
    expect(c.failed).toBe(2);
    expect(c.shortfall).toBeCloseTo(0.2 + 0.1, 4);
  });

  it('counts a failed yes/no condition as one whole step and a missing figure as unknown', () => {
    const c = hnteCloseness(checkHnte(firm({ keyField: false, incidents: undefined })));
    expect(c).toEqual({ failed: 1, unknown: 1, shortfall: 1 });
  });

  it("does not count the score as failed while the experts' maximum could still reach 70", () => {
    const r = checkHnte(firm({ assessed: undefined }));
    const score = r.conditions.find((x) => x.code === 'innovationScore')!;
    expect(score.pass).toBe(false); // the sure (low) score misses 70 …
    expect(r.scoreHigh.total).toBeGreaterThanOrEqual(70); // … the high band reaches it
    expect(hnteCloseness(r).failed).toBe(0);
  });
});

describe('the verdict the registry stores', () => {
  it("is undecided, not failed, when only the experts' points are missing", () => {
    const r = checkHnte(firm({ assessed: undefined }));
    expect(r.qualified).toBe(false);
    expect(registryVerdict(r)).toEqual({ qualified: null, failedCodes: [] });
  });
  it('keeps a real failure, without the score when experts could still lift it', () => {
    expect(registryVerdict(checkHnte(firm({ assessed: undefined, sciTechStaff: 8 })))).toEqual({ qualified: false, failedCodes: ['sciTechStaffShare'] });
    const hopeless = checkHnte(firm({ conversions: {}, ip: [], assessed: { advancement: 0, coreSupport: 0, rdManagement: 0, standards: 0 } }));
    expect(registryVerdict(hopeless).failedCodes).toContain('innovationScore');
    expect(registryVerdict(checkHnte(firm())).qualified).toBe(true);
  });
});
