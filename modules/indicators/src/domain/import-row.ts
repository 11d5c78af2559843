/**
 * Validation of one row of a values import (pure: the catalogue and the regions come in as maps).
 * The long layout: 地区代码 region · 指标 indicator · 期间 period · 类型 kind · 数值 value · 单位 unit.
 */
import { convertMoney, isMoneyUnit, parsePeriod, parseUserNumber, toHalfWidth } from '@kechuang/platform-core';

export type ValueKind = 'baseline' | 'target' | 'actual';
export type ImportField = 'region' | 'indicator' | 'period' | 'kind' | 'value' | 'unit';

export const IMPORT_COLUMNS: { field: ImportField; zh: string; en: string; required: boolean; aliases: string[] }[] = [
  { field: 'region', zh: '地区代码', en: 'region', required: true, aliases: ['地区', '区划代码', '行政区划代码', 'region_code', 'regioncode'] },
  { field: 'indicator', zh: '指标', en: 'indicator', required: true, aliases: ['指标代码', '指标名称', 'indicator_code'] },
  { field: 'period', zh: '期间', en: 'period', required: true, aliases: ['年份', '时期', '统计期', 'year'] },
  { field: 'kind', zh: '类型', en: 'kind', required: true, aliases: ['数据类型', '值类型', 'type'] },
  { field: 'value', zh: '数值', en: 'value', required: true, aliases: ['值', '数据', '指标值'] },
  { field: 'unit', zh: '单位', en: 'unit', required: false, aliases: ['计量单位'] },
];

const KINDS: Record<string, ValueKind> = {
  基数: 'baseline',
  基期: 'baseline',
  基期值: 'baseline',
  基数值: 'baseline',
  baseline: 'baseline',
  目标: 'target',
  目标值: 'target',
  target: 'target',
  实际: 'actual',
  实际值: 'actual',
  完成值: 'actual',
  actual: 'actual',
};

export const normaliseHeader = (h: string) =>
  toHalfWidth(h)
    .replace(/[\s*＊（(].*$/, '')
    .trim()
    .toLowerCase();

/** Maps header cells to fields; answers the missing required columns and the ignored ones. */
export function mapHeaders(headers: string[]): { index: Partial<Record<ImportField, number>>; missing: string[]; ignored: string[]; duplicated: string[] } {
  const index: Partial<Record<ImportField, number>> = {};
  const ignored: string[] = [];
  const duplicated: string[] = [];
  headers.forEach((raw, i) => {
    const h = normaliseHeader(raw);
    if (h === '') return;
    const col = IMPORT_COLUMNS.find((c) => [c.zh, c.en, ...c.aliases].some((n) => n.toLowerCase() === h));
    if (!col) ignored.push(raw);
    else if (index[col.field] !== undefined) duplicated.push(raw);
    else index[col.field] = i;
  });
  const missing = IMPORT_COLUMNS.filter((c) => c.required && index[c.field] === undefined).map((c) => `${c.zh} (${c.en})`);
  return { index, missing, ignored, duplicated };
}

export interface CatalogueEntry {
  code: string;
  unit: string;
}
export interface RegionEntry {
  code: string;
  inScope: boolean;
}

export interface ValidRow {
  regionCode: string;
  indicatorCode: string;
  kind: ValueKind;
  period: string;
  year: number;
  value: string;
}
export interface RowError {
  row: number;
  column: string;
  value: string;
  reason: string;
}

export interface RowContext {
  indicatorByKey: Map<string, CatalogueEntry>;
  region: (code: string) => RegionEntry | undefined;
  columnName: (field: ImportField) => string;
  /** when set, baselines and targets are refused (a town officer reports actuals only) */
  actualsOnly?: boolean;
}

/** A cell as the spreadsheet reader gives it. */
export type CellValue = string | number | boolean | Date | null | undefined;

const text = (v: CellValue): string => (v === null || v === undefined ? '' : v instanceof Date ? v.toISOString().slice(0, 10) : String(v).trim());

export function validateRow(
  row: number,
  get: (field: ImportField) => CellValue,
  ctx: RowContext,
): { ok: true; value: ValidRow } | { ok: false; errors: RowError[] } {
  const errors: RowError[] = [];
  const fail = (field: ImportField, value: string, reason: string) => errors.push({ row, column: ctx.columnName(field), value, reason });

  const regionText = text(get('region'));
  const region = ctx.region(regionText);
  if (regionText === '') fail('region', '', '地区代码为空');
  else if (!region) fail('region', regionText, '地区代码不存在');
  else if (!region.inScope) fail('region', regionText, '无权导入该地区的数据');

  const indicatorText = text(get('indicator'));
  const indicator = ctx.indicatorByKey.get(indicatorText) ?? ctx.indicatorByKey.get(indicatorText.toUpperCase());
  if (indicatorText === '') fail('indicator', '', '指标为空');
  else if (!indicator) fail('indicator', indicatorText, '指标代码或名称不存在');

  const periodText = text(get('period'));
  const period = parsePeriod(periodText);
  if (!period) fail('period', periodText, '期间格式有误，应为 2023、2023Q2 或 2023-05');

  const kindText = text(get('kind'));
  const kind = KINDS[kindText] ?? KINDS[kindText.toLowerCase()];
  if (!kind) fail('kind', kindText, '类型应为 基数 / 目标 / 实际（baseline / target / actual）');
  else if (ctx.actualsOnly && kind !== 'actual') fail('kind', kindText, '镇街/园区只能填报实际值，基数和目标由科技局下达');

  const rawValue = get('value');
  const valueText = text(rawValue);
  const parsed = parseUserNumber(typeof rawValue === 'number' ? rawValue : valueText);
  let value: string | null = null;
  if (!parsed.ok) fail('value', valueText, parsed.reason === '数值为空' ? '数值为空' : '不是数字');
  else if (indicator) {
    const unitText = text(get('unit'));
    const given = parsed.number.unit ?? (unitText || undefined);
    if (parsed.number.hasPercent && indicator.unit !== '%') fail('value', valueText, `指标单位是“${indicator.unit}”，不能带百分号`);
    else if (given && given !== indicator.unit) {
      if (isMoneyUnit(given) && isMoneyUnit(indicator.unit)) value = convertMoney(parsed.number.value, given, indicator.unit);
      else fail(parsed.number.unit ? 'value' : 'unit', parsed.number.unit ? valueText : unitText, `单位“${given}”与指标单位“${indicator.unit}”不一致`);
    } else value = parsed.number.value;
  }

  if (errors.length > 0 || !region || !indicator || !period || !kind || value === null) return { ok: false, errors };
  return { ok: true, value: { regionCode: region.code, indicatorCode: indicator.code, kind, period: period.text, year: period.year, value } };
}
