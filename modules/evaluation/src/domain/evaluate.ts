/**
 * The scheme as arrays (compileScheme), and one pass up the tree (evaluateTree): each group's weights
 * (fixed by the scheme, or from the data for entropy and CRITIC) and its aggregate score; then
 * decompose: each leaf's contribution to the total, so that a score adds up from its leaves.
 */
import { arithmetic, geometric, topsis } from './aggregate.ts';
import { unitInterval } from './normalise.ts';
import type { DataSet } from './prepare.ts';
import type { Aggregation, GroupNode, LeafNode, Scheme } from './scheme-format.ts';
import { walk } from './scheme.ts';
import { ahpEigen, criticWeights, entropyWeights, equalWeights, givenWeights, type AhpResult } from './weights.ts';

export interface CompiledNode {
  id: string;
  kind: 'leaf' | 'group';
  /** index of the parent node, −1 for the root */
  parent: number;
  depth: number;
  children: number[];
  /** leaves: position in `leaves` (and in DataSet.values); −1 for groups */
  slot: number;
  leaf?: LeafNode;
  group?: GroupNode;
  /** groups weighted given / equal / ahp: their weights; null when they come from the data */
  fixedWeights: number[] | null;
  ahp?: AhpResult;
}

export interface CompiledScheme {
  scheme: Scheme;
  /** pre-order: the root first, children in order */
  nodes: CompiledNode[];
  leaves: LeafNode[];
  /** group indices, children before their parents */
  postOrder: number[];
}

export function compileScheme(scheme: Scheme): CompiledScheme {
  const nodes: CompiledNode[] = [];
  const leaves: LeafNode[] = [];
  const index = new Map<string, number>();
  walk(scheme.root, (n, parent, depth) => {
    const p = parent ? index.get(parent.id)! : -1;
    index.set(n.id, nodes.length);
    if (p >= 0) nodes[p].children.push(nodes.length);
    const base = { id: n.id, kind: n.kind, parent: p, depth, children: [], fixedWeights: null };
    if (n.kind === 'leaf') nodes.push({ ...base, slot: leaves.push(n) - 1, leaf: n });
    else nodes.push({ ...base, slot: -1, group: n, ...fixedWeights(n) });
  });
  const postOrder = nodes
    .map((_, i) => i)
    .filter((i) => nodes[i].kind === 'group')
    .reverse();
  return { scheme, nodes, leaves, postOrder };
}

function fixedWeights(g: GroupNode): { fixedWeights: number[] | null; ahp?: AhpResult } {
  const w = g.weighting;
  switch (w.method) {
    case 'given':
      return { fixedWeights: givenWeights(g.id, g.children) };
    case 'equal':
      return { fixedWeights: equalWeights(g.children.length) };
    case 'ahp': {
      const ahp = ahpEigen(w.matrix);
      return { fixedWeights: ahp.weights, ahp };
    }
    case 'entropy':
    case 'critic':
      return { fixedWeights: null };
  }
}

export interface EvaluateOptions {
  /** aggregation of groups that do not set their own */
  aggregation: Aggregation;
  /** the scale TOPSIS closeness is put on */
  scale: [number, number];
  /** Monte Carlo: changes a group's weights after they are computed */
  perturb?: (node: number, w: number[]) => number[];
  /** entropy / CRITIC weights of groups whose children are all leaves depend only on the data: kept here */
  weightCache?: Map<number, number[]>;
  /** reusable score columns per node index (groups), to avoid allocating in the Monte Carlo */
  buffers?: Float64Array[];
  /** ln of each leaf's score (by slot), for geometric aggregation without a log per cell per sample */
  leafLogs?: Float64Array[];
}

export interface Evaluation {
  /** per node index: the node's score (leaves: their normalised score) */
  scores: Float64Array[];
  /** per node index: the group's child weights (empty for leaves) */
  weights: number[][];
  /** per node index: the aggregation the group used */
  aggregation: (Aggregation | null)[];
}

export function evaluateTree(c: CompiledScheme, data: DataSet, leafScores: Float64Array[], opts: EvaluateOptions): Evaluation {
  const n = data.ids.length;
  const scores: Float64Array[] = c.nodes.map((node) => (node.kind === 'leaf' ? leafScores[node.slot] : undefined!));
  const weights: number[][] = c.nodes.map(() => []);
  const aggregation: (Aggregation | null)[] = c.nodes.map(() => null);
  for (const g of c.postOrder) {
    const node = c.nodes[g];
    let w = node.fixedWeights ?? dataWeights(c, g, data, scores, opts.weightCache);
    if (opts.perturb) w = opts.perturb(g, w);
    const children = node.children.map((k) => scores[k]);
    const out = opts.buffers?.[g] ?? new Float64Array(n);
    const agg = node.group!.aggregation ?? opts.aggregation;
    if (agg === 'arithmetic') arithmetic(children, w, out);
    else if (agg === 'geometric') {
      const logs = opts.leafLogs ? node.children.map((k) => (c.nodes[k].kind === 'leaf' ? opts.leafLogs![c.nodes[k].slot] : null)) : undefined;
      geometric(
        children,
        w,
        out,
        node.id,
        node.children.map((k) => c.nodes[k].id),
        data.ids,
        logs,
      );
    } else topsis(children, w, out, opts.scale);
    scores[g] = out;
    weights[g] = w;
    aggregation[g] = agg;
  }
  return { scores, weights, aggregation };
}

/** Entropy / CRITIC weights from the children's min-max [0, 1] values: a leaf's figure (direction applied), a group's score. */
function dataWeights(c: CompiledScheme, g: number, data: DataSet, scores: Float64Array[], cache?: Map<number, number[]>): number[] {
  const cached = cache?.get(g);
  if (cached) return cached;
  const node = c.nodes[g];
  const method = node.group!.weighting.method as 'entropy' | 'critic';
  const cols = node.children.map((k) => {
    const child = c.nodes[k];
    return child.kind === 'leaf'
      ? unitInterval(data.values[child.slot], child.leaf!.direction, node.id, child.id, method)
      : unitInterval(scores[k], 1, node.id, child.id, method);
  });
  const w = method === 'entropy' ? entropyWeights(cols, node.id) : criticWeights(cols, node.id);
  if (cache && node.children.every((k) => c.nodes[k].kind === 'leaf')) cache.set(g, w);
  return w;
}

/**
 * Each leaf's contribution to the total, adding up exactly to it. Down an arithmetic group the
 * contribution of child j is F·wⱼ·yⱼ, where F is what one point of the group is worth in the total
 * (F = 1 at the root, F·wⱼ below: one number for every entity while all groups above are arithmetic).
 * A geometric or TOPSIS group is not a sum, so its contribution is shared among its children in
 * proportion to wⱼ·yⱼ (by weight alone if all are 0), and F below it is contribution / score per entity.
 */
export function decompose(c: CompiledScheme, ev: Evaluation, n: number): Float64Array[] {
  const factor: (number | Float64Array)[] = c.nodes.map(() => 0);
  const contribution: (Float64Array | null)[] = c.nodes.map(() => null);
  factor[0] = 1;
  contribution[0] = ev.scores[0];
  const out: Float64Array[] = [];
  c.nodes.forEach((node, g) => {
    if (node.kind === 'leaf') {
      out[node.slot] = contribution[g] ?? times(factor[g], ev.scores[g], n);
      return;
    }
    const w = ev.weights[g];
    if (ev.aggregation[g] === 'arithmetic') {
      const f = factor[g];
      node.children.forEach((k, j) => (factor[k] = typeof f === 'number' ? f * w[j] : times(f, null, n, w[j])));
    } else {
      const cg = contribution[g] ?? times(factor[g], ev.scores[g], n);
      const ys = node.children.map((k) => ev.scores[k]);
      const total = new Float64Array(n);
      ys.forEach((y, j) => {
        for (let i = 0; i < n; i++) total[i] += w[j] * y[i];
      });
      node.children.forEach((k, j) => {
        const y = ys[j];
        const ck = new Float64Array(n);
        for (let i = 0; i < n; i++) ck[i] = total[i] !== 0 ? (cg[i] * w[j] * y[i]) / total[i] : cg[i] * w[j];
        contribution[k] = ck;
        if (c.nodes[k].kind === 'group') factor[k] = ck.map((v, i) => (y[i] !== 0 ? v / y[i] : 0));
      });
    }
    contribution[g] = null;
  });
  return out;
}

/** f·y per entity (f one number or one per entity); with y null, f·scale. */
function times(f: number | Float64Array, y: Float64Array | null, n: number, scale = 1): Float64Array {
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) out[i] = (typeof f === 'number' ? f : f[i]) * (y ? y[i] : 1) * scale;
  return out;
}
