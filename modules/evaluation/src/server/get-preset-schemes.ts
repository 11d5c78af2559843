/**
 * The presets' documented schemes, read-only, for 评价体系: the leadership index, the towns' scoreboard (over the
 * indicator catalogue as it is now; a run leaves out the indicators that cannot discriminate in its period) and the
 * two performance reviews — each node with its weight in its group and overall (fixed by the scheme: given, equal or
 * AHP; null where the data decide), each leaf with its columns' names and units and its treatment, and what a run of
 * the preset adds (eligibility, tiers or grades, the Monte Carlo's alternatives). 复制为新体系 saves one as a scheme.
 */
import type { z } from 'zod';
import type { Db } from '@kechuang/platform-server';
import { compileScheme, imputationName, parseScheme, type GroupNode, type LeafNode } from '../domain/index.ts';
import type { PresetCode, RawScheme, Tier, ZPresetScheme, ZPresetSchemeNode } from '../contract/schemas.ts';
import { indicatorCatalogue } from '@kechuang/indicators/server';
import { LEADERSHIP_COLUMNS, LEADERSHIP_SCHEME, LEADERSHIP_TIERS } from '../presets/leadership.ts';
import { PERFORMANCE_REVIEW_COLUMNS, REVIEW_GRADES, REVIEW_KINDS, reviewScheme } from '../presets/performance-review.ts';
import { townsColumns, townsScheme } from '../presets/towns.ts';

type PresetScheme = z.infer<typeof ZPresetScheme>;
type Node = z.infer<typeof ZPresetSchemeNode>;
type Column = { code: string; name: string; unit: string; note: string };

function nodesOf(raw: RawScheme, columns: Column[]): { nodes: Node[]; leafCount: number } {
  const { scheme } = parseScheme(raw);
  const compiled = compileScheme(scheme);
  const col = new Map(columns.map((c) => [c.code, c]));
  const nodes: Node[] = [];
  const global = new Map<number, number | null>();
  compiled.nodes.forEach((n, i) => {
    const parent = n.parent >= 0 ? compiled.nodes[n.parent] : null;
    const k = parent ? parent.children.indexOf(i) : 0;
    const weight = parent ? (parent.fixedWeights?.[k] ?? null) : 1;
    const above = parent ? global.get(n.parent)! : 1;
    global.set(i, weight === null || above === null ? null : weight * above);
    const base = { id: n.id, parent: parent?.id ?? null, kind: n.kind, depth: n.depth, weight, globalWeight: global.get(i)! };
    if (n.kind === 'group') {
      const g = n.group as GroupNode;
      nodes.push({
        ...base,
        name: g.name ?? g.id,
        weighting: g.weighting.method,
        aggregation: g.aggregation ?? scheme.aggregation,
        ...(n.ahp ? { cr: n.ahp.cr } : {}),
      });
      return;
    }
    const l = n.leaf as LeafNode;
    const c = col.get(l.indicator);
    const own = l.normalisation;
    nodes.push({
      ...base,
      name: l.name ?? c?.name ?? l.indicator,
      indicator: l.indicator,
      indicatorName: c?.name ?? l.indicator,
      unit: c?.unit ?? '',
      direction: l.direction,
      ...(l.denominator ? { denominator: l.denominator, denominatorName: col.get(l.denominator)?.name ?? l.denominator } : {}),
      ...(l.transform ? { transform: l.transform } : {}),
      ...(l.winsorise ? { winsorise: [l.winsorise.lower, l.winsorise.upper] as [number, number] } : {}),
      ...(own ? { normalisation: { method: own.method, ...(own.method === 'goalposts' ? { min: own.min, max: own.max } : {}) } } : {}),
    });
  });
  return { nodes, leafCount: compiled.leaves.length };
}

function presetScheme(
  key: string,
  preset: PresetCode,
  raw: RawScheme,
  columns: Column[],
  extra: { tiers?: Tier[]; grades?: { grade: string; maxShare?: number }[] },
): PresetScheme {
  const { scheme } = parseScheme(raw);
  const col = new Map(columns.map((c) => [c.code, c]));
  const norm = scheme.normalisation;
  const by = [scheme.imputation, ...(scheme.sensitivity?.imputation ?? [])].flatMap((i) => (i.method !== 'exclude' && i.by ? [i.by] : []));
  return {
    key,
    preset,
    name: scheme.name,
    description: scheme.description ?? '',
    scheme: raw,
    normalisation: norm.method,
    range: norm.method === 'minmax' || norm.method === 'goalposts' ? norm.range : null,
    aggregation: scheme.aggregation,
    imputation: imputationName(scheme.imputation),
    eligibility: scheme.eligibility.map((f) => ({
      column: f.column,
      label: f.label ?? col.get(f.column)?.name ?? f.column,
      op: f.op,
      value: f.value,
      unit: f.unit ?? col.get(f.column)?.unit ?? '',
      note: col.get(f.column)?.note ?? '',
    })),
    sensitivity: scheme.sensitivity
      ? {
          perturbation: scheme.sensitivity.weights,
          normalisation: (scheme.sensitivity.normalisation ?? [norm]).map((n) => n.method),
          aggregation: scheme.sensitivity.aggregation ?? [scheme.aggregation],
          imputation: (scheme.sensitivity.imputation ?? [scheme.imputation]).map(imputationName),
        }
      : null,
    tiers: extra.tiers ?? [],
    grades: extra.grades ?? [],
    columnNames: Object.fromEntries(by.map((c) => [c, col.get(c)?.name ?? c])),
    ...nodesOf(raw, columns),
  };
}

export async function getPresetSchemes(db: Db): Promise<PresetScheme[]> {
  const catalogue = await indicatorCatalogue(db);
  return [
    presetScheme('leadership', 'leadership', LEADERSHIP_SCHEME, LEADERSHIP_COLUMNS, { tiers: LEADERSHIP_TIERS }),
    presetScheme('towns', 'towns', townsScheme(catalogue).scheme, townsColumns(catalogue), {}),
    ...REVIEW_KINDS.map((k) =>
      presetScheme(`performanceReview.${k}`, 'performanceReview', reviewScheme(k), PERFORMANCE_REVIEW_COLUMNS, { grades: REVIEW_GRADES }),
    ),
  ];
}
