/**
 * The evaluation centre's API shapes (zod): saved schemes (评价体系), presets, runs and their results,
 * one entity's breakdown, rank intervals, the published list (Top10 评选). The scheme itself is the
 * engine's JSON format (modules/evaluation/README.md), checked by the engine, not here.
 */
import { z } from 'zod';
import { ZPageQuery } from '@kechuang/platform-core';

export const PRESETS = ['leadership', 'towns', 'performanceReview'] as const;
export const ZPreset = z.enum(PRESETS);
export type PresetCode = z.infer<typeof ZPreset>;

/** A scheme as JSON (nested `root` or flat `nodes`): the engine's parseScheme checks it and names the node at fault. */
export const ZRawScheme = z.record(z.string(), z.unknown());
export type RawScheme = z.infer<typeof ZRawScheme>;

const ZIsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD');

export const ZSchemeInput = z.object({
  name: z.string().trim().min(1).max(100),
  description: z.string().max(4000).default(''),
  preset: ZPreset.nullable().default(null),
  scheme: ZRawScheme,
});
export type SchemeInput = z.infer<typeof ZSchemeInput>;

export const ZSchemeListItem = z.object({
  id: z.number(),
  name: z.string(),
  description: z.string(),
  preset: ZPreset.nullable(),
  leafCount: z.number(),
  createdBy: z.string().nullable(),
  /** the person's name as people read it (users.display_name); createdBy/updatedBy are usernames */
  createdByName: z.string().nullable(),
  createdAt: z.string(),
  updatedBy: z.string().nullable(),
  updatedByName: z.string().nullable(),
  updatedAt: z.string(),
});
export const ZSchemeDetail = ZSchemeListItem.extend({ scheme: ZRawScheme });
export const ZSchemeQuery = ZPageQuery.extend({ preset: z.enum([...PRESETS, 'upload']).optional() });

export const ZPresetColumn = z.object({
  code: z.string(),
  name: z.string(),
  unit: z.string(),
  kind: z.enum(['numeric', 'text']),
  note: z.string(),
});
export const ZPresetPart = z.object({
  /** the plan's wording, e.g. 科研立项 */
  part: z.string(),
  /** what the registry gives for it */
  mapping: z.string(),
  status: z.enum(['mapped', 'proxy', 'missing']),
});
export const ZTier = z.object({ name: z.string().trim().min(1).max(40), size: z.number().int().min(1).max(1000) });
export type Tier = z.infer<typeof ZTier>;
export const ZPresetInfo = z.object({
  code: ZPreset,
  name: z.string(),
  description: z.string(),
  columns: z.array(ZPresetColumn),
  parts: z.array(ZPresetPart),
  tiers: z.array(ZTier),
  tieBreak: z.array(z.string()),
  defaultScheme: ZRawScheme,
  /** the years (leadership) or periods (towns) that have data, newest first */
  periods: z.array(z.string()),
});

/** Where a run's input comes from (the upload route takes a file instead). */
export const ZRunSourceInput = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('leadership'),
    year: z.number().int().min(2000).max(2100),
    /** eligibility and qualifications are judged on this date; default 31 December of the year */
    asOf: ZIsoDate.optional(),
    /** a town or park within the user's jurisdiction; default the whole jurisdiction */
    region: z.string().max(20).optional(),
  }),
  z.object({ kind: z.literal('towns'), period: z.string().trim().min(4).max(10), region: z.string().max(20).optional() }),
  /** 绩效评价: the carriers of one review (institutes; incubators with maker spaces) over their figures of the year */
  z.object({
    kind: z.literal('performanceReview'),
    carrierKind: z.enum(['industrialResearchInstitute', 'incubator']),
    year: z.number().int().min(2000).max(2100),
    region: z.string().max(20).optional(),
  }),
]);
export type RunSourceInput = z.infer<typeof ZRunSourceInput>;

/** The source as stored with the run: what was read, for whom, with a label for people. */
export const ZRunSource = z.object({
  kind: z.enum(['leadership', 'towns', 'performanceReview', 'upload']),
  label: z.string(),
  carrierKind: z.string().optional(),
  year: z.number().optional(),
  asOf: z.string().optional(),
  period: z.string().optional(),
  region: z.string().optional(),
  regionName: z.string().optional(),
  fileName: z.string().optional(),
});
export type RunSource = z.infer<typeof ZRunSource>;

export const ZGradeRule = z.object({ grade: z.string().trim().min(1).max(20), maxShare: z.number().min(0).max(1).optional() });

export const ZRunOptions = z.object({
  /** Monte Carlo samples for rank intervals; 0 = none */
  samples: z.number().int().min(0).max(5000).default(200),
  seed: z.number().int().min(-2_147_483_648).max(2_147_483_647).default(1),
  /** weight perturbation f (each weight × U(1 − f, 1 + f)); default the scheme's sensitivity.weights, else 0.25 */
  perturbation: z.number().min(0).max(1).optional(),
  /** Top-N tiers; default the preset's (the leadership index: 10 + 10); [] = no selection */
  tiers: z.array(ZTier).max(5).optional(),
  /** node ids whose scores break ties before a place is shared */
  tieBreak: z.array(z.string().max(64)).max(5).optional(),
  /** grades by quota, best first (the performance review: A ≤ 20%, B ≤ 50%, C); default the preset's; stored in the result's tier */
  grades: z.array(ZGradeRule).max(6).optional(),
});
export type RunOptions = z.infer<typeof ZRunOptions>;

export const ZRunCreate = z.object({
  name: z.string().trim().max(100).optional(),
  /** a saved scheme of the source's preset; default the preset's documented scheme */
  schemeId: z.number().int().positive().optional(),
  source: ZRunSourceInput,
  options: ZRunOptions.default({ samples: 200, seed: 1 }),
});

export const ZUploadRunQuery = z.object({
  schemeId: z.coerce.number().int().positive(),
  name: z.string().trim().max(100).optional(),
  idColumn: z.string().trim().min(1).max(64).default('id'),
  labelColumn: z.string().trim().min(1).max(64).optional(),
  samples: z.coerce.number().int().min(0).max(5000).default(200),
  seed: z.coerce.number().int().default(1),
  perturbation: z.coerce.number().min(0).max(1).optional(),
  /** Top-N tiers as JSON text, e.g. [{"name":"A","size":5}] */
  tiers: z.string().max(2000).optional(),
});

const ZNodeInfo = z.object({
  id: z.string(),
  kind: z.enum(['leaf', 'group']),
  parent: z.string().nullable(),
  depth: z.number(),
  name: z.string().optional(),
  indicator: z.string().optional(),
});
const ZGroupWeights = z.object({
  id: z.string(),
  method: z.string(),
  aggregation: z.string(),
  children: z.array(z.object({ id: z.string(), weight: z.number() })),
  cr: z.number().optional(),
  lambdaMax: z.number().optional(),
});
export const ZRunSummary = z.object({
  warnings: z.array(z.string()),
  nodes: z.array(ZNodeInfo),
  weights: z.array(ZGroupWeights),
  scale: z.tuple([z.number(), z.number()]).nullable(),
  excluded: z.object({ ineligible: z.number(), missing: z.number() }),
  imputed: z.array(
    z.object({ id: z.string(), label: z.string().optional(), indicator: z.string(), method: z.string(), value: z.number(), group: z.string().optional() }),
  ),
  imputedCount: z.number(),
  winsorised: z.array(z.object({ leaf: z.string(), low: z.number(), high: z.number(), raised: z.number(), lowered: z.number() })),
  tiers: z.array(z.object({ name: z.string(), size: z.number(), count: z.number(), overfull: z.boolean() })).nullable(),
  tieBreak: z.array(z.string()),
  /** grades by quota: per grade the count and the cap ⌊n·share⌋ */
  grades: z
    .array(z.object({ grade: z.string(), count: z.number(), cap: z.number().optional() }))
    .nullable()
    .optional(),
  sensitivity: z
    .object({
      samples: z.number(),
      seed: z.number(),
      perturbation: z.number(),
      alternatives: z.object({ normalisation: z.array(z.string()), aggregation: z.array(z.string()), imputation: z.array(z.string()) }),
      /** finalists whose 95% rank stays within their tier's last place */
      stable: z.array(z.string()),
      thread: z.enum(['request', 'worker']),
    })
    .nullable(),
  timings: z.object({ readMs: z.number(), computeMs: z.number(), sensitivityMs: z.number(), writeMs: z.number() }),
});
export type RunSummary = z.infer<typeof ZRunSummary>;

/** computed → published → withdrawn (撤回, by hand with a reason, or superseded by a later run of the same preset and period) */
export const ZRunStatus = z.enum(['computed', 'published', 'withdrawn']);
export const ZRunListItem = z.object({
  id: z.number(),
  name: z.string(),
  preset: ZPreset.nullable(),
  schemeId: z.number().nullable(),
  source: ZRunSource,
  status: ZRunStatus,
  inputCount: z.number(),
  scoredCount: z.number(),
  samples: z.number(),
  rerunOf: z.number().nullable(),
  /** usernames; the *Name fields are the same people's display names, for people to read */
  computedBy: z.string().nullable(),
  computedByName: z.string().nullable(),
  computedAt: z.string(),
  computeMs: z.number(),
  publishedBy: z.string().nullable(),
  publishedByName: z.string().nullable(),
  publishedAt: z.string().nullable(),
  withdrawnBy: z.string().nullable(),
  withdrawnByName: z.string().nullable(),
  withdrawnAt: z.string().nullable(),
  withdrawReason: z.string().nullable(),
  /** the run whose publication replaced this one's */
  supersededBy: z.number().nullable(),
});
/** A data column for people: its name and unit (a preset's column; an uploaded table's columns have neither). */
export const ZColumnInfo = z.object({ name: z.string(), unit: z.string() });
/** A leaf of the run's scheme with its columns' names and units, to show its figures in their units. */
export const ZLeafInfo = z.object({
  id: z.string(),
  name: z.string(),
  indicator: z.string(),
  unit: z.string(),
  denominator: z.string().optional(),
  denominatorUnit: z.string().optional(),
  transform: z.string().optional(),
  direction: z.number(),
});
export type LeafInfo = z.infer<typeof ZLeafInfo>;

export const ZRun = ZRunListItem.extend({
  scheme: ZRawScheme,
  options: ZRunOptions,
  summary: ZRunSummary,
  /** group columns of the results table (root excluded), tree order */
  groups: z.array(z.object({ id: z.string(), name: z.string() })),
  /** the input's columns by code, with name and unit (empty for an uploaded table) */
  columns: z.record(z.string(), ZColumnInfo),
  leaves: z.array(ZLeafInfo),
  canPublish: z.boolean(),
  canWithdraw: z.boolean(),
});
export const ZRunQuery = ZPageQuery.extend({ preset: z.enum([...PRESETS, 'upload']).optional(), status: ZRunStatus.optional() });

export const ZResultItem = z.object({
  entityId: z.string(),
  label: z.string(),
  regionCode: z.string().nullable(),
  regionName: z.string().nullable(),
  score: z.number(),
  rank: z.number(),
  tier: z.string().nullable(),
  place: z.number().nullable(),
  tiedAtCutoff: z.boolean(),
  medianRank: z.number().nullable(),
  rankP05: z.number().nullable(),
  rankP95: z.number().nullable(),
  groups: z.record(z.string(), z.number().nullable()),
});
export const ZResultQuery = ZPageQuery.extend({
  tier: z.string().max(40).optional(),
  finalists: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
  region: z.string().max(20).optional(),
});

export const ZExcludedItem = z.object({ entityId: z.string(), label: z.string(), regionName: z.string().nullable(), reason: z.string() });

/** One node of an entity's score, flat in pre-order (parent ids make the tree). */
export const ZBreakdownNode = z.object({
  id: z.string(),
  parent: z.string().nullable(),
  kind: z.enum(['leaf', 'group']),
  depth: z.number(),
  name: z.string().optional(),
  /** weight in its group, and the product of the weights down from the root */
  weight: z.number(),
  globalWeight: z.number(),
  score: z.number().nullable(),
  contribution: z.number().nullable(),
  indicator: z.string().optional(),
  denominator: z.string().optional(),
  /** leaves: the names and units of the indicator and denominator columns (preset runs) */
  indicatorName: z.string().optional(),
  unit: z.string().optional(),
  denominatorName: z.string().optional(),
  denominatorUnit: z.string().optional(),
  direction: z.number().optional(),
  transform: z.string().optional(),
  /** leaves: the figure as read, the denominator as read, and the figure after ratio, imputation, winsorisation and log */
  raw: z.number().nullable().optional(),
  denominatorRaw: z.number().nullable().optional(),
  value: z.number().nullable().optional(),
  imputed: z.boolean().optional(),
});
export const ZEntityBreakdown = z.object({
  runId: z.number(),
  entityId: z.string(),
  label: z.string(),
  regionCode: z.string().nullable(),
  regionName: z.string().nullable(),
  scored: z.boolean(),
  excluded: z.string().nullable(),
  score: z.number().nullable(),
  rank: z.number().nullable(),
  scoredCount: z.number(),
  tier: z.string().nullable(),
  place: z.number().nullable(),
  medianRank: z.number().nullable(),
  rankP05: z.number().nullable(),
  rankP95: z.number().nullable(),
  scale: z.tuple([z.number(), z.number()]).nullable(),
  figures: z.record(z.string(), z.number().nullable()),
  nodes: z.array(ZBreakdownNode),
});

const ZOptionEffect = z.object({ option: z.string(), isNominal: z.boolean(), samples: z.number(), medianRank: z.number(), within: z.number() });
/** What moves a finalist's rank over the samples (domain/sensitivity-explain.ts); null when the run is too large to recompute on request. */
export const ZRankExplanation = z.object({
  cutoff: z.number(),
  samples: z.number(),
  within: z.number(),
  effects: z.array(
    z.object({ factor: z.enum(['weights', 'normalisation', 'aggregation', 'imputation']), share: z.number(), options: z.array(ZOptionEffect).optional() }),
  ),
  driver: z.enum(['weights', 'normalisation', 'aggregation', 'imputation']).nullable(),
  weightsBand: z.tuple([z.number(), z.number()]).nullable(),
});

export const ZSensitivityItem = z.object({
  entityId: z.string(),
  label: z.string(),
  regionName: z.string().nullable(),
  tier: z.string().nullable(),
  rank: z.number(),
  medianRank: z.number().nullable(),
  rankP05: z.number().nullable(),
  rankP95: z.number().nullable(),
  /** the 95% rank stays within the entity's tier (for a run without tiers: within the first `cutoff` places) */
  isStable: z.boolean(),
  explanation: ZRankExplanation.nullable(),
});
export const ZSensitivity = z.object({
  samples: z.number(),
  seed: z.number(),
  perturbation: z.number(),
  alternatives: z.object({ normalisation: z.array(z.string()), aggregation: z.array(z.string()), imputation: z.array(z.string()) }),
  cutoff: z.number(),
  /** names of the columns an imputation groups by (industry → 行业大类), to say the alternatives in words */
  columnNames: z.record(z.string(), z.string()),
  items: z.array(ZSensitivityItem),
});

export const ZPublishedEntry = z.object({
  entityId: z.string(),
  label: z.string(),
  regionCode: z.string().nullable(),
  regionName: z.string().nullable(),
  tier: z.string().nullable(),
  place: z.number().nullable(),
  rank: z.number(),
  score: z.number(),
  medianRank: z.number().nullable(),
  rankP05: z.number().nullable(),
  rankP95: z.number().nullable(),
  isStable: z.boolean().nullable(),
});
export type PublishedEntry = z.infer<typeof ZPublishedEntry>;
export const ZPublishedListEntry = ZPublishedEntry.extend({ explanation: ZRankExplanation.nullable().optional() });
export const ZPublishedSummary = z.object({
  runId: z.number(),
  name: z.string(),
  preset: ZPreset.nullable(),
  source: ZRunSource,
  publishedBy: z.string().nullable(),
  /** the publisher's display name */
  publishedByName: z.string().nullable(),
  publishedAt: z.string(),
  count: z.number(),
});
export const ZPublishedList = ZPublishedSummary.extend({
  tiers: z.array(z.object({ name: z.string(), size: z.number(), count: z.number() })),
  /** a review's grades, best first, with how many of the list have each (each entry's grade is its `tier`); null without grades */
  grades: z.array(z.object({ grade: z.string(), count: z.number() })).nullable(),
  scale: z.tuple([z.number(), z.number()]).nullable(),
  /** the Monte Carlo's weight perturbation and alternatives, to say what moves an entry; null without one */
  sensitivity: z
    .object({
      samples: z.number(),
      seed: z.number(),
      perturbation: z.number(),
      alternatives: z.object({ normalisation: z.array(z.string()), aggregation: z.array(z.string()), imputation: z.array(z.string()) }),
      columnNames: z.record(z.string(), z.string()),
    })
    .nullable(),
  /** the entries this user may see (a town officer: their town's); `count` is the whole list's length; each with what moves its rank */
  items: z.array(ZPublishedListEntry),
});

export const ZPublishRequest = z
  .object({
    /** withdraw the list already published for the same preset and period, replacing it with this run's */
    supersede: z.boolean().default(false),
  })
  .nullish();
export const ZWithdrawRequest = z.object({ reason: z.string().trim().min(2, '请写明撤回原因').max(500) });

export const ZWeightsRequest = z.object({
  scheme: ZRawScheme,
  /** a preset's data, or the frozen input of an earlier run (e.g. an uploaded table) */
  source: z.union([ZRunSourceInput, z.object({ kind: z.literal('run'), runId: z.number().int().positive() })]),
});
export const ZWeightsResponse = z.object({
  weights: z.array(ZGroupWeights),
  warnings: z.array(z.string()),
  scored: z.number(),
  excluded: z.number(),
  nodes: z.array(ZNodeInfo),
});

export const ZValidateRequest = z.object({ scheme: ZRawScheme, preset: ZPreset.nullable().default(null) });
export const ZValidateResponse = z.object({
  warnings: z.array(z.string()),
  nodes: z.array(ZNodeInfo),
  columns: z.object({ numeric: z.array(z.string()), text: z.array(z.string()) }),
});

export const ZRerunResponse = z.object({
  runId: z.number(),
  reproduced: z.boolean(),
  compared: z.number(),
  differences: z.array(z.object({ entityId: z.string(), field: z.string(), before: z.unknown(), after: z.unknown() })),
});

/** One node of a preset's scheme as the read-only view shows it (GET preset-schemes), flat in pre-order. */
export const ZPresetSchemeNode = z.object({
  id: z.string(),
  parent: z.string().nullable(),
  kind: z.enum(['leaf', 'group']),
  depth: z.number(),
  name: z.string(),
  /** weight in its group and overall; null when the data decide it (entropy, CRITIC) */
  weight: z.number().nullable(),
  globalWeight: z.number().nullable(),
  /** groups */
  weighting: z.string().optional(),
  aggregation: z.string().optional(),
  cr: z.number().optional(),
  /** leaves */
  indicator: z.string().optional(),
  indicatorName: z.string().optional(),
  unit: z.string().optional(),
  denominator: z.string().optional(),
  denominatorName: z.string().optional(),
  direction: z.number().optional(),
  transform: z.string().optional(),
  winsorise: z.tuple([z.number(), z.number()]).optional(),
  /** the leaf's own normalisation (e.g. goalposts 0–20), when it overrides the scheme's */
  normalisation: z.object({ method: z.string(), min: z.number().optional(), max: z.number().optional() }).optional(),
});
/** A preset's documented scheme (the leadership index, the towns' scoreboard, each performance review), read-only, with what a run adds to it. */
export const ZPresetScheme = z.object({
  /** leadership, towns, performanceReview.industrialResearchInstitute, performanceReview.incubator */
  key: z.string(),
  preset: ZPreset,
  name: z.string(),
  description: z.string(),
  scheme: ZRawScheme,
  normalisation: z.string(),
  range: z.tuple([z.number(), z.number()]).nullable(),
  aggregation: z.string(),
  /** as runs store it: "median(industry)" */
  imputation: z.string(),
  eligibility: z.array(z.object({ column: z.string(), label: z.string(), op: z.string(), value: z.number(), unit: z.string(), note: z.string() })),
  sensitivity: z
    .object({ perturbation: z.number(), normalisation: z.array(z.string()), aggregation: z.array(z.string()), imputation: z.array(z.string()) })
    .nullable(),
  tiers: z.array(ZTier),
  grades: z.array(z.object({ grade: z.string(), maxShare: z.number().optional() })),
  columnNames: z.record(z.string(), z.string()),
  leafCount: z.number(),
  nodes: z.array(ZPresetSchemeNode),
});
