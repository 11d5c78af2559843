import { describe, expect, it } from 'vitest';
import { seededRandom } from '@kechuang/platform-core';
import { IndexError } from './errors.ts';
import { ahpEigen, checkedAhp, criticWeights, entropyWeights, givenWeights, perturbWeights, RANDOM_INDEX } from './weights.ts';

const third = 1 / 3;

describe('AHP: principal eigenvector and consistency ratio', () => {
  it('a consistent 3×3 matrix: every column is proportional to (4, 2, 1), so w = (4/7, 2/7, 1/7), λmax = 3, CR = 0', () => {
    // [[1,2,4],[1/2,1,2],[1/4,1/2,1]]: a_ij = w_i/w_j with w ∝ (4,2,1); then A·w = 3·w exactly.
    const r = ahpEigen([
      [1, 2, 4],
      [0.5, 1, 2],
      [0.25, 0.5, 1],
    ]);
    expect(r.weights[0]).toBeCloseTo(4 / 7, 12);
    expect(r.weights[1]).toBeCloseTo(2 / 7, 12);
    expect(r.weights[2]).toBeCloseTo(1 / 7, 12);
    expect(r.lambdaMax).toBeCloseTo(3, 12);
    expect(r.cr).toBeCloseTo(0, 12);
  });

  it("the issue's 2×2 example [[1, 3], [0.3333333, 1]]: w = (3/4, 1/4), CR = 0 (n ≤ 2 is always consistent)", () => {
    // For [[1,a],[1/a,1]] the eigenvector is (a, 1)/(a + 1): a = 3 gives (0.75, 0.25).
    const r = checkedAhp(
      [
        [1, 3],
        [0.3333333, 1],
      ],
      'output',
      ['patents', 'defects'],
    );
    expect(r.weights[0]).toBeCloseTo(0.75, 6);
    expect(r.weights[1]).toBeCloseTo(0.25, 6);
    expect(r.cr).toBe(0);
  });

  it('a 3×3 textbook matrix [[1,3,5],[1/3,1,3],[1/5,1/3,1]]: w = (0.637, 0.258, 0.105), λmax = 3.0385, CR = 0.033', () => {
    // For n = 3 the principal eigenvector equals the normalised row geometric means (Crawford & Williams
    // 1985), and with a12 = a, a13 = b, a23 = c: λmax = 1 + (ac/b)^(1/3) + (b/(ac))^(1/3).
    // Row geometric means: 15^(1/3) = 2.46621, (1/3·3)^(1/3) = 1, (1/15)^(1/3) = 0.40548; sum 3.87169
    //   → w = (0.63699, 0.25828, 0.10473).
    // ac/b = 9/5 = 1.8: λmax = 1 + 1.21644 + 0.82207 = 3.03851; CI = 0.038511/2 = 0.019256; CR = CI/0.58 = 0.03320.
    const r = ahpEigen([
      [1, 3, 5],
      [third, 1, 3],
      [0.2, third, 1],
    ]);
    expect(r.weights.map((w) => +w.toFixed(5))).toEqual([0.63699, 0.25828, 0.10473]);
    expect(r.lambdaMax).toBeCloseTo(3.03851, 5);
    expect(r.ci).toBeCloseTo(0.019256, 6);
    expect(r.cr).toBeCloseTo(0.0332, 4);
  });

  it("Saaty's 'wealth of nations' 7×7 matrix: his published eigenvector .427 .230 .021 .052 .052 .123 .094, λmax 7.61, CR 0.08", () => {
    // Saaty, The Analytic Hierarchy Process (1980), and "How to make a decision: the analytic hierarchy
    // process", European Journal of Operational Research 48 (1990) 9–26: relative wealth of US, USSR,
    // China, France, UK, Japan, West Germany. CR = CI/RI(7) = ((7.6077 − 7)/6)/1.32 = 0.1013/1.32 = 0.0767 ≈ 0.08.
    const [q, s, n, x, f] = [1 / 4, 1 / 7, 1 / 9, 1 / 6, 1 / 5];
    const r = ahpEigen([
      [1, 4, 9, 6, 6, 5, 5],
      [q, 1, 7, 5, 5, 3, 4],
      [n, s, 1, f, f, s, f],
      [x, f, 5, 1, 1, third, third],
      [x, f, 5, 1, 1, third, third],
      [f, third, 7, 3, 3, 1, 2],
      [f, q, 5, 3, 3, 0.5, 1],
    ]);
    expect(r.weights.map((w) => +w.toFixed(3))).toEqual([0.427, 0.23, 0.021, 0.052, 0.052, 0.123, 0.094]);
    expect(+r.lambdaMax.toFixed(2)).toBe(7.61);
    expect(+r.cr.toFixed(2)).toBe(0.08);
  });

  it("uses Saaty's random index RI(3..10) = 0.58 … 1.49", () => {
    expect(RANDOM_INDEX.slice(3)).toEqual([0.58, 0.9, 1.12, 1.24, 1.32, 1.41, 1.45, 1.49]);
  });

  it('accepts a matrix just under CR 0.10 and refuses one just over it, showing the CR', () => {
    // a12 = a13 = a23 = 2: ac/b = 2, x = 2^(1/3) = 1.25992; λmax = 1 + x + 1/x = 3.05362; CR = (0.05362/2)/0.58 = 0.0462.
    expect(
      checkedAhp(
        [
          [1, 2, 2],
          [0.5, 1, 2],
          [0.5, 0.5, 1],
        ],
        'g',
        ['a', 'b', 'c'],
      ).cr,
    ).toBeCloseTo(0.0462, 4);
    // a12 = 2, a13 = 2, a23 = 3: ac/b = 3, x = 1.44225; λmax = 1 + 1.44225 + 0.69336 = 3.13561; CR = 0.06780/0.58 = 0.1169.
    expect(() =>
      checkedAhp(
        [
          [1, 2, 2],
          [0.5, 1, 3],
          [0.5, third, 1],
        ],
        'g',
        ['a', 'b', 'c'],
      ),
    ).toThrow(/节点 g .*CR = 0\.117 > 0\.10/);
  });

  it('refuses a circular matrix (a ≻ b ≻ c ≻ a, all 9s) with its CR: x = (81·9)^(1/3) = 9, λmax = 10.111, CR = 6.130', () => {
    // λmax = 1 + 9 + 1/9 = 10.1111; CI = 7.1111/2 = 3.5556; CR = 3.5556/0.58 = 6.1303
    const err = (() => {
      try {
        checkedAhp(
          [
            [1, 9, 1 / 9],
            [1 / 9, 1, 9],
            [9, 1 / 9, 1],
          ],
          'output',
          ['a', 'b', 'c'],
        );
      } catch (e) {
        return e as IndexError;
      }
    })();
    expect(err?.reason).toBe('AHP_INCONSISTENT');
    expect(err?.message).toContain('CR = 6.130');
    expect(err?.details).toMatchObject({ node: 'output' });
  });

  it.each([
    [
      'not reciprocal',
      [
        [1, 3],
        [0.5, 1],
      ],
      'AHP_NOT_RECIPROCAL',
      /a\[1\]\[2\] = 3/,
    ],
    [
      'a diagonal that is not 1',
      [
        [2, 3],
        [third, 1],
      ],
      'AHP_NOT_RECIPROCAL',
      /对角线/,
    ],
    [
      'a zero',
      [
        [1, 0],
        [0, 1],
      ],
      'AHP_NOT_POSITIVE',
      /第 1 行第 2 列/,
    ],
    [
      'the wrong size for its 2 children',
      [
        [1, 2, 2],
        [0.5, 1, 1],
        [0.5, 1, 1],
      ],
      'AHP_SHAPE',
      /2×2/,
    ],
  ])('refuses a matrix with %s, naming the group', (_, matrix, reason, detail) => {
    expect(() => checkedAhp(matrix, 'output', ['patents', 'defects'])).toThrow(expect.objectContaining({ reason, message: expect.stringMatching(detail) }));
    expect(() => checkedAhp(matrix, 'output', ['patents', 'defects'])).toThrow(/output/);
  });

  it('accepts 0.33 for 1/3 (reciprocal within 2%) and refuses more than 10 children', () => {
    expect(
      checkedAhp(
        [
          [1, 3],
          [0.33, 1],
        ],
        'g',
        ['a', 'b'],
      ).weights[0],
    ).toBeCloseTo(0.75, 2);
    const eleven = Array.from({ length: 11 }, () => new Array<number>(11).fill(1));
    expect(() =>
      checkedAhp(
        eleven,
        'g',
        eleven.map((_, i) => `c${i}`),
      ),
    ).toThrow(expect.objectContaining({ reason: 'AHP_TOO_LARGE' }));
  });
});

describe('entropy weights on a small table (arithmetic written out)', () => {
  it('A = (0, .5, .5, 1), B = (0, 1, 1, 1) → w = (0.54643, 0.45357)', () => {
    // A: Σ = 2, p = (0, 1/4, 1/4, 1/2); H = −(2·¼ln¼ + ½ln½) = ½ln4 + ½ln2 = 1.5·ln2; k = 1/ln4 = 1/(2ln2)
    //    e_A = 1.5ln2/(2ln2) = 0.75, d_A = 0.25.  (0·ln0 = 0 for the first entity.)
    // B: Σ = 3, p = (0, ⅓, ⅓, ⅓); H = ln3; e_B = ln3/ln4 = 0.792481, d_B = 0.207519.
    // w_A = 0.25/(0.25 + 0.207519) = 0.546426; w_B = 0.453574.
    const w = entropyWeights([Float64Array.of(0, 0.5, 0.5, 1), Float64Array.of(0, 1, 1, 1)]);
    expect(w[0]).toBeCloseTo(0.546426, 6);
    expect(w[1]).toBeCloseTo(0.453574, 6);
  });
});

describe('CRITIC weights on a small table (arithmetic written out)', () => {
  it('c1 = (0,1,0,1), c2 = (0,0,1,1), c3 = (0,1,1,1) → w = (0.39768, 0.39768, 0.20463)', () => {
    // means .5, .5, .75; σ (n − 1 = 3): σ1 = σ2 = √(1/3) = 0.57735, σ3 = √(0.75/3) = 0.5.
    // r12 = Σd1d2/√(Σd1²Σd2²) = (.25 − .25 − .25 + .25)/1 = 0;
    // r13 = (.375 + .125 − .125 + .125)/√(1·.75) = .5/.866025 = 1/√3 = 0.57735; r23 = 1/√3 likewise.
    // C1 = σ1·[(1 − 0) + (1 − 0.57735)] = 0.57735·1.42265 = 0.821367 = C2;
    // C3 = 0.5·[2·(1 − 0.57735)] = 0.422650;  Σ C = 2.065384.
    // w = (0.397683, 0.397683, 0.204635).
    const w = criticWeights([Float64Array.of(0, 1, 0, 1), Float64Array.of(0, 0, 1, 1), Float64Array.of(0, 1, 1, 1)]);
    expect(w[0]).toBeCloseTo(0.397683, 6);
    expect(w[1]).toBeCloseTo(0.397683, 6);
    expect(w[2]).toBeCloseTo(0.204635, 6);
  });

  it('refuses children that are perfectly correlated (no conflict, so no information), naming the group', () => {
    expect(() => criticWeights([Float64Array.of(0, 0.5, 1), Float64Array.of(0, 0.5, 1)], 'input')).toThrow(/节点 input 的 critic 权重无法计算/);
  });
});

describe('given weights', () => {
  it('are rescaled to sum 1: 3 and 1 → 0.75 and 0.25; a zero weight is allowed', () => {
    expect(
      givenWeights('g', [
        { id: 'a', weight: 3 },
        { id: 'b', weight: 1 },
        { id: 'c', weight: 0 },
      ]),
    ).toEqual([0.75, 0.25, 0]);
  });
  it.each([
    [
      'negative',
      [
        { id: 'a', weight: -1 },
        { id: 'b', weight: 2 },
      ],
      'WEIGHT_NEGATIVE',
      /节点 a 的权重为 -1/,
    ],
    [
      'all zero',
      [
        { id: 'a', weight: 0 },
        { id: 'b', weight: 0 },
      ],
      'WEIGHT_ALL_ZERO',
      /节点 g 的子项权重全为 0/,
    ],
    ['missing', [{ id: 'a', weight: 1 }, { id: 'b' }], 'WEIGHT_MISSING', /子项 b 没有 weight/],
  ])('refuses %s weights naming the node', (_, children, reason, message) => {
    expect(() => givenWeights('g', children)).toThrow(expect.objectContaining({ reason, message: expect.stringMatching(message) }));
  });
});

describe('perturbed weights (COINr get_noisy_weights)', () => {
  it('stay within ±f of each weight before rescaling, sum to 1, and repeat with the seed', () => {
    const w = [0.5, 0.3, 0.2];
    const a = perturbWeights(w, 0.25, seededRandom(9));
    expect(a.reduce((x, y) => x + y, 0)).toBeCloseTo(1, 12);
    expect(perturbWeights(w, 0.25, seededRandom(9))).toEqual(a);
    // the extreme draws: every factor 1.25 → unchanged after rescaling; first 1.25 and the rest 0.75
    expect(perturbWeights(w, 0.25, () => 1)).toEqual(w.map((x) => (x * 1.25) / 1.25));
    let k = 0;
    const extreme = perturbWeights(w, 0.25, () => (k++ === 0 ? 1 : 0));
    expect(extreme[0]).toBeCloseTo(0.625 / (0.625 + 0.225 + 0.15), 12);
  });
});
