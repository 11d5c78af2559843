/** The registry's API shapes (zod), shared by routes, tests and the web client. */
import { z } from 'zod';
import { ZPageQuery } from '@kechuang/platform-core';
import { RULE_REASON_CODES, SCORE_ADVICE } from '@kechuang/eligibility/domain';
import { QUALIFICATION_KINDS, TIERS } from '../domain/tier.ts';

export const HNTE_FIELDS = {
  electronicInformation: '电子信息',
  biomedicine: '生物与新医药',
  aerospace: '航空航天',
  newMaterials: '新材料',
  highTechServices: '高技术服务',
  newEnergy: '新能源与节能',
  resourcesEnvironment: '资源与环境',
  advancedManufacturing: '先进制造与自动化',
} as const;
export type HnteField = keyof typeof HNTE_FIELDS;
export const ZHnteField = z.enum(Object.keys(HNTE_FIELDS) as [HnteField, ...HnteField[]]);

export const IP_KINDS = {
  inventionPatent: '发明专利',
  plantVariety: '植物新品种',
  icLayout: '集成电路布图设计',
  newDrug: '国家新药',
  tcmVariety: '国家一级中药保护品种',
  utilityModel: '实用新型专利',
  design: '外观设计专利',
  softwareCopyright: '软件著作权',
  pctApplication: 'PCT国际专利申请',
} as const;
export type IpKindCode = keyof typeof IP_KINDS;
export const ZIpKind = z.enum(Object.keys(IP_KINDS) as [IpKindCode, ...IpKindCode[]]);

export const RD_INSTITUTION_TYPES = {
  engineeringCenter: '企业工程(技术)中心',
  enterpriseResearchInstitute: '企业研究院',
  keyLab: '重点实验室',
  hnteRdCenter: '高新技术企业研发中心',
} as const;
export const RD_LEVELS = { national: '国家级', provincial: '省级', municipal: '市级', district: '区级' } as const;
export const FIGURE_SOURCES = { import: '科技局导入', manual: '科技局录入', selfReport: '企业自报', synthetic: '演示数据（合成）' } as const;

export const ZTier = z.enum(TIERS);
export const ZQualificationKind = z.enum(QUALIFICATION_KINDS);
const ZIsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD');
const ZMoney = z.number().finite();

export const ZEnterpriseInput = z.object({
  uscc: z.string().min(1).max(32),
  name: z.string().trim().min(1).max(200),
  regionCode: z.string().max(20),
  address: z.string().max(300).default(''),
  foundedOn: ZIsoDate.nullable().default(null),
  registeredCapital: ZMoney.min(0).nullable().default(null),
  industryCode: z
    .string()
    .regex(/^[A-T](\d{2,4})?$/, '行业代码应为 GB/T 4754 门类字母加 2–4 位数字，如 C2614')
    .nullable()
    .default(null),
  hnteField: ZHnteField.nullable().default(null),
  chainTags: z.array(z.string().max(32)).max(20).default([]),
  isAboveScale: z.boolean().default(false),
  isListed: z.boolean().default(false),
  ownsCoreIp: z.boolean().nullable().default(null),
  incidents: z.boolean().nullable().default(null),
  contactName: z.string().max(50).default(''),
  contactPhone: z.string().max(50).default(''),
  contactEmail: z.string().max(100).default(''),
});
export type EnterpriseInput = z.infer<typeof ZEnterpriseInput>;
/** what an enterprise user may change about their own enterprise */
export const ZEnterpriseSelfInput = ZEnterpriseInput.pick({ address: true, contactName: true, contactPhone: true, contactEmail: true });

export const ZEnterprise = ZEnterpriseInput.extend({
  id: z.number(),
  regionName: z.string(),
  isSynthetic: z.boolean(),
  updatedAt: z.string(),
});

export const ZEnterpriseListItem = z.object({
  id: z.number(),
  uscc: z.string(),
  name: z.string(),
  regionCode: z.string(),
  regionName: z.string(),
  industryCode: z.string().nullable(),
  hnteField: z.string().nullable(),
  chainTags: z.array(z.string()),
  isAboveScale: z.boolean(),
  isListed: z.boolean(),
  tier: ZTier,
  latestYear: z.number().nullable(),
  revenue: z.number().nullable(),
  rdExpense: z.number().nullable(),
  isSynthetic: z.boolean(),
});

/** a yes/no judgement of a year: true, false, or null for 未填 (not recorded) */
const ZYearFlag = (label: string) =>
  z
    .boolean({ error: `${label}应为 是、否 或 未填` })
    .nullable()
    .default(null);

export const ZYearFiguresInput = z.object({
  revenue: ZMoney.min(0, '营业收入不能为负').nullable().default(null),
  totalIncome: z.number({ error: '总收入应为数字' }).finite().min(0, '总收入不能为负').nullable().default(null),
  highTechRevenue: ZMoney.min(0, '高新技术产品(服务)收入不能为负').nullable().default(null),
  rdExpense: ZMoney.min(0, '研发费用不能为负').nullable().default(null),
  rdExpenseDomestic: ZMoney.min(0, '境内研发费用不能为负').nullable().default(null),
  totalCost: ZMoney.min(0, '成本费用总额不能为负').nullable().default(null),
  totalAssets: ZMoney.min(0, '资产总额不能为负').nullable().default(null),
  netAssets: ZMoney.nullable().default(null),
  employees: z.number().int().min(0).nullable().default(null),
  sciTechStaff: z.number().int().min(0).nullable().default(null),
  conversions: z.number().int().min(0).nullable().default(null),
  // the tech-SME basic conditions (国科火字〔2022〕67号) as they stood in the year
  resident: ZYearFlag('是否居民企业'),
  industryExcluded: ZYearFlag('是否属于不适用研发费用加计扣除的行业'),
  restrictedCatalogue: ZYearFlag('是否属于限制类或淘汰类产业'),
  dishonestyListed: ZYearFlag('是否列入经营异常名录或严重违法失信名单'),
});
export type YearFiguresInput = z.infer<typeof ZYearFiguresInput>;

export const ZEnterpriseYear = ZYearFiguresInput.extend({
  year: z.number(),
  source: z.enum(['import', 'manual', 'selfReport', 'synthetic']),
  confirmed: z.boolean(),
  updatedAt: z.string(),
  updatedBy: z.string().nullable(),
});

export const ZIpHolding = z.object({
  kind: ZIpKind,
  acquisition: z.enum(['own', 'transferred']),
  count: z.number().int().min(0),
  /** Class II items of `count` already used in an earlier HNTE recognition (工作指引: they do not score again) */
  usedInEarlierHnte: z
    .number({ error: '已用于以往高企认定的数量应为整数' })
    .int('已用于以往高企认定的数量应为整数')
    .min(0, '已用于以往高企认定的数量不能为负')
    .default(0),
});

/** 拥有核心知识产权 as the rules read it, and where it comes from (domain/rules-input.ts coreIpJudgement) */
export const ZCoreIpJudgement = z.object({ value: z.boolean(), basis: z.enum(['recorded', 'fromIp']) });

export const ZQualificationInput = z.object({
  kind: ZQualificationKind,
  certificateNo: z.string().trim().min(1).max(64),
  issuedOn: ZIsoDate,
  validUntil: ZIsoDate.optional(),
  status: z.enum(['active', 'revoked']).default('active'),
});
export const ZQualification = ZQualificationInput.extend({ id: z.number(), validUntil: z.string(), validNow: z.boolean() });

export const ZRdInstitutionInput = z.object({
  name: z.string().trim().min(1).max(200),
  type: z.enum(Object.keys(RD_INSTITUTION_TYPES) as [keyof typeof RD_INSTITUTION_TYPES, ...(keyof typeof RD_INSTITUTION_TYPES)[]]),
  level: z.enum(Object.keys(RD_LEVELS) as [keyof typeof RD_LEVELS, ...(keyof typeof RD_LEVELS)[]]),
  recognisedYear: z.number().int().min(1950).max(2100),
});
export const ZRdInstitution = ZRdInstitutionInput.extend({ id: z.number() });

/** a rule's reason: a code with its facts (modules/eligibility domain/reasons.ts), worded by the web */
const ZRuleReason = z.object({
  code: z.enum(RULE_REASON_CODES),
  figure: z.enum(['employees', 'revenue', 'totalAssets']).optional(),
  actual: z.number().optional(),
  limit: z.number().optional(),
});
const ZCondition = z.object({
  code: z.string(),
  actual: z.union([z.number(), z.boolean(), z.null()]),
  required: z.union([z.number(), z.boolean()]),
  pass: z.boolean().nullable(),
  reason: ZRuleReason.optional(),
});
const ZScoreParts = z.object({ ip: z.number(), conversion: z.number(), rdManagement: z.number(), growth: z.number(), total: z.number() });
export const ZRulesCheck = z.object({
  asOf: z.string(),
  hnte: z.object({
    qualified: z.boolean().nullable(),
    ruleVersion: z.string(),
    window: z.array(z.number()),
    conditions: z.array(ZCondition),
    score: ZScoreParts,
    scoreHigh: ZScoreParts,
    gaps: z.array(z.object({ code: z.string(), change: z.number(), unit: z.string(), advice: z.array(z.enum(SCORE_ADVICE)).readonly().optional() })),
  }),
  techSme: z.object({
    qualified: z.boolean().nullable(),
    ruleVersion: z.string(),
    score: z.object({ staff: z.number(), rd: z.number(), ip: z.number(), total: z.number() }),
    route: z.string().nullable(),
    reasons: z.array(ZRuleReason),
  }),
  superDeduction: z
    .object({
      year: z.number(),
      rate: z.number().nullable(),
      extraDeduction: z.number().nullable(),
      taxRate: z.number(),
      estimatedTaxSaved: z.number().nullable(),
      source: z.string(),
      basis: z.enum(['rate', 'excludedIndustry', 'before2018']),
      notes: z.array(z.enum(['estimate', 'smallLowProfitCap', 'october2022Missing'])),
    })
    .nullable(),
});

export const ZDoublingProgress = z.object({
  baseYear: z.number(),
  base: z.number(),
  year: z.number(),
  current: z.number(),
  targetYear: z.number(),
  target: z.number(),
  completion: z.number().nullable(),
  expected: z.number(),
  onTrack: z.boolean(),
});

export const ZUnitCounts = z.object({
  regionCode: z.string(),
  regionName: z.string(),
  year: z.number(),
  techSme: z.number(),
  hnte: z.number(),
  techLittleGiant: z.number(),
  techLeader: z.number(),
  aboveScale: z.number(),
  aboveScaleWithRd: z.number(),
  aboveScaleReporting: z.number(),
  provEngineeringCenters: z.number(),
  enterprises: z.number(),
});

export const ZDoubling = z.object({
  regionCode: z.string(),
  regionName: z.string(),
  items: z.array(z.object({ indicatorCode: z.enum(['HNTE_COUNT', 'TECH_SME_COUNT']), countDate: z.string(), progress: ZDoublingProgress.nullable() })),
});

export const ZRegistryActualsResult = z.object({
  years: z.array(z.number()),
  written: z.number(),
  unchanged: z.number(),
  kept: z.array(
    z.object({ regionCode: z.string(), indicatorCode: z.string(), period: z.string(), source: z.string(), value: z.string(), computed: z.number() }),
  ),
});

export const ZProfile = z.object({
  enterprise: ZEnterprise,
  tier: ZTier,
  years: z.array(ZEnterpriseYear),
  ip: z.array(ZIpHolding),
  /** the core-IP judgement the HNTE check used, shown the same in 基本信息 */
  coreIp: ZCoreIpJudgement,
  qualifications: z.array(ZQualification),
  rdInstitutions: z.array(ZRdInstitution),
  check: ZRulesCheck,
  canEdit: z.boolean(),
  canSelfReport: z.boolean(),
});

export const ZEnterpriseQuery = ZPageQuery.extend({
  region: z.string().max(20).optional(),
  tier: ZTier.optional(),
  chain: z.string().max(32).optional(),
  aboveScale: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
  hnteField: ZHnteField.optional(),
});

export const ZWorkListQuery = ZEnterpriseQuery.pick({ page: true, pageSize: true, q: true, region: true }).extend({
  asOf: ZIsoDate.optional(),
  months: z.coerce.number().int().min(1).max(36).default(6),
  year: z.coerce.number().int().min(2000).max(2100).optional(),
});

export const ZWorkListItem = z.object({
  id: z.number(),
  uscc: z.string(),
  name: z.string(),
  regionCode: z.string(),
  regionName: z.string(),
  isAboveScale: z.boolean(),
  tier: ZTier,
  detail: z.record(z.string(), z.unknown()),
});
export * from './import-schemas.ts';
