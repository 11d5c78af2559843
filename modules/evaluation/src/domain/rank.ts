/**
 * Competition ranking ("1224"): rank = 1 + the number of entities with a strictly higher score, so tied
 * entities share the best rank of their tie and the next rank is skipped (COINr's rank(ties = "min")
 * on −score). Tie rule: scores are compared after rounding to 9 decimals, so that entities whose scores
 * differ only by floating-point noise (1e-14) tie; rounding to a grid, unlike a tolerance, keeps ties
 * transitive. Tied entities are listed in input order.
 *
 * The Monte Carlo ranks every sample, so the order is found by an LSD radix sort of the scores' IEEE-754
 * bits (6 passes of 11 bits, passes where every entity has the same digit skipped) rather than a
 * comparison sort: about 5× faster on 10,000 entities.
 */

export const TIE_SCALE = 1e9;

/** The score as compared for ties (+ 0 turns −0 into 0, whose bits differ). */
export const tieKey = (x: number): number => Math.round(x * TIE_SCALE) / TIE_SCALE + 0;

/** Reusable work space for ranking n entities (the Monte Carlo keeps one per thread). */
export interface RankScratch {
  keys: Float64Array;
  hi: Uint32Array;
  lo: Uint32Array;
  order: Int32Array;
  spare: Int32Array;
  count: Uint32Array;
}

export function rankScratch(n: number): RankScratch {
  return {
    keys: new Float64Array(n),
    hi: new Uint32Array(n),
    lo: new Uint32Array(n),
    order: new Int32Array(n),
    spare: new Int32Array(n),
    count: new Uint32Array(2048),
  };
}

const LITTLE_ENDIAN = new Uint8Array(Uint16Array.of(1).buffer)[0] === 1;

/**
 * Entity positions by descending tie key, ties in input order (LSD radix sort is stable). Keys are
 * mapped to unsigned integers that sort like the doubles (flip all bits of negatives, the sign bit of
 * the rest), then inverted so that the largest comes first.
 */
function orderDescending(scores: Float64Array, s: RankScratch): Int32Array {
  const n = scores.length;
  const { keys, hi, lo, count } = s;
  for (let i = 0; i < n; i++) keys[i] = tieKey(scores[i]);
  const bits = new Uint32Array(keys.buffer, keys.byteOffset, 2 * n);
  const [l, h] = LITTLE_ENDIAN ? [0, 1] : [1, 0];
  for (let i = 0; i < n; i++) {
    let a = bits[2 * i + h];
    let b = bits[2 * i + l];
    if (a & 0x80000000) {
      a = ~a;
      b = ~b;
    } else a |= 0x80000000;
    hi[i] = ~a >>> 0;
    lo[i] = ~b >>> 0;
  }
  let order = s.order;
  let spare = s.spare;
  for (let i = 0; i < n; i++) order[i] = i;
  for (const [word, shift, width] of [
    [lo, 0, 11],
    [lo, 11, 11],
    [lo, 22, 10],
    [hi, 0, 11],
    [hi, 11, 11],
    [hi, 22, 10],
  ] as const) {
    const mask = (1 << width) - 1;
    count.fill(0, 0, mask + 1);
    for (let i = 0; i < n; i++) count[(word[i] >>> shift) & mask]++;
    if (count[(word[0] >>> shift) & mask] === n) continue;
    let sum = 0;
    for (let d = 0; d <= mask; d++) {
      const c = count[d];
      count[d] = sum;
      sum += c;
    }
    for (let k = 0; k < n; k++) {
      const i = order[k];
      spare[count[(word[i] >>> shift) & mask]++] = i;
    }
    [order, spare] = [spare, order];
  }
  return order;
}

/** Ranks of `scores` (1 = best) into `out`. */
export function competitionRank(
  scores: Float64Array,
  out: Int32Array = new Int32Array(scores.length),
  scratch: RankScratch = rankScratch(scores.length),
): Int32Array {
  const n = scores.length;
  if (n === 0) return out;
  const s = scratch.keys.length === n ? scratch : rankScratch(n);
  const order = orderDescending(scores, s);
  const keys = s.keys;
  let rank = 1;
  for (let k = 0; k < n; k++) {
    if (k > 0 && keys[order[k]] !== keys[order[k - 1]]) rank = k + 1;
    out[order[k]] = rank;
  }
  return out;
}

/** Entity positions in rank order (best first), ties in input order. */
export function rankOrder(rank: Int32Array): number[] {
  return Array.from(rank.keys()).sort((a, b) => rank[a] - rank[b] || a - b);
}
