/** Shapes of the indicators API (see /api/docs/json). */
import type { Direction, Light, Trajectory } from '../domain/progress.ts';

export type { Direction, Light, Trajectory };
export type ValueKind = 'baseline' | 'target' | 'actual';
export type ValueSource = 'plan' | 'import' | 'manual' | 'synthetic' | 'computed' | 'rolledUp';
export type RollupKind = 'sum' | 'ratio' | 'none';

export interface Indicator {
  code: string;
  nameZh: string;
  nameEn: string;
  unit: string;
  direction: Direction;
  precision: number;
  category: string;
  definition: string;
  dataSource: string;
  rollup: RollupKind;
  numeratorCode: string | null;
  denominatorCode: string | null;
  ratioScale: number;
  trajectory: Trajectory;
  isHeadline: boolean;
  sort: number;
}

export interface Plan {
  code: string;
  name: string;
  startYear: number;
  endYear: number;
  yellowThreshold: number;
  isCurrent: boolean;
}

export interface ReportItem {
  code: string;
  name: string;
  nameEn: string;
  unit: string;
  precision: number;
  direction: Direction;
  isHeadline: boolean;
  baseline: number | null;
  baselinePeriod: string | null;
  target: number | null;
  targetPeriod: string | null;
  actual: number | null;
  actualSource: ValueSource | null;
  expected: number | null;
  completion: number | null;
  light: Light;
}

export interface RegionRef {
  code: string;
  name: string;
  kind?: string;
}

export interface Report {
  region: RegionRef;
  period: string;
  plan: Plan;
  items: ReportItem[];
}

export interface LightCounts {
  green: number;
  yellow: number;
  red: number;
  grey: number;
}

export interface Standing extends LightCounts {
  rank: number;
  regionCode: string;
  regionName: string;
  kind: string;
  greenShare: number | null;
  completion: number | null;
}

export interface LeagueCell {
  light: Light;
  completion: number | null;
  actual: number | null;
  expected: number | null;
  rank: number | null;
}

export interface LeagueIndicator {
  code: string;
  name: string;
  nameEn: string;
  unit: string;
  precision: number;
}

export interface LeagueRow extends Standing {
  cells: Record<string, LeagueCell>;
}

export interface League {
  period: string;
  plan: Plan;
  unitCount: number;
  indicators: LeagueIndicator[];
  items: LeagueRow[];
  total: number;
  page: number;
  pageSize: number;
}

export interface TrendPoint {
  period: string;
  actual: number | null;
  expected: number | null;
  completion: number | null;
  light: Light;
  rolledUp: boolean;
}

export interface Trend {
  region: RegionRef;
  indicator: { code: string; name: string; unit: string; precision: number; direction: Direction };
  plan: Plan;
  baseline: { period: string; value: number } | null;
  target: { period: string; value: number } | null;
  points: TrendPoint[];
}

export interface Cockpit {
  region: RegionRef;
  period: string;
  planName: string;
  headline: ReportItem[];
  lights: LightCounts;
  league: Standing[];
  unitCount: number;
  trends: Trend[];
}

export interface ValueRow {
  regionCode: string;
  regionName: string;
  indicatorCode: string;
  indicatorName: string;
  unit: string;
  kind: ValueKind;
  period: string;
  value: string;
  source: ValueSource;
  updatedAt: string;
  updatedBy: string | null;
}

export interface ImportResult {
  importRunId: number;
  rows: number;
  inserted: number;
  updated: number;
  unchanged: number;
  warnings: string[];
}

export interface ImportRowError {
  row: number;
  column: string;
  value: string;
  reason: string;
}

export interface ImportRun {
  id: number;
  fileName: string;
  username: string | null;
  at: string;
  status: 'accepted' | 'refused';
  rowCount: number;
  inserted: number;
  updated: number;
  unchanged: number;
  errorCount: number;
}
