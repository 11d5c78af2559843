/**
 * The registry imports' row errors (企业名录 · 年度数据 · 资质名单) by code, in both languages: a refused run
 * stores each error's code and facts, and its readers answer them in their language (platform/core imports.ts).
 * The Chinese words are those the imports have always used. Facts named `label`, `small`, `big`, `what` are
 * our words in both languages; `town`, `name`, `chain`, dates and numbers are as the file or the registry has them.
 */
import { rowErrorsOf, type Localized, type RowErrorTable } from '@kechuang/platform-core';

export type EnterpriseRowErrorCode =
  | 'ENT_ROW_TOO_LONG'
  | 'ENT_ROW_USCC_NUMBER'
  | 'ENT_ROW_USCC_EMPTY'
  | 'ENT_ROW_USCC_LENGTH'
  | 'ENT_ROW_USCC_CHARACTER'
  | 'ENT_ROW_USCC_REGION'
  | 'ENT_ROW_USCC_CHECK'
  | 'ENT_ROW_DATE_EMPTY'
  | 'ENT_ROW_DATE_INVALID'
  | 'ENT_ROW_DATE_FORMAT'
  | 'ENT_ROW_YES_NO'
  | 'ENT_ROW_VALUE_EMPTY'
  | 'ENT_ROW_NOT_A_NUMBER'
  | 'ENT_ROW_AMOUNT_PERCENT'
  | 'ENT_ROW_COUNT_UNIT'
  | 'ENT_ROW_NOT_WHOLE'
  | 'ENT_ROW_TOO_LARGE'
  | 'ENT_ROW_CELL'
  | 'ENT_ROW_NAME_EMPTY'
  | 'ENT_ROW_TOWN_EMPTY'
  | 'ENT_ROW_TOWN_UNKNOWN'
  | 'ENT_ROW_TOWN_OUT_OF_SCOPE'
  | 'ENT_ROW_FOUNDED_INVALID'
  | 'ENT_ROW_FOUNDED_FUTURE'
  | 'ENT_ROW_CAPITAL_NEGATIVE'
  | 'ENT_ROW_INDUSTRY_CODE'
  | 'ENT_ROW_HNTE_FIELD'
  | 'ENT_ROW_CHAIN_UNKNOWN'
  | 'ENT_ROW_EMAIL'
  | 'ENT_ROW_YEAR_EMPTY'
  | 'ENT_ROW_YEAR_FORMAT'
  | 'ENT_ROW_YEAR_RANGE'
  | 'ENT_ROW_AMOUNT_UNIT'
  | 'ENT_ROW_FIGURE_NEGATIVE'
  | 'ENT_ROW_FIGURE_NOT_WHOLE'
  | 'ENT_ROW_FIGURE_MORE'
  | 'ENT_ROW_FIGURE_WOULD_EXCEED'
  | 'ENT_ROW_KIND_EMPTY'
  | 'ENT_ROW_KIND_UNKNOWN'
  | 'ENT_ROW_CERTIFICATE_EMPTY'
  | 'ENT_ROW_ISSUED_FUTURE'
  | 'ENT_ROW_VALID_BEFORE_ISSUE'
  | 'ENT_ROW_DUPLICATE'
  | 'ENT_ROW_REGISTERED_ELSEWHERE'
  | 'ENT_ROW_NOT_REGISTERED'
  | 'ENT_ROW_OUT_OF_SCOPE'
  | 'ENT_ROW_NAME_MISMATCH'
  | 'ENT_ROW_CERTIFICATE_TAKEN';

export const ENTERPRISE_ROW_ERRORS: RowErrorTable<EnterpriseRowErrorCode> = {
  ENT_ROW_TOO_LONG: { zh: '超过 {max} 个字符', en: 'Longer than {max} characters' },
  ENT_ROW_USCC_NUMBER: {
    zh: '统一社会信用代码被存成了数字（可能已丢失位数），请把该列设为文本格式后重新填写',
    en: 'The USCC was stored as a number (digits may be lost): format the column as text and type it again',
  },
  ENT_ROW_USCC_EMPTY: { zh: '统一社会信用代码为空', en: 'The USCC is empty' },
  ENT_ROW_USCC_LENGTH: { zh: '统一社会信用代码应为 18 位，实为 {length} 位', en: 'A USCC has 18 characters, this one {length}' },
  ENT_ROW_USCC_CHARACTER: {
    zh: '统一社会信用代码含有不允许的字符（不使用 I、O、Z、S、V）',
    en: 'The USCC has a character it may not have (I, O, Z, S and V are not used)',
  },
  ENT_ROW_USCC_REGION: { zh: '统一社会信用代码第 3–8 位应为行政区划代码', en: 'Characters 3–8 of a USCC are a region code' },
  ENT_ROW_USCC_CHECK: { zh: '统一社会信用代码校验位有误：第 18 位应为 {expected}', en: 'Wrong check character: the 18th should be {expected}' },
  ENT_ROW_DATE_EMPTY: { zh: '日期为空', en: 'The date is empty' },
  ENT_ROW_DATE_INVALID: { zh: '不是有效日期', en: 'Not a valid date' },
  ENT_ROW_DATE_FORMAT: { zh: '不是有效日期，应为 YYYY-MM-DD', en: 'Not a valid date: write YYYY-MM-DD' },
  ENT_ROW_YES_NO: { zh: '应为 是 或 否', en: 'Write yes or no' },
  ENT_ROW_VALUE_EMPTY: { zh: '数值为空', en: 'The value is empty' },
  ENT_ROW_NOT_A_NUMBER: { zh: '不是数字', en: 'Not a number' },
  ENT_ROW_AMOUNT_PERCENT: { zh: '金额不能带百分号', en: 'An amount has no percent sign' },
  ENT_ROW_COUNT_UNIT: { zh: '应为整数，不带单位', en: 'Write a whole number without a unit' },
  ENT_ROW_NOT_WHOLE: { zh: '应为整数', en: 'Write a whole number' },
  ENT_ROW_TOO_LARGE: { zh: '数值过大', en: 'The number is too large' },
  ENT_ROW_CELL: { zh: '{reason}', en: 'Invalid value' },
  ENT_ROW_NAME_EMPTY: { zh: '企业名称为空', en: "The enterprise's name is empty" },
  ENT_ROW_TOWN_EMPTY: { zh: '所属镇街为空', en: 'The town is empty' },
  ENT_ROW_TOWN_UNKNOWN: {
    zh: '所属镇街“{town}”不存在：应为本区镇街或园区的名称（如 招宝山街道），或其行政区划代码',
    en: 'No town "{town}": write the name of one of the district\'s towns or parks, or its region code',
  },
  ENT_ROW_TOWN_OUT_OF_SCOPE: {
    zh: '{town}不在您的管辖范围内，无权导入该地区的企业',
    en: '{town} is outside your jurisdiction: you may not import its enterprises',
  },
  ENT_ROW_FOUNDED_INVALID: { zh: '成立日期“{date}”不是有效日期', en: 'The founding date "{date}" is not a valid date' },
  ENT_ROW_FOUNDED_FUTURE: { zh: '成立日期 {date} 晚于今天', en: 'The founding date {date} is after today' },
  ENT_ROW_CAPITAL_NEGATIVE: { zh: '注册资本不能为负数', en: 'The registered capital cannot be negative' },
  ENT_ROW_INDUSTRY_CODE: {
    zh: '行业代码应为 GB/T 4754 门类字母加 2–4 位数字，如 C2614',
    en: 'An industry code is a GB/T 4754 section letter and 2–4 digits, such as C2614',
  },
  ENT_ROW_HNTE_FIELD: {
    zh: '技术领域应为八大高新技术领域之一（见模板说明）',
    en: "The field must be one of the eight high-tech fields (see the template's notes)",
  },
  ENT_ROW_CHAIN_UNKNOWN: { zh: '产业链“{chain}”不在产业链目录中', en: 'Industry chain "{chain}" is not in the catalogue' },
  ENT_ROW_EMAIL: { zh: '电子邮箱格式有误', en: 'Invalid email address' },
  ENT_ROW_YEAR_EMPTY: { zh: '年度为空', en: 'The year is empty' },
  ENT_ROW_YEAR_FORMAT: { zh: '年度应为四位数字，如 2024', en: 'The year has four digits, such as 2024' },
  ENT_ROW_YEAR_RANGE: { zh: '年度超出范围：应在 {from}–{to} 之间', en: 'The year is out of range: between {from} and {to}' },
  ENT_ROW_AMOUNT_UNIT: { zh: '金额单位应为 元、万元 或 亿元', en: 'The amount unit must be yuan, 10,000 yuan or 100 million yuan' },
  ENT_ROW_FIGURE_NEGATIVE: { zh: '{label}不能为负数', en: '{label} cannot be negative' },
  ENT_ROW_FIGURE_NOT_WHOLE: { zh: '{label}应为整数', en: '{label} must be a whole number' },
  ENT_ROW_FIGURE_MORE: { zh: '{small}（{a}）大于{big}（{b}）', en: '{small} ({a}) is more than {big} ({b})' },
  ENT_ROW_FIGURE_WOULD_EXCEED: {
    zh: '{small}（{a}）将大于{big}（{b}，含企业库已有数据）',
    en: "{small} ({a}) would be more than {big} ({b}, with the registry's figures)",
  },
  ENT_ROW_KIND_EMPTY: { zh: '资质类型为空', en: 'The qualification is empty' },
  ENT_ROW_KIND_UNKNOWN: {
    zh: '资质类型应为 高新技术企业、科技型中小企业、省科技小巨人企业 或 科技领军企业',
    en: 'The qualification must be HNTE, tech-based SME, provincial little giant or tech leader',
  },
  ENT_ROW_CERTIFICATE_EMPTY: { zh: '证书编号为空', en: 'The certificate number is empty' },
  ENT_ROW_ISSUED_FUTURE: { zh: '发证日期 {date} 晚于今天', en: 'The issue date {date} is after today' },
  ENT_ROW_VALID_BEFORE_ISSUE: { zh: '有效期至 {validUntil} 早于发证日期 {issuedOn}', en: 'Valid until {validUntil} is before the issue date {issuedOn}' },
  ENT_ROW_DUPLICATE: { zh: '与第 {first} 行重复（{what}）', en: 'Repeats row {first} ({what})' },
  ENT_ROW_REGISTERED_ELSEWHERE: {
    zh: '该企业（{name}）已登记在{region}，不在您的管辖范围内',
    en: 'This enterprise ({name}) is registered in {region}, outside your jurisdiction',
  },
  ENT_ROW_NOT_REGISTERED: {
    zh: '统一社会信用代码 {uscc} 未在企业库登记，请先导入企业名录',
    en: 'USCC {uscc} is not in the registry: import the enterprises first',
  },
  ENT_ROW_OUT_OF_SCOPE: { zh: '“{name}”登记在{region}，不在您的管辖范围内', en: '"{name}" is registered in {region}, outside your jurisdiction' },
  ENT_ROW_NAME_MISMATCH: {
    zh: '企业名称“{given}”与企业库登记的“{name}”（{uscc}）不一致',
    en: 'The name "{given}" differs from "{name}" ({uscc}) in the registry',
  },
  ENT_ROW_CERTIFICATE_TAKEN: {
    zh: '证书编号 {certificateNo} 已登记在“{name}”（{uscc}）名下',
    en: 'Certificate {certificateNo} is already registered to "{name}" ({uscc})',
  },
};

export const enterpriseRowError = rowErrorsOf(ENTERPRISE_ROW_ERRORS);

/** The cell readers' reasons (import-cells.ts) as codes; a reason not listed keeps its words in Chinese. */
const CELL_REASONS: Readonly<Record<string, EnterpriseRowErrorCode>> = {
  不是有效日期: 'ENT_ROW_DATE_INVALID',
  '不是有效日期，应为 YYYY-MM-DD': 'ENT_ROW_DATE_FORMAT',
  '应为 是 或 否': 'ENT_ROW_YES_NO',
  数值为空: 'ENT_ROW_VALUE_EMPTY',
  不是数字: 'ENT_ROW_NOT_A_NUMBER',
  金额不能带百分号: 'ENT_ROW_AMOUNT_PERCENT',
  '应为整数，不带单位': 'ENT_ROW_COUNT_UNIT',
  应为整数: 'ENT_ROW_NOT_WHOLE',
  数值过大: 'ENT_ROW_TOO_LARGE',
};
export const cellReasonCode = (reason: string): { code: EnterpriseRowErrorCode; params?: { reason: string } } => {
  const code = CELL_REASONS[reason];
  return code ? { code } : { code: 'ENT_ROW_CELL', params: { reason } };
};

/** A year's figures by their Chinese names (validate.ts, import-years.ts) in both languages. */
const FIGURE_EN: Readonly<Record<string, string>> = {
  营业收入: 'Revenue',
  总收入: 'Total income',
  '高新技术产品(服务)收入': 'High-tech product (service) revenue',
  研发费用: 'R&D expense',
  境内研发费用: 'Domestic R&D expense',
  成本费用总额: 'Total cost',
  资产总额: 'Total assets',
  职工总数: 'Employees',
  科技人员数: 'Sci-tech staff',
  科技成果转化数: 'Conversions of results',
};
export const figureLabel = (zh: string): Localized => ({ zh, en: FIGURE_EN[zh] ?? zh });
