/**
 * The scheme format (评价体系): zod schemas of its parts and the types the engine works on. The format is
 * documented with examples in modules/evaluation/docs/engine.md; parseScheme (scheme.ts) turns JSON into a
 * checked `Scheme`. A node's own fields are checked here; the tree (ids, cycles, weights) in scheme.ts.
 */
import { z } from 'zod';

const range = z.tuple([z.number(), z.number()]);

export const ZNormalisation = z.discriminatedUnion('method', [
  z.object({ method: z.literal('minmax'), range: range.default([0, 100]) }),
  z.object({ method: z.literal('zscore'), mean: z.number().default(0), sd: z.number().positive().default(1) }),
  z.object({ method: z.literal('rank') }),
  z.object({ method: z.literal('percentile') }),
  z.object({ method: z.literal('distance'), reference: z.number(), cap: z.boolean().default(false), scale: z.number().positive().default(100) }),
  z.object({ method: z.literal('goalposts'), min: z.number(), max: z.number(), range: range.default([0, 100]) }),
]);
export type Normalisation = z.infer<typeof ZNormalisation>;
export type NormalisationMethod = Normalisation['method'];

export const AGGREGATIONS = ['arithmetic', 'geometric', 'topsis'] as const;
export const ZAggregation = z.enum(AGGREGATIONS);
export type Aggregation = z.infer<typeof ZAggregation>;

export const ZWeighting = z.discriminatedUnion('method', [
  z.object({ method: z.literal('given') }),
  z.object({ method: z.literal('equal') }),
  z.object({ method: z.literal('ahp'), matrix: z.array(z.array(z.number())) }),
  z.object({ method: z.literal('entropy') }),
  z.object({ method: z.literal('critic') }),
]);
export type Weighting = z.infer<typeof ZWeighting>;
export type WeightingMethod = Weighting['method'];

export const ZImputation = z.discriminatedUnion('method', [
  z.object({ method: z.literal('exclude') }),
  z.object({ method: z.literal('mean'), by: z.string().min(1).optional() }),
  z.object({ method: z.literal('median'), by: z.string().min(1).optional() }),
]);
export type Imputation = z.infer<typeof ZImputation>;

/** An eligibility filter over a data column: the entity is scored only if `column op value` holds. */
export const ZFilter = z.object({
  column: z.string().min(1),
  op: z.enum(['>=', '>', '<=', '<', '==', '!=']),
  value: z.number(),
  /** the condition's name for people, e.g. 注册年限 */
  label: z.string().optional(),
  /** the column's unit, e.g. 年: "注册年限不满足（需 ≥ 3 年，实际 2 年 7 个月）" (a span of years in years and months) */
  unit: z.string().optional(),
  /** the sentence shown when the filter fails, instead of the figure and the condition (e.g. 评价日无有效的科技型企业资质) */
  message: z.string().optional(),
});
export type Filter = z.infer<typeof ZFilter>;

/** Winsorisation bounds as percentiles in [0, 1]: `{ "lower": 0.05, "upper": 0.95 }` or `[0.05, 0.95]`. */
const ZWinsorise = z
  .union([z.object({ lower: z.number().min(0).max(1), upper: z.number().min(0).max(1) }), z.tuple([z.number().min(0).max(1), z.number().min(0).max(1)])])
  .transform((w) => (Array.isArray(w) ? { lower: w[0], upper: w[1] } : w));

export const ZLeafFields = z.object({
  indicator: z.string().min(1),
  id: z.string().min(1).optional(),
  name: z.string().optional(),
  weight: z.number().optional(),
  direction: z.union([z.literal(1), z.literal(-1)]).default(1),
  denominator: z.string().min(1).optional(),
  transform: z.enum(['log', 'log1p']).optional(),
  winsorise: ZWinsorise.optional(),
  normalisation: ZNormalisation.optional(),
  parent: z.string().nullable().optional(),
});

export const ZGroupFields = z.object({
  id: z.string().min(1),
  name: z.string().optional(),
  weight: z.number().optional(),
  weighting: ZWeighting.optional(),
  aggregation: ZAggregation.optional(),
  children: z.array(z.unknown()).optional(),
  parent: z.string().nullable().optional(),
});

/** Monte Carlo plan of a scheme (the CLI's --sensitivity N --seed S give samples and seed). */
export const ZSensitivity = z.object({
  /** each weight is perturbed by a uniform factor in [1 − weights, 1 + weights] (COINr's NoiseFactor) */
  weights: z.number().min(0).max(1).default(0.25),
  normalisation: z.array(ZNormalisation).min(1).optional(),
  aggregation: z.array(ZAggregation).min(1).optional(),
  imputation: z.array(ZImputation).min(1).optional(),
});
export type SensitivitySpec = z.infer<typeof ZSensitivity>;

export const ZSchemeTop = z.object({
  name: z.string().default(''),
  description: z.string().optional(),
  normalisation: ZNormalisation.default({ method: 'minmax', range: [0, 100] }),
  aggregation: ZAggregation.default('arithmetic'),
  imputation: ZImputation.default({ method: 'exclude' }),
  eligibility: z.array(ZFilter).default([]),
  sensitivity: ZSensitivity.optional(),
  root: z.unknown().optional(),
  nodes: z.array(z.unknown()).optional(),
});

export const KNOWN_KEYS = {
  top: Object.keys(ZSchemeTop.shape),
  leaf: Object.keys(ZLeafFields.shape),
  group: Object.keys(ZGroupFields.shape),
};

export interface LeafNode {
  kind: 'leaf';
  id: string;
  indicator: string;
  name?: string;
  weight?: number;
  direction: 1 | -1;
  denominator?: string;
  transform?: 'log' | 'log1p';
  winsorise?: { lower: number; upper: number };
  /** the leaf's own normalisation, when it overrides the scheme's */
  normalisation?: Normalisation;
}

export interface GroupNode {
  kind: 'group';
  id: string;
  name?: string;
  weight?: number;
  weighting: Weighting;
  /** the group's own aggregation, when it overrides the scheme's */
  aggregation?: Aggregation;
  children: SchemeNode[];
}

export type SchemeNode = LeafNode | GroupNode;

export interface Scheme {
  name: string;
  description?: string;
  normalisation: Normalisation;
  aggregation: Aggregation;
  imputation: Imputation;
  eligibility: Filter[];
  sensitivity?: SensitivitySpec;
  root: GroupNode;
}
