/** Shapes of the indicators API, derived from its zod contract (type-only: nothing of it is bundled). */
import type { z } from 'zod';
import type * as C from '../contract/schemas.ts';
import type { Direction, Light, Trajectory } from '../domain/progress.ts';

export type { Direction, Light, Trajectory };
export type ValueKind = z.infer<typeof C.ZValueKind>;
export type ValueSource = z.infer<typeof C.ZActualSource>;
export type RollupKind = Indicator['rollup'];

export type Indicator = z.infer<typeof C.ZIndicator>;
export type CatalogueItem = z.infer<typeof C.ZCatalogueItem>;
export type Plan = z.infer<typeof C.ZPlan>;
export type ReportItem = z.infer<typeof C.ZReportItem>;
export type ComputedComparison = z.infer<typeof C.ZComputedComparison>;
export type RegionRef = Pick<z.infer<typeof C.ZRegionRef>, 'code' | 'name'> & { kind?: string };
export type Report = z.infer<typeof C.ZReport>;
export type LightCounts = z.infer<typeof C.ZLightCounts>;
export type Standing = z.infer<typeof C.ZStanding>;
export type LeagueCell = z.infer<typeof C.ZLeagueCell>;
export type LeagueIndicator = z.infer<typeof C.ZLeagueIndicator>;
export type LeagueRow = z.infer<typeof C.ZLeagueItem>;
export type League = z.infer<typeof C.ZLeague>;
export type TrendPoint = z.infer<typeof C.ZTrendPoint>;
export type Trend = z.infer<typeof C.ZTrend>;
export type Cockpit = z.infer<typeof C.ZCockpit>;
export type ValueRow = z.infer<typeof C.ZValueRow>;
export type ImportResult = z.infer<typeof C.ZImportResult>;
export type ImportRowError = z.infer<typeof C.ZImportRowError>;
export type ImportRun = z.infer<typeof C.ZImportRun>;
export type ImportChange = z.infer<typeof C.ZImportChange>;
