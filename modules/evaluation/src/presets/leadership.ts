/**
 * 企业科技创新引领指数 (leadershipIndex): the enterprise innovation leadership index of the Zhenhai 14th
 * five-year S&T plan, as a documented default scheme over the enterprise registry's figures of one year.
 *
 * The plan (seed 003, §(二)2 and 专栏2) builds the index "根据企业基础、创新投入、创新产出、科研立项、科技奖项等
 * 方面内容" and runs a yearly "科技创新引领Top10" selection "面向注册成立3年及以上科技型企业 … 确定20家企业入围，
 * 前10名为区'科技创新引领Top10企业'，后10名为'科技创新引领优秀企业'". The registry (migrations/0005) holds
 * the first three parts; it has no research projects (科研立项) or awards (科技奖项) yet, so the preset uses
 * the nearest figures it does hold — R&D platforms for projects, qualifications for awards — and says so
 * (PARTS below; the UI shows it). When the programmes room records projects and awards, those two groups
 * should take them instead.
 *
 * Eligibility (scheme filters, so a run shows who failed which and with what figure):
 * - the year's figures are in the registry and confirmed by the bureau (an unconfirmed self-report does not
 *   feed an official selection);
 * - registered (founded) at least 3 years before the evaluation date;
 * - holds a valid tech qualification on that date: tech-SME registration or higher (enterprise_tier ≥ techSme).
 */
import type { RawScheme, Tier } from '../contract/schemas.ts';

export const LEADERSHIP_NAME = '企业科技创新引领指数';

export interface PresetColumn {
  code: string;
  name: string;
  unit: string;
  kind: 'numeric' | 'text';
  note: string;
}

/** The table the preset builds from the registry: one row per enterprise in the user's jurisdiction. */
export const LEADERSHIP_COLUMNS: PresetColumn[] = [
  { code: 'revenue', name: '营业收入', unit: '万元', kind: 'numeric', note: 'enterprise_years.revenue（元）÷ 10000' },
  { code: 'employees', name: '职工总数', unit: '人', kind: 'numeric', note: 'enterprise_years.employees' },
  { code: 'high_tech_revenue', name: '高新技术产品（服务）收入', unit: '万元', kind: 'numeric', note: 'enterprise_years.high_tech_revenue ÷ 10000' },
  { code: 'rd_expense', name: '研发费用', unit: '万元', kind: 'numeric', note: 'enterprise_years.rd_expense ÷ 10000' },
  { code: 'sci_tech_staff', name: '科技人员数', unit: '人', kind: 'numeric', note: 'enterprise_years.sci_tech_staff' },
  { code: 'conversions', name: '科技成果转化数', unit: '项', kind: 'numeric', note: 'enterprise_years.conversions' },
  { code: 'invention_patents', name: '发明专利', unit: '件', kind: 'numeric', note: 'enterprise_ip 发明专利（自主与受让），为当前持有量，登记库未按年度记录' },
  {
    code: 'other_ip',
    name: '其他知识产权',
    unit: '件',
    kind: 'numeric',
    note: 'enterprise_ip 其余 I 类（植物新品种、布图设计、新药、中药品种）与 II 类（实用新型、外观设计、软件著作权），当前持有量；PCT 申请不计',
  },
  { code: 'pct_applications', name: 'PCT 国际专利申请', unit: '件', kind: 'numeric', note: 'enterprise_ip pctApplication，当前持有量' },
  {
    code: 'rd_platform_points',
    name: '研发机构积分',
    unit: '分',
    kind: 'numeric',
    note: '当年及以前认定的研发机构：国家级 8、省级 4、市级 2、区级 1 分，逐个相加',
  },
  { code: 'rd_institutions', name: '研发机构数', unit: '个', kind: 'numeric', note: '当年及以前认定的研发机构个数' },
  {
    code: 'qualification_points',
    name: '资质积分',
    unit: '分',
    kind: 'numeric',
    note: '评价日有效的资质：科技型中小企业 1、高新技术企业 2、省科技小巨人 3、科技领军企业 4 分，相加（最高 10）',
  },
  {
    code: 'tech_tier',
    name: '梯队等级',
    unit: '级',
    kind: 'numeric',
    note: '评价日的梯队：未入梯队 0、科技型中小企业 1、高企 2、小巨人 3、领军 4（enterprise_tier）',
  },
  { code: 'registered_years', name: '注册年限', unit: '年', kind: 'numeric', note: '成立日期至评价日的年数（含零头）；成立日期未登记为缺失' },
  { code: 'has_figures', name: '当年度已确认数据', unit: '', kind: 'numeric', note: '1 = 该年度数据已登记且经科技局确认；0 = 没有或仅有待确认的企业自报' },
  { code: 'industry', name: '行业大类', unit: '', kind: 'text', note: '国民经济行业代码的门类与大类（如 C26），用于按行业插补' },
];

export const LEADERSHIP_PARTS: { part: string; mapping: string; status: 'mapped' | 'proxy' | 'missing' }[] = [
  { part: '企业基础', mapping: '营业收入、职工总数、高新技术产品（服务）收入占比（enterprise_years）', status: 'mapped' },
  { part: '创新投入', mapping: '研发投入强度（研发费用 ÷ 营业收入）、研发费用、科技人员占比（enterprise_years）', status: 'mapped' },
  { part: '创新产出', mapping: '发明专利、其他知识产权（enterprise_ip，当前持有量）、科技成果转化数、高新技术产品（服务）收入', status: 'mapped' },
  {
    part: '科研立项',
    mapping: '登记库尚无科研项目记录；以研发机构（企业工程(技术)中心、企业研究院、重点实验室、高企研发中心，按级别计分）代替',
    status: 'proxy',
  },
  { part: '科技奖项', mapping: '登记库尚无科技奖项记录；以评价日有效的资质（科技型中小企业、高企、省科技小巨人、科技领军企业）代替', status: 'proxy' },
  { part: '科研项目立项数与经费、科技奖励等级', mapping: '待项目管理（揭榜挂帅 · 科技计划项目）与奖项登记上线后接入', status: 'missing' },
];

export const LEADERSHIP_TIERS: Tier[] = [
  { name: '科技创新引领Top10', size: 10 },
  { name: '科技创新引领优秀企业', size: 10 },
];
/** ties at a tier boundary are broken by innovation output, then innovation input */
export const LEADERSHIP_TIE_BREAK = ['output', 'input'];

/**
 * The default scheme. Weights are the bureau's starting point (given, editable in the scheme editor):
 * input and output 30% each, basics and the R&D-platform proxy 15% each, the qualification proxy 10%.
 * Amounts and counts are skewed (a few firms hold most patents), so they are taken as ln(1 + x) before
 * min-max; R&D intensity is winsorised at 5% / 95% (small firms with large R&D budgets would squash the
 * rest). Points (platforms, qualifications) use fixed goalposts so a firm's score does not depend on who
 * else is in the run. Missing figures: the median of the same industry (reported per firm).
 * Sensitivity: weights ±25%, the median or mean by industry, min-max or percentile normalisation.
 */
export const LEADERSHIP_SCHEME: RawScheme = {
  name: LEADERSHIP_NAME,
  description: '企业基础、创新投入、创新产出，及以研发机构、资质分别代替科研立项、科技奖项（登记库尚无这两项记录）',
  normalisation: { method: 'minmax', range: [0, 100] },
  aggregation: 'arithmetic',
  imputation: { method: 'median', by: 'industry' },
  eligibility: [
    { column: 'has_figures', op: '==', value: 1, label: '当年度已确认数据', message: '当年度数据未登记，或企业自报尚未经科技局确认' },
    { column: 'registered_years', op: '>=', value: 3, label: '注册年限', unit: '年' },
    { column: 'tech_tier', op: '>=', value: 1, label: '科技型企业资质', message: '评价日无有效的科技型企业资质（科技型中小企业及以上）' },
  ],
  sensitivity: {
    weights: 0.25,
    normalisation: [{ method: 'minmax', range: [0, 100] }, { method: 'percentile' }],
    imputation: [
      { method: 'median', by: 'industry' },
      { method: 'mean', by: 'industry' },
    ],
  },
  root: {
    id: 'leadership',
    name: LEADERSHIP_NAME,
    weighting: { method: 'given' },
    children: [
      {
        id: 'basics',
        name: '企业基础',
        weight: 0.15,
        weighting: { method: 'equal' },
        children: [
          { indicator: 'revenue', name: '营业收入（万元）', transform: 'log1p' },
          { indicator: 'employees', name: '职工总数', transform: 'log1p' },
          { id: 'high_tech_share', indicator: 'high_tech_revenue', denominator: 'revenue', name: '高新技术产品（服务）收入占比' },
        ],
      },
      {
        id: 'input',
        name: '创新投入',
        weight: 0.3,
        weighting: { method: 'equal' },
        children: [
          { id: 'rd_intensity', indicator: 'rd_expense', denominator: 'revenue', name: '研发投入强度', winsorise: [0.05, 0.95] },
          { indicator: 'rd_expense', name: '研发费用（万元）', transform: 'log1p' },
          { id: 'sci_tech_staff_share', indicator: 'sci_tech_staff', denominator: 'employees', name: '科技人员占比' },
        ],
      },
      {
        id: 'output',
        name: '创新产出',
        weight: 0.3,
        weighting: { method: 'equal' },
        children: [
          { indicator: 'invention_patents', name: '发明专利（件）', transform: 'log1p' },
          { indicator: 'other_ip', name: '其他知识产权（件）', transform: 'log1p' },
          { indicator: 'conversions', name: '科技成果转化（项）', transform: 'log1p' },
          { indicator: 'high_tech_revenue', name: '高新技术产品（服务）收入（万元）', transform: 'log1p' },
        ],
      },
      {
        id: 'platforms',
        name: '研发平台（代科研立项）',
        weight: 0.15,
        weighting: { method: 'equal' },
        children: [{ indicator: 'rd_platform_points', name: '研发机构积分', normalisation: { method: 'goalposts', min: 0, max: 20, range: [0, 100] } }],
      },
      {
        id: 'qualifications',
        name: '资质荣誉（代科技奖项）',
        weight: 0.1,
        weighting: { method: 'equal' },
        children: [{ indicator: 'qualification_points', name: '资质积分', normalisation: { method: 'goalposts', min: 0, max: 10, range: [0, 100] } }],
      },
    ],
  },
};

/** The evaluation date of a year's index: its last day (tech-SME registrations run to 31 December). */
export const leadershipAsOf = (year: number): string => `${year}-12-31`;
