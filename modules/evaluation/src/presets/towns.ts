/**
 * 镇街（园区）创新赛绩: the towns' and parks' innovation scoreboard over the monitored indicators' actuals
 * of one period (indicator_values, kind 'actual'), as a default scheme built from the indicator catalogue:
 * one group per catalogue category (创新投入, 创新主体, 创新产出 …; 基础数据 such as GDP is not scored),
 * one leaf per indicator with the catalogue's direction (lower-is-better flipped), equal weights at both
 * levels, min-max onto 0–100, arithmetic mean. A unit missing an actual gets the mean of the other units
 * (reported per unit). Indicators that cannot discriminate in the period — fewer than two units with an
 * actual, or every unit the same — are left out of the default scheme and named in the run's warnings.
 *
 * Absolute indicators (counts, 亿元) favour large towns; a bureau that wants intensities instead saves its
 * own scheme (e.g. HNTE_COUNT with a denominator column) — every catalogue code is a column of this table.
 */
import type { RawScheme } from '../contract/schemas.ts';
import type { CatalogueEntry } from '@kechuang/indicators/server';
import type { PresetColumn } from './leadership.ts';
import type { SchemeWarning } from '../domain/index.ts';

export const TOWNS_NAME = '镇街（园区）创新赛绩';
/** categories that are inputs to other indicators, not achievements to score */
export const UNSCORED_CATEGORIES = ['基础数据'];

const CATEGORY_IDS: Record<string, string> = {
  创新投入: 'input',
  产业创新: 'industry',
  创新主体: 'actors',
  创新人才: 'talent',
  创新产出: 'output',
  创新环境: 'environment',
  创新平台: 'platforms',
};

export function townsColumns(catalogue: CatalogueEntry[]): PresetColumn[] {
  return catalogue.map((c) => ({
    code: c.code,
    name: c.name,
    unit: c.unit,
    kind: 'numeric' as const,
    note: `${c.category}；${c.direction === 'lower' ? '越低越好' : '越高越好'}`,
  }));
}

/** The default scheme over the indicators that `usable` admits (all by default), with a warning per left-out indicator. */
export function townsScheme(
  catalogue: CatalogueEntry[],
  usable: (code: string) => TownsProblem | null = () => null,
): { scheme: RawScheme; warnings: SchemeWarning[] } {
  const warnings: SchemeWarning[] = [];
  const groups = new Map<string, { id: string; name: string; weighting: { method: 'equal' }; children: Record<string, unknown>[] }>();
  for (const c of catalogue) {
    if (UNSCORED_CATEGORIES.includes(c.category)) continue;
    const problem = usable(c.code);
    if (problem) {
      warnings.push({ code: problem.code, params: { name: c.name, code: c.code, ...problem.params } });
      continue;
    }
    let g = groups.get(c.category);
    if (!g) {
      g = { id: CATEGORY_IDS[c.category] ?? `group_${groups.size + 1}`, name: c.category, weighting: { method: 'equal' }, children: [] };
      groups.set(c.category, g);
    }
    g.children.push({ indicator: c.code, name: `${c.name}（${c.unit}）`, ...(c.direction === 'lower' ? { direction: -1 } : {}) });
  }
  const scheme: RawScheme = {
    name: TOWNS_NAME,
    description: '按指标目录分类分组、等权，极差标准化到 0–100，算术平均；缺失值以其余单位均值补缺',
    normalisation: { method: 'minmax', range: [0, 100] },
    aggregation: 'arithmetic',
    imputation: { method: 'mean' },
    sensitivity: { weights: 0.25, imputation: [{ method: 'mean' }, { method: 'median' }] },
    root: { id: 'scoreboard', name: TOWNS_NAME, weighting: { method: 'equal' }, children: [...groups.values()] },
  };
  return { scheme, warnings };
}

/** Why an indicator cannot discriminate among the units in a period, or null when it can. */
/** why an indicator cannot discriminate between the units in the period */
export interface TownsProblem {
  code: 'INDICATOR_TOO_FEW' | 'INDICATOR_ALL_SAME';
  params: { count?: number };
}

export function townsUsable(values: (number | null)[]): TownsProblem | null {
  const seen = values.filter((v): v is number => v !== null && Number.isFinite(v));
  if (seen.length < 2) return { code: 'INDICATOR_TOO_FEW', params: { count: seen.length } };
  if (seen.every((v) => v === seen[0])) return { code: 'INDICATOR_ALL_SAME', params: {} };
  return null;
}
