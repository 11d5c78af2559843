/**
 * computeIndex(scheme, table): per entity the score, the competition rank, each node's score and each
 * leaf's contribution to the total (so every score decomposes to its leaves, and each leaf's figure is
 * kept beside its normalised score); with the weights used, the entities excluded and why, the cells
 * imputed and the winsorisation bounds.
 */
import { compileScheme, decompose, evaluateTree } from './evaluate.ts';
import type { ImputedCell } from './impute.ts';
import { scaleOf } from './normalise.ts';
import { eligibleRows, normaliseLeaves, prepareData, type EligibleHook, type Exclusion, type WinsorisedLeaf } from './prepare.ts';
import { competitionRank } from './rank.ts';
import type { Aggregation, Scheme, WeightingMethod } from './scheme-format.ts';
import { checkTable, type DataTable } from './table.ts';

export interface ComputeOptions {
  /** eligibility hook, after the scheme's own filters: a function of the table row, or a mask (1 = eligible) */
  eligible?: EligibleHook | Uint8Array;
}

export interface NodeInfo {
  id: string;
  kind: 'leaf' | 'group';
  /** id of the parent group; null for the root */
  parent: string | null;
  depth: number;
  name?: string;
  indicator?: string;
}

export interface GroupWeights {
  id: string;
  method: WeightingMethod;
  aggregation: Aggregation;
  children: { id: string; weight: number }[];
  /** AHP groups: consistency ratio and principal eigenvalue */
  cr?: number;
  lambdaMax?: number;
}

export interface IndexResult {
  scheme: string;
  /** scored entities in input order; the arrays below are parallel to it */
  ids: string[];
  /** their rows in the table */
  rows: Int32Array;
  score: Float64Array;
  /** competition rank, 1 = best (see rank.ts for the tie rule) */
  rank: Int32Array;
  /** pre-order: root first */
  nodes: NodeInfo[];
  /** every node's score: groups on the scheme's scale, leaves their normalised score */
  nodeScores: Map<string, Float64Array>;
  /** each leaf's figure after ratio, imputation, winsorisation and log (before normalisation) */
  leafValues: Map<string, Float64Array>;
  /** each leaf's contribution to the total: Σ over leaves = score */
  contributions: Map<string, Float64Array>;
  weights: GroupWeights[];
  excluded: Exclusion[];
  imputed: ImputedCell[];
  winsorised: WinsorisedLeaf[];
  /** the scale of the scheme's normalisation (null for z-scores and other open scales) */
  scale: [number, number] | null;
}

export function computeIndex(scheme: Scheme, table: DataTable, options: ComputeOptions = {}): IndexResult {
  checkTable(scheme, table);
  const c = compileScheme(scheme);
  const data = prepareData(c.leaves, table, eligibleRows(scheme, table, options.eligible), scheme.imputation);
  const leafScores = normaliseLeaves(c.leaves, data, scheme.normalisation);
  const ev = evaluateTree(c, data, leafScores, { aggregation: scheme.aggregation, scale: scaleOf(scheme.normalisation) });
  const contributions = decompose(c, ev, data.ids.length);
  const score = ev.scores[0];
  const norm = scheme.normalisation;
  return {
    scheme: scheme.name,
    ids: data.ids,
    rows: data.rows,
    score,
    rank: competitionRank(score),
    nodes: c.nodes.map((node) => ({
      id: node.id,
      kind: node.kind,
      parent: node.parent < 0 ? null : c.nodes[node.parent].id,
      depth: node.depth,
      ...((node.leaf ?? node.group)!.name ? { name: (node.leaf ?? node.group)!.name } : {}),
      ...(node.leaf ? { indicator: node.leaf.indicator } : {}),
    })),
    nodeScores: new Map(c.nodes.map((node, i) => [node.id, ev.scores[i]])),
    leafValues: new Map(c.leaves.map((l, j) => [l.id, data.values[j]])),
    contributions: new Map(c.leaves.map((l, j) => [l.id, contributions[j]])),
    weights: c.nodes.flatMap((node, g) =>
      node.kind === 'group'
        ? [
            {
              id: node.id,
              method: node.group!.weighting.method,
              aggregation: ev.aggregation[g]!,
              children: node.children.map((k, j) => ({ id: c.nodes[k].id, weight: ev.weights[g][j] })),
              ...(node.ahp ? { cr: node.ahp.cr, lambdaMax: node.ahp.lambdaMax } : {}),
            },
          ]
        : [],
    ),
    excluded: data.excluded,
    imputed: data.imputed,
    winsorised: data.winsorised,
    scale: norm.method === 'minmax' || norm.method === 'goalposts' || norm.method === 'percentile' ? scaleOf(norm) : null,
  };
}

export interface BreakdownNode {
  id: string;
  kind: 'leaf' | 'group';
  name?: string;
  /** weight within its parent group (1 for the root) */
  weight: number;
  score: number;
  /** contribution to the total: a leaf's own, a group's the sum of its leaves' */
  contribution: number;
  /** leaves: the raw figure from the table and the figure after treatment */
  raw?: number;
  value?: number;
  children?: BreakdownNode[];
}

/** One entity's score as a tree, down to the raw figure: for the breakdown page and exports. */
export function entityBreakdown(result: IndexResult, table: DataTable, id: string): BreakdownNode | null {
  const i = result.ids.indexOf(id);
  if (i < 0) return null;
  const weightOf = new Map<string, number>();
  for (const g of result.weights) for (const ch of g.children) weightOf.set(ch.id, ch.weight);
  const build = (info: NodeInfo): BreakdownNode => {
    const base = {
      id: info.id,
      kind: info.kind,
      ...(info.name ? { name: info.name } : {}),
      weight: weightOf.get(info.id) ?? 1,
      score: result.nodeScores.get(info.id)![i],
    };
    if (info.kind === 'leaf') {
      const contribution = result.contributions.get(info.id)![i];
      return { ...base, contribution, raw: table.columns.get(info.indicator!)![result.rows[i]], value: result.leafValues.get(info.id)![i] };
    }
    const children = result.nodes.filter((n) => n.parent === info.id).map(build);
    return { ...base, contribution: children.reduce((a, ch) => a + ch.contribution, 0), children };
  };
  return build(result.nodes[0]);
}
