/**
 * 绩效评价 / 分类考核 (`performanceReview`): the yearly performance review of the district's carriers —
 * industrial research institutes (产业技术研究院) in one review, incubators (科技企业孵化器) and maker spaces
 * (众创空间) together in the other — over the figures each carrier reports for the year (`carrier_figures`,
 * entered through the API/form or imported from Excel), graded A/B/C by quota.
 *
 * Where this comes from. The seeds ask for the reviews but do not list their indicators:
 * - seed 000 (镇海区 plan): "对产业技术研究院实行绩效评价，支持建设省级以上创新平台" and, for incubators,
 *   "实施孵化器(众创空间)增量提质行动，以市场化手段开展绩效评估";
 * - seed 003 (Zhenhai 14th five-year plan): "完善以绩效为导向的产业技术研究院、科技企业孵化器等分类考核机制";
 * - seed 002: "建立绩效导向的平台支持机制，深化产业技术研究院分类管理".
 * The indicator lists, groups, weights and grade quotas below are therefore **our defaults**, chosen from
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
import { CARRIER_KINDS, type CarrierKind } from '../contract/carriers.ts';
import type { RawScheme } from '../contract/schemas.ts';
import type { GradeRule } from '../domain/index.ts';
import type { PresetColumn } from './leadership.ts';

export { CARRIER_KINDS, type CarrierKind };
export const PERFORMANCE_REVIEW_NAME = '载体绩效评价';
export const REVIEW_KINDS = ['industrialResearchInstitute', 'incubator'] as const;
export type ReviewKind = (typeof REVIEW_KINDS)[number];

/** Which review a carrier kind takes part in: incubators and maker spaces are reviewed together. */
export const reviewOf = (kind: CarrierKind): ReviewKind => (kind === 'makerspace' ? 'incubator' : kind);
/** The carrier kinds a review grades. */
export const kindsOfReview = (review: ReviewKind): CarrierKind[] => CARRIER_KINDS.filter((k) => reviewOf(k) === review);
export const CARRIER_KIND_LABELS: Record<CarrierKind, string> = { industrialResearchInstitute: '产业技术研究院', incubator: '科技企业孵化器', makerspace: '众创空间' };
export const REVIEW_LABELS: Record<ReviewKind, string> = { industrialResearchInstitute: '产业技术研究院绩效评价', incubator: '孵化器（众创空间）绩效评价' };

export interface ReviewIndicator {
  code: string;
  label: string;
  unit: string;
  /** 1 higher is better, -1 lower is better */
  direction: 1 | -1;
  group: string;
}
interface ReviewGroup {
  id: string;
  name: string;
  weight: number;
}

/** 产业技术研究院: 研发投入 30%, 服务产业 30%, 成果产出 25%, 平台建设 15%. */
const INSTITUTE_GROUPS: ReviewGroup[] = [
  { id: 'input', name: '研发投入', weight: 0.3 },
  { id: 'service', name: '服务产业', weight: 0.3 },
  { id: 'output', name: '成果产出', weight: 0.25 },
  { id: 'platforms', name: '平台建设', weight: 0.15 },
];
const INSTITUTE_INDICATORS: ReviewIndicator[] = [
  { code: 'rd_staff', label: '研发人员数', unit: '人', direction: 1, group: 'input' },
  { code: 'rd_spend', label: '研发经费支出', unit: '万元', direction: 1, group: 'input' },
  { code: 'enterprises_served', label: '服务企业数', unit: '家', direction: 1, group: 'service' },
  { code: 'contract_income', label: '技术合同（横向项目）收入', unit: '万元', direction: 1, group: 'service' },
  { code: 'incubated_firms', label: '孵化（衍生）企业数', unit: '家', direction: 1, group: 'output' },
  { code: 'invention_patents', label: '授权发明专利', unit: '件', direction: 1, group: 'output' },
  { code: 'innovation_platforms', label: '省级以上创新平台', unit: '个', direction: 1, group: 'platforms' },
];

/** 孵化器（众创空间）: 孵化规模 30%, 孵化质量 45%, 服务能力 25%. */
const INCUBATOR_GROUPS: ReviewGroup[] = [
  { id: 'scale', name: '孵化规模', weight: 0.3 },
  { id: 'quality', name: '孵化质量', weight: 0.45 },
  { id: 'services', name: '服务能力', weight: 0.25 },
];
const INCUBATOR_INDICATORS: ReviewIndicator[] = [
  { code: 'tenant_firms', label: '在孵企业数', unit: '家', direction: 1, group: 'scale' },
  { code: 'occupancy_rate', label: '场地入驻率', unit: '%', direction: 1, group: 'scale' },
  { code: 'graduated_firms', label: '当年毕业企业数', unit: '家', direction: 1, group: 'quality' },
  { code: 'tenant_financing', label: '在孵企业当年获得融资额', unit: '万元', direction: 1, group: 'quality' },
  { code: 'tenant_tech_smes', label: '在孵科技型中小企业数', unit: '家', direction: 1, group: 'quality' },
  { code: 'tenant_hntes', label: '在孵高新技术企业数', unit: '家', direction: 1, group: 'quality' },
  { code: 'service_events', label: '创业辅导与服务活动', unit: '场', direction: 1, group: 'services' },
  { code: 'mentors', label: '创业导师数', unit: '人', direction: 1, group: 'services' },
];

export const REVIEW_INDICATORS: Record<ReviewKind, ReviewIndicator[]> = { industrialResearchInstitute: INSTITUTE_INDICATORS, incubator: INCUBATOR_INDICATORS };
export const REVIEW_GROUPS: Record<ReviewKind, ReviewGroup[]> = { industrialResearchInstitute: INSTITUTE_GROUPS, incubator: INCUBATOR_GROUPS };

/** A = at most 20%, B = at most 50%, C = the rest (the engine's quota grading). */
export const REVIEW_GRADES: GradeRule[] = [{ grade: 'A', maxShare: 0.2 }, { grade: 'B', maxShare: 0.5 }, { grade: 'C' }];
/** the fewest scored carriers that give one A under the 20% quota */
export const REVIEW_MIN_CARRIERS = 5;

export function reviewScheme(kind: ReviewKind): RawScheme {
  const indicators = REVIEW_INDICATORS[kind];
  return {
    name: REVIEW_LABELS[kind],
    description: '默认方案（本平台默认指标，可另存修改）：组间给定权重、组内等权，极差标准化到 0–100，算术平均；缺报任一指标的载体不参评；按比例定等：A ≤ 20%，B ≤ 50%，其余 C',
    normalisation: { method: 'minmax', range: [0, 100] },
    aggregation: 'arithmetic',
    imputation: { method: 'exclude' },
    sensitivity: { weights: 0.25 },
    root: {
      id: 'review', name: REVIEW_LABELS[kind], weighting: { method: 'given' },
      children: REVIEW_GROUPS[kind].map((g) => ({
        id: g.id, name: g.name, weight: g.weight, weighting: { method: 'equal' },
        children: indicators.filter((i) => i.group === g.id).map((i) => ({ indicator: i.code, name: `${i.label}（${i.unit}）`, ...(i.direction === -1 ? { direction: -1 } : {}) })),
      })),
    },
  };
}

/** Every indicator of both reviews as preset columns (a saved scheme of this preset may read only these). */
export const PERFORMANCE_REVIEW_COLUMNS: PresetColumn[] = REVIEW_KINDS.flatMap((k) =>
  REVIEW_INDICATORS[k].map((i) => ({ code: i.code, name: i.label, unit: i.unit, kind: 'numeric' as const, note: `${REVIEW_LABELS[k]}；${i.direction === -1 ? '越低越好' : '越高越好'}` })),
);

/** The indicator of a carrier kind's review with this code, or undefined. */
export const reviewIndicator = (kind: CarrierKind, code: string): ReviewIndicator | undefined => REVIEW_INDICATORS[reviewOf(kind)].find((i) => i.code === code);
