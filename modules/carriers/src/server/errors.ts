/**
 * The carriers room's error codes: a closed union, each with its HTTP status and its message in both languages
 * (`{name}` filled from the error's params), and the import's row errors (CAR_ROW_*), stored with each refused run
 * by code and facts and rendered in the reader's language (platform/core imports.ts renderRowError).
 */
import { errorsOf, rowErrorsOf, type ErrorTable, type RowErrorTable } from '@kechuang/platform-core';

export type CarrierErrorCode =
  | 'CAR_NOT_FOUND'
  | 'CAR_NOT_BOUND'
  | 'CAR_NAME_TAKEN'
  | 'CAR_NAME_TAKEN_WHILE_IMPORTING'
  | 'CAR_INDICATOR_UNKNOWN'
  | 'CAR_FIGURE_NEGATIVE'
  | 'CAR_FIGURE_NOT_WHOLE'
  | 'CAR_FIGURE_OVER_100'
  | 'CAR_IMPORT_YEAR_MISSING';

export const CARRIER_ERRORS: ErrorTable<CarrierErrorCode> = {
  CAR_NOT_FOUND: { status: 404, zh: '载体 {id} 不存在或不在您的管辖范围内', en: 'No carrier {id} in your jurisdiction' },
  CAR_NOT_BOUND: { status: 404, zh: '本账号未绑定载体，请联系科技局', en: 'This account is bound to no carrier: please contact the bureau' },
  CAR_NAME_TAKEN: { status: 409, zh: '同类载体“{name}”已存在', en: 'A carrier of this kind named "{name}" already exists' },
  CAR_NAME_TAKEN_WHILE_IMPORTING: {
    status: 409,
    zh: '同类载体“{name}”已存在（可能刚由他人新建），请重新导入',
    en: 'A carrier of this kind named "{name}" already exists (someone may just have added it): please import again',
  },
  CAR_INDICATOR_UNKNOWN: {
    status: 400,
    zh: '指标代码 {code} 不属于该类载体的绩效评价（可用：{known}）',
    en: "Indicator code {code} is not in this kind of carrier's review (known: {knownList})",
  },
  CAR_FIGURE_NEGATIVE: { status: 400, zh: '{label}（{code}）不能为负数：{value}', en: '{labelEn} ({code}) cannot be negative: {value}' },
  CAR_FIGURE_NOT_WHOLE: {
    status: 400,
    zh: '{label}（{code}）是计数，应为整数（{unit}）：{value}',
    en: '{labelEn} ({code}) is a count and must be a whole number: {value}',
  },
  CAR_FIGURE_OVER_100: {
    status: 400,
    zh: '{label}（{code}）是百分比，应在 0–100 之间：{value}',
    en: '{labelEn} ({code}) is a percentage, between 0 and 100: {value}',
  },
  CAR_IMPORT_YEAR_MISSING: {
    status: 400,
    zh: '缺少年度：请在地址中给出 year=YYYY，或在表格中加“年度”列',
    en: 'No year: give year=YYYY in the address, or add a year column to the sheet',
  },
};

export const carrierError = errorsOf(CARRIER_ERRORS);

export type CarrierRowErrorCode =
  | 'CAR_ROW_HEADERLESS_COLUMN'
  | 'CAR_ROW_COLUMN_UNIT'
  | 'CAR_ROW_COLUMN_UNKNOWN'
  | 'CAR_ROW_COLUMN_TWICE'
  | 'CAR_ROW_COLUMN_MISSING'
  | 'CAR_ROW_PERCENT_NOT_ALLOWED'
  | 'CAR_ROW_NOT_A_NUMBER'
  | 'CAR_ROW_NEGATIVE'
  | 'CAR_ROW_OVER_100'
  | 'CAR_ROW_YEAR_EMPTY'
  | 'CAR_ROW_YEAR_INVALID'
  | 'CAR_ROW_YEAR_NOT_QUERY'
  | 'CAR_ROW_YEAR_NOT_FILE'
  | 'CAR_ROW_NAME_EMPTY'
  | 'CAR_ROW_NAME_TOO_LONG'
  | 'CAR_ROW_KIND_UNKNOWN'
  | 'CAR_ROW_LEVEL_UNKNOWN'
  | 'CAR_ROW_OTHER_REVIEW'
  | 'CAR_ROW_DUPLICATE'
  | 'CAR_ROW_CARRIER_UNKNOWN'
  | 'CAR_ROW_CARRIER_UNKNOWN_NO_TOWN'
  | 'CAR_ROW_TOWN_UNKNOWN'
  | 'CAR_ROW_TOWN_OUT_OF_SCOPE';

/** `label`, `unit`, `kind`, `review`, `column` are words in both languages; `header`, `name`, `town`, `first` as the file has them */
export const CARRIER_ROW_ERRORS: RowErrorTable<CarrierRowErrorCode> = {
  CAR_ROW_HEADERLESS_COLUMN: { zh: '{letter} 列有数据但没有表头', en: 'Column {letter} holds data but has no header' },
  CAR_ROW_COLUMN_UNIT: { zh: '列“{header}”的单位有误：{label}的单位是 {unit}', en: 'Column "{header}" has the wrong unit: the unit of {label} is {unit}' },
  CAR_ROW_COLUMN_UNKNOWN: {
    zh: '无法识别的列“{header}”：请使用模板的列名（载体名称、载体类型、所属镇街、级别、年度，各指标的名称或代码）',
    en: 'Unknown column "{header}": use the template\'s headers (name, kind, town, level, year, each indicator\'s name or code)',
  },
  CAR_ROW_COLUMN_TWICE: { zh: '列“{header}”与列“{first}”重复', en: 'Column "{header}" repeats column "{first}"' },
  CAR_ROW_COLUMN_MISSING: { zh: '缺少必填列“{column}”', en: 'Required column missing: {column}' },
  CAR_ROW_PERCENT_NOT_ALLOWED: { zh: '{label}的单位是{unit}，不能填百分数', en: 'The unit of {label} is {unit}: no percentage' },
  CAR_ROW_NOT_A_NUMBER: { zh: '{label}应为数字（单位：{unit}）', en: '{label} must be a number (unit: {unit})' },
  CAR_ROW_NEGATIVE: { zh: '{label}不能为负数', en: '{label} cannot be negative' },
  CAR_ROW_OVER_100: { zh: '{label}是百分比，应在 0–100 之间', en: '{label} is a percentage, between 0 and 100' },
  CAR_ROW_YEAR_EMPTY: { zh: '年度为空，且地址中没有 year=YYYY', en: 'The year is empty and the address gives no year=YYYY' },
  CAR_ROW_YEAR_INVALID: { zh: '年度应为 2000–2100 之间的四位年份', en: 'The year must be four digits between 2000 and 2100' },
  CAR_ROW_YEAR_NOT_QUERY: { zh: '与地址中的年度 year={year} 不一致', en: 'Differs from the year in the address, year={year}' },
  CAR_ROW_YEAR_NOT_FILE: { zh: '一个文件只导入一个年度，本文件为 {year} 年', en: 'A file imports one year: this file is for {year}' },
  CAR_ROW_NAME_EMPTY: { zh: '载体名称不能为空', en: "The carrier's name is empty" },
  CAR_ROW_NAME_TOO_LONG: { zh: '载体名称不能超过 200 字', en: "The carrier's name is longer than 200 characters" },
  CAR_ROW_KIND_UNKNOWN: {
    zh: '载体类型应为 产业技术研究院、科技企业孵化器 或 众创空间',
    en: 'The kind must be industrial research institute, tech business incubator or maker space',
  },
  CAR_ROW_LEVEL_UNKNOWN: { zh: '级别应为 国家级、省级、市级、区级 或留空', en: 'The level must be national, provincial, municipal, district or empty' },
  CAR_ROW_OTHER_REVIEW: { zh: '{label}是{review}的指标，{kind}不填此项', en: 'A {kind} does not report {label}, an indicator of the {review}' },
  CAR_ROW_DUPLICATE: { zh: '与第 {first} 行重复（同一载体）', en: 'Repeats row {first} (the same carrier)' },
  CAR_ROW_CARRIER_UNKNOWN: { zh: '未找到{kind}“{name}”', en: 'No {kind} "{name}" found' },
  CAR_ROW_CARRIER_UNKNOWN_NO_TOWN: {
    zh: '未找到{kind}“{name}”；新建载体请填写“所属镇街”',
    en: 'No {kind} "{name}" found: to add it, fill in its town',
  },
  CAR_ROW_TOWN_UNKNOWN: { zh: '未知镇街“{town}”', en: 'Unknown town "{town}"' },
  CAR_ROW_TOWN_OUT_OF_SCOPE: { zh: '“{town}”不在您的管辖范围内', en: '"{town}" is outside your jurisdiction' },
};

export const carrierRowError = rowErrorsOf(CARRIER_ROW_ERRORS);
