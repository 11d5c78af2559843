/** Number formatting for the bureau: thousands separators, the indicator's precision, its unit. */
import { bureauDateTime } from '@kechuang/platform-core/clock';
import { getLang } from './i18n.ts';

const formatters = new Map<string, Intl.NumberFormat>();

function formatter(precision: number): Intl.NumberFormat {
  const lang = getLang();
  const key = `${lang}:${precision}`;
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.NumberFormat(lang, { minimumFractionDigits: precision, maximumFractionDigits: precision });
    formatters.set(key, f);
  }
  return f;
}

/** 1234.5 → "1,234.50"; null or NaN → "—" */
export function formatNumber(value: number | string | null | undefined, precision = 2): string {
  if (value === null || value === undefined || value === '') return '—';
  const n = typeof value === 'string' ? Number(value) : value;
  if (!Number.isFinite(n)) return String(value);
  return formatter(Math.max(0, Math.min(6, precision))).format(n);
}

/** a figure with its unit: "2.76 %", "320.8 亿元", "93 家" */
export function formatValue(value: number | string | null | undefined, precision: number, unit?: string): string {
  const s = formatNumber(value, precision);
  if (s === '—' || !unit) return s;
  return unit === '%' ? `${s}%` : `${s} ${unit}`;
}

/** a ratio as a percentage: 0.7847 → "78.5%" */
export function formatPercent(ratio: number | null | undefined, digits = 1): string {
  if (ratio === null || ratio === undefined || !Number.isFinite(ratio)) return '—';
  return `${formatter(digits).format(ratio * 100)}%`;
}

/** the bureau's day and year (Beijing time), for a form's defaults and a list's reference date */
export { bureauToday, bureauYear } from '@kechuang/platform-core/clock';

/** an ISO timestamp in the bureau's zone (Beijing time, whatever the browser's), "2024-05-01 14:03" */
export function formatDateTime(iso: string | null | undefined): string {
  return bureauDateTime(iso) || '—';
}
