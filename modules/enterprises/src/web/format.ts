/** Display helpers for registry figures: amounts are stored in 元 and shown in 万元, as the bureau reads them. */
import { formatNumber, formatPercent } from '@kechuang/platform-web';

export { formatNumber, formatPercent };

/** 40,000,000 元 → "4,000.00" (万元); null → "—" */
export function wan(yuan: number | null | undefined, digits = 2): string {
  if (yuan === null || yuan === undefined || !Number.isFinite(yuan)) return '—';
  return formatNumber(yuan / 10_000, digits);
}

/** a share (0.0523) as a percentage, or "—" */
export const pct = (ratio: number | null | undefined, digits = 1): string => formatPercent(ratio, digits);

/** whole people, items, days */
export const count = (n: number | null | undefined): string => formatNumber(n, 0);

/** R&D expense / revenue of one year, or null when either is missing or revenue is zero */
export function ratio(part: number | null | undefined, whole: number | null | undefined): number | null {
  if (part === null || part === undefined || whole === null || whole === undefined || whole <= 0) return null;
  return part / whole;
}

/**
 * How long a firm has been registered, as people say it: whole years (and months) first, the days the rule
 * counts after — 4712 → "12 年 10 个月（4,712 天）"; under a year only the days.
 */
export function registeredFor(t: (key: string, vars?: Record<string, string | number>) => string, days: number): string {
  if (days < 365) return t('ent.age.days', { days: count(days) });
  // years of 365 days, as the rule counts 注册成立一年以上; months of the rest at 30.4 days
  const years = Math.floor(days / 365);
  const months = Math.floor((days - years * 365) / 30.4);
  return months > 0 ? t('ent.age.yearsMonths', { years, months, days: count(days) }) : t('ent.age.years', { years, days: count(days) });
}
