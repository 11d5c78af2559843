/** Display helpers for indicator figures. */
import { formatValue, type Lang } from '@kechuang/platform-web';

export { formatNumber, formatPercent, formatValue } from '@kechuang/platform-web';

/** the English name when English is chosen and there is one */
export const indicatorName = (item: { name?: string; nameZh?: string; nameEn?: string }, lang: Lang): string =>
  (lang === 'en' && item.nameEn) || item.name || item.nameZh || '';

export const figure = (value: number | string | null | undefined, item: { precision: number; unit: string }) => formatValue(value, item.precision, item.unit);
