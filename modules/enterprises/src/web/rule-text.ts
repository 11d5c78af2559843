/**
 * The rules engine (modules/eligibility) explains itself in short English phrases; these turn them
 * into the user's language. A phrase not listed here is shown as it is, never hidden.
 */
import type { TFunction } from '@kechuang/platform-web';
import { wan } from './format.ts';
import type { CoreIpJudgement } from './types.ts';

const REASONS: Record<string, string> = {
  'foundedOn missing': 'ent.reason.foundedOn',
  'ownsCoreIp missing': 'ent.reason.ownsCoreIp',
  'keyField missing': 'ent.reason.keyField',
  'employees or sciTechStaff missing': 'ent.reason.staff',
  'rdExpense or revenue missing in the window': 'ent.reason.rdWindow',
  'rdExpense or rdExpenseDomestic missing': 'ent.reason.rdDomestic',
  'highTechRevenue or totalIncome missing for the last year': 'ent.reason.highTech',
  'not a resident enterprise': 'ent.reason.notResident',
  'resident missing': 'ent.reason.residentMissing',
  'restricted or eliminated industry': 'ent.reason.restricted',
  'restricted or eliminated industry missing': 'ent.reason.restrictedMissing',
  'industry excluded from the super-deduction': 'ent.reason.industryExcluded',
  'industry excluded from the super-deduction missing': 'ent.reason.industryExcludedMissing',
  'incident': 'ent.reason.incident',
  'listed as dishonest': 'ent.reason.dishonest',
  'listed as dishonest missing': 'ent.reason.dishonestMissing',
  'incidents missing': 'ent.reason.incidents',
  'revenue used for 总收入': 'ent.reason.revenueAsTotal',
  'sci-tech staff score is 0 (required since 2022)': 'ent.reason.staffScoreZero',
  'more achievement conversions per year (next band up)': 'ent.advice.conversions',
  'more Class I IP (invention patents)': 'ent.advice.classI',
  'R&D management: ledger, institution, incentives, training': 'ent.advice.rdManagement',
  'growth of net assets or sales': 'ent.advice.growth',
  'estimate: the deductible base follows the super-deduction definitions, not the accounts': 'ent.sd.noteEstimate',
  'small low-profit rate applies to taxable income up to 3 million CNY': 'ent.sd.noteSmallLowProfit',
  '财税〔2015〕119号 (excluded industry)': 'ent.sd.sourceExcluded',
  'before 财税〔2018〕99号: not covered': 'ent.sd.sourceBefore2018',
  'expense from 2022-10-01 qualifies at 100% (公告2022年第28号): give expenseFromOctober2022': 'ent.sd.noteOctober2022',
};

const SIZE_FIELDS: Record<string, string> = { employees: 'ent.field.employees', revenue: 'ent.field.revenue', totalAssets: 'ent.field.totalAssets' };

export function ruleText(t: TFunction, phrase: string | undefined): string {
  if (!phrase) return '';
  const key = REASONS[phrase];
  if (key) return t(key);
  // tech-SME size limits: "employees missing", "revenue 250000000 > 200000000"
  const missing = /^(employees|revenue|totalAssets) missing$/.exec(phrase);
  if (missing) return t('ent.reason.sizeMissing', { what: t(SIZE_FIELDS[missing[1]]) });
  const above = /^(employees|revenue|totalAssets) (\d+(?:\.\d+)?) > (\d+)$/.exec(phrase);
  if (above) {
    const isPeople = above[1] === 'employees';
    const fmt = (n: string) => (isPeople ? `${n} ${t('ent.unit.people')}` : `${(Number(n) / 100_000_000).toLocaleString()} ${t('ent.unit.yi')}`);
    return t('ent.reason.sizeAbove', { what: t(SIZE_FIELDS[above[1]]), value: fmt(above[2]), max: fmt(above[3]) });
  }
  return phrase;
}

/** "a; b; c" (the cheapest points) → the translated items */
export const adviceItems = (t: TFunction, note: string | undefined): string[] => (note ? note.split('; ').filter(Boolean).map((p) => ruleText(t, p)) : []);

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
  const amount = g.unit === 'CNY' ? `${wan(g.change)} ${t('ent.unit.wan')}` : `${g.change} ${t(`ent.unit.${g.unit === 'people' ? 'people' : g.unit === 'points' ? 'points' : g.unit === 'days' ? 'days' : 'items'}`)}`;
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
