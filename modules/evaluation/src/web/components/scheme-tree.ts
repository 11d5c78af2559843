/**
 * The scheme editor's model: the scheme JSON with its tree nested under `root` (a flat `nodes` scheme is
 * nested on loading), edited immutably by path (child indexes from the root). An AHP group's matrix grows
 * and shrinks with its children, so it always stays k × k. The server checks everything else.
 */
import type { RawScheme } from '../types.ts';

export interface Weighting {
  method: 'given' | 'equal' | 'ahp' | 'entropy' | 'critic';
  matrix?: number[][];
}
export interface Normalisation {
  method: 'minmax' | 'zscore' | 'rank' | 'percentile' | 'distance' | 'goalposts';
  range?: [number, number];
  min?: number;
  max?: number;
  reference?: number;
  [key: string]: unknown;
}
export interface GroupJson {
  id: string;
  name?: string;
  weight?: number;
  weighting?: Weighting;
  aggregation?: 'arithmetic' | 'geometric' | 'topsis';
  children: NodeJson[];
  [key: string]: unknown;
}
export interface LeafJson {
  indicator: string;
  id?: string;
  name?: string;
  weight?: number;
  direction?: 1 | -1;
  denominator?: string;
  transform?: 'log' | 'log1p';
  winsorise?: [number, number] | { lower: number; upper: number };
  normalisation?: Normalisation;
  [key: string]: unknown;
}
export type NodeJson = GroupJson | LeafJson;
export type Path = number[];

export interface EditableScheme extends RawScheme {
  root: GroupJson;
}

export const isLeaf = (n: NodeJson): n is LeafJson => 'indicator' in n;
export const nodeId = (n: NodeJson): string => (isLeaf(n) ? (n.id ?? n.indicator) : n.id);

/** A scheme as the editor holds it: `root` nested (flat `nodes` turned into a tree, in list order). */
export function toEditable(raw: RawScheme): EditableScheme {
  const copy = structuredClone(raw);
  if (Array.isArray(copy.nodes) && copy.root === undefined) {
    const nodes = copy.nodes as (NodeJson & { parent?: string | null })[];
    const byId = new Map(nodes.map((n) => [nodeId(n), n]));
    let root: GroupJson | undefined;
    for (const n of nodes) {
      const parent = n.parent === null || n.parent === undefined ? undefined : byId.get(n.parent);
      if (parent && !isLeaf(parent)) (parent.children ??= []).push(n);
      else if (!isLeaf(n)) root = n;
    }
    for (const n of nodes) delete n.parent;
    delete copy.nodes;
    copy.root = root ?? { id: 'index', children: [] };
  }
  const root = (copy.root ?? { id: 'index', children: [] }) as GroupJson;
  const fix = (g: GroupJson) => {
    g.children ??= [];
    for (const c of g.children) if (!isLeaf(c)) fix(c);
  };
  fix(root);
  return { ...copy, root };
}

export function nodeAt(root: GroupJson, path: Path): NodeJson {
  let n: NodeJson = root;
  for (const k of path) n = (n as GroupJson).children[k];
  return n;
}

/** root with the node at `path` replaced by fn(node) */
export function updateAt(root: GroupJson, path: Path, fn: (n: NodeJson) => NodeJson): GroupJson {
  if (path.length === 0) return fn(root) as GroupJson;
  const [k, ...rest] = path;
  const children = root.children.slice();
  children[k] = rest.length === 0 ? fn(children[k]) : updateAt(children[k] as GroupJson, rest, fn);
  return { ...root, children };
}

function resizeMatrix(w: Weighting | undefined, k: number, removed?: number): Weighting | undefined {
  if (w?.method !== 'ahp') return w;
  let m = (w.matrix ?? []).map((r) => r.slice());
  if (removed !== undefined) m = m.filter((_, i) => i !== removed).map((r) => r.filter((_, j) => j !== removed));
  while (m.length < k) m.push([]);
  m = m.slice(0, k).map((r, i) => Array.from({ length: k }, (_, j) => (i === j ? 1 : (r[j] ?? 1))));
  return { ...w, matrix: m };
}

export function addChild(root: GroupJson, path: Path, child: NodeJson): GroupJson {
  return updateAt(root, path, (n) => {
    const g = n as GroupJson;
    const given = (g.weighting?.method ?? 'given') === 'given' && g.children.every((c) => c.weight !== undefined);
    const withWeight = given && g.children.length > 0 ? { ...child, weight: 1 / (g.children.length + 1) } : child;
    return { ...g, children: [...g.children, withWeight], weighting: resizeMatrix(g.weighting, g.children.length + 1) };
  });
}

export function removeAt(root: GroupJson, path: Path): GroupJson {
  const parentPath = path.slice(0, -1);
  const k = path[path.length - 1];
  return updateAt(root, parentPath, (n) => {
    const g = n as GroupJson;
    return { ...g, children: g.children.filter((_, i) => i !== k), weighting: resizeMatrix(g.weighting, g.children.length - 1, k) };
  });
}

/** every node id in the tree */
export function allIds(root: GroupJson): Set<string> {
  const ids = new Set<string>();
  const go = (n: NodeJson) => {
    ids.add(nodeId(n));
    if (!isLeaf(n)) n.children.forEach(go);
  };
  go(root);
  return ids;
}

export function freshId(root: GroupJson, stem: string): string {
  const ids = allIds(root);
  let k = 1;
  while (ids.has(`${stem}_${k}`)) k++;
  return `${stem}_${k}`;
}

export function counts(root: GroupJson): { groups: number; leaves: number } {
  let groups = 0;
  let leaves = 0;
  const go = (n: NodeJson) => {
    if (isLeaf(n)) leaves++;
    else {
      groups++;
      n.children.forEach(go);
    }
  };
  go(root);
  return { groups, leaves };
}

/** which node a server error names: details.node, else the group of details.parent, else "节点 x" in its `where` */
export function errorNode(details: unknown): string | null {
  const d = (details ?? {}) as { node?: unknown; parent?: unknown; where?: unknown };
  if (typeof d.node === 'string') return d.node;
  if (typeof d.parent === 'string') return d.parent;
  const m = typeof d.where === 'string' ? /节点 (\S+)/.exec(d.where) : null;
  return m ? m[1] : null;
}

export const BLANK_SCHEME: RawScheme = {
  name: '',
  normalisation: { method: 'minmax', range: [0, 100] },
  aggregation: 'arithmetic',
  imputation: { method: 'exclude' },
  root: { id: 'index', name: '总指数', weighting: { method: 'equal' }, children: [{ indicator: 'indicator_1', name: '指标 1' }] },
};
