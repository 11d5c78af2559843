/**
 * The registry's error codes: a closed union, each with its HTTP status and its message in both languages
 * (`{name}` filled from the error's params). Where the domain's checks word a problem in Chinese (the USCC,
 * a year's figures), the Chinese message is theirs and the English one the code's.
 */
import { errorsOf, type ErrorTable } from '@kechuang/platform-core';

export type EnterpriseErrorCode =
  | 'ENT_NOT_FOUND'
  | 'ENT_BUREAU_ONLY'
  | 'ENT_USCC_INVALID'
  | 'ENT_USCC_TAKEN'
  | 'ENT_REGION_KIND'
  | 'ENT_FOUNDED_ON_INVALID'
  | 'ENT_CHAIN_UNKNOWN'
  | 'ENT_CHAIN_NAME_TAKEN'
  | 'ENT_YEAR_NOT_STARTED'
  | 'ENT_FIGURES_INVALID'
  | 'ENT_NO_SELF_REPORT'
  | 'ENT_IP_INVALID'
  | 'ENT_VALID_UNTIL_BEFORE_ISSUE'
  | 'ENT_CERTIFICATE_TAKEN'
  | 'ENT_QUALIFICATION_NOT_FOUND'
  | 'ENT_INSTITUTION_TAKEN'
  | 'ENT_INSTITUTION_NOT_FOUND'
  | 'ENT_YEARS_REVERSED'
  | 'ENT_YEARS_TOO_MANY'
  | 'ENT_WORK_LIST_UNKNOWN'
  | 'ENT_IMPORT_QUALIFICATIONS_BUREAU_ONLY'
  | 'ENT_IMPORT_YEARS_NO_FIGURE';

export const ENTERPRISE_ERRORS: ErrorTable<EnterpriseErrorCode> = {
  ENT_NOT_FOUND: { status: 404, zh: '企业不存在或不在您的管辖范围内', en: 'No such enterprise in your jurisdiction' },
  ENT_BUREAU_ONLY: { status: 403, zh: '只有科技局可以修改该项', en: 'Only the bureau may change this' },
  ENT_USCC_INVALID: { status: 400, zh: '统一社会信用代码有误', en: 'Invalid unified social credit code (USCC)' },
  ENT_USCC_TAKEN: { status: 409, zh: '统一社会信用代码 {uscc} 已登记为“{name}”', en: 'USCC {uscc} is already registered as "{name}"' },
  ENT_REGION_KIND: { status: 400, zh: '“{name}”不是区、镇街或园区', en: '"{name}" is not a district, town or park' },
  ENT_FOUNDED_ON_INVALID: { status: 400, zh: '成立日期有误', en: 'Invalid founding date' },
  ENT_CHAIN_UNKNOWN: { status: 400, zh: '产业链“{chain}”不在产业链目录中', en: 'Industry chain "{chain}" is not in the catalogue' },
  ENT_CHAIN_NAME_TAKEN: { status: 409, zh: '产业链名称“{name}”已被 {code} 使用', en: 'The chain name "{name}" is taken by {code}' },
  ENT_YEAR_NOT_STARTED: { status: 400, zh: '年度 {year} 尚未开始', en: 'Year {year} has not begun' },
  ENT_FIGURES_INVALID: { status: 400, zh: '年度数据有误', en: 'Invalid figure: {field}' },
  ENT_NO_SELF_REPORT: { status: 404, zh: '{year} 年没有待确认的企业自报数据', en: 'No self-reported figures of {year} wait for confirmation' },
  ENT_IP_INVALID: { status: 400, zh: '知识产权数据有误', en: 'Invalid IP holding: {field}' },
  ENT_VALID_UNTIL_BEFORE_ISSUE: {
    status: 400,
    zh: '有效期至 {validUntil} 早于发证日期 {issuedOn}',
    en: 'Valid until {validUntil} is before the issue date {issuedOn}',
  },
  ENT_CERTIFICATE_TAKEN: {
    status: 409,
    zh: '证书编号 {certificateNo} 已登记在“{name}”名下',
    en: 'Certificate {certificateNo} is already registered to "{name}"',
  },
  ENT_QUALIFICATION_NOT_FOUND: { status: 404, zh: '资质不存在', en: 'No such qualification' },
  ENT_INSTITUTION_TAKEN: { status: 409, zh: '研发机构“{name}”已登记', en: 'R&D institution "{name}" is already registered' },
  ENT_INSTITUTION_NOT_FOUND: { status: 404, zh: '研发机构不存在', en: 'No such R&D institution' },
  ENT_YEARS_REVERSED: { status: 400, zh: '结束年度早于起始年度', en: 'The last year is before the first' },
  ENT_YEARS_TOO_MANY: { status: 400, zh: '一次最多 {max} 个年度', en: 'At most {max} years at a time' },
  ENT_WORK_LIST_UNKNOWN: { status: 404, zh: '工作清单不存在', en: 'No such work list' },
  ENT_IMPORT_QUALIFICATIONS_BUREAU_ONLY: {
    status: 403,
    zh: '资质名单由科技局导入，镇街专员只能导入本镇街企业的名录和年度数据',
    en: "The bureau imports qualifications: a town officer imports the town's enterprises and their years only",
  },
  ENT_IMPORT_YEARS_NO_FIGURE: {
    status: 422,
    zh: '年度数据至少需要一列数据（如 营业收入、研发费用、职工总数）',
    en: 'Yearly figures need at least one figure column (such as revenue, R&D expense, employees)',
  },
};

export const enterpriseError = errorsOf(ENTERPRISE_ERRORS);
