/**
 * The presets: what each reads for a run (the table, each entity's label and region), its documented
 * default scheme, its Top-N tiers, and its description for the scheme editor. A run reads only what the
 * user's jurisdiction holds (a town or park inside it may narrow it further).
 */
import { AppError, parsePeriod } from '@kechuang/platform-core';
import { assertRegionInScope, getRegion, isInScope, reportingUnits, type Db, type Scope } from '@kechuang/platform-server';
import type { DataTable } from '../domain/index.ts';
import type { PresetCode, RawScheme, RunSource, RunSourceInput, Tier } from '../contract/schemas.ts';
import { registryFigures, registryYears, type RegistryFigureRow } from '@kechuang/enterprises/server';
import { actualPeriods, indicatorCatalogue, unitActuals } from '@kechuang/indicators/server';
import {
  LEADERSHIP_COLUMNS,
  LEADERSHIP_NAME,
  LEADERSHIP_PARTS,
  LEADERSHIP_SCHEME,
  LEADERSHIP_TIE_BREAK,
  LEADERSHIP_TIERS,
  leadershipAsOf,
  type PresetColumn,
} from './leadership.ts';
import { TOWNS_NAME, townsColumns, townsScheme, townsUsable } from './towns.ts';
import { kindsOfReview, REVIEW_INDICATORS, REVIEW_LABELS } from '@kechuang/carriers/domain';
// the carriers' figures through the carriers room's queries (it owns carriers and carrier_figures)
import { carrierFigures, carrierYears } from '@kechuang/carriers/server';
import { evaluationError } from '../server/errors.ts';
import { PERFORMANCE_REVIEW_COLUMNS, PERFORMANCE_REVIEW_NAME, REVIEW_GRADES, reviewScheme } from './performance-review.ts';
import type { GradeRule, SchemeWarning } from '../domain/index.ts';

export { LEADERSHIP_SCHEME, LEADERSHIP_TIERS, LEADERSHIP_NAME } from './leadership.ts';
export { TOWNS_NAME } from './towns.ts';

/** A run's input: the table the engine reads, with each entity's label and region for people and jurisdiction. */
export interface RunInput {
  source: RunSource;
  table: DataTable;
  labels: string[];
  regions: (string | null)[];
}

export interface PresetRun extends RunInput {
  defaultScheme: RawScheme;
  defaultName: string;
  /** what the default scheme left out and why (towns: indicators that cannot discriminate in the period) */
  warnings: SchemeWarning[];
  tiers: Tier[];
  tieBreak: string[];
  /** grades by quota (the performance review); [] = none */
  grades: GradeRule[];
}

export interface PresetInfo {
  code: PresetCode;
  name: string;
  description: string;
  columns: PresetColumn[];
  parts: typeof LEADERSHIP_PARTS;
  tiers: Tier[];
  tieBreak: string[];
  defaultScheme: RawScheme;
  periods: string[];
}

export async function presetInfos(db: Db, homeRegion: string): Promise<PresetInfo[]> {
  const [catalogue, years, periods, carrierYearList] = await Promise.all([
    indicatorCatalogue(db),
    registryYears(db),
    actualPeriods(db, homeRegion),
    carrierYears(db),
  ]);
  return [
    {
      code: 'leadership',
      name: LEADERSHIP_NAME,
      description:
        '企业登记库某一年度的数据：面向注册成立 3 年及以上、持有效科技型企业资质的企业，评出 20 家入围，前 10 名为“科技创新引领Top10”，后 10 名为“科技创新引领优秀企业”',
      columns: LEADERSHIP_COLUMNS,
      parts: LEADERSHIP_PARTS,
      tiers: LEADERSHIP_TIERS,
      tieBreak: LEADERSHIP_TIE_BREAK,
      defaultScheme: LEADERSHIP_SCHEME,
      periods: years,
    },
    {
      code: 'towns',
      name: TOWNS_NAME,
      description: '统计监测中各镇街、园区某一期间的指标实际值；方向取自指标目录',
      columns: townsColumns(catalogue),
      parts: [],
      tiers: [],
      tieBreak: [],
      defaultScheme: townsScheme(catalogue).scheme,
      periods,
    },
    {
      code: 'performanceReview',
      name: PERFORMANCE_REVIEW_NAME,
      description:
        '产业技术研究院、孵化器（众创空间）某一年度填报的数据，分两类评价，按比例定等：A ≤ 20%，B ≤ 50%，其余 C（默认方案为孵化器类；研究院类见 carrierKind）',
      columns: PERFORMANCE_REVIEW_COLUMNS,
      parts: [],
      tiers: [],
      tieBreak: [],
      defaultScheme: reviewScheme('incubator'),
      periods: carrierYearList,
    },
  ];
}

/** The columns a preset's table has (a saved scheme of the preset may read only these). */
export async function presetColumns(db: Db, preset: PresetCode): Promise<PresetColumn[]> {
  if (preset === 'performanceReview') return PERFORMANCE_REVIEW_COLUMNS;
  return preset === 'leadership' ? LEADERSHIP_COLUMNS : townsColumns(await indicatorCatalogue(db));
}

async function scopeRegion(db: Db, scope: Scope, region: string | undefined): Promise<{ path: string; code: string; name: string }> {
  if (scope.kind !== 'region')
    throw new AppError('FORBIDDEN_SCOPE', {
      message: { zh: '绑定到单个企业或载体的账号不能发起评价', en: 'An account bound to one enterprise or carrier cannot start an evaluation' },
    });
  if (!region) return { path: scope.path, code: scope.regionCode, name: scope.regionName };
  const r = await assertRegionInScope(db, scope, region);
  return { path: r.path, code: r.code, name: r.name };
}

export async function presetInput(db: Db, scope: Scope, homeRegion: string, input: RunSourceInput): Promise<PresetRun> {
  switch (input.kind) {
    case 'leadership':
      return leadershipInput(db, scope, input);
    case 'towns':
      return townsInput(db, scope, homeRegion, input);
    case 'performanceReview':
      return reviewInput(db, scope, input);
  }
}

async function reviewInput(db: Db, scope: Scope, input: Extract<RunSourceInput, { kind: 'performanceReview' }>): Promise<PresetRun> {
  const region = await scopeRegion(db, scope, input.region);
  const { carriers, figures } = await carrierFigures(db, region.path, kindsOfReview(input.carrierKind), input.year);
  const label = REVIEW_LABELS[input.carrierKind];
  if (carriers.length === 0)
    throw evaluationError('EVAL_NO_CARRIERS', {
      params: { region: region.name, review: label },
      details: { field: 'source.carrierKind', reason: 'DATA_NO_ENTITIES' },
    });
  const at = new Map(carriers.map((c, i) => [c.id, i]));
  const codes = REVIEW_INDICATORS[input.carrierKind].map((i) => i.code);
  const columns = new Map(codes.map((c) => [c, new Float64Array(carriers.length).fill(NaN)]));
  for (const f of figures) {
    const col = columns.get(f.indicator);
    const i = at.get(f.carrierId);
    if (col && i !== undefined) col[i] = f.value;
  }
  return {
    source: {
      kind: 'performanceReview',
      label: `${region.name} · ${label} · ${input.year} 年度`,
      carrierKind: input.carrierKind,
      year: input.year,
      region: region.code,
      regionName: region.name,
    },
    table: { ids: carriers.map((c) => String(c.id)), columns, text: new Map([['carrier_kind', carriers.map((c) => c.kind)]]) },
    labels: carriers.map((c) => c.name),
    regions: carriers.map((c) => c.regionCode),
    defaultScheme: reviewScheme(input.carrierKind),
    defaultName: `${label} · ${input.year} 年度`,
    warnings: [],
    tiers: [],
    tieBreak: [],
    grades: REVIEW_GRADES,
  };
}

async function leadershipInput(db: Db, scope: Scope, input: Extract<RunSourceInput, { kind: 'leadership' }>): Promise<PresetRun> {
  const region = await scopeRegion(db, scope, input.region);
  const asOf = input.asOf ?? leadershipAsOf(input.year);
  if (Number.isNaN(Date.parse(asOf))) throw evaluationError('EVAL_AS_OF_INVALID', { params: { asOf }, details: { field: 'asOf' } });
  const rows = await registryFigures(db, region.path, input.year, asOf);
  if (rows.length === 0)
    throw evaluationError('EVAL_NO_ENTERPRISES', { params: { region: region.name }, details: { field: 'region', reason: 'DATA_NO_ENTITIES' } });
  const col = (f: (r: RegistryFigureRow) => number | null) => Float64Array.from(rows, (r) => f(r) ?? NaN);
  const table: DataTable = {
    ids: rows.map((r) => String(r.id)),
    columns: new Map([
      ['revenue', col((r) => r.revenue)],
      ['employees', col((r) => r.employees)],
      ['high_tech_revenue', col((r) => r.highTechRevenue)],
      ['rd_expense', col((r) => r.rdExpense)],
      ['sci_tech_staff', col((r) => r.sciTechStaff)],
      ['conversions', col((r) => r.conversions)],
      ['invention_patents', col((r) => r.inventionPatents)],
      ['other_ip', col((r) => r.otherIp)],
      ['pct_applications', col((r) => r.pctApplications)],
      ['rd_platform_points', col((r) => r.rdPlatformPoints)],
      ['rd_institutions', col((r) => r.rdInstitutions)],
      ['qualification_points', col((r) => r.qualificationPoints)],
      ['tech_tier', col((r) => r.techTier)],
      ['registered_years', col((r) => r.registeredYears)],
      ['has_figures', col((r) => r.hasFigures)],
    ]),
    text: new Map([['industry', rows.map((r) => r.industry ?? '')]]),
  };
  return {
    source: {
      kind: 'leadership',
      label: `${region.name} · ${input.year} 年度 · 评价日 ${asOf}`,
      year: input.year,
      asOf,
      region: region.code,
      regionName: region.name,
    },
    table,
    labels: rows.map((r) => r.name),
    regions: rows.map((r) => r.regionCode),
    defaultScheme: LEADERSHIP_SCHEME,
    defaultName: `${LEADERSHIP_NAME} · ${input.year} 年度`,
    warnings: [],
    tiers: LEADERSHIP_TIERS,
    tieBreak: LEADERSHIP_TIE_BREAK,
    grades: [],
  };
}

async function townsInput(db: Db, scope: Scope, homeRegion: string, input: Extract<RunSourceInput, { kind: 'towns' }>): Promise<PresetRun> {
  const period = parsePeriod(input.period);
  if (!period) throw new AppError('PERIOD_INVALID', { details: { field: 'period', value: input.period } });
  const region = await scopeRegion(db, scope, input.region);
  const home = await getRegion(db, homeRegion);
  const units = (await reportingUnits(db, homeRegion)).filter((u) => isInScope(scope, u) && u.path.startsWith(region.path));
  if (units.length === 0) throw evaluationError('EVAL_NO_UNITS', { params: { region: region.name }, details: { field: 'region', reason: 'DATA_NO_ENTITIES' } });
  const [catalogue, actuals] = await Promise.all([
    indicatorCatalogue(db),
    unitActuals(
      db,
      units.map((u) => u.code),
      period.text,
    ),
  ]);
  const at = new Map(units.map((u, i) => [u.code, i]));
  const columns = new Map(catalogue.map((c) => [c.code, new Float64Array(units.length).fill(NaN)]));
  for (const a of actuals) columns.get(a.indicatorCode)![at.get(a.regionCode)!] = a.value;
  const { scheme, warnings } = townsScheme(catalogue, (code) => townsUsable(Array.from(columns.get(code)!, (v) => (Number.isNaN(v) ? null : v))));
  return {
    source: {
      kind: 'towns',
      label: `${home?.name ?? homeRegion}${region.code === homeRegion ? '' : ` · ${region.name}`} · ${period.text} 期`,
      period: period.text,
      region: region.code,
      regionName: region.name,
    },
    table: { ids: units.map((u) => u.code), columns, text: new Map() },
    labels: units.map((u) => u.name),
    regions: units.map((u) => u.code),
    defaultScheme: scheme,
    defaultName: `${TOWNS_NAME} · ${period.text}`,
    warnings,
    tiers: [],
    tieBreak: [],
    grades: [],
  };
}
