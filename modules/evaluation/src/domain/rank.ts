/**
 * Competition ranking ("1224"): rank = 1 + the number of entities with a strictly higher score, so tied
 * entities share the best rank of their tie and the next rank is skipped (COINr's rank(ties = "min")
 * on −score). Tie rule: scores are compared after rounding to 9 decimals, so that entities whose scores
 * differ only by floating-point noise (1e-14) tie; rounding to a grid, unlike a tolerance, keeps ties
 * transitive. Tied entities are listed in input order.
 */
import { countGreater } from './stats.ts';

export const TIE_SCALE = 1e9;

export const tieKey = (x: number): number => Math.round(x * TIE_SCALE) / TIE_SCALE;

/**
 * Ranks of `scores` (1 = best). `sorted` is scratch space of the same length (reused by the Monte Carlo
 * to avoid allocating per sample).
 */
export function competitionRank(scores: Float64Array, out = new Int32Array(scores.length), sorted = new Float64Array(scores.length)): Int32Array {
  for (let i = 0; i < scores.length; i++) sorted[i] = tieKey(scores[i]);
  sorted.sort();
  for (let i = 0; i < scores.length; i++) out[i] = 1 + countGreater(sorted, tieKey(scores[i]));
  return out;
}

/** Entity positions in rank order (best first), ties in input order. */
export function rankOrder(rank: Int32Array): number[] {
  return Array.from(rank.keys()).sort((a, b) => rank[a] - rank[b] || a - b);
}
