/**
 * The indicators room's error codes: a closed union, each with its HTTP status and its message in both
 * languages (`{name}` filled from the error's params). The platform's codes (VALIDATION, IMPORT_* …) cover
 * what is not the room's own.
 */
import { errorsOf, type ErrorTable } from '@kechuang/platform-core';

export type IndicatorErrorCode =
  | 'INDICATOR_UNKNOWN'
  | 'PLAN_UNKNOWN'
  | 'IND_TOWN_ACTUALS_ONLY'
  | 'IND_VALUE_INVALID'
  | 'IND_VALUE_PERCENT'
  | 'IND_VALUE_UNIT'
  | 'IND_RATIO_PARTS'
  | 'IND_PLAN_YEARS';

export const INDICATOR_ERRORS: ErrorTable<IndicatorErrorCode> = {
  INDICATOR_UNKNOWN: { status: 400, zh: '指标不存在', en: 'Unknown indicator' },
  PLAN_UNKNOWN: { status: 404, zh: '规划不存在', en: 'Unknown plan' },
  IND_TOWN_ACTUALS_ONLY: {
    status: 403,
    zh: '镇街/园区只能填报实际值，基数和目标由科技局下达',
    en: 'Towns and parks enter actuals only: the bureau sets baselines and targets',
  },
  IND_VALUE_INVALID: { status: 400, zh: '数值有误：{reason}', en: 'Not a valid number: {value}' },
  IND_VALUE_PERCENT: { status: 400, zh: '指标单位是“{unit}”，不能带百分号', en: 'The indicator\'s unit is "{unit}": no percent sign' },
  IND_VALUE_UNIT: { status: 400, zh: '单位与指标单位“{unit}”不一致', en: 'The unit differs from the indicator\'s unit "{unit}"' },
  IND_RATIO_PARTS: {
    status: 400,
    zh: '比值汇总的指标须指定分子和分母指标',
    en: 'An indicator rolled up as a ratio needs a numerator and a denominator indicator',
  },
  IND_PLAN_YEARS: { status: 400, zh: '结束年份不能早于起始年份', en: 'The end year cannot be before the start year' },
};

export const indicatorError = errorsOf(INDICATOR_ERRORS);
