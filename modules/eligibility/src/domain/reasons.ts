/**
 * Why a rule could not decide, or failed, as a code with its facts: the interface words it in the user's
 * language (modules/enterprises web/rule-text.ts), so the rules hold no prose. One closed list, so a new
 * reason without its words fails the web's typecheck.
 */

/** the tech-SME size limits (Art. 6(2)) */
export type SizeFigure = 'employees' | 'revenue' | 'totalAssets';

export const RULE_REASON_CODES = [
  // HNTE (国科发火〔2016〕32号 Art. 11): a figure a condition needs is missing, or a note on how it was read
  'hnte.foundedOnMissing',
  'hnte.notResident',
  'hnte.coreIpMissing',
  'hnte.keyFieldMissing',
  'hnte.staffMissing',
  'hnte.rdWindowMissing',
  'hnte.rdDomesticMissing',
  'hnte.highTechMissing',
  'hnte.revenueAsTotalIncome',
  'hnte.incidentsMissing',
  // tech-based SME (国科发政〔2017〕115号 Art. 6, 国科火字〔2022〕67号)
  'techSme.residentMissing',
  'techSme.notResident',
  'techSme.sizeMissing',
  'techSme.sizeAbove',
  'techSme.restricted',
  'techSme.restrictedMissing',
  'techSme.industryExcluded',
  'techSme.industryExcludedMissing',
  'techSme.incident',
  'techSme.incidentMissing',
  'techSme.dishonest',
  'techSme.dishonestMissing',
  'techSme.staffScoreZero',
] as const;
export type RuleReasonCode = (typeof RULE_REASON_CODES)[number];

type Plain<C extends RuleReasonCode> = { code: C };
export type RuleReason =
  | Plain<Exclude<RuleReasonCode, 'techSme.sizeMissing' | 'techSme.sizeAbove'>>
  | { code: 'techSme.sizeMissing'; figure: SizeFigure }
  | { code: 'techSme.sizeAbove'; figure: SizeFigure; actual: number; limit: number };

/** where an HNTE innovation score finds points most cheaply, in the order a bureau usually advises */
export const SCORE_ADVICE = ['conversions', 'classI', 'rdManagement', 'growth'] as const;
export type ScoreAdvice = (typeof SCORE_ADVICE)[number];

/** the notes of a super-deduction estimate */
export type SuperDeductionNote = 'estimate' | 'smallLowProfitCap' | 'october2022Missing';
