import { describe, expect, it } from 'vitest';
import { ISSUE_EXAMPLE } from '../test/fixtures.ts';
import { parseScheme, schemeColumns } from './scheme.ts';

const group = (id: string, children: unknown[], extra: object = {}) => ({ id, children, ...extra });
const withRoot = (root: unknown, extra: object = {}) => ({ name: 't', root, ...extra });

describe('parseScheme on good schemes', () => {
  it("reads the issue's example with its defaults filled in", () => {
    const { scheme, warnings } = parseScheme(ISSUE_EXAMPLE);
    expect(warnings).toEqual([]);
    expect(scheme.normalisation).toEqual({ method: 'minmax', range: [0, 100] });
    expect(scheme.imputation).toEqual({ method: 'exclude' });
    const output = scheme.root.children[1];
    expect(output).toMatchObject({ kind: 'group', id: 'output', weight: 0.4, weighting: { method: 'ahp' } });
    expect(output.kind === 'group' && output.children[1]).toMatchObject({ kind: 'leaf', id: 'defects', indicator: 'defects', direction: -1 });
    expect(schemeColumns(scheme)).toEqual({ numeric: ['rd_intensity', 'staff_share', 'patents', 'defects'], text: [] });
  });

  it('reads the same tree from a flat node list with parent ids (children in list order)', () => {
    const flat = parseScheme({
      name: 'example',
      nodes: [
        { id: 'index', parent: null, weighting: { method: 'given' } },
        { id: 'input', parent: 'index', weight: 0.6, weighting: { method: 'equal' } },
        { indicator: 'rd_intensity', parent: 'input' },
        { indicator: 'staff_share', parent: 'input' },
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
    });
    expect(flat.scheme.root).toEqual(parseScheme(ISSUE_EXAMPLE).scheme.root);
  });

  it('defaults a group without weighting to given when every child has a weight, equal when none has', () => {
    const { scheme } = parseScheme(withRoot(group('r', [group('a', [{ indicator: 'x' }], { weight: 2 }), group('b', [{ indicator: 'y' }], { weight: 1 })])));
    expect(scheme.root.weighting).toEqual({ method: 'given' });
    expect(scheme.root.children[0].kind === 'group' && scheme.root.children[0].weighting).toEqual({ method: 'equal' });
  });

  it('warns about fields it does not know (a typo should not pass unnoticed) and ignored weights', () => {
    const { warnings } = parseScheme(
      withRoot(
        group(
          'r',
          [
            { indicator: 'x', weigth: 2 },
            { indicator: 'y', weight: 1 },
          ],
          { weighting: { method: 'equal' } },
        ),
        { normalization: {} },
      ),
    );
    expect(warnings).toEqual([
      '方案的字段 normalization 无法识别，已忽略',
      '节点 x 的字段 weigth 无法识别，已忽略',
      '节点 r 的权重方法为 equal，子项的 weight 已忽略',
    ]);
  });

  it('accepts winsorisation bounds as an object or a pair', () => {
    const { scheme } = parseScheme(
      withRoot(
        group('r', [
          { indicator: 'x', winsorise: [0.05, 0.95] },
          { indicator: 'y', winsorise: { lower: 0, upper: 0.99 } },
        ]),
      ),
    );
    expect(scheme.root.children.map((c) => c.kind === 'leaf' && c.winsorise)).toEqual([
      { lower: 0.05, upper: 0.95 },
      { lower: 0, upper: 0.99 },
    ]);
  });
});

const cyclic: Record<string, unknown> = { id: 'loop', children: [] };
(cyclic.children as unknown[]).push({ id: 'inner', children: [cyclic] });

describe('parseScheme refuses bad schemes, naming the node', () => {
  it.each([
    [
      'a negative weight',
      withRoot(
        group('r', [
          { indicator: 'x', weight: -0.2 },
          { indicator: 'y', weight: 1 },
        ]),
      ),
      'WEIGHT_NEGATIVE',
      /节点 x 的权重为 -0.2/,
    ],
    [
      'all-zero weights',
      withRoot(
        group('r', [
          { indicator: 'x', weight: 0 },
          { indicator: 'y', weight: 0 },
        ]),
      ),
      'WEIGHT_ALL_ZERO',
      /节点 r 的子项权重全为 0/,
    ],
    [
      'given weighting with a child lacking weight',
      withRoot(group('r', [{ indicator: 'x', weight: 1 }, { indicator: 'y' }], { weighting: { method: 'given' } })),
      'WEIGHT_MISSING',
      /子项 y 没有 weight/,
    ],
    [
      'some children weighted and no weighting',
      withRoot(group('r', [{ indicator: 'x', weight: 1 }, { indicator: 'y' }])),
      'WEIGHT_MISSING',
      /节点 r 没有指定 weighting/,
    ],
    ['a duplicate id', withRoot(group('r', [group('a', [{ indicator: 'x' }]), group('b', [{ indicator: 'x' }])])), 'SCHEME_DUPLICATE_ID', /节点 id x 重复/],
    ['a group id equal to an indicator', withRoot(group('r', [group('x', [{ indicator: 'x' }])])), 'SCHEME_DUPLICATE_ID', /节点 id x 重复/],
    ['a cycle among objects', withRoot(group('r', [cyclic])), 'SCHEME_CYCLE', /节点 loop 出现在自己的下级中/],
    [
      'a cycle in the node list',
      {
        nodes: [
          { id: 'r', parent: null },
          { indicator: 'x', parent: 'r' },
          { id: 'a', parent: 'b' },
          { id: 'b', parent: 'a' },
        ],
      },
      'SCHEME_CYCLE',
      /方案树有环（a → b → a）/,
    ],
    [
      'an unknown parent',
      {
        nodes: [
          { id: 'r', parent: null },
          { indicator: 'x', parent: 'nope' },
        ],
      },
      'SCHEME_PARENT_UNKNOWN',
      /节点 x 的上级 nope 不存在/,
    ],
    [
      'two roots',
      {
        nodes: [
          { id: 'r', parent: null },
          { id: 's', parent: null },
        ],
      },
      'SCHEME_ROOT',
      /多个根节点：r、s/,
    ],
    ['both root and nodes', { root: group('r', [{ indicator: 'x' }]), nodes: [] }, 'SCHEME_ROOT', /有且只有 root/],
    ['a leaf as the root', withRoot({ indicator: 'x' }), 'SCHEME_ROOT', /根节点 x 是指标/],
    ['an empty group', withRoot(group('r', [group('empty', [])])), 'SCHEME_EMPTY_GROUP', /分组 empty 没有子项/],
    ['a leaf with children', withRoot(group('r', [{ indicator: 'x', children: [] }])), 'SCHEME_INVALID', /节点 x 同时有 indicator 和 children/],
    [
      'an unknown weighting method',
      withRoot(group('r', [{ indicator: 'x' }], { weighting: { method: 'pca' } })),
      'SCHEME_INVALID',
      /节点 r 的字段 weighting.method 有误.*可选：given、equal、ahp、entropy、critic/,
    ],
    ['a direction other than ±1', withRoot(group('r', [{ indicator: 'x', direction: 2 }])), 'SCHEME_INVALID', /节点 x 的字段 direction 有误/],
    [
      'an AHP matrix that is not reciprocal',
      withRoot(
        group('r', [{ indicator: 'x' }, { indicator: 'y' }], {
          weighting: {
            method: 'ahp',
            matrix: [
              [1, 3],
              [0.5, 1],
            ],
          },
        }),
      ),
      'AHP_NOT_RECIPROCAL',
      /节点 r 的 AHP 判断矩阵不互反/,
    ],
    [
      'an inconsistent AHP matrix',
      withRoot(
        group('r', [{ indicator: 'x' }, { indicator: 'y' }, { indicator: 'z' }], {
          weighting: {
            method: 'ahp',
            matrix: [
              [1, 9, 1 / 9],
              [1 / 9, 1, 9],
              [9, 1 / 9, 1],
            ],
          },
        }),
      ),
      'AHP_INCONSISTENT',
      /节点 r 的 AHP 判断矩阵一致性比率 CR = 6\.130 > 0\.10/,
    ],
    [
      'goalposts with min ≥ max',
      withRoot(group('r', [{ indicator: 'x', normalisation: { method: 'goalposts', min: 5, max: 5 } }])),
      'SCHEME_INVALID',
      /节点 x 的标准化设置有误：goalposts 的 min = 5 应小于 max = 5/,
    ],
    [
      'a reversed min-max range',
      { ...withRoot(group('r', [{ indicator: 'x' }])), normalisation: { method: 'minmax', range: [100, 0] } },
      'SCHEME_INVALID',
      /range 的下限 100 应小于上限 0/,
    ],
    ['winsorisation bounds reversed', withRoot(group('r', [{ indicator: 'x', winsorise: [0.9, 0.1] }])), 'SCHEME_INVALID', /节点 x 的缩尾分位/],
    ['not an object', 'scheme', 'SCHEME_INVALID', /应为 JSON 对象/],
  ])('%s', (_, input, reason, message) => {
    expect(() => parseScheme(input)).toThrow(expect.objectContaining({ reason, code: 'VALIDATION', message: expect.stringMatching(message) }));
  });
});
