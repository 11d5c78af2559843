/**
 * A scheme checked before it is saved or run: the engine's parseScheme (fields, ids, cycles, weights, AHP
 * reciprocity and consistency — each error naming its node), then, for a preset's scheme, every column it
 * reads must be one the preset's table has, named with the node that reads it.
 */
import type { Db } from '@kechuang/platform-server';
import { IndexError, parseScheme, schemeColumns, walk, type NodeInfo, type Scheme, type SchemeWarning } from '../domain/index.ts';
import type { PresetCode, RawScheme } from '../contract/schemas.ts';
import { presetColumns } from '../presets/index.ts';

export interface CheckedScheme {
  scheme: Scheme;
  /** as codes with facts: worded in the request's language where answered (warningText) */
  warnings: SchemeWarning[];
  nodes: NodeInfo[];
  columns: { numeric: string[]; text: string[] };
}

export function schemeNodes(scheme: Scheme): NodeInfo[] {
  const nodes: NodeInfo[] = [];
  walk(scheme.root, (n, parent, depth) =>
    nodes.push({
      id: n.id,
      kind: n.kind,
      parent: parent?.id ?? null,
      depth,
      ...(n.name ? { name: n.name } : {}),
      ...(n.kind === 'leaf' ? { indicator: n.indicator } : {}),
    }),
  );
  return nodes;
}

export async function checkScheme(db: Db, raw: RawScheme, preset: PresetCode | null): Promise<CheckedScheme> {
  const { scheme, notices: warnings } = parseScheme(raw);
  const columns = schemeColumns(scheme);
  if (preset) {
    const available = await presetColumns(db, preset);
    const numeric = new Set(available.filter((c) => c.kind === 'numeric').map((c) => c.code));
    const text = new Set(available.filter((c) => c.kind === 'text').map((c) => c.code));
    const known = () => `（可用的列：${[...numeric].join('、')}）`;
    walk(scheme.root, (n) => {
      if (n.kind !== 'leaf') return;
      if (!numeric.has(n.indicator))
        throw new IndexError('DATA_COLUMN_MISSING', `节点 ${n.id} 的指标 ${n.indicator} 不在该预设的数据中${known()}`, { node: n.id, column: n.indicator });
      if (n.denominator && !numeric.has(n.denominator))
        throw new IndexError('DATA_COLUMN_MISSING', `节点 ${n.id} 的分母 ${n.denominator} 不在该预设的数据中${known()}`, { node: n.id, column: n.denominator });
    });
    for (const f of scheme.eligibility) {
      if (!numeric.has(f.column)) throw new IndexError('DATA_COLUMN_MISSING', `资格条件的列 ${f.column} 不在该预设的数据中${known()}`, { column: f.column });
    }
    for (const c of columns.text) {
      if (!text.has(c))
        throw new IndexError('DATA_COLUMN_MISSING', `插补分组列 ${c} 不在该预设的数据中（可用的文本列：${[...text].join('、') || '无'}）`, { column: c });
    }
  }
  return { scheme, warnings, nodes: schemeNodes(scheme), columns };
}
