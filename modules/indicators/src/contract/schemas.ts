/**
 * The indicators API's shapes: zod schemas that validate requests and responses on the server, make
 * /api/docs, and give the web client its types (type-only imports, so no server code reaches it).
 */
import { z } from 'zod';
import { ZPageQuery } from '@kechuang/platform-core';

export const ZLight = z.enum(['green', 'yellow', 'red', 'grey']);
export const ZValueKind = z.enum(['baseline', 'target', 'actual']);
/** where a value came from; `rolledUp` only on computed report items (summed from towns and parks) */
export const ZValueSource = z.enum(['plan', 'import', 'manual', 'synthetic', 'computed']);
export const ZActualSource = z.enum(['plan', 'import', 'manual', 'synthetic', 'computed', 'rolledUp']);
export const ZIndicator = z.object({
  code: z.string(),
  nameZh: z.string(),
  nameEn: z.string(),
  unit: z.string(),
  direction: z.enum(['higher', 'lower']),
  precision: z.number().int(),
  category: z.string(),
  definition: z.string(),
  dataSource: z.string(),
  rollup: z.enum(['sum', 'ratio', 'none']),
  numeratorCode: z.string().nullable(),
  denominatorCode: z.string().nullable(),
  ratioScale: z.number(),
  trajectory: z.enum(['linear', 'compound']),
  isHeadline: z.boolean(),
  sort: z.number().int(),
  /** 口径 of the figures the platform computes for it (source 'computed', e.g. from the enterprise registry) */
  computedBasis: z.string(),
});
/** a catalogue entry as the catalogue lists it: with the plans it belongs to (a baseline or target of theirs), newest first */
export const ZCatalogueItem = ZIndicator.extend({ plans: z.array(z.string()) });
export const ZIndicatorInput = ZIndicator.extend({
  code: z.string().regex(/^[A-Z][A-Z0-9_]{1,47}$/, '指标代码应为大写字母、数字和下划线'),
  nameZh: z.string().min(2).max(100),
  nameEn: z.string().max(200).default(''),
  unit: z.string().min(1).max(16),
  precision: z.number().int().min(0).max(6).default(2),
  category: z.string().min(1).max(32),
  definition: z.string().max(2000).default(''),
  dataSource: z.string().max(500).default(''),
  numeratorCode: z.string().nullable().default(null),
  denominatorCode: z.string().nullable().default(null),
  ratioScale: z.number().positive().default(1),
  trajectory: z.enum(['linear', 'compound']).default('linear'),
  isHeadline: z.boolean().default(false),
  sort: z.number().int().default(100),
  /** left out: the stored one is kept */
  computedBasis: z.string().max(500).optional(),
});
export const ZPlan = z.object({
  code: z.string(),
  name: z.string(),
  startYear: z.number().int(),
  endYear: z.number().int(),
  yellowThreshold: z.number(),
  isCurrent: z.boolean(),
});
/**
 * A figure the platform computed (source 'computed', e.g. counted from the enterprise registry) that differs from
 * the baseline stated for the same period by a plan, an import or by hand: both are shown, with the computed 口径.
 */
export const ZComputedComparison = z.object({
  period: z.string(),
  official: z.number(),
  officialKind: z.literal('baseline'),
  officialSource: ZValueSource,
  computed: z.number(),
});
export const ZReportItem = z.object({
  code: z.string(),
  name: z.string(),
  nameEn: z.string(),
  unit: z.string(),
  precision: z.number(),
  direction: z.enum(['higher', 'lower']),
  isHeadline: z.boolean(),
  baseline: z.number().nullable(),
  baselinePeriod: z.string().nullable(),
  target: z.number().nullable(),
  targetPeriod: z.string().nullable(),
  actual: z.number().nullable(),
  actualSource: ZActualSource.nullable(),
  /** the actual is demo data: synthetic, computed from synthetic records, or rolled up from such figures */
  actualSynthetic: z.boolean(),
  expected: z.number().nullable(),
  completion: z.number().nullable(),
  light: ZLight,
  /** where the official figure is from (the catalogue's data source), and the 口径 of computed figures */
  dataSource: z.string(),
  computedBasis: z.string(),
  /** at the report's period or the baseline's: a computed figure that differs from the stated baseline */
  comparisons: z.array(ZComputedComparison),
});
export const ZRegionRef = z.object({ code: z.string(), name: z.string(), kind: z.string() });
export const ZReport = z.object({ region: ZRegionRef, period: z.string(), plan: ZPlan, items: z.array(ZReportItem) });
export const ZReportQuery = z.object({
  region: z.string().min(1).max(20),
  period: z.string().min(4).max(16),
  plan: z.string().max(32).optional(),
});

export const ZLightCounts = z.object({ green: z.number(), yellow: z.number(), red: z.number(), grey: z.number() });
export const ZStanding = ZLightCounts.extend({
  rank: z.number(),
  regionCode: z.string(),
  regionName: z.string(),
  kind: z.string(),
  greenShare: z.number().nullable(),
  completion: z.number().nullable(),
});
export const ZLeagueCell = z.object({
  light: ZLight,
  completion: z.number().nullable(),
  actual: z.number().nullable(),
  expected: z.number().nullable(),
  rank: z.number().nullable(),
});
export const ZLeagueItem = ZStanding.extend({ cells: z.record(z.string(), ZLeagueCell) });
export const ZLeagueIndicator = z.object({ code: z.string(), name: z.string(), nameEn: z.string(), unit: z.string(), precision: z.number() });
export const ZLeagueQuery = ZPageQuery.extend({
  period: z.string().min(4).max(16),
  plan: z.string().max(32).optional(),
  /** rank on one indicator instead of overall */
  indicator: z.string().max(48).optional(),
  pageSize: z.coerce.number().int().min(1).max(1000).default(50),
});
export const ZLeague = z.object({
  period: z.string(),
  plan: ZPlan,
  unitCount: z.number(),
  indicators: z.array(ZLeagueIndicator),
  items: z.array(ZLeagueItem),
  total: z.number(),
  page: z.number(),
  pageSize: z.number(),
});
export const ZTrendPoint = z.object({
  period: z.string(),
  actual: z.number().nullable(),
  expected: z.number().nullable(),
  completion: z.number().nullable(),
  light: ZLight,
  rolledUp: z.boolean(),
  actualSource: ZActualSource.nullable(),
  /** the actual is demo data (see ZReportItem) */
  actualSynthetic: z.boolean(),
  /** the baseline stated for this period when the actual is a computed figure that differs from it */
  official: z.object({ value: z.number(), kind: z.literal('baseline'), source: ZValueSource }).nullable(),
});
export const ZTrend = z.object({
  region: z.object({ code: z.string(), name: z.string() }),
  indicator: z.object({
    code: z.string(),
    name: z.string(),
    unit: z.string(),
    precision: z.number(),
    direction: z.enum(['higher', 'lower']),
    dataSource: z.string(),
    computedBasis: z.string(),
  }),
  plan: ZPlan,
  baseline: z.object({ period: z.string(), value: z.number() }).nullable(),
  target: z.object({ period: z.string(), value: z.number() }).nullable(),
  points: z.array(ZTrendPoint),
});
export const ZCockpit = z.object({
  region: ZRegionRef,
  /** the data year of every figure on the cockpit */
  period: z.string(),
  planName: z.string(),
  plan: ZPlan,
  headline: z.array(ZReportItem),
  lights: ZLightCounts,
  league: z.array(ZStanding),
  unitCount: z.number(),
  trends: z.array(ZTrend),
});
export const ZValuesQuery = ZPageQuery.extend({
  region: z.string().max(20).optional(),
  indicator: z.string().max(48).optional(),
  period: z.string().max(16).optional(),
  kind: ZValueKind.optional(),
  source: ZValueSource.optional(),
});
export const ZValueRow = z.object({
  regionCode: z.string(),
  regionName: z.string(),
  indicatorCode: z.string(),
  indicatorName: z.string(),
  unit: z.string(),
  precision: z.number(),
  kind: ZValueKind,
  period: z.string(),
  value: z.string(),
  source: ZValueSource,
  updatedAt: z.string(),
  updatedBy: z.string().nullable(),
});
export const ZImportResult = z.object({
  importRunId: z.number(),
  rows: z.number(),
  inserted: z.number(),
  updated: z.number(),
  unchanged: z.number(),
  warnings: z.array(z.string()),
});
export const ZImportRowError = z.object({ row: z.number(), column: z.string(), value: z.string(), reason: z.string() });
export const ZImportRun = z.object({
  id: z.number(),
  fileName: z.string(),
  username: z.string().nullable(),
  at: z.string(),
  status: z.enum(['accepted', 'refused']),
  rowCount: z.number(),
  inserted: z.number(),
  updated: z.number(),
  unchanged: z.number(),
  errorCount: z.number(),
});

/** One value an accepted import wrote: inserted (no value before) or updated (before → after). */
export const ZImportChange = z.object({
  regionCode: z.string(),
  regionName: z.string(),
  indicatorCode: z.string(),
  indicatorName: z.string(),
  kind: ZValueKind,
  period: z.string(),
  oldValue: z.string().nullable(),
  newValue: z.string(),
  change: z.enum(['inserted', 'updated']),
});
