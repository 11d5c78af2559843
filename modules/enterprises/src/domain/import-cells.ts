/**
 * Cells as bureau spreadsheets hold them, read exactly: dates in the ways Chinese Excel writes them,
 * yes/no in Chinese, amounts with 元/万元/亿元 converted to whole yuan by shifting the decimal point
 * (never through binary floating point), head counts as integers.
 */
import { convertMoney, numberToPlainString, parseUserNumber } from '@kechuang/platform-core';
import type { MoneyUnit } from './import-columns.ts';

/** A cell as the spreadsheet reader gives it. */
export type CellValue = string | number | boolean | Date | null | undefined;

export type Parsed<T> = { ok: true; value: T } | { ok: false; reason: string };
const fail = (reason: string): { ok: false; reason: string } => ({ ok: false, reason });

export const cellText = (v: CellValue): string =>
  v === null || v === undefined ? '' : v instanceof Date ? v.toISOString().slice(0, 10) : typeof v === 'number' ? numberToPlainString(v) : String(v).trim();

function isoDate(y: number, m: number, d: number): string | null {
  if (y < 1900 || y > 2100 || m < 1 || m > 12 || d < 1) return null;
  const days = new Date(Date.UTC(y, m, 0)).getUTCDate();
  if (d > days) return null;
  return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/**
 * 2018-03-15, 2018/3/15, 2018.3.15, 2018年3月15日, 20180315, a date cell, or an Excel serial day
 * number (a date cell saved without its format).
 */
export function parseDate(v: CellValue): Parsed<string> {
  if (v instanceof Date) {
    if (Number.isNaN(v.getTime())) return fail('不是有效日期');
    return { ok: true, value: v.toISOString().slice(0, 10) };
  }
  if (typeof v === 'number') {
    if (Number.isInteger(v) && v >= 19000101 && v <= 21001231) return parseDate(String(v));
    if (Number.isInteger(v) && v > 0 && v < 73051) {
      // Excel's day 1 is 1900-01-01, and it counts a 29 February 1900 that never was
      const d = new Date(Date.UTC(1899, 11, 30) + v * 86_400_000);
      return { ok: true, value: d.toISOString().slice(0, 10) };
    }
    return fail('不是有效日期，应为 YYYY-MM-DD');
  }
  const s = cellText(v).replace(/\s/g, '');
  const m = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(s) ?? /^(\d{4})(\d{2})(\d{2})$/.exec(s);
  const iso = m ? isoDate(Number(m[1]), Number(m[2]), Number(m[3])) : null;
  return iso ? { ok: true, value: iso } : fail('不是有效日期，应为 YYYY-MM-DD');
}

const YES = new Set(['是', 'y', 'yes', 'true', '1', '√', '✓', '√是']);
const NO = new Set(['否', 'n', 'no', 'false', '0', '×', 'x', '✗']);

export function parseYesNo(v: CellValue): Parsed<boolean> {
  if (typeof v === 'boolean') return { ok: true, value: v };
  const s = cellText(v).toLowerCase();
  if (YES.has(s)) return { ok: true, value: true };
  if (NO.has(s)) return { ok: true, value: false };
  return fail('应为 是 或 否');
}

/** Rounds a decimal string to whole units, half away from zero, on the digits themselves. */
export function roundToWhole(value: string): string {
  const m = /^(-?)(\d+)(?:\.(\d+))?$/.exec(value);
  if (!m) throw new Error(`not a decimal: ${value}`);
  const [, sign, int, frac = ''] = m;
  const whole = frac !== '' && frac[0] >= '5' ? (BigInt(int) + 1n).toString() : int.replace(/^0+(?=\d)/, '');
  return sign && whole !== '0' ? `-${whole}` : whole;
}

export const MONEY_UNITS: readonly MoneyUnit[] = ['元', '万元', '亿元'];
export const isMoneyUnitText = (s: string): s is MoneyUnit => (MONEY_UNITS as readonly string[]).includes(s);

/**
 * An amount in whole yuan (decimal text). The unit is the cell's own (12.5万元), else `unit` (from the
 * header or the row's 金额单位). Fractions of a yuan are rounded (half away from zero).
 */
const PLAIN = /^-?\d+(\.\d+)?$/;

export function parseAmount(v: CellValue, unit: MoneyUnit): Parsed<string> {
  // the common case, a plain number, without the general parser's normalisation
  const plain = typeof v === 'number' ? (Number.isFinite(v) ? numberToPlainString(v) : '') : typeof v === 'string' ? v.trim() : '';
  if (PLAIN.test(plain)) return { ok: true, value: roundToWhole(unit === '元' ? plain : convertMoney(plain, unit, '元')) };
  const p = parseUserNumber(typeof v === 'number' ? v : cellText(v));
  if (!p.ok) return fail(p.reason === '数值为空' ? '数值为空' : '不是数字');
  if (p.number.hasPercent) return fail('金额不能带百分号');
  const from = (p.number.unit ?? unit) as MoneyUnit;
  return { ok: true, value: roundToWhole(convertMoney(p.number.value, from, '元')) };
}

const MAX_COUNT = 10_000_000;

/** A head count or a number of items: a whole number, 0 or more. */
export function parseCount(v: CellValue): Parsed<number> {
  if (typeof v === 'number' && Number.isInteger(v) && Math.abs(v) <= MAX_COUNT) return { ok: true, value: v };
  if (typeof v === 'string' && /^\d{1,7}$/.test(v)) return { ok: true, value: Number(v) };
  const s = typeof v === 'number' ? v : cellText(v).replace(/[人个项件家]$/, '');
  const p = parseUserNumber(s);
  if (!p.ok) return fail(p.reason === '数值为空' ? '数值为空' : '不是数字');
  if (p.number.hasPercent || p.number.unit) return fail('应为整数，不带单位');
  if (!/^-?\d+$/.test(p.number.value)) return fail('应为整数');
  const n = Number(p.number.value);
  if (Math.abs(n) > MAX_COUNT) return fail('数值过大');
  return { ok: true, value: n };
}
