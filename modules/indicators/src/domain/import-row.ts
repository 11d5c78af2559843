/**
 * Validation of one row of a values import (pure: the catalogue and the regions come in as maps).
 * The long layout: 地区代码 region · 指标 indicator · 期间 period · 类型 kind · 数值 value · 单位 unit.
 */
import {
  convertMoney,
  isMoneyUnit,
  parsePeriod,
  parseUserNumber,
  rowErrorsOf,
  toHalfWidth,
  type ImportRowError,
  type RowErrorTable,
} from '@kechuang/platform-core';

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
export type RowError = ImportRowError;

export type IndicatorRowErrorCode =
  | 'IND_ROW_REGION_EMPTY'
  | 'IND_ROW_REGION_UNKNOWN'
  | 'IND_ROW_REGION_OUT_OF_SCOPE'
  | 'IND_ROW_INDICATOR_EMPTY'
  | 'IND_ROW_INDICATOR_UNKNOWN'
  | 'IND_ROW_PERIOD_INVALID'
  | 'IND_ROW_KIND_UNKNOWN'
  | 'IND_ROW_ACTUALS_ONLY'
  | 'IND_ROW_VALUE_EMPTY'
  | 'IND_ROW_NOT_A_NUMBER'
  | 'IND_ROW_PERCENT'
  | 'IND_ROW_UNIT_MISMATCH'
  | 'IND_ROW_DUPLICATE';

/** The import's row errors in both languages (`{unit}` and `{given}` are units as the catalogue and the file write them). */
export const INDICATOR_ROW_ERRORS: RowErrorTable<IndicatorRowErrorCode> = {
  IND_ROW_REGION_EMPTY: { zh: '地区代码为空', en: 'The region code is empty' },
  IND_ROW_REGION_UNKNOWN: { zh: '地区代码不存在', en: 'No such region code' },
  IND_ROW_REGION_OUT_OF_SCOPE: { zh: '无权导入该地区的数据', en: "You may not import this region's data" },
  IND_ROW_INDICATOR_EMPTY: { zh: '指标为空', en: 'The indicator is empty' },
  IND_ROW_INDICATOR_UNKNOWN: { zh: '指标代码或名称不存在', en: 'No indicator has this code or name' },
  IND_ROW_PERIOD_INVALID: { zh: '期间格式有误，应为 2023、2023Q2 或 2023-05', en: 'Invalid period: write 2023, 2023Q2 or 2023-05' },
  IND_ROW_KIND_UNKNOWN: { zh: '类型应为 基数 / 目标 / 实际（baseline / target / actual）', en: 'The kind must be baseline, target or actual' },
  IND_ROW_ACTUALS_ONLY: {
    zh: '镇街/园区只能填报实际值，基数和目标由科技局下达',
    en: 'A town or park reports actuals only: the bureau sets baselines and targets',
  },
  IND_ROW_VALUE_EMPTY: { zh: '数值为空', en: 'The value is empty' },
  IND_ROW_NOT_A_NUMBER: { zh: '不是数字', en: 'Not a number' },
  IND_ROW_PERCENT: { zh: '指标单位是“{unit}”，不能带百分号', en: 'The indicator\'s unit is "{unit}": no percent sign' },
  IND_ROW_UNIT_MISMATCH: { zh: '单位“{given}”与指标单位“{unit}”不一致', en: 'The unit "{given}" is not the indicator\'s unit "{unit}"' },
  IND_ROW_DUPLICATE: { zh: '与第 {first} 行重复（同一地区、指标、期间、类型）', en: 'Repeats row {first} (the same region, indicator, period and kind)' },
};

export const indicatorRowError = rowErrorsOf(INDICATOR_ROW_ERRORS);

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
  const fail = (field: ImportField, value: string, code: IndicatorRowErrorCode, params?: Record<string, string>) =>
    errors.push(indicatorRowError(row, ctx.columnName(field), value, code, params));

  const regionText = text(get('region'));
  const region = ctx.region(regionText);
  if (regionText === '') fail('region', '', 'IND_ROW_REGION_EMPTY');
  else if (!region) fail('region', regionText, 'IND_ROW_REGION_UNKNOWN');
  else if (!region.inScope) fail('region', regionText, 'IND_ROW_REGION_OUT_OF_SCOPE');

  const indicatorText = text(get('indicator'));
  const indicator = ctx.indicatorByKey.get(indicatorText) ?? ctx.indicatorByKey.get(indicatorText.toUpperCase());
  if (indicatorText === '') fail('indicator', '', 'IND_ROW_INDICATOR_EMPTY');
  else if (!indicator) fail('indicator', indicatorText, 'IND_ROW_INDICATOR_UNKNOWN');

  const periodText = text(get('period'));
  const period = parsePeriod(periodText);
  if (!period) fail('period', periodText, 'IND_ROW_PERIOD_INVALID');

  const kindText = text(get('kind'));
  const kind = KINDS[kindText] ?? KINDS[kindText.toLowerCase()];
  if (!kind) fail('kind', kindText, 'IND_ROW_KIND_UNKNOWN');
  else if (ctx.actualsOnly && kind !== 'actual') fail('kind', kindText, 'IND_ROW_ACTUALS_ONLY');

  const rawValue = get('value');
  const valueText = text(rawValue);
  const parsed = parseUserNumber(typeof rawValue === 'number' ? rawValue : valueText);
  let value: string | null = null;
  if (!parsed.ok) fail('value', valueText, parsed.reason === '数值为空' ? 'IND_ROW_VALUE_EMPTY' : 'IND_ROW_NOT_A_NUMBER');
  else if (indicator) {
    const unitText = text(get('unit'));
    const given = parsed.number.unit ?? (unitText || undefined);
    if (parsed.number.hasPercent && indicator.unit !== '%') fail('value', valueText, 'IND_ROW_PERCENT', { unit: indicator.unit });
    else if (given && given !== indicator.unit) {
      if (isMoneyUnit(given) && isMoneyUnit(indicator.unit)) value = convertMoney(parsed.number.value, given, indicator.unit);
      else fail(parsed.number.unit ? 'value' : 'unit', parsed.number.unit ? valueText : unitText, 'IND_ROW_UNIT_MISMATCH', { given, unit: indicator.unit });
    } else value = parsed.number.value;
  }

  if (errors.length > 0 || !region || !indicator || !period || !kind || value === null) return { ok: false, errors };
  return { ok: true, value: { regionCode: region.code, indicatorCode: indicator.code, kind, period: period.text, year: period.year, value } };
}
