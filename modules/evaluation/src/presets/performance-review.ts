/**
 * 绩效评价 / 分类考核 (`performanceReview`): the yearly performance review of the district's carriers —
 * industrial research institutes (产业技术研究院) in one review, incubators (科技企业孵化器) and maker spaces
 * (众创空间) together in the other — over the figures each carrier reports for the year (the carriers room,
 * @kechuang/carriers: its catalogue of figures and `carrierFigures`), graded A/B/C by quota.
 *
 * Where this comes from. The seeds ask for the reviews but do not list their indicators:
 * - seed 000 (镇海区 plan): "对产业技术研究院实行绩效评价，支持建设省级以上创新平台" and, for incubators,
 *   "实施孵化器(众创空间)增量提质行动，以市场化手段开展绩效评估";
 * - seed 003 (Zhenhai 14th five-year plan): "完善以绩效为导向的产业技术研究院、科技企业孵化器等分类考核机制";
 * - seed 002: "建立绩效导向的平台支持机制，深化产业技术研究院分类管理".
 * The indicator lists and groups (the carriers' catalogue), the weights and grade quotas below are therefore **our defaults**, chosen from
 * what such reviews commonly weigh (R&D input, service to enterprises, outputs and platforms for institutes;
 * tenants, incubation quality and services for incubators); a bureau edits them as a saved scheme of this
 * preset (every column a saved scheme reads must be one of these codes).
 *
 * Default scheme: given weights per group, equal within a group, min-max 0–100, arithmetic; every indicator
 * is higher-is-better; a carrier missing any figure of the year is not scored (exclusion, listed with the
 * missing indicator): a review grades what was reported, it does not impute it.
 * Grades by quota (engine's `gradeByQuotas`): A at most 20% of the scored carriers, B at most 50%, C the rest;
 * a tie that would overflow a quota goes wholly to the next grade. A run needs at least 5 scored carriers
 * (⌊5 · 20%⌋ = 1 A), else it is refused (`SELECTION_TOO_FEW`).
 */
import { REVIEW_GROUPS, REVIEW_INDICATORS, REVIEW_KINDS, REVIEW_LABELS, type ReviewKind } from '@kechuang/carriers/domain';
import type { RawScheme } from '../contract/schemas.ts';
import type { GradeRule } from '../domain/index.ts';
import type { PresetColumn } from './leadership.ts';

export { REVIEW_KINDS } from '@kechuang/carriers/domain';
export const PERFORMANCE_REVIEW_NAME = '载体绩效评价';

/**
 * Each group's given weight, by the group ids of the carriers' catalogue (@kechuang/carriers/domain):
 * 产业技术研究院: 研发投入 30%, 服务产业 30%, 成果产出 25%, 平台建设 15%;
 * 孵化器（众创空间）: 孵化规模 30%, 孵化质量 45%, 服务能力 25%.
 */
export const REVIEW_GROUP_WEIGHTS: Record<ReviewKind, Record<string, number>> = {
  industrialResearchInstitute: { input: 0.3, service: 0.3, output: 0.25, platforms: 0.15 },
  incubator: { scale: 0.3, quality: 0.45, services: 0.25 },
};

/** A = at most 20%, B = at most 50%, C = the rest (the engine's quota grading). */
export const REVIEW_GRADES: GradeRule[] = [{ grade: 'A', maxShare: 0.2 }, { grade: 'B', maxShare: 0.5 }, { grade: 'C' }];
/** the fewest scored carriers that give one A under the 20% quota */
export const REVIEW_MIN_CARRIERS = 5;

export function reviewScheme(kind: ReviewKind): RawScheme {
  const indicators = REVIEW_INDICATORS[kind];
  return {
    name: REVIEW_LABELS[kind],
    description:
      '默认方案（本平台默认指标，可另存修改）：组间给定权重、组内等权，极差标准化到 0–100，算术平均；缺报任一指标的载体不参评；按比例定等：A ≤ 20%，B ≤ 50%，其余 C',
    normalisation: { method: 'minmax', range: [0, 100] },
    aggregation: 'arithmetic',
    imputation: { method: 'exclude' },
    sensitivity: { weights: 0.25 },
    root: {
      id: 'review',
      name: REVIEW_LABELS[kind],
      weighting: { method: 'given' },
      children: REVIEW_GROUPS[kind].map((g) => ({
        id: g.id,
        name: g.name,
        weight: REVIEW_GROUP_WEIGHTS[kind][g.id],
        weighting: { method: 'equal' },
        children: indicators
          .filter((i) => i.group === g.id)
          .map((i) => ({ indicator: i.code, name: `${i.label}（${i.unit}）`, ...(i.direction === -1 ? { direction: -1 } : {}) })),
      })),
    },
  };
}

/** Every indicator of both reviews as preset columns (a saved scheme of this preset may read only these). */
export const PERFORMANCE_REVIEW_COLUMNS: PresetColumn[] = REVIEW_KINDS.flatMap((k) =>
  REVIEW_INDICATORS[k].map((i) => ({
    code: i.code,
    name: i.label,
    unit: i.unit,
    kind: 'numeric' as const,
    note: `${REVIEW_LABELS[k]}；${i.direction === -1 ? '越低越好' : '越高越好'}`,
  })),
);
