/**
 * A group's score from its children's scores (columns over the same entities) and weights summing to 1.
 *
 * - arithmetic: Σ wⱼ·yⱼ (Handbook §6.2 linear aggregation; COINr a_amean). Fully compensatory.
 * - geometric: Π yⱼ^wⱼ (Handbook §6.2; COINr a_gmean). Zero rule: a child score of exactly 0 (with a
 *   weight above 0) makes the group score 0 — the limit of the product as that score falls to 0, i.e. no
 *   compensation for the worst value. COINr instead refuses zeros; to avoid zeros altogether, normalise
 *   onto [1, 100] as COINr's documentation advises. Negative scores (z-scores) are refused naming the
 *   node, the child and the entity.
 * - topsis: closeness to the ideal (Hwang & Yoon 1981, *Multiple Attribute Decision Making*): columns
 *   vector-normalised rᵢⱼ = xᵢⱼ/√Σᵢx²ᵢⱼ, weighted vᵢⱼ = wⱼrᵢⱼ, ideal A⁺ⱼ = maxᵢ vᵢⱼ and anti-ideal A⁻ⱼ = minᵢ vᵢⱼ
 *   (every child is "higher is better" once directions are applied), S± = Euclidean distance to A±,
 *   C = S⁻/(S⁺ + S⁻) ∈ [0, 1], put on the scheme's scale [lo, hi] as lo + C·(hi − lo). An entity at both
 *   the ideal and the anti-ideal (every child constant) gets C = 0.5.
 */
import { fmt, IndexError } from './errors.ts';

/** ln of scores for geometric(): −∞ for 0, NaN for a negative score (refused when aggregated directly). */
export function logColumn(y: Float64Array): Float64Array {
  const out = new Float64Array(y.length);
  for (let i = 0; i < y.length; i++) out[i] = Math.log(y[i]);
  return out;
}

export function arithmetic(children: Float64Array[], w: number[], out: Float64Array): void {
  out.fill(0);
  for (let j = 0; j < children.length; j++) {
    const y = children[j];
    const wj = w[j];
    if (wj === 0) continue;
    for (let i = 0; i < out.length; i++) out[i] += wj * y[i];
  }
}

/**
 * `logs[j]`, when given, is ln of child j's scores computed beforehand (the Monte Carlo keeps the leaves'
 * logs, which do not change between samples); such a child was checked for negative scores then.
 */
export function geometric(
  children: Float64Array[],
  w: number[],
  out: Float64Array,
  group: string,
  childIds: string[],
  ids: ArrayLike<string>,
  logs?: (Float64Array | null)[],
): void {
  out.fill(0);
  for (let j = 0; j < children.length; j++) {
    const y = children[j];
    const wj = w[j];
    if (wj === 0) continue;
    const ln = logs?.[j];
    if (ln) {
      for (let i = 0; i < out.length; i++) out[i] += wj * ln[i];
      continue;
    }
    for (let i = 0; i < out.length; i++) {
      const v = y[i];
      if (v > 0) out[i] += wj * Math.log(v);
      else if (v === 0) out[i] = -Infinity;
      else {
        throw new IndexError(
          'DATA_DOMAIN',
          `节点 ${group} 用几何平均汇总，但子项 ${childIds[j]} 对实体 ${ids[i]} 的得分为负（${fmt(v)}）：几何平均要求得分 ≥ 0，z-score 标准化请改用算术平均`,
          { node: group, child: childIds[j], id: ids[i], value: v },
        );
      }
    }
  }
  for (let i = 0; i < out.length; i++) out[i] = Math.exp(out[i]);
}

export function topsis(children: Float64Array[], w: number[], out: Float64Array, scale: [number, number]): void {
  const n = out.length;
  const plus = new Float64Array(n);
  const minus = new Float64Array(n);
  for (let j = 0; j < children.length; j++) {
    const y = children[j];
    let ss = 0;
    for (let i = 0; i < n; i++) ss += y[i] * y[i];
    const f = ss > 0 ? w[j] / Math.sqrt(ss) : 0;
    let best = -Infinity;
    let worst = Infinity;
    for (let i = 0; i < n; i++) {
      const v = y[i] * f;
      if (v > best) best = v;
      if (v < worst) worst = v;
    }
    for (let i = 0; i < n; i++) {
      const v = y[i] * f;
      plus[i] += (v - best) * (v - best);
      minus[i] += (v - worst) * (v - worst);
    }
  }
  const [lo, hi] = scale;
  for (let i = 0; i < n; i++) {
    const sp = Math.sqrt(plus[i]);
    const sm = Math.sqrt(minus[i]);
    const c = sp + sm > 0 ? sm / (sp + sm) : 0.5;
    out[i] = lo + c * (hi - lo);
  }
}
