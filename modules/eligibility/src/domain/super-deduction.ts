/**
 * R&D expense super-deduction (研发费用加计扣除): the extra deduction rate by year and industry, and an
 * estimate of the income tax it saves. Sources: 财税〔2018〕99号; 财政部 税务总局公告2021年第13号, 第6号;
 * 2022年第16号, 第28号; 2023年第7号, 第44号; excluded industries 财税〔2015〕119号; small low-profit
 * enterprises 公告2023年第12号. The result is an estimate and says so. Notes are codes (reasons.ts).
 */
import type { SuperDeductionNote } from './reasons.ts';

export type SuperDeductionIndustry = 'manufacturing' | 'integratedCircuit' | 'industrialMachineTool' | 'excluded' | 'other';

export interface SuperDeductionInput {
  year: number;
  rdExpense: number;
  industry: SuperDeductionIndustry;
  isTechSme?: boolean;
  /** 'hnte' for a valid HNTE certificate (15%), 'smallLowProfit' for 小型微利企业 */
  taxRegime?: 'standard' | 'hnte' | 'smallLowProfit';
  /** 2022 only: R&D expense incurred from 1 October, which qualifies at 100% for every eligible firm */
  expenseFromOctober2022?: number;
}

export interface SuperDeduction {
  rate: number | null;
  extraDeduction: number | null;
  taxRate: number;
  estimatedTaxSaved: number | null;
  /** the text that sets the rate (for a year before 2018, the first text, which does not cover it) */
  source: string;
  /** 'excludedIndustry': no extra deduction for the industry; 'before2018': a year no text covers */
  basis: 'rate' | 'excludedIndustry' | 'before2018';
  notes: SuperDeductionNote[];
}

function rateFor(input: SuperDeductionInput): { rate: number | null; source: string; basis?: SuperDeduction['basis'] } {
  const { year, industry } = input;
  if (industry === 'excluded') return { rate: 0, source: '财税〔2015〕119号', basis: 'excludedIndustry' };
  if (year < 2018) return { rate: null, source: '财税〔2018〕99号', basis: 'before2018' };
  if (year <= 2020) return { rate: 0.75, source: '财税〔2018〕99号' };
  if (year >= 2023 && year <= 2027 && (industry === 'integratedCircuit' || industry === 'industrialMachineTool'))
    return { rate: 1.2, source: '公告2023年第44号' };
  if (year >= 2023) return { rate: 1, source: '公告2023年第7号' };
  if (industry === 'manufacturing') return { rate: 1, source: '公告2021年第13号' };
  if (year === 2022 && input.isTechSme) return { rate: 1, source: '公告2022年第16号' };
  return { rate: 0.75, source: '公告2021年第6号' };
}

export function estimateSuperDeduction(input: SuperDeductionInput): SuperDeduction {
  // an estimate: the deductible base follows the super-deduction definitions, not the accounts
  const notes: SuperDeductionNote[] = ['estimate'];
  const { rate, source, basis = 'rate' } = rateFor(input);
  const taxRate = input.taxRegime === 'hnte' ? 0.15 : input.taxRegime === 'smallLowProfit' && input.year >= 2023 && input.year <= 2027 ? 0.05 : 0.25;
  // the small low-profit rate applies to taxable income up to 3 million CNY
  if (input.taxRegime === 'smallLowProfit') notes.push('smallLowProfitCap');
  if (rate === null) return { rate, extraDeduction: null, taxRate, estimatedTaxSaved: null, source, basis, notes };
  let extra = input.rdExpense * rate;
  // 公告2022年第28号: from 2022-10-01 every eligible firm deducts 100% extra
  if (input.year === 2022 && rate === 0.75) {
    // expense from 2022-10-01 qualifies at 100%: the estimate needs expenseFromOctober2022 to count it
    if (input.expenseFromOctober2022 === undefined) notes.push('october2022Missing');
    else extra += input.expenseFromOctober2022 * 0.25;
  }
  const extraDeduction = Math.round(extra);
  return { rate, extraDeduction, taxRate, estimatedTaxSaved: Math.round(extraDeduction * taxRate), source, basis, notes };
}
