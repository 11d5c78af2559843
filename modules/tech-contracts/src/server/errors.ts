/**
 * The room's error codes: a closed union, each with its HTTP status and its message in both languages (`{name}`
 * filled from the error's params). The domain's checks (domain/contract-check.ts) answer these codes with the
 * field they name; the routes and the import turn them into errors and row errors.
 */
import { errorsOf, type ErrorTable } from '@kechuang/platform-core';

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
