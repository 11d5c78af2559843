/**
 * GB/T 4754-2017 industry codes (a section letter, then 2–4 digits) read for the super-deduction:
 * manufacturing is section C; the industries 财税〔2015〕119号 excludes are tobacco (C16), wholesale and
 * retail (F), accommodation and catering (H), real estate (K), leasing and business services (L) and
 * entertainment (R90); integrated circuits (C3973) and metal-working machine tools (C342) have the 120%
 * rate of 公告2023年第44号 when the firm is recognised as such, which the code alone cannot tell, so
 * the estimate names the rate it used.
 */
import type { SuperDeductionIndustry } from '@kechuang/eligibility/domain';

export function superDeductionIndustry(industryCode: string | null): SuperDeductionIndustry {
  if (!industryCode) return 'other';
  if (/^(C16|F|H|K|L|R90)/.test(industryCode)) return 'excluded';
  if (industryCode.startsWith('C3973')) return 'integratedCircuit';
  if (industryCode.startsWith('C342')) return 'industrialMachineTool';
  if (industryCode.startsWith('C')) return 'manufacturing';
  return 'other';
}
