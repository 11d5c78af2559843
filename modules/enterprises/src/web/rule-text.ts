/**
 * The rules engine (modules/eligibility) gives its reasons as codes with their facts; these word them in the
 * user's language. The maps are Records over the engine's closed lists, so a new reason without its words
 * fails the typecheck.
 */
import type { TFunction } from '@kechuang/platform-web';
import type { RuleReason, RuleReasonCode, ScoreAdvice, SizeFigure, SuperDeduction, SuperDeductionNote } from '@kechuang/eligibility/domain';
import { wan } from './format.ts';
import type { CoreIpJudgement } from './types.ts';

const REASONS: Record<RuleReasonCode, string> = {
  'hnte.foundedOnMissing': 'ent.reason.foundedOn',
  'hnte.notResident': 'ent.reason.notResident',
  'hnte.coreIpMissing': 'ent.reason.ownsCoreIp',
  'hnte.keyFieldMissing': 'ent.reason.keyField',
  'hnte.staffMissing': 'ent.reason.staff',
  'hnte.rdWindowMissing': 'ent.reason.rdWindow',
  'hnte.rdDomesticMissing': 'ent.reason.rdDomestic',
  'hnte.highTechMissing': 'ent.reason.highTech',
  'hnte.revenueAsTotalIncome': 'ent.reason.revenueAsTotal',
  'hnte.incidentsMissing': 'ent.reason.incidents',
  'techSme.residentMissing': 'ent.reason.residentMissing',
  'techSme.notResident': 'ent.reason.notResident',
  'techSme.sizeMissing': 'ent.reason.sizeMissing',
  'techSme.sizeAbove': 'ent.reason.sizeAbove',
  'techSme.restricted': 'ent.reason.restricted',
  'techSme.restrictedMissing': 'ent.reason.restrictedMissing',
  'techSme.industryExcluded': 'ent.reason.industryExcluded',
  'techSme.industryExcludedMissing': 'ent.reason.industryExcludedMissing',
  'techSme.incident': 'ent.reason.incident',
  'techSme.incidentMissing': 'ent.reason.incidents',
  'techSme.dishonest': 'ent.reason.dishonest',
  'techSme.dishonestMissing': 'ent.reason.dishonestMissing',
  'techSme.staffScoreZero': 'ent.reason.staffScoreZero',
};

const SIZE_FIELDS: Record<SizeFigure, string> = { employees: 'ent.field.employees', revenue: 'ent.field.revenue', totalAssets: 'ent.field.totalAssets' };

/** a reason as the server sends it: the code and, for the size limits, the figure and the amounts */
export type ReasonLike = Pick<RuleReason, 'code'> & { figure?: SizeFigure; actual?: number; limit?: number };

export function reasonText(t: TFunction, reason: ReasonLike | undefined): string {
  if (!reason) return '';
  const key = REASONS[reason.code];
  if (!reason.figure) return t(key);
  const isPeople = reason.figure === 'employees';
  const fmt = (n: number) => (isPeople ? `${n} ${t('ent.unit.people')}` : `${(n / 100_000_000).toLocaleString()} ${t('ent.unit.yi')}`);
  const what = t(SIZE_FIELDS[reason.figure]);
  if (reason.code === 'techSme.sizeAbove' && reason.actual !== undefined && reason.limit !== undefined)
    return t(key, { what, value: fmt(reason.actual), max: fmt(reason.limit) });
  return t(key, { what });
}

const ADVICE: Record<ScoreAdvice, string> = {
  conversions: 'ent.advice.conversions',
  classI: 'ent.advice.classI',
  rdManagement: 'ent.advice.rdManagement',
  growth: 'ent.advice.growth',
};

/** where an innovation score finds its points most cheaply, in words */
export const adviceItems = (t: TFunction, advice: readonly ScoreAdvice[] | undefined): string[] => (advice ?? []).map((a) => t(ADVICE[a]));

const SD_NOTES: Record<SuperDeductionNote, string> = {
  estimate: 'ent.sd.noteEstimate',
  smallLowProfitCap: 'ent.sd.noteSmallLowProfit',
  october2022Missing: 'ent.sd.noteOctober2022',
};

export const superDeductionNoteText = (t: TFunction, note: SuperDeductionNote): string => t(SD_NOTES[note]);

/** the text a super-deduction rate rests on, with what it means when it gives none */
export function superDeductionSourceText(t: TFunction, estimate: Pick<SuperDeduction, 'source' | 'basis'>): string {
  if (estimate.basis === 'excludedIndustry') return t('ent.sd.sourceExcluded');
  if (estimate.basis === 'before2018') return t('ent.sd.sourceBefore2018');
  return estimate.source;
}

/** a tech-SME route: "score" or "direct:hnte" … */
export function routeText(t: TFunction, route: string | null): string {
  if (route === null) return t('ent.techSme.noRoute');
  if (route === 'score') return t('ent.techSme.route.score');
  const direct = route.startsWith('direct:') ? route.slice('direct:'.length) : route;
  const key = `ent.techSme.route.${direct}`;
  const label = t(key);
  return t('ent.techSme.route.direct', { route: label === key ? direct : label });
}

/** an HNTE condition's name (注册满一年 …), or its code when unknown */
export function conditionLabel(t: TFunction, code: string): string {
  const key = `ent.cond.${code}`;
  const label = t(key);
  return label === key ? code : label;
}

/** a gap in a few characters, for list cells: "研发费用 +120.50 万元", "科技人员 +3 人" */
export function gapShort(t: TFunction, g: { code: string; change: number; unit: string }): string {
  const amount =
    g.unit === 'CNY'
      ? `${wan(g.change)} ${t('ent.unit.wan')}`
      : `${g.change} ${t(`ent.unit.${g.unit === 'people' ? 'people' : g.unit === 'points' ? 'points' : g.unit === 'days' ? 'days' : 'items'}`)}`;
  const key = `ent.gapShort.${g.code}`;
  const label = t(key);
  return `${label === key ? conditionLabel(t, g.code) : label} +${amount}`;
}

/**
 * 拥有核心知识产权 as 基本信息 and the HNTE check both show it, from the one judgement the check used: the
 * bureau's record as 是 / 否, an inference from the IP register as 是（据知识产权登记推定）.
 */
export function coreIpText(t: TFunction, j: CoreIpJudgement): string {
  const value = t(j.value ? 'common.yes' : 'common.no');
  return j.basis === 'fromIp' ? t('ent.coreIp.fromIp', { value }) : value;
}
