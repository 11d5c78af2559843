/** Shapes of the evaluation API, derived from its zod contract (type-only: nothing of it is bundled). */
import type { z } from 'zod';
import type * as C from '../contract/schemas.ts';

export type PresetCode = C.PresetCode;
export type RawScheme = C.RawScheme;
export type PresetInfo = z.infer<typeof C.ZPresetInfo>;
export type PresetColumn = z.infer<typeof C.ZPresetColumn>;
export type SchemeListItem = z.infer<typeof C.ZSchemeListItem>;
export type SchemeDetail = z.infer<typeof C.ZSchemeDetail>;
export type SchemeInput = z.input<typeof C.ZSchemeInput>;
export type RunSourceInput = C.RunSourceInput;
export type RunSource = C.RunSource;
export type RunOptions = z.input<typeof C.ZRunOptions>;
export type RunCreate = z.input<typeof C.ZRunCreate>;
export type RunListItem = z.infer<typeof C.ZRunListItem>;
export type RunStatus = z.infer<typeof C.ZRunStatus>;
export type Run = z.infer<typeof C.ZRun>;
export type RunSummary = C.RunSummary;
export type GroupWeights = RunSummary['weights'][number];
export type ResultItem = z.infer<typeof C.ZResultItem>;
export type ExcludedItem = z.infer<typeof C.ZExcludedItem>;
export type EntityBreakdown = z.infer<typeof C.ZEntityBreakdown>;
export type BreakdownNode = z.infer<typeof C.ZBreakdownNode>;
export type Sensitivity = z.infer<typeof C.ZSensitivity>;
export type SensitivityItem = z.infer<typeof C.ZSensitivityItem>;
export type PublishedSummary = z.infer<typeof C.ZPublishedSummary>;
export type PublishedList = z.infer<typeof C.ZPublishedList>;
export type PublishedEntry = C.PublishedEntry;
export type PublishedListEntry = z.infer<typeof C.ZPublishedListEntry>;
export type LeafInfo = C.LeafInfo;
export type PresetScheme = z.infer<typeof C.ZPresetScheme>;
export type PresetSchemeNode = z.infer<typeof C.ZPresetSchemeNode>;
export type WeightsResponse = z.infer<typeof C.ZWeightsResponse>;
export type ValidateResponse = z.infer<typeof C.ZValidateResponse>;
export type RerunResponse = z.infer<typeof C.ZRerunResponse>;
export type Tier = C.Tier;

