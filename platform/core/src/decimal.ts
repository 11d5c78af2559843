/**
 * Numbers as users write them in Chinese spreadsheets — `2.43`, `2.43%`, `1,029`, `188.8亿元`,
 * full-width digits — parsed to an exact decimal string, never through binary floating point,
 * and money units (元 / 万元 / 亿元) converted by shifting the decimal point.
 */
export interface ParsedNumber {
  /** canonical decimal text, e.g. "-1029.5" */
  value: string;
  hasPercent: boolean;
  /** a unit written after the number, e.g. "亿元" in "188.8亿元" */
  unit?: string;
}

export type ParseNumberResult = { ok: true; number: ParsedNumber } | { ok: false; reason: string };

const MONEY_EXPONENT: Record<string, number> = { 元: 0, 万元: 4, 亿元: 8 };
const NUMBER = /^([+-]?)(\d+)(?:\.(\d+))?$/;

export function isMoneyUnit(unit: string): boolean {
  return unit in MONEY_EXPONENT;
}

export function toHalfWidth(s: string): string {
  return s.replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(/\u3000/g, ' ');
}

export function parseUserNumber(raw: unknown): ParseNumberResult {
  if (typeof raw === 'number') {
    if (!Number.isFinite(raw)) return { ok: false, reason: '不是有效数字' };
    return parseUserNumber(numberToPlainString(raw));
  }
  if (typeof raw !== 'string') return { ok: false, reason: '不是数字' };
  let s = toHalfWidth(raw)
    .trim()
    .replace(/[\s,，]/g, '');
  if (s === '') return { ok: false, reason: '数值为空' };
  let hasPercent = false;
  let unit: string | undefined;
  if (s.endsWith('%')) {
    hasPercent = true;
    s = s.slice(0, -1);
  } else {
    const m = /(亿元|万元|元)$/.exec(s);
    if (m) {
      unit = m[1];
      s = s.slice(0, -m[1].length);
    }
  }
  const m = NUMBER.exec(s);
  if (!m) return { ok: false, reason: '不是数字' };
  return { ok: true, number: { value: canonical(m[1], m[2], m[3] ?? ''), hasPercent, unit } };
}

function canonical(sign: string, intPart: string, frac: string): string {
  const i = intPart.replace(/^0+(?=\d)/, '');
  const f = frac.replace(/0+$/, '');
  const body = f ? `${i}.${f}` : i;
  return sign === '-' && /[1-9]/.test(body) ? `-${body}` : body;
}

/** Exact conversion of a decimal string between money units: 1.5 亿元 → 15000 万元. */
export function convertMoney(value: string, from: string, to: string): string {
  const shift = MONEY_EXPONENT[from] - MONEY_EXPONENT[to];
  return shiftDecimal(value, shift);
}

/** Multiplies a decimal string by 10^shift exactly. */
export function shiftDecimal(value: string, shift: number): string {
  const m = NUMBER.exec(value);
  if (!m) throw new Error(`not a decimal: ${value}`);
  const [, sign, intPart, frac = ''] = m;
  let digits = intPart + frac;
  let point = intPart.length + shift;
  if (point <= 0) {
    digits = '0'.repeat(1 - point) + digits;
    point = 1;
  } else if (point > digits.length) {
    digits = digits + '0'.repeat(point - digits.length);
  }
  return canonical(sign, digits.slice(0, point), digits.slice(point));
}

/** Plain decimal text of a JS number (no exponent), e.g. 1e-7 → "0.0000001". */
export function numberToPlainString(n: number): string {
  const s = String(n);
  if (!/e/i.test(s)) return s;
  const [mantissa, exp] = s.split(/e/i);
  const m = NUMBER.exec(mantissa);
  if (!m) return s;
  return shiftDecimal(mantissa, Number(exp));
}

/** Rounds for display to `precision` decimals (half away from zero). */
export function roundTo(n: number, precision: number): number {
  const f = 10 ** precision;
  return (Math.sign(n) * Math.round(Math.abs(n) * f + Number.EPSILON)) / f;
}
