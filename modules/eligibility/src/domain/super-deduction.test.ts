import { describe, expect, it } from 'vitest';
import { estimateSuperDeduction } from './super-deduction.ts';

const M = 1_000_000;

describe('R&D super-deduction rate by year and industry', () => {
  it.each([
    [2017, 'other', undefined, null],
    [2018, 'other', undefined, 0.75],
    [2020, 'manufacturing', undefined, 0.75],
    [2021, 'manufacturing', undefined, 1],
    [2021, 'other', undefined, 0.75],
    [2022, 'other', true, 1],
    [2022, 'other', false, 0.75],
    [2023, 'other', undefined, 1],
    [2023, 'integratedCircuit', undefined, 1.2],
    [2027, 'industrialMachineTool', undefined, 1.2],
    [2028, 'industrialMachineTool', undefined, 1],
    [2024, 'excluded', undefined, 0],
  ] as const)('%d, %s, tech-SME %s → %s', (year, industry, isTechSme, rate) => {
    expect(estimateSuperDeduction({ year, industry, isTechSme, rdExpense: 10 * M }).rate).toBe(rate);
  });
});

describe('estimated tax saved', () => {
  it("is the extra deduction at the firm's income-tax rate", () => {
    expect(estimateSuperDeduction({ year: 2024, industry: 'other', rdExpense: 2 * M })).toMatchObject({
      extraDeduction: 2 * M,
      taxRate: 0.25,
      estimatedTaxSaved: 500_000,
    });
    expect(estimateSuperDeduction({ year: 2024, industry: 'other', rdExpense: 2 * M, taxRegime: 'hnte' }).estimatedTaxSaved).toBe(300_000);
    expect(estimateSuperDeduction({ year: 2024, industry: 'other', rdExpense: 2 * M, taxRegime: 'smallLowProfit' }).estimatedTaxSaved).toBe(100_000);
  });
  it('adds the 2022 fourth-quarter rate when the expense from October is given, and asks for it otherwise', () => {
    const r = estimateSuperDeduction({ year: 2022, industry: 'other', rdExpense: 4 * M, expenseFromOctober2022: 1 * M });
    expect(r.extraDeduction).toBe(3 * M + 0.25 * M);
    const asked = estimateSuperDeduction({ year: 2022, industry: 'other', rdExpense: 4 * M });
    expect(asked.extraDeduction).toBe(3 * M);
    expect(asked.notes).toContain('october2022Missing');
  });
  it('says it is an estimate, and has no figure before the rules it knows', () => {
    expect(estimateSuperDeduction({ year: 2024, industry: 'other', rdExpense: M }).notes[0]).toBe('estimate');
    expect(estimateSuperDeduction({ year: 2016, industry: 'other', rdExpense: M })).toMatchObject({ rate: null, estimatedTaxSaved: null, basis: 'before2018' });
  });
});
