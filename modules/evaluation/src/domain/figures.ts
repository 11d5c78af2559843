/**
 * Figures as people read them, on the pages and in the exports: rounded to sensible places with their unit
 * ("94,505 万元", "3.7%", "18 件"), a leaf's figure before its log (the engine scores ln(1 + x), people read x),
 * times in the bureau's zone (Asia/Shanghai, "2025-03-01 14:05"), and why an entity was not scored as a
 * sentence ("注册年限不满足（需 ≥ 3 年，实际 2 年 8 个月）"). No imports beyond types: the browser bundle takes it as it is.
 */

const formats = new Map<string, Intl.NumberFormat>();
/** thousands separated, up to `digits` places (or exactly, with `exact`) */
function grouped(x: number, digits: number, exact = false): string {
  const key = `${digits}${exact ? '=' : ''}`;
  let f = formats.get(key);
  if (!f) formats.set(key, (f = new Intl.NumberFormat('zh-CN', { maximumFractionDigits: digits, minimumFractionDigits: exact ? digits : 0 })));
  return f.format(x);
}

/** places for a figure: whole numbers and thousands none, hundreds one, units two, below one two significant digits */
export function figureDigits(x: number): number {
  const a = Math.abs(x);
  if (a === 0 || Number.isInteger(x) || a >= 1000) return 0;
  if (a >= 100) return 1;
  if (a >= 1) return 2;
  return Math.min(6, 1 - Math.floor(Math.log10(a)));
}

/** "94,505", "12.35", "0.037"; null or not finite → "—" */
export function formatFigure(x: number | null | undefined, unit = ''): string {
  if (x === null || x === undefined || !Number.isFinite(x)) return '—';
  return withUnit(grouped(x, figureDigits(x)), unit);
}

/** "2.7 年", "85%", "12" */
export const withUnit = (s: string, unit: string): string => (!unit ? s : unit === '%' ? `${s}%` : `${s} ${unit}`);

/** a fraction as a percentage: 0.0373 → "3.7%", 0.0004 → "0.04%" */
export function formatShare(x: number | null | undefined): string {
  if (x === null || x === undefined || !Number.isFinite(x)) return '—';
  const p = x * 100;
  return `${grouped(p, Math.abs(p) >= 1 || p === 0 ? 1 : 2)}%`;
}

/** A leaf's units: its indicator's, and its denominator's when it divides by one. */
export interface LeafUnits {
  unit?: string;
  denominator?: string;
  denominatorUnit?: string;
}

/**
 * A leaf's figure in its unit: a ratio of like units (万元 ÷ 万元, 人 ÷ 人) as a percentage, of unlike units
 * as "0.05 件/人", else the figure with the indicator's unit.
 */
export function leafFigure(x: number | null | undefined, leaf: LeafUnits): string {
  if (!leaf.denominator) return formatFigure(x, leaf.unit ?? '');
  if (leaf.unit && leaf.unit === leaf.denominatorUnit) return formatShare(x);
  if (leaf.unit && leaf.denominatorUnit) return formatFigure(x, `${leaf.unit}/${leaf.denominatorUnit}`);
  return formatFigure(x);
}

/** The figure before the leaf's log: the engine scores ln(x) or ln(1 + x) of it, a person reads x. */
export function beforeLog(value: number | null | undefined, transform: string | undefined): number | null {
  if (value === null || value === undefined || !Number.isFinite(value)) return null;
  if (transform === 'log') return Math.exp(value);
  if (transform === 'log1p') return Math.expm1(value);
  return value;
}

/** times and days in the bureau's zone: the platform's one clock */
export { bureauDate, bureauDateTime } from '@kechuang/platform-core/clock';

/** An eligibility filter as the scheme holds it (scheme-format.ts ZFilter). */
export interface FilterWords {
  column: string;
  op: '>=' | '>' | '<=' | '<' | '==' | '!=';
  value: number;
  label?: string;
  unit?: string;
  message?: string;
}

/** whether a figure `a` passes a filter's comparison with its value `b` (eligibility in prepare.ts, and the wording here) */
export const FILTER_OPS: Record<FilterWords['op'], (a: number, b: number) => boolean> = {
  '>=': (a, b) => a >= b,
  '>': (a, b) => a > b,
  '<=': (a, b) => a <= b,
  '<': (a, b) => a < b,
  '==': (a, b) => a === b,
  '!=': (a, b) => a !== b,
};

/** the figure with as few places as still fail the filter: 2.65 → "2.7" and 1.97 → "2.0" against ≥ 3, 2.996 → "2.996" */
function failingFigure(v: number, f: FilterWords): string {
  for (let d = 0; d <= 6; d++) {
    const r = Math.round(v * 10 ** d) / 10 ** d;
    if (!FILTER_OPS[f.op](r, f.value) && (d > 0 || Number.isInteger(v) || Math.abs(v) >= 100)) return grouped(r, d, true);
  }
  return String(v);
}

/**
 * A span of years as people say it — 2.68 → "2 年 8 个月", 0.5 → "6 个月", 3 → "3 年" — in whole months, cut
 * down (a registration age counts whole months); null when the months so cut would meet the filter (a maximum).
 */
function yearsAndMonths(v: number, f: FilterWords): string | null {
  if (v < 0) return null;
  const months = Math.floor(v * 12 + 1e-9);
  if (FILTER_OPS[f.op](months / 12, f.value)) return null;
  const [y, m] = [Math.floor(months / 12), months % 12];
  return y === 0 ? `${m} 个月` : m === 0 ? `${y} 年` : `${y} 年 ${m} 个月`;
}

const SIGNS: Record<FilterWords['op'], string> = { '>=': '≥', '>': '>', '<=': '≤', '<': '<', '==': '=', '!=': '≠' };

/**
 * Why an entity failed an eligibility filter, as a sentence (zh-CN): the filter's own `message` when it has
 * one ("评价日无有效的科技型企业资质"), else its label, the condition and the figure — "注册年限不满足（需 ≥ 3 年，
 * 实际 2 年 8 个月）", "资产负债率不满足（需 ≤ 70%，实际 85.2%）". A missing figure: "注册年限无数据（需 ≥ 3 年）".
 */
export function filterFailure(f: FilterWords, v: number | null): string {
  const label = f.label ?? f.column;
  const u = f.unit ?? '';
  const need = `需 ${SIGNS[f.op]} ${withUnit(grouped(f.value, 6), u)}`;
  if (v === null || Number.isNaN(v)) return `${label}无数据（${need}）`;
  if (f.message) return f.message;
  const actual = (u === '年' ? yearsAndMonths(v, f) : null) ?? withUnit(failingFigure(v, f), u);
  return `${label}不满足（${need}，实际 ${actual}）`;
}

/**
 * Why an entity is left out for a missing figure (imputation `exclude`), as a sentence (zh-CN): which figure
 * is missing, by the columns' names — "缺少在孵企业当年获得融资额数据", "营业收入为 0，无法计算研发投入强度".
 */
export function missingFigure(
  leaf: { name?: string; indicator: string; denominator?: string },
  figures: (column: string) => number | null,
  columnName: (code: string) => string = (c) => c,
): string | null {
  const what = leaf.name ?? columnName(leaf.indicator);
  const x = figures(leaf.indicator);
  if (x === null || Number.isNaN(x)) return `缺少${columnName(leaf.indicator)}数据`;
  if (!leaf.denominator) return null;
  const d = figures(leaf.denominator);
  if (d === null || Number.isNaN(d)) return `缺少${columnName(leaf.denominator)}数据，无法计算${what}`;
  if (d <= 0) return `${columnName(leaf.denominator)}为 ${grouped(d, 6)}，无法计算${what}`;
  return null;
}
