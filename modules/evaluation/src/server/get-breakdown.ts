/**
 * One entity's score down to the raw figure (the engine's entityBreakdown on the stored result): each
 * node's weight in its group and overall, its score and contribution to the total; each leaf's figure as
 * read (and its denominator) with the columns' names and units, the figure after treatment, and whether it was
 * imputed. An entity the run read but did not score comes back with the reason instead, as a sentence.
 */
import type { z } from 'zod';
import { evaluationError } from './errors.ts';
import type { Db } from '@kechuang/platform-server';
import { entityBreakdown, leaves, parseScheme, type BreakdownNode, type DataTable, type IndexResult, type LeafNode } from '../domain/index.ts';
import type { ZBreakdownNode, ZEntityBreakdown } from '../contract/schemas.ts';
import { finite, type RunRow } from '../db/run-queries.ts';
import { columnsOf, reasonsFor, schemeOf, type Columns } from './run-words.ts';

type FlatNode = z.infer<typeof ZBreakdownNode>;

interface Row {
  entityId: string;
  label: string;
  regionCode: string | null;
  regionName: string | null;
  figures: Record<string, number | null>;
  excluded: string | null;
  score: number | null;
  rank: number | null;
  nodeScores: Record<string, number | null> | null;
  contributions: Record<string, number | null> | null;
  leafValues: Record<string, number | null> | null;
  tier: string | null;
  place: number | null;
  medianRank: number | null;
  rankP05: number | null;
  rankP95: number | null;
}

const one = (x: number | null | undefined) => Float64Array.of(x ?? NaN);

function flatten(tree: BreakdownNode, leafOf: Map<string, LeafNode>, figures: Record<string, number | null>, columns: Columns): FlatNode[] {
  const named = (code: string, key: 'indicator' | 'denominator') =>
    columns[code] ? { [`${key}Name`]: columns[code].name, [key === 'indicator' ? 'unit' : 'denominatorUnit']: columns[code].unit } : {};
  const out: FlatNode[] = [];
  const go = (n: BreakdownNode, parent: string | null, depth: number, above: number) => {
    const globalWeight = above * n.weight;
    const leaf = leafOf.get(n.id);
    const denominatorRaw = leaf?.denominator ? (figures[leaf.denominator] ?? null) : undefined;
    const raw = n.raw === undefined ? undefined : finite(n.raw);
    out.push({
      id: n.id,
      parent,
      kind: n.kind,
      depth,
      ...(n.name ? { name: n.name } : {}),
      weight: n.weight,
      globalWeight,
      score: finite(n.score),
      contribution: finite(n.contribution),
      ...(leaf
        ? {
            indicator: leaf.indicator,
            direction: leaf.direction,
            raw,
            value: n.value === undefined ? null : finite(n.value),
            ...named(leaf.indicator, 'indicator'),
            ...(leaf.denominator ? { denominator: leaf.denominator, denominatorRaw, ...named(leaf.denominator, 'denominator') } : {}),
            ...(leaf.transform ? { transform: leaf.transform } : {}),
            imputed: raw === null || (leaf.denominator !== undefined && !(typeof denominatorRaw === 'number' && denominatorRaw > 0)),
          }
        : {}),
    });
    for (const c of n.children ?? []) go(c, n.id, depth + 1, globalWeight);
  };
  go(tree, null, 0, 1);
  return out;
}

export async function getBreakdown(db: Db, run: RunRow, entityId: string): Promise<z.infer<typeof ZEntityBreakdown>> {
  const [row] = await db.query<Row>(
    `select i.entity_id as "entityId", i.label, i.region_code as "regionCode", rg.name as "regionName", i.figures, i.excluded,
            res.score, res.rank, res.node_scores as "nodeScores", res.contributions, res.leaf_values as "leafValues", res.tier, res.place,
            res.median_rank as "medianRank", res.rank_p05 as "rankP05", res.rank_p95 as "rankP95"
       from evaluation_run_inputs i left join evaluation_results res on res.run_id = i.run_id and res.entity_id = i.entity_id
       left join regions rg on rg.code = i.region_code
      where i.run_id = $1 and i.entity_id = $2`,
    [run.id, entityId],
  );
  if (!row) throw evaluationError('EVAL_ENTITY_NOT_IN_RUN', { params: { id: run.id, entityId }, details: { field: 'entityId', value: entityId } });
  const base = {
    runId: run.id,
    entityId: row.entityId,
    label: row.label,
    regionCode: row.regionCode,
    regionName: row.regionName,
    scoredCount: run.scoredCount,
    tier: row.tier,
    place: row.place,
    medianRank: row.medianRank,
    rankP05: row.rankP05,
    rankP95: row.rankP95,
    scale: run.summary.scale,
    figures: row.figures,
  };
  const columns = await columnsOf(db, run.preset);
  if (row.score === null || !row.nodeScores || !row.contributions || !row.leafValues) {
    const excluded = reasonsFor(run, schemeOf(run), columns).of(row.figures, row.excluded);
    return { ...base, scored: false, excluded, score: null, rank: null, nodes: [] };
  }
  const { scheme } = parseScheme(run.scheme);
  const leafOf = new Map(leaves(scheme.root).map((l) => [l.id, l]));
  const nodes = run.summary.nodes;
  const leafIds = nodes.filter((n) => n.kind === 'leaf').map((n) => n.id);
  const result: IndexResult = {
    scheme: scheme.name,
    ids: [row.entityId],
    rows: Int32Array.of(0),
    score: Float64Array.of(row.score),
    rank: Int32Array.of(row.rank!),
    nodes,
    nodeScores: new Map(nodes.map((n) => [n.id, one(row.nodeScores![n.id])])),
    leafValues: new Map(leafIds.map((id) => [id, one(row.leafValues![id])])),
    contributions: new Map(leafIds.map((id) => [id, one(row.contributions![id])])),
    weights: run.summary.weights.map((g) => ({
      ...g,
      method: g.method as IndexResult['weights'][number]['method'],
      aggregation: g.aggregation as IndexResult['weights'][number]['aggregation'],
    })),
    excluded: [],
    imputed: [],
    winsorised: [],
    scale: run.summary.scale,
  };
  const table: DataTable = { ids: [row.entityId], columns: new Map(Object.entries(row.figures).map(([c, v]) => [c, one(v)])), text: new Map() };
  const tree = entityBreakdown(result, table, row.entityId)!;
  return { ...base, scored: true, excluded: null, score: row.score, rank: row.rank, nodes: flatten(tree, leafOf, row.figures, columns) };
}
