/**
 * What each carrier reports for the yearly performance review (绩效评价 / 分类考核): the kinds of carrier,
 * which review each takes part in — industrial research institutes (产业技术研究院) in one, incubators
 * (科技企业孵化器) and maker spaces (众创空间) together in the other — and each review's figures by code, grouped.
 * The form, the import, the template, the to-do counts and the demo read these lists; the evaluation room's
 * performanceReview preset builds its default scheme (weights, grades) over them.
 *
 * Where this comes from. The seeds ask for the reviews but do not list their indicators (seed 000:
 * "对产业技术研究院实行绩效评价" and "实施孵化器(众创空间)增量提质行动，以市场化手段开展绩效评估"; seed 003:
 * "完善以绩效为导向的产业技术研究院、科技企业孵化器等分类考核机制"). The lists and groups below are therefore
 * **our defaults**, chosen from what such reviews commonly weigh (R&D input, service to enterprises, outputs and
 * platforms for institutes; tenants, incubation quality and services for incubators).
 */
export const CARRIER_KINDS = ['industrialResearchInstitute', 'incubator', 'makerspace'] as const;
export type CarrierKind = (typeof CARRIER_KINDS)[number];
export const CARRIER_LEVELS = ['national', 'provincial', 'municipal', 'district'] as const;
export type CarrierLevel = (typeof CARRIER_LEVELS)[number];
export const FIGURE_SOURCES = ['manual', 'import', 'selfReport', 'synthetic'] as const;
export type FigureSource = (typeof FIGURE_SOURCES)[number];

export const REVIEW_KINDS = ['industrialResearchInstitute', 'incubator'] as const;
export type ReviewKind = (typeof REVIEW_KINDS)[number];

/** Which review a carrier kind takes part in: incubators and maker spaces are reviewed together. */
export const reviewOf = (kind: CarrierKind): ReviewKind => (kind === 'makerspace' ? 'incubator' : kind);
/** The carrier kinds a review grades. */
export const kindsOfReview = (review: ReviewKind): CarrierKind[] => CARRIER_KINDS.filter((k) => reviewOf(k) === review);
export const CARRIER_KIND_LABELS: Record<CarrierKind, string> = {
  industrialResearchInstitute: '产业技术研究院',
  incubator: '科技企业孵化器',
  makerspace: '众创空间',
};
export const CARRIER_KIND_LABELS_EN: Record<CarrierKind, string> = {
  industrialResearchInstitute: 'Industrial research institute',
  incubator: 'Tech business incubator',
  makerspace: 'Maker space',
};
export const REVIEW_LABELS: Record<ReviewKind, string> = { industrialResearchInstitute: '产业技术研究院绩效评价', incubator: '孵化器（众创空间）绩效评价' };

export interface ReviewIndicator {
  code: string;
  label: string;
  /** its label in English (the English template's header, the English row errors) */
  labelEn: string;
  unit: string;
  /** 1 higher is better, -1 lower is better */
  direction: 1 | -1;
  /** the id of its group in REVIEW_GROUPS */
  group: string;
}
export interface ReviewGroup {
  id: string;
  name: string;
}

const INSTITUTE_GROUPS: ReviewGroup[] = [
  { id: 'input', name: '研发投入' },
  { id: 'service', name: '服务产业' },
  { id: 'output', name: '成果产出' },
  { id: 'platforms', name: '平台建设' },
];
const INSTITUTE_INDICATORS: ReviewIndicator[] = [
  { code: 'rd_staff', label: '研发人员数', labelEn: 'R&D staff', unit: '人', direction: 1, group: 'input' },
  { code: 'rd_spend', label: '研发经费支出', labelEn: 'R&D spending', unit: '万元', direction: 1, group: 'input' },
  { code: 'enterprises_served', label: '服务企业数', labelEn: 'Enterprises served', unit: '家', direction: 1, group: 'service' },
  { code: 'contract_income', label: '技术合同（横向项目）收入', labelEn: 'Technology contract income', unit: '万元', direction: 1, group: 'service' },
  { code: 'incubated_firms', label: '孵化（衍生）企业数', labelEn: 'Incubated (spun-off) firms', unit: '家', direction: 1, group: 'output' },
  { code: 'invention_patents', label: '授权发明专利', labelEn: 'Invention patents granted', unit: '件', direction: 1, group: 'output' },
  {
    code: 'innovation_platforms',
    label: '省级以上创新平台',
    labelEn: 'Provincial or higher innovation platforms',
    unit: '个',
    direction: 1,
    group: 'platforms',
  },
];

const INCUBATOR_GROUPS: ReviewGroup[] = [
  { id: 'scale', name: '孵化规模' },
  { id: 'quality', name: '孵化质量' },
  { id: 'services', name: '服务能力' },
];
const INCUBATOR_INDICATORS: ReviewIndicator[] = [
  { code: 'tenant_firms', label: '在孵企业数', labelEn: 'Tenant firms', unit: '家', direction: 1, group: 'scale' },
  { code: 'occupancy_rate', label: '场地入驻率', labelEn: 'Occupancy rate', unit: '%', direction: 1, group: 'scale' },
  { code: 'graduated_firms', label: '当年毕业企业数', labelEn: 'Firms graduated in the year', unit: '家', direction: 1, group: 'quality' },
  { code: 'tenant_financing', label: '在孵企业当年获得融资额', labelEn: "Tenants' financing in the year", unit: '万元', direction: 1, group: 'quality' },
  { code: 'tenant_tech_smes', label: '在孵科技型中小企业数', labelEn: 'Tenant tech SMEs', unit: '家', direction: 1, group: 'quality' },
  { code: 'tenant_hntes', label: '在孵高新技术企业数', labelEn: 'Tenant high-tech enterprises', unit: '家', direction: 1, group: 'quality' },
  { code: 'service_events', label: '创业辅导与服务活动', labelEn: 'Mentoring and service events', unit: '场', direction: 1, group: 'services' },
  { code: 'mentors', label: '创业导师数', labelEn: 'Mentors', unit: '人', direction: 1, group: 'services' },
];

export const REVIEW_INDICATORS: Record<ReviewKind, ReviewIndicator[]> = { industrialResearchInstitute: INSTITUTE_INDICATORS, incubator: INCUBATOR_INDICATORS };
export const REVIEW_GROUPS: Record<ReviewKind, ReviewGroup[]> = { industrialResearchInstitute: INSTITUTE_GROUPS, incubator: INCUBATOR_GROUPS };

export const REVIEW_LABELS_EN: Record<ReviewKind, string> = {
  industrialResearchInstitute: 'Performance review of industrial research institutes',
  incubator: 'Performance review of incubators (maker spaces)',
};

/** A unit in English: 人 people, 家 firms, 万元 10,000 yuan … */
export const UNIT_EN: Readonly<Record<string, string>> = {
  人: 'people',
  家: 'firms',
  件: 'items',
  个: 'units',
  场: 'events',
  项: 'items',
  万元: '10,000 yuan',
  元: 'yuan',
  '%': '%',
};
export const unitEn = (unit: string): string => UNIT_EN[unit] ?? unit;

/** The indicator of a carrier kind's review with this code, or undefined. */
export const reviewIndicator = (kind: CarrierKind, code: string): ReviewIndicator | undefined => REVIEW_INDICATORS[reviewOf(kind)].find((i) => i.code === code);
