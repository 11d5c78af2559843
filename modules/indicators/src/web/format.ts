/** Display helpers for indicator figures. */
import { formatValue, type Lang } from '@kechuang/platform-web';
import { planShortZh } from '../domain/plan-names.ts';

export { formatNumber, formatPercent, formatValue } from '@kechuang/platform-web';

/** the English name when English is chosen and there is one */
export const indicatorName = (item: { name?: string; nameZh?: string; nameEn?: string }, lang: Lang): string =>
  (lang === 'en' && item.nameEn) || item.name || item.nameZh || '';

export const figure = (value: number | string | null | undefined, item: { precision: number; unit: string }) => formatValue(value, item.precision, item.unit);

/** a plan's short name: 十四五 in Chinese, its code (FYP14) in English */
export function planShort(plan: { code: string }, lang: Lang): string {
  return lang === 'en' ? plan.code : planShortZh(plan.code);
}

/** a plan's name: as the bureau wrote it (Chinese), or in English its code and years */
export function planName(plan: { code: string; name: string; startYear: number; endYear: number }, lang: Lang): string {
  return lang === 'en' ? `${plan.code} (${plan.startYear}–${plan.endYear})` : plan.name;
}
