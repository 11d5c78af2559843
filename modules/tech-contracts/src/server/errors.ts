/**
 * The room's error codes: a closed union, each with its HTTP status and its message in both languages (`{name}`
 * filled from the error's params). The domain's checks (domain/contract-check.ts) answer these codes with the
 * field they name; the routes and the import turn them into errors and row errors.
 */
import { errorsOf, rowErrorsOf, type ErrorTable, type RowErrorTable } from '@kechuang/platform-core';

export type TechContractErrorCode =
  | 'TC_NOT_FOUND'
  | 'TC_NOT_YOURS'
  | 'TC_NOT_OWN_SELLER'
  | 'TC_USCC_INVALID'
  | 'TC_USCC_REQUIRED'
  | 'TC_REGION_REQUIRED'
  | 'TC_REGION_UNKNOWN'
  | 'TC_PARTIES_SAME'
  | 'TC_AMOUNT_NEGATIVE'
  | 'TC_TECH_EXCEEDS_TOTAL'
  | 'TC_ITEMS_EXCEED_TOTAL'
  | 'TC_UNIT_UNKNOWN'
  | 'TC_SUBTYPE_MISMATCH'
  | 'TC_DATE_INVALID'
  | 'TC_SIGNED_IN_FUTURE'
  | 'TC_SELLER_ELSEWHERE'
  | 'TC_ENTERPRISE_UNKNOWN'
  | 'TC_STATUS'
  | 'TC_GROUND_NOT_IN_REGIME'
  | 'TC_REGISTRATION_NO_TAKEN'
  | 'TC_NOTHING_CHANGED';

export const TECH_CONTRACT_ERRORS: ErrorTable<TechContractErrorCode> = {
  TC_NOT_FOUND: { status: 404, zh: '技术合同不存在', en: 'No such technology contract' },
  TC_NOT_YOURS: { status: 403, zh: '该技术合同不属于您的单位或管辖范围', en: 'This technology contract is not your organisation’s nor in your jurisdiction' },
  TC_NOT_OWN_SELLER: {
    status: 403,
    zh: '企业用户只能以本单位为卖方申请登记',
    en: 'An enterprise account registers contracts with its own organisation as the seller only',
  },
  TC_USCC_INVALID: { status: 400, zh: '统一社会信用代码 {uscc} 有误', en: 'Invalid unified social credit code (USCC) {uscc}' },
  TC_USCC_REQUIRED: { status: 400, zh: '境内当事人须填写统一社会信用代码', en: 'A party in China needs its unified social credit code (USCC)' },
  TC_REGION_REQUIRED: { status: 400, zh: '本区当事人须填写所属镇街', en: 'A party in the district needs its town' },
  TC_REGION_UNKNOWN: { status: 400, zh: '“{region}”不是本区的镇街或园区', en: '"{region}" is not a town or park of the district' },
  TC_PARTIES_SAME: { status: 400, zh: '买卖双方不能是同一单位', en: 'The seller and the buyer cannot be the same organisation' },
  TC_AMOUNT_NEGATIVE: { status: 400, zh: '金额不能为负数', en: 'An amount cannot be negative' },
  TC_TECH_EXCEEDS_TOTAL: { status: 400, zh: '技术交易额不能超过合同成交额', en: 'The technology-transaction amount cannot exceed the contract amount' },
  TC_ITEMS_EXCEED_TOTAL: {
    status: 400,
    zh: '应扣除的非技术性费用超过合同成交额',
    en: 'The deductible non-technical parts exceed the contract amount',
  },
  TC_UNIT_UNKNOWN: { status: 400, zh: '金额单位“{unit}”无法识别，请用 元 或 万元', en: 'Unknown amount unit "{unit}": use yuan or 10,000 yuan' },
  TC_SUBTYPE_MISMATCH: {
    status: 400,
    zh: '合同类别与子类不符（按签订日期适用 {version} 版规则）',
    en: 'The subtype does not belong to the type under the {version} rules (by signing date)',
  },
  TC_DATE_INVALID: { status: 400, zh: '日期有误，应为 YYYY-MM-DD', en: 'Invalid date: write YYYY-MM-DD' },
  TC_SIGNED_IN_FUTURE: { status: 400, zh: '签订日期 {date} 晚于今天', en: 'The signing date {date} is after today' },
  TC_SELLER_ELSEWHERE: {
    status: 400,
    zh: '技术合同由卖方在其所在地登记：卖方应在本区（技术进口由本区买方登记）',
    en: 'The seller registers in its own region: the seller must be in the district (an import is registered by the buyer in the district)',
  },
  TC_ENTERPRISE_UNKNOWN: { status: 400, zh: '企业库中没有该企业', en: 'No such enterprise in the registry' },
  TC_STATUS: { status: 409, zh: '合同当前状态为“{status}”，不能{action}', en: 'The contract is {status}: it cannot be {action}' },
  TC_GROUND_NOT_IN_REGIME: {
    status: 400,
    zh: '不予登记理由“{ground}”不在 {version} 版规则中',
    en: 'Refusal ground "{ground}" is not among the {version} rules’ grounds',
  },
  TC_REGISTRATION_NO_TAKEN: { status: 409, zh: '登记编号 {no} 已被使用', en: 'Registration number {no} is taken' },
  TC_NOTHING_CHANGED: { status: 400, zh: '更正没有改变任何金额', en: 'The correction changes no amount' },
};

export const techContractError = errorsOf(TECH_CONTRACT_ERRORS);

/** a domain issue (code, field, params) as the room's error */
export const issueError = (i: { code: string; field: string; params?: Record<string, string | number> }) =>
  techContractError(i.code as TechContractErrorCode, { params: i.params, details: { field: i.field } });

export type TechContractRowErrorCode =
  | 'TC_ROW_HEADERLESS_COLUMN'
  | 'TC_ROW_COLUMN_UNKNOWN'
  | 'TC_ROW_COLUMN_TWICE'
  | 'TC_ROW_COLUMN_NOT_AMOUNT'
  | 'TC_ROW_COLUMN_MISSING'
  | 'TC_ROW_TITLE_EMPTY'
  | 'TC_ROW_TOO_LONG'
  | 'TC_ROW_TYPE_UNKNOWN'
  | 'TC_ROW_SUBTYPE_UNKNOWN'
  | 'TC_ROW_FIELD_UNKNOWN'
  | 'TC_ROW_DATE_EMPTY'
  | 'TC_ROW_DATE_INVALID'
  | 'TC_ROW_NAME_EMPTY'
  | 'TC_ROW_LOCATION_UNKNOWN'
  | 'TC_ROW_AMOUNT_NOT_NUMBER'
  | 'TC_ROW_AMOUNT_EMPTY'
  | 'TC_ROW_REGISTERED_IN_FUTURE'
  | 'TC_ROW_REGISTRATION_DATE_MISSING'
  | 'TC_ROW_REGISTRATION_NO_REPEATED';

/**
 * The import's row errors: its own (TC_ROW_*) and the contract checks' codes, worded for a row. `header`, `value`
 * and `first` as the file has them; `label` and `side` are words in both languages.
 */
export const TECH_CONTRACT_ROW_ERRORS: RowErrorTable<TechContractRowErrorCode | TechContractErrorCode> = {
  ...(Object.fromEntries(Object.entries(TECH_CONTRACT_ERRORS).map(([code, { zh, en }]) => [code, { zh, en }])) as RowErrorTable<TechContractErrorCode>),
  TC_ROW_HEADERLESS_COLUMN: { zh: '{letter} 列有数据但没有表头', en: 'Column {letter} holds data but has no header' },
  TC_ROW_COLUMN_UNKNOWN: { zh: '无法识别的列“{header}”：请使用模板的列名', en: 'Unknown column "{header}": use the template\'s headers' },
  TC_ROW_COLUMN_TWICE: { zh: '列“{header}”与列“{first}”重复', en: 'Column "{header}" repeats column "{first}"' },
  TC_ROW_COLUMN_NOT_AMOUNT: { zh: '列“{header}”不是金额列，不能带单位', en: 'Column "{header}" is not an amount: it takes no unit' },
  TC_ROW_COLUMN_MISSING: { zh: '缺少必填列“{header}”', en: 'Required column missing: {header}' },
  TC_ROW_TITLE_EMPTY: { zh: '合同名称不能为空', en: 'The title is empty' },
  TC_ROW_TOO_LONG: { zh: '{label}不能超过 {max} 字', en: '{label} is longer than {max} characters' },
  TC_ROW_TYPE_UNKNOWN: {
    zh: '合同类别应为 技术开发、技术转让、技术许可、技术咨询 或 技术服务',
    en: 'The type must be development, transfer, licence, consulting or service',
  },
  TC_ROW_SUBTYPE_UNKNOWN: { zh: '无法识别的合同子类“{value}”', en: 'Unknown subtype "{value}"' },
  TC_ROW_FIELD_UNKNOWN: { zh: '无法识别的技术领域“{value}”', en: 'Unknown technology field "{value}"' },
  TC_ROW_DATE_EMPTY: { zh: '{label}不能为空', en: '{label} is empty' },
  TC_ROW_DATE_INVALID: { zh: '{label}有误，应为 YYYY-MM-DD', en: '{label} is not a date: write YYYY-MM-DD' },
  TC_ROW_NAME_EMPTY: { zh: '{side}名称不能为空', en: "The {side}'s name is empty" },
  TC_ROW_LOCATION_UNKNOWN: { zh: '所在地应为 本区、区外（境内） 或 境外', en: 'The location must be the district, elsewhere in China or abroad' },
  TC_ROW_AMOUNT_NOT_NUMBER: { zh: '金额应为数字（如 120000、12万元）', en: 'An amount must be a number (such as 120000, or 12 with a unit)' },
  TC_ROW_AMOUNT_EMPTY: { zh: '合同成交额不能为空', en: 'The contract amount is empty' },
  TC_ROW_REGISTERED_IN_FUTURE: { zh: '登记日期晚于今天', en: 'The registration date is after today' },
  TC_ROW_REGISTRATION_DATE_MISSING: {
    zh: '填写了登记编号的已登记合同须填写登记日期',
    en: 'A registered contract with a registration number needs its registration date',
  },
  TC_ROW_REGISTRATION_NO_REPEATED: { zh: '与第 {first} 行的登记编号重复', en: 'Repeats the registration number of row {first}' },
};

export const techContractRowError = rowErrorsOf(TECH_CONTRACT_ROW_ERRORS);
