/**
 * Weights of a group's children, always normalised to sum 1 within the group:
 * - given: each child's `weight`, rescaled (OECD/JRC Handbook 2008, §6.1 "expert" weights);
 * - equal: 1/k;
 * - ahp: the principal eigenvector of Saaty's pairwise comparison matrix, with its consistency ratio
 *   CR = CI / RI, CI = (λmax − n)/(n − 1) (Saaty 1980, *The Analytic Hierarchy Process*; Handbook §6.1.5);
 * - entropy: Shannon entropy of each child's min-max [0, 1] values, w ∝ 1 − e;
 * - critic: w ∝ σ · Σ(1 − r), Pearson r (Diakoulaki, Mavrotas & Papayannakis 1995, Computers & OR 22(7)).
 */
import { fmt, IndexError } from './errors.ts';
import { pearson, sampleSd } from './stats.ts';

/** Saaty's random consistency index RI(n), n = 1…10 (as the issue gives it; n ≤ 2 is always consistent). */
export const RANDOM_INDEX: readonly number[] = [0, 0, 0, 0.58, 0.9, 1.12, 1.24, 1.32, 1.41, 1.45, 1.49];
export const AHP_MAX_CHILDREN = 10;
export const CR_LIMIT = 0.1;
/** a_ij · a_ji must be within 2% of 1, so that 0.33 for 1/3 or 0.14 for 1/7 pass and 0.3 for 1/3 does not */
export const RECIPROCAL_TOLERANCE = 0.02;

export interface AhpResult {
  weights: number[];
  lambdaMax: number;
  ci: number;
  cr: number;
}

/**
 * Principal eigenvector of a positive matrix by power iteration (Perron–Frobenius: the dominant
 * eigenvalue of a positive matrix is simple and real, so w ← Aw / Σ Aw converges to it), λmax as the
 * mean of (Aw)ᵢ / wᵢ. For n ≤ 2 CR is 0 by definition; rounding can put λmax a hair below n, so CI is
 * taken as at least 0.
 */
export function ahpEigen(matrix: number[][]): AhpResult {
  const n = matrix.length;
  let w = new Array<number>(n).fill(1 / n);
  for (let iter = 0; iter < 10_000; iter++) {
    const next = multiply(matrix, w);
    const s = next.reduce((a, b) => a + b, 0);
    let change = 0;
    for (let i = 0; i < n; i++) {
      next[i] /= s;
      change = Math.max(change, Math.abs(next[i] - w[i]));
    }
    w = next;
    if (change < 1e-15) break;
  }
  const aw = multiply(matrix, w);
  const lambdaMax = aw.reduce((acc, v, i) => acc + v / w[i], 0) / n;
  const ci = n <= 2 ? 0 : Math.max(0, (lambdaMax - n) / (n - 1));
  const cr = n <= 2 ? 0 : ci / RANDOM_INDEX[n];
  return { weights: w, lambdaMax, ci, cr };
}

function multiply(a: number[][], w: number[]): number[] {
  return a.map((row) => row.reduce((acc, v, j) => acc + v * w[j], 0));
}

/**
 * Checks an AHP matrix over a group's children and answers its weights: k × k, positive, ones on the
 * diagonal, reciprocal, at most 10 children, CR ≤ 0.10. Every refusal names the group (and the cell).
 */
export function checkedAhp(matrix: number[][], group: string, children: string[]): AhpResult {
  const k = children.length;
  if (k > AHP_MAX_CHILDREN) {
    throw new IndexError('AHP_TOO_LARGE', `节点 ${group} 有 ${k} 个子项：AHP 判断矩阵最多 10 阶（Saaty 随机一致性指标 RI 只到 10），请拆分分组`, {
      node: group,
      size: k,
    });
  }
  if (matrix.length !== k || matrix.some((row) => row.length !== k)) {
    throw new IndexError(
      'AHP_SHAPE',
      `节点 ${group} 的 AHP 判断矩阵应为 ${k}×${k}（依次对应子项 ${children.join('、')}），实际为 ${matrix.length} 行${matrix.map((r) => r.length).join('/')} 列`,
      { node: group, expected: k },
    );
  }
  for (let i = 0; i < k; i++) {
    for (let j = 0; j < k; j++) {
      const a = matrix[i][j];
      if (!(a > 0) || !Number.isFinite(a)) {
        throw new IndexError('AHP_NOT_POSITIVE', `节点 ${group} 的 AHP 判断矩阵第 ${i + 1} 行第 ${j + 1} 列为 ${a}：各元素应为正数`, {
          node: group,
          row: i + 1,
          column: j + 1,
          value: a,
        });
      }
      const product = i === j ? a : a * matrix[j][i];
      if (Math.abs(product - 1) > RECIPROCAL_TOLERANCE) {
        const msg =
          i === j
            ? `节点 ${group} 的 AHP 判断矩阵对角线第 ${i + 1} 个元素为 ${fmt(a)}，应为 1`
            : `节点 ${group} 的 AHP 判断矩阵不互反：a[${i + 1}][${j + 1}] = ${fmt(a)}（${children[i]} 比 ${children[j]}），而 1/a[${j + 1}][${i + 1}] = ${fmt(1 / matrix[j][i])}`;
        throw new IndexError('AHP_NOT_RECIPROCAL', msg, { node: group, row: i + 1, column: j + 1 });
      }
    }
  }
  const result = ahpEigen(matrix);
  if (result.cr > CR_LIMIT) {
    throw new IndexError(
      'AHP_INCONSISTENT',
      `节点 ${group} 的 AHP 判断矩阵一致性比率 CR = ${result.cr.toFixed(3)} > 0.10（λmax = ${result.lambdaMax.toFixed(3)}，CI = ${result.ci.toFixed(3)}，RI = ${RANDOM_INDEX[k]}），判断不一致，请修改判断矩阵`,
      { node: group, cr: result.cr, lambdaMax: result.lambdaMax, ci: result.ci },
    );
  }
  return result;
}

/** `given` weights rescaled to sum 1; negative, missing or all-zero weights are refused naming the node. */
export function givenWeights(group: string, children: { id: string; weight?: number }[]): number[] {
  for (const c of children) {
    if (c.weight === undefined)
      throw new IndexError('WEIGHT_MISSING', `节点 ${group} 的权重方法为 given，但子项 ${c.id} 没有 weight`, { node: group, child: c.id });
    if (!Number.isFinite(c.weight) || c.weight < 0)
      throw new IndexError('WEIGHT_NEGATIVE', `节点 ${c.id} 的权重为 ${c.weight}：权重不能为负`, { node: c.id, parent: group, weight: c.weight });
  }
  const sum = children.reduce((a, c) => a + c.weight!, 0);
  if (!(sum > 0)) throw new IndexError('WEIGHT_ALL_ZERO', `节点 ${group} 的子项权重全为 0`, { node: group });
  return children.map((c) => c.weight! / sum);
}

export const equalWeights = (k: number): number[] => new Array<number>(k).fill(1 / k);

/**
 * Entropy weights over columns already min-max normalised to [0, 1] (n entities each):
 * pᵢⱼ = xᵢⱼ / Σᵢ xᵢⱼ, eⱼ = −(1/ln n) Σᵢ pᵢⱼ ln pᵢⱼ with 0·ln 0 = 0, dⱼ = 1 − eⱼ, wⱼ = dⱼ / Σ d.
 */
export function entropyWeights(cols: Float64Array[], group = ''): number[] {
  if (cols.length === 1) return [1];
  const n = cols[0].length;
  const k = 1 / Math.log(n);
  const d = cols.map((x) => {
    let sum = 0;
    for (let i = 0; i < n; i++) sum += x[i];
    let h = 0;
    for (let i = 0; i < n; i++) {
      const p = x[i] / sum;
      if (p > 0) h -= p * Math.log(p);
    }
    return 1 - k * h;
  });
  return normalised(d, group, 'entropy');
}

/**
 * CRITIC weights over columns min-max normalised to [0, 1]: Cⱼ = σⱼ · Σₖ (1 − rⱼₖ) with σ the standard
 * deviation and r Pearson's correlation, wⱼ = Cⱼ / Σ C. (σ with n − 1; n or n − 1 cancels in the ratio.)
 */
export function criticWeights(cols: Float64Array[], group = ''): number[] {
  const k = cols.length;
  if (k === 1) return [1];
  const sd = cols.map((x) => sampleSd(x));
  const conflict = new Array<number>(k).fill(0);
  for (let a = 0; a < k; a++) {
    for (let b = a + 1; b < k; b++) {
      const r = pearson(cols[a], cols[b]);
      conflict[a] += 1 - r;
      conflict[b] += 1 - r;
    }
  }
  return normalised(
    sd.map((s, j) => s * conflict[j]),
    group,
    'critic',
  );
}

function normalised(x: number[], group: string, method: string): number[] {
  const sum = x.reduce((a, b) => a + b, 0);
  if (!(sum > 0) || !Number.isFinite(sum)) {
    throw new IndexError('WEIGHT_ALL_ZERO', `节点 ${group} 的 ${method} 权重无法计算：各子项的信息量全为 0（子项完全相关或取值无差异）`, {
      node: group,
      method,
    });
  }
  return x.map((v) => v / sum);
}

/**
 * COINr's get_noisy_weights: w'ᵢ = wᵢ + U(−1, 1) · f · wᵢ, then rescaled to sum 1. Draws one number per
 * child from `random`, always, so that the stream of draws does not depend on the weights.
 */
export function perturbWeights(w: number[], factor: number, random: () => number): number[] {
  const out = w.map((v) => v * (1 + (random() * 2 - 1) * factor));
  const sum = out.reduce((a, b) => a + b, 0);
  return sum > 0 ? out.map((v) => v / sum) : w.slice();
}
