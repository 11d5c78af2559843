/**
 * The evaluation room's error codes for runs and schemes: a closed union, each with its HTTP status and its
 * message in both languages (`{name}` filled from the error's params). The engine's own errors are
 * IndexError (domain/errors.ts): VALIDATION with a typed `details.reason`.
 */
import { errorsOf, type ErrorTable } from '@kechuang/platform-core';

export type EvaluationErrorCode =
  | 'EVAL_RUN_NOT_FOUND'
  | 'EVAL_ENTITY_NOT_IN_RUN'
  | 'EVAL_PUBLISHED_NOT_FOUND'
  | 'EVAL_SCHEME_NOT_FOUND'
  | 'EVAL_SCHEME_IS_PRESET'
  | 'EVAL_SCHEME_WRONG_SOURCE'
  | 'EVAL_TIERS_INVALID'
  | 'EVAL_RUN_ALREADY_PUBLISHED'
  | 'EVAL_RUN_WITHDRAWN'
  | 'EVAL_LIST_ALREADY_PUBLISHED'
  | 'EVAL_RUN_EMPTY'
  | 'EVAL_RUN_NOT_PUBLISHED'
  | 'EVAL_AS_OF_INVALID'
  | 'EVAL_NO_CARRIERS'
  | 'EVAL_NO_ENTERPRISES'
  | 'EVAL_NO_UNITS';

export const EVALUATION_ERRORS: ErrorTable<EvaluationErrorCode> = {
  EVAL_RUN_NOT_FOUND: { status: 404, zh: '评价运行 {id} 不存在', en: 'No evaluation run {id}' },
  EVAL_ENTITY_NOT_IN_RUN: { status: 404, zh: '评价运行 {id} 中没有 {entityId}', en: 'Evaluation run {id} has no {entityId}' },
  EVAL_PUBLISHED_NOT_FOUND: { status: 404, zh: '没有已发布的评价结果 {id}', en: 'No published results {id}' },
  EVAL_SCHEME_NOT_FOUND: { status: 404, zh: '评价体系 {id} 不存在', en: 'No scheme {id}' },
  EVAL_SCHEME_IS_PRESET: {
    status: 400,
    zh: '评价体系“{name}”属于预设数据源，上传数据请选用自定义评价体系',
    en: 'Scheme "{name}" belongs to a preset data source: choose a custom scheme for uploaded data',
  },
  EVAL_SCHEME_WRONG_SOURCE: {
    status: 400,
    zh: '评价体系“{name}”用于{usedFor}，不能用于{source}',
    en: 'Scheme "{name}" is for {usedForEn}, not for {sourceEn}',
  },
  EVAL_TIERS_INVALID: { status: 400, zh: '入选档次 tiers 有误：{problem}', en: 'Invalid tiers: {problem}' },
  EVAL_RUN_ALREADY_PUBLISHED: { status: 409, zh: '评价运行 {id} 已于 {at} 发布', en: 'Evaluation run {id} was published at {at}' },
  EVAL_RUN_WITHDRAWN: {
    status: 409,
    zh: '评价运行 {id} 的名单已于 {at} 撤回，不能再次发布；请复算后发布新的运行',
    en: 'The list of evaluation run {id} was withdrawn at {at} and cannot be published again: rerun it and publish the new run',
  },
  EVAL_LIST_ALREADY_PUBLISHED: {
    status: 409,
    zh: '{source} 已有发布的名单：评价运行 #{currentId}《{currentName}》（{at} 发布）。请先撤回它，或选择替换发布',
    en: '{source} already has a published list: evaluation run #{currentId} "{currentName}" (published at {at}). Withdraw it first, or publish to replace it',
  },
  EVAL_RUN_EMPTY: { status: 400, zh: '评价运行 {id} 没有可发布的结果', en: 'Evaluation run {id} has no results to publish' },
  EVAL_RUN_NOT_PUBLISHED: { status: 409, zh: '评价运行 {id} 不是已发布状态，无需撤回', en: 'Evaluation run {id} is not published: nothing to withdraw' },
  EVAL_AS_OF_INVALID: { status: 400, zh: '评价日 {asOf} 不是有效日期', en: 'The evaluation date {asOf} is not a valid date' },
  // nothing to evaluate in the region: details.reason is DATA_NO_ENTITIES, as the engine's own refusal
  EVAL_NO_CARRIERS: { status: 400, zh: '{region}没有参加{review}的载体', en: '{region} has no carrier in this review' },
  EVAL_NO_ENTERPRISES: { status: 400, zh: '{region}的企业库中没有企业', en: 'The registry has no enterprise in {region}' },
  EVAL_NO_UNITS: { status: 400, zh: '{region}没有可参评的镇街或园区', en: '{region} has no town or park to evaluate' },
};

export const evaluationError = errorsOf(EVALUATION_ERRORS);

/** what each data source is called, in both languages */
export const PRESET_LABELS = {
  leadership: { zh: '企业科技创新引领指数', en: 'the enterprise innovation leadership index' },
  towns: { zh: '镇街（园区）创新赛绩', en: "the towns' and parks' innovation league" },
  performanceReview: { zh: '载体绩效评价', en: "the carriers' performance review" },
  upload: { zh: '上传数据', en: 'uploaded data' },
} as const;
