/** The scheme editor's tree operations: flat schemes nested, AHP matrices kept k × k, ids fresh, errors placed. */
import { describe, expect, it } from 'vitest';
import { addChild, allIds, errorNode, freshId, nodeAt, removeAt, toEditable, updateAt, type GroupJson } from './scheme-tree.ts';

const flat = {
  name: 'example',
  nodes: [
    { id: 'index', parent: null, weighting: { method: 'given' } },
    { id: 'input', parent: 'index', weight: 0.6, weighting: { method: 'equal' } },
    { indicator: 'rd_intensity', parent: 'input' },
    {
      id: 'output',
      parent: 'index',
      weight: 0.4,
      weighting: {
        method: 'ahp',
        matrix: [
          [1, 3],
          [0.3333333, 1],
        ],
      },
    },
    { indicator: 'patents', parent: 'output' },
    { indicator: 'defects', parent: 'output', direction: -1 },
  ],
};

describe('scheme tree', () => {
  it('nests a flat scheme in list order, without parent fields', () => {
    const s = toEditable(flat);
    expect(s.nodes).toBeUndefined();
    expect(s.root.id).toBe('index');
    expect(s.root.children.map((c) => ('indicator' in c ? c.indicator : c.id))).toEqual(['input', 'output']);
    expect(nodeAt(s.root, [1, 1])).toEqual({ indicator: 'defects', direction: -1 });
    expect(JSON.stringify(s)).not.toContain('parent');
  });

  it("grows and shrinks an AHP group's matrix with its children, keeping the other judgements", () => {
    const root = toEditable(flat).root;
    const grown = addChild(root, [1], { indicator: 'standards' });
    expect((nodeAt(grown, [1]) as GroupJson).weighting!.matrix).toEqual([
      [1, 3, 1],
      [0.3333333, 1, 1],
      [1, 1, 1],
    ]);
    const shrunk = removeAt(grown, [1, 0]);
    expect((nodeAt(shrunk, [1]) as GroupJson).weighting!.matrix).toEqual([
      [1, 1],
      [1, 1],
    ]);
    expect((nodeAt(shrunk, [1]) as GroupJson).children.map((c) => ('indicator' in c ? c.indicator : c.id))).toEqual(['defects', 'standards']);
    expect(root.children[1]).toEqual(toEditable(flat).root.children[1]); // the original is untouched
  });

  it('gives a new child of a weighted group a weight, and new nodes fresh ids', () => {
    const root = toEditable(flat).root;
    const added = addChild(root, [], { id: freshId(root, 'group'), children: [] });
    expect(nodeAt(added, [2])).toMatchObject({ id: 'group_1', weight: 1 / 3 });
    expect(freshId(added, 'group')).toBe('group_2');
    expect([...allIds(added)]).toContain('rd_intensity');
    const renamed = updateAt(added, [2], (n) => ({ ...n, name: '新分组' }));
    expect(nodeAt(renamed, [2])).toMatchObject({ name: '新分组' });
  });

  it('finds the node a server error names', () => {
    expect(errorNode({ reason: 'WEIGHT_NEGATIVE', node: 'a', parent: 'root' })).toBe('a');
    expect(errorNode({ reason: 'WEIGHT_ALL_ZERO', parent: 'root' })).toBe('root');
    expect(errorNode({ reason: 'SCHEME_INVALID', where: '节点 output ' })).toBe('output');
    expect(errorNode(null)).toBeNull();
  });
});
