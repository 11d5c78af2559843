/**
 * parseScheme: JSON (nested `root`, or a flat `nodes` list with `parent` ids) → a checked Scheme. Refuses,
 * naming the node: wrong fields, duplicate ids, cycles, empty groups, negative / missing / all-zero
 * weights, AHP matrices that are not k × k, positive, reciprocal, or consistent (CR > 0.10, CR shown).
 * Unknown fields are ignored with a warning (a typo such as "weigth" should not pass unnoticed).
 */
import { z } from 'zod';
import { fmt, IndexError } from './errors.ts';
import { warningText, type SchemeWarning } from './warnings.ts';
import {
  KNOWN_KEYS,
  ZGroupFields,
  ZLeafFields,
  ZSchemeTop,
  type GroupNode,
  type LeafNode,
  type Normalisation,
  type Scheme,
  type SchemeNode,
  type Weighting,
} from './scheme-format.ts';
import { checkedAhp, givenWeights } from './weights.ts';

export interface ParsedScheme {
  scheme: Scheme;
  /** the warnings in Chinese */
  warnings: string[];
  /** the warnings as codes with their facts, worded in the reader's language where they are shown */
  notices: SchemeWarning[];
}

/** levels from the root (level 1) to the deepest leaf; a deeper tree is refused before any recursion over it */
export const MAX_SCHEME_DEPTH = 12;
const tooDeep = (node: string) =>
  new IndexError('SCHEME_INVALID', `节点 ${node} 距根节点超过 ${MAX_SCHEME_DEPTH} 层：方案树最多 ${MAX_SCHEME_DEPTH} 层`, { node, maxDepth: MAX_SCHEME_DEPTH });

const zh = z.locales.zhCN().localeError;
type Raw = Record<string, unknown>;
const isObject = (x: unknown): x is Raw => typeof x === 'object' && x !== null && !Array.isArray(x);

function zodMessage(error: z.ZodError, where: string): string {
  const issue = error.issues[0];
  const field = issue.path.join('.');
  const options = 'options' in issue && Array.isArray(issue.options) ? `（可选：${issue.options.join('、')}）` : '';
  return `${where}${field ? `的字段 ${field} ` : ''}有误：${issue.message}${options}`;
}

function parseWith<T extends z.ZodType>(schema: T, raw: unknown, where: string): z.infer<T> {
  const r = schema.safeParse(raw, { error: zh });
  if (!r.success) throw new IndexError('SCHEME_INVALID', zodMessage(r.error, where), { where, path: r.error.issues[0].path.map(String) });
  return r.data;
}

export function parseScheme(input: unknown): ParsedScheme {
  const warnings: SchemeWarning[] = [];
  if (!isObject(input)) throw new IndexError('SCHEME_INVALID', '评价方案应为 JSON 对象');
  const top = parseWith(ZSchemeTop, input, '方案');
  warnUnknown(input, KNOWN_KEYS.top, { zh: '方案', en: 'the scheme' }, warnings);
  checkNormalisation(top.normalisation, '方案');
  for (const n of top.sensitivity?.normalisation ?? []) checkNormalisation(n, '方案 sensitivity');
  if ((top.root === undefined) === (top.nodes === undefined)) {
    throw new IndexError('SCHEME_ROOT', '方案应有且只有 root（嵌套树）或 nodes（带 parent 的节点列表）之一');
  }
  const rawRoot = top.root !== undefined ? top.root : treeFromFlat(top.nodes!);
  const ids = new Map<string, string>();
  const root = buildNode(rawRoot, 'root', new Set(), ids, warnings);
  if (root.kind !== 'group') throw new IndexError('SCHEME_ROOT', `根节点 ${root.id} 是指标：根节点应为分组（有 children）`, { node: root.id });
  const { root: _r, nodes: _n, ...rest } = top;
  return { scheme: { ...rest, root }, warnings: warnings.map((w) => warningText(w, 'zh')), notices: warnings };
}

function warnUnknown(raw: Raw, known: string[], where: { zh: string; en: string }, warnings: SchemeWarning[]): void {
  for (const key of Object.keys(raw)) if (!known.includes(key)) warnings.push({ code: 'FIELD_UNKNOWN', params: { where, key } });
}

function label(raw: unknown, path: string): string {
  if (isObject(raw)) {
    if (typeof raw.id === 'string') return raw.id;
    if (typeof raw.indicator === 'string') return raw.indicator;
  }
  return path;
}

function buildNode(raw: unknown, path: string, ancestors: Set<unknown>, ids: Map<string, string>, warnings: SchemeWarning[]): SchemeNode {
  const name = label(raw, path);
  if (!isObject(raw)) throw new IndexError('SCHEME_INVALID', `节点 ${path} 应为对象`, { node: path });
  if (ancestors.has(raw)) throw new IndexError('SCHEME_CYCLE', `节点 ${name} 出现在自己的下级中：方案树有环`, { node: name });
  if (ancestors.size >= MAX_SCHEME_DEPTH) throw tooDeep(name);
  if ('indicator' in raw && 'children' in raw) {
    throw new IndexError('SCHEME_INVALID', `节点 ${name} 同时有 indicator 和 children：指标节点不能有下级`, { node: name });
  }
  const node = 'indicator' in raw ? buildLeaf(raw, name, warnings) : buildGroup(raw, name, path, ancestors, ids, warnings);
  const seen = ids.get(node.id);
  if (seen !== undefined) {
    throw new IndexError('SCHEME_DUPLICATE_ID', `节点 id ${node.id} 重复（${seen} 与 ${path}）：同一指标用两次时请给叶子节点不同的 id`, { node: node.id });
  }
  ids.set(node.id, path);
  return node;
}

function buildLeaf(raw: Raw, name: string, warnings: SchemeWarning[]): LeafNode {
  const f = parseWith(ZLeafFields, raw, `节点 ${name} `);
  warnUnknown(raw, KNOWN_KEYS.leaf, { zh: `节点 ${name} `, en: `node ${name}` }, warnings);
  if (f.normalisation) checkNormalisation(f.normalisation, `节点 ${name} `);
  if (f.winsorise && !(f.winsorise.lower < f.winsorise.upper)) {
    throw new IndexError('SCHEME_INVALID', `节点 ${name} 的缩尾分位 lower = ${f.winsorise.lower} 应小于 upper = ${f.winsorise.upper}`, { node: name });
  }
  const { parent: _p, id, ...rest } = f;
  return { kind: 'leaf', id: id ?? f.indicator, ...rest };
}

function buildGroup(raw: Raw, name: string, path: string, ancestors: Set<unknown>, ids: Map<string, string>, warnings: SchemeWarning[]): GroupNode {
  const f = parseWith(ZGroupFields, raw, `节点 ${name} `);
  warnUnknown(raw, KNOWN_KEYS.group, { zh: `节点 ${name} `, en: `node ${name}` }, warnings);
  const rawChildren = f.children ?? [];
  if (rawChildren.length === 0) throw new IndexError('SCHEME_EMPTY_GROUP', `分组 ${f.id} 没有子项（children 为空）`, { node: f.id });
  ancestors.add(raw);
  const children = rawChildren.map((c, i) => buildNode(c, `${path}.children[${i}]`, ancestors, ids, warnings));
  ancestors.delete(raw);
  const weighting = resolveWeighting(f.id, f.weighting, children, warnings);
  const { parent: _p, children: _c, weighting: _w, ...rest } = f;
  return { kind: 'group', ...rest, weighting, children };
}

/** Without `weighting`: `given` when every child has a weight, `equal` when none has; a mix is refused. */
function resolveWeighting(id: string, w: Weighting | undefined, children: SchemeNode[], warnings: SchemeWarning[]): Weighting {
  const weighted = children.filter((c) => c.weight !== undefined).length;
  const method = w ?? (weighted === children.length ? { method: 'given' as const } : weighted === 0 ? { method: 'equal' as const } : null);
  if (!method) {
    const missing = children.find((c) => c.weight === undefined)!;
    throw new IndexError('WEIGHT_MISSING', `节点 ${id} 没有指定 weighting，且子项 ${missing.id} 没有 weight（部分子项有）：请给出全部权重或指定权重方法`, {
      node: id,
      child: missing.id,
    });
  }
  for (const c of children) {
    if (c.weight !== undefined && c.weight < 0)
      throw new IndexError('WEIGHT_NEGATIVE', `节点 ${c.id} 的权重为 ${c.weight}：权重不能为负`, { node: c.id, parent: id, weight: c.weight });
  }
  if (method.method === 'given') givenWeights(id, children);
  else if (weighted > 0) warnings.push({ code: 'WEIGHTS_IGNORED', params: { node: id, method: method.method } });
  if (method.method === 'ahp')
    checkedAhp(
      method.matrix,
      id,
      children.map((c) => c.id),
    );
  return method;
}

function checkNormalisation(n: Normalisation, where: string): void {
  const bad = (msg: string) => new IndexError('SCHEME_INVALID', `${where}的标准化设置有误：${msg}`, { where, method: n.method });
  if ((n.method === 'minmax' || n.method === 'goalposts') && !(n.range[0] < n.range[1])) throw bad(`range 的下限 ${n.range[0]} 应小于上限 ${n.range[1]}`);
  if (n.method === 'goalposts' && !(n.min < n.max)) throw bad(`goalposts 的 min = ${fmt(n.min)} 应小于 max = ${fmt(n.max)}`);
  if (n.method === 'distance' && !(n.reference !== 0 && Number.isFinite(n.reference))) throw bad('distance 的参考值 reference 不能为 0');
}

/**
 * The flat form: `nodes: [{ id, parent: null, … }, { id, parent: 'root-id', … }, { indicator, parent }]`.
 * Children keep the list's order (it matters for AHP matrices). A node whose parent chain never reaches
 * the root is on a cycle, which is named.
 */
function treeFromFlat(nodes: unknown[]): Raw {
  const byId = new Map<string, Raw>();
  const parentOf = new Map<string, string | null>();
  for (const [i, raw] of nodes.entries()) {
    const id = label(raw, `nodes[${i}]`);
    if (!isObject(raw)) throw new IndexError('SCHEME_INVALID', `节点 nodes[${i}] 应为对象`, { node: id });
    if (byId.has(id)) throw new IndexError('SCHEME_DUPLICATE_ID', `节点 id ${id} 重复（nodes 列表中出现两次）`, { node: id });
    const { parent, ...rest } = raw;
    byId.set(id, 'indicator' in rest ? rest : { ...rest, children: [] });
    parentOf.set(id, typeof parent === 'string' ? parent : null);
  }
  const roots = [...parentOf].filter(([, p]) => p === null).map(([id]) => id);
  if (roots.length !== 1)
    throw new IndexError('SCHEME_ROOT', roots.length === 0 ? '节点列表中没有根节点（parent 为空的节点）' : `节点列表中有多个根节点：${roots.join('、')}`, {
      roots,
    });
  for (const [id, p] of parentOf) {
    if (p === null) continue;
    const parent = byId.get(p);
    if (!parent) throw new IndexError('SCHEME_PARENT_UNKNOWN', `节点 ${id} 的上级 ${p} 不存在`, { node: id, parent: p });
    if (!Array.isArray(parent.children)) throw new IndexError('SCHEME_INVALID', `节点 ${id} 的上级 ${p} 是指标：指标节点不能有下级`, { node: id, parent: p });
    (parent.children as unknown[]).push(byId.get(id));
  }
  for (const id of parentOf.keys()) {
    const chain: string[] = [];
    let at: string | null = id;
    while (at !== null && !chain.includes(at)) {
      if (chain.length === MAX_SCHEME_DEPTH) throw tooDeep(id);
      chain.push(at);
      at = parentOf.get(at) ?? null;
    }
    if (at !== null) {
      const cycle = [...chain.slice(chain.indexOf(at)), at];
      throw new IndexError('SCHEME_CYCLE', `节点 ${at} 是自己的上级：方案树有环（${cycle.join(' → ')}）`, { node: at, cycle });
    }
  }
  return byId.get(roots[0])!;
}

/** Every node in pre-order (root first, children in order). */
export function walk(root: GroupNode, visit: (node: SchemeNode, parent: GroupNode | null, depth: number) => void): void {
  const go = (node: SchemeNode, parent: GroupNode | null, depth: number) => {
    visit(node, parent, depth);
    if (node.kind === 'group') for (const c of node.children) go(c, node, depth + 1);
  };
  go(root, null, 0);
}

export function leaves(root: GroupNode): LeafNode[] {
  const out: LeafNode[] = [];
  walk(root, (n) => n.kind === 'leaf' && out.push(n));
  return out;
}

export function groups(root: GroupNode): GroupNode[] {
  const out: GroupNode[] = [];
  walk(root, (n) => n.kind === 'group' && out.push(n));
  return out;
}

/** The data columns a scheme reads: indicators, denominators, eligibility filters; and the text column imputation groups by. */
export function schemeColumns(scheme: Scheme): { numeric: string[]; text: string[] } {
  const numeric = new Set<string>();
  for (const l of leaves(scheme.root)) {
    numeric.add(l.indicator);
    if (l.denominator) numeric.add(l.denominator);
  }
  for (const f of scheme.eligibility) numeric.add(f.column);
  const text = new Set<string>();
  for (const imp of [scheme.imputation, ...(scheme.sensitivity?.imputation ?? [])]) if (imp.method !== 'exclude' && imp.by) text.add(imp.by);
  return { numeric: [...numeric], text: [...text] };
}
