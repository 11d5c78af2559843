import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { EXAMPLE_ROWS, exampleTable, ISSUE_EXAMPLE, table } from '../test/fixtures.ts';
import { computeIndex, entityBreakdown } from './compute.ts';
import { parseScheme } from './scheme.ts';

const scheme = (input: unknown) => parseScheme(input).scheme;
const at = (r: { ids: string[] }, id: string) => r.ids.indexOf(id);

describe("the issue's example scheme, verbatim, worked by hand on examples/example.data.csv", () => {
  // min-max 0–100 per indicator over the 6 entities:
  //   rd_intensity: min 1.0, max 5.1 → E01 (3.2 − 1)/4.1 = 53.658537   staff_share: min .10, max .40 → E01 .15/.3 = 50
  //   patents:      min 2,   max 30  → E01 10/28 = 35.714286            defects (−1): min 1, max 9 → E01 (9 − 4)/8 = 62.5
  // input  = (53.658537 + 50)/2 = 51.829268                       (equal)
  // output = 0.75·35.714286 + 0.25·62.5 = 42.410714                (AHP [[1,3],[1/3,1]] → 0.75/0.25)
  // score  = 0.6·51.829268 + 0.4·42.410714 = 31.097561 + 16.964286 = 48.061847
  // likewise E02 90, E04 = E06 68.736934, E05 29.885889, E03 10.
  const r = computeIndex(scheme(ISSUE_EXAMPLE), exampleTable());

  it('scores and ranks every entity (competition ranking: E04 and E06 tie at 2, the next is 4)', () => {
    const expected: Record<string, [number, number]> = {
      E01: [48.061847, 4],
      E02: [90, 1],
      E03: [10, 6],
      E04: [68.736934, 2],
      E05: [29.885889, 5],
      E06: [68.736934, 2],
    };
    for (const [id, [score, rank]] of Object.entries(expected)) {
      expect(r.score[at(r, id)]).toBeCloseTo(score, 5);
      expect(r.rank[at(r, id)]).toBe(rank);
    }
  });

  it("gives each node's score", () => {
    const i = at(r, 'E01');
    expect(r.nodeScores.get('input')![i]).toBeCloseTo(51.829268, 5);
    expect(r.nodeScores.get('output')![i]).toBeCloseTo(42.410714, 5);
    expect(r.nodeScores.get('defects')![i]).toBeCloseTo(62.5, 6);
  });

  it("decomposes each score into its leaves' contributions: E01 = 16.097561 + 15 + 10.714286 + 6.25", () => {
    // rd: 0.6·0.5·53.658537; staff: 0.6·0.5·50; patents: 0.4·0.75·35.714286; defects: 0.4·0.25·62.5
    const i = at(r, 'E01');
    const c = ['rd_intensity', 'staff_share', 'patents', 'defects'].map((l) => r.contributions.get(l)![i]);
    [16.097561, 15, 10.714286, 6.25].forEach((v, k) => expect(c[k]).toBeCloseTo(v, 5));
    for (let e = 0; e < r.ids.length; e++) {
      const sum = [...r.contributions.values()].reduce((a, col) => a + col[e], 0);
      expect(sum).toBeCloseTo(r.score[e], 10);
    }
  });

  it("reports the weights used, with the AHP group's CR", () => {
    expect(r.weights.map((g) => [g.id, g.method, g.children.map((c) => +c.weight.toFixed(6))])).toEqual([
      ['index', 'given', [0.6, 0.4]],
      ['input', 'equal', [0.5, 0.5]],
      ['output', 'ahp', [0.75, 0.25]],
    ]);
    expect(r.weights[2].cr).toBe(0);
  });

  it('gives one entity as a tree down to the raw figure', () => {
    const b = entityBreakdown(r, exampleTable(), 'E01')!;
    expect(b).toMatchObject({ id: 'index', weight: 1, contribution: expect.closeTo(48.061847, 5) });
    expect(b.children![1].children![1]).toMatchObject({
      id: 'defects',
      raw: 4,
      value: 4,
      score: 62.5,
      weight: expect.closeTo(0.25, 6),
      contribution: expect.closeTo(6.25, 6),
    });
    expect(entityBreakdown(r, exampleTable(), 'nobody')).toBeNull();
  });

  it('is the scheme of examples/example.scheme.json and the data of examples/example.data.csv', () => {
    const file = (name: string) => readFileSync(new URL(`../../examples/${name}`, import.meta.url), 'utf8');
    expect(JSON.parse(file('example.scheme.json'))).toEqual(ISSUE_EXAMPLE);
    const rows = file('example.data.csv')
      .trim()
      .split('\n')
      .slice(1)
      .map((l) => l.split(',').map((v, k) => (k === 0 ? v : Number(v))));
    expect(rows).toEqual(EXAMPLE_ROWS);
  });
});

const twoGroups = (aggregation: string, extra: object = {}) => ({
  name: 't',
  aggregation,
  ...extra,
  root: {
    id: 'root',
    children: [
      { id: 'a', weight: 0.5, aggregation: 'arithmetic', children: [{ indicator: 'x' }, { indicator: 'y' }] },
      { id: 'b', weight: 0.5, aggregation: 'arithmetic', children: [{ indicator: 'z' }] },
    ],
  },
});
const xyz = table(['P', 'Q', 'R', 'S'], { x: [1, 2, 3, 4], y: [4, 1, 2, 3], z: [2, 4, 1, 3] });

describe('decomposition under geometric and TOPSIS aggregation', () => {
  it.each(['geometric', 'topsis'])('%s at the root: contributions are shared in proportion to w·y and still add up to the score', (agg) => {
    const r = computeIndex(scheme(twoGroups(agg, { normalisation: { method: 'minmax', range: [1, 100] } })), xyz);
    for (let e = 0; e < r.ids.length; e++) {
      const parts = ['x', 'y', 'z'].map((l) => r.contributions.get(l)![e]);
      expect(parts.reduce((s, v) => s + v, 0)).toBeCloseTo(r.score[e], 10);
      const a = r.nodeScores.get('a')![e];
      const b = r.nodeScores.get('b')![e];
      // group a's share of the score is 0.5·a/(0.5·a + 0.5·b); inside it x and y split it by their (equal-weighted) scores
      expect(parts[0] + parts[1]).toBeCloseTo((r.score[e] * a) / (a + b), 10);
    }
  });

  it('geometric with a zero: min-max 0–100 gives the worst on any child a group score of 0 (the zero rule)', () => {
    const r = computeIndex(scheme(twoGroups('geometric')), xyz);
    // R has the lowest z (1) → b = 0 → root 0; contributions are then all 0
    expect(r.score[at(r, 'R')]).toBe(0);
    expect(r.rank[at(r, 'R')]).toBe(4);
    expect(['x', 'y', 'z'].map((l) => r.contributions.get(l)![at(r, 'R')])).toEqual([0, 0, 0]);
  });
});

describe('data-driven weights through computeIndex', () => {
  it('entropy on raw (10, 20, 20, 30) and (5, 7, 7, 7): min-max gives (0, .5, .5, 1) and (0, 1, 1, 1) → 0.546426 / 0.453574', () => {
    const r = computeIndex(
      scheme({ root: { id: 'r', weighting: { method: 'entropy' }, children: [{ indicator: 'a' }, { indicator: 'b' }] } }),
      table(['1', '2', '3', '4'], { a: [10, 20, 20, 30], b: [5, 7, 7, 7] }),
    );
    expect(r.weights[0].children.map((c) => c.weight)).toEqual([expect.closeTo(0.546426, 6), expect.closeTo(0.453574, 6)]);
  });
  it('CRITIC with a lower-is-better child: the direction is applied before min-max', () => {
    // c3 given as (1, 0, 0, 0) with direction −1 is (0, 1, 1, 1) after flipping: the CRITIC worked example
    const r = computeIndex(
      scheme({ root: { id: 'r', weighting: { method: 'critic' }, children: [{ indicator: 'c1' }, { indicator: 'c2' }, { indicator: 'c3', direction: -1 }] } }),
      table(['1', '2', '3', '4'], { c1: [0, 1, 0, 1], c2: [0, 0, 1, 1], c3: [1, 0, 0, 0] }),
    );
    expect(r.weights[0].children.map((c) => +c.weight.toFixed(6))).toEqual([0.397683, 0.397683, 0.204635]);
  });
});

describe('eligibility, missing data and treatments', () => {
  const base = (extra: object) => ({ name: 't', ...extra, root: { id: 'r', children: [{ indicator: 'x' }, { indicator: 'y', transform: 'log' }] } });
  const data = table(['A', 'B', 'C', 'D', 'E', 'F'], { x: [1, NaN, 3, 4, 5, 6], y: [1, 10, 100, 1000, 10, 10], years: [5, 4, 2, NaN, 3, 9] });

  it("filters before scoring (the scheme's filters, then the caller's hook) and reports why", () => {
    const r = computeIndex(scheme(base({ imputation: { method: 'mean' }, eligibility: [{ column: 'years', op: '>=', value: 3, label: '注册年限' }] })), data, {
      eligible: (_row, id) => id !== 'E',
    });
    expect(r.ids).toEqual(['A', 'B', 'F']);
    expect(r.imputed).toEqual([{ id: 'B', indicator: 'x', method: 'mean', value: 3.5 }]); // over the eligible A and F only
    expect(r.excluded).toEqual([
      { id: 'C', reason: 'ineligible', detail: '注册年限不满足（需 ≥ 3，实际 2）' },
      { id: 'D', reason: 'ineligible', detail: '注册年限无数据（需 ≥ 3）' },
      { id: 'E', reason: 'ineligible', detail: '未通过资格筛选' },
    ]);
  });

  it('exclusion: an entity missing a figure is not scored, and the indicator is named', () => {
    const r = computeIndex(scheme(base({})), data);
    expect(r.ids).toEqual(['A', 'C', 'D', 'E', 'F']);
    expect(r.excluded).toEqual([{ id: 'B', reason: 'missing', detail: '缺少x数据' }]);
  });

  it('mean imputation: B gets x = (1 + 3 + 4 + 5 + 6)/5 = 3.8, reported; log applies to y (ln 10 = 2.302585)', () => {
    const r = computeIndex(scheme(base({ imputation: { method: 'mean' } })), data);
    expect(r.imputed).toEqual([{ id: 'B', indicator: 'x', method: 'mean', value: 3.8 }]);
    expect(r.leafValues.get('x')![1]).toBe(3.8);
    expect(r.leafValues.get('y')![1]).toBeCloseTo(Math.LN10, 12);
  });

  it('per-denominator and winsorisation are applied to the figure before normalisation', () => {
    const s = scheme({ root: { id: 'r', children: [{ indicator: 'rd', denominator: 'staff', winsorise: [0, 0.75] }, { indicator: 'k' }] } });
    const r = computeIndex(s, table(['A', 'B', 'C', 'D', 'E'], { rd: [10, 40, 90, 160, 2500], staff: [10, 20, 30, 40, 50], k: [1, 2, 3, 4, 5] }));
    // ratios 1, 2, 3, 4, 50; 75th percentile (h = 4·.75 = 3) = 4 → E lowered to 4
    expect(Array.from(r.leafValues.get('rd')!)).toEqual([1, 2, 3, 4, 4]);
    expect(r.winsorised).toEqual([{ leaf: 'rd', low: 1, high: 4, raised: 0, lowered: 1 }]);
  });
});

describe('bad data is refused, naming the column', () => {
  const s = scheme({ root: { id: 'r', children: [{ indicator: 'x' }, { indicator: 'y' }] } });
  it.each([
    ['a missing indicator column', table(['A', 'B'], { x: [1, 2] }), 'DATA_COLUMN_MISSING', /数据缺少列：y/],
    ['a constant column (min = max)', table(['A', 'B'], { x: [1, 2], y: [7, 7] }), 'DATA_CONSTANT', /指标 y 在所有参评实体上取值相同（= 7）/],
    ['an infinite value', table(['A', 'B'], { x: [1, Infinity], y: [1, 2] }), 'DATA_NOT_NUMBER', /列 x 中实体 B 的值为无穷大/],
    ['no entity left', table(['A'], { x: [NaN], y: [1] }), 'DATA_NO_ENTITIES', /没有可参评的实体/],
  ])('%s', (_, t, reason, message) => {
    expect(() => computeIndex(s, t)).toThrow(expect.objectContaining({ reason, message: expect.stringMatching(message) }));
  });
});
