/** Column statistics over Float64Array, without allocation where it matters (100,000-row columns). */

/** Smallest and largest value; NaN are skipped (both NaN when nothing is observed). */
export function minMax(x: Float64Array): [number, number] {
  let lo = Infinity;
  let hi = -Infinity;
  for (let i = 0; i < x.length; i++) {
    const v = x[i];
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  return lo > hi ? [NaN, NaN] : [lo, hi];
}

export function mean(x: Float64Array): number {
  let s = 0;
  for (let i = 0; i < x.length; i++) s += x[i];
  return s / x.length;
}

/** Sample standard deviation (n − 1), as R's sd() and COINr's n_zscore use. */
export function sampleSd(x: Float64Array, m = mean(x)): number {
  let s = 0;
  for (let i = 0; i < x.length; i++) {
    const d = x[i] - m;
    s += d * d;
  }
  return Math.sqrt(s / (x.length - 1));
}

/** Pearson correlation of two equally long columns (NaN when either is constant). */
export function pearson(a: Float64Array, b: Float64Array): number {
  const ma = mean(a);
  const mb = mean(b);
  let sab = 0;
  let saa = 0;
  let sbb = 0;
  for (let i = 0; i < a.length; i++) {
    const da = a[i] - ma;
    const db = b[i] - mb;
    sab += da * db;
    saa += da * da;
    sbb += db * db;
  }
  return sab / Math.sqrt(saa * sbb);
}

function swap(a: Float64Array, i: number, j: number): void {
  const t = a[i];
  a[i] = a[j];
  a[j] = t;
}

/**
 * Moves the k-th smallest value (0-based) to a[k], smaller ones before it and larger ones after it
 * (Hoare's quickselect, median-of-three pivot): O(n) on average, in place. No NaN allowed.
 */
export function selectKth(a: Float64Array, k: number): number {
  let lo = 0;
  let hi = a.length - 1;
  while (hi > lo) {
    const mid = lo + ((hi - lo) >> 1);
    if (a[mid] < a[lo]) swap(a, lo, mid);
    if (a[hi] < a[lo]) swap(a, lo, hi);
    if (a[hi] < a[mid]) swap(a, mid, hi);
    const pivot = a[mid];
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (a[i] < pivot) i++;
      while (a[j] > pivot) j--;
      if (i <= j) {
        swap(a, i, j);
        i++;
        j--;
      }
    }
    if (k <= j) hi = j;
    else if (k >= i) lo = i;
    else return a[k];
  }
  return a[k];
}

/**
 * Quantile of the observed (non-NaN) values by linear interpolation between order statistics — Hyndman
 * & Fan type 7, the default of R's quantile() (so COINr's) and of numpy: h = (n − 1)·p,
 * Q = x₍⌊h⌋₎ + (h − ⌊h⌋)·(x₍⌊h⌋+1₎ − x₍⌊h⌋₎), order statistics counted from 0.
 */
export function quantile(x: Float64Array, p: number): number {
  return quantiles(x, [p])[0];
}

/** Several quantiles of one column with one copy of it. */
export function quantiles(x: Float64Array, ps: number[]): number[] {
  const a = observed(x);
  if (a.length === 0) return ps.map(() => NaN);
  return ps.map((p) => quantileInPlace(a, p));
}

/** Type-7 quantile of `a` (no NaN), reordering `a`. */
export function quantileInPlace(a: Float64Array, p: number): number {
  const h = (a.length - 1) * p;
  const k = Math.floor(h);
  const lo = selectKth(a, k);
  if (k + 1 >= a.length || h === k) return lo;
  let next = Infinity;
  for (let i = k + 1; i < a.length; i++) if (a[i] < next) next = a[i];
  return lo + (h - k) * (next - lo);
}

/** Type-7 quantile of values already sorted ascending. */
export function quantileSorted(sorted: ArrayLike<number>, p: number, n = sorted.length): number {
  if (n === 0) return NaN;
  const h = (n - 1) * p;
  const k = Math.floor(h);
  if (k + 1 >= n) return sorted[n - 1];
  return sorted[k] + (h - k) * (sorted[k + 1] - sorted[k]);
}

/** The non-NaN values of x, copied. */
export function observed(x: Float64Array): Float64Array {
  let n = 0;
  for (let i = 0; i < x.length; i++) if (x[i] === x[i]) n++;
  if (n === x.length) return x.slice();
  const a = new Float64Array(n);
  let j = 0;
  for (let i = 0; i < x.length; i++) if (x[i] === x[i]) a[j++] = x[i];
  return a;
}

/** Number of values in ascending `sorted` that are strictly greater than v (binary search). */
export function countGreater(sorted: Float64Array, v: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid] <= v) lo = mid + 1;
    else hi = mid;
  }
  return sorted.length - lo;
}

/** Number of values in ascending `sorted` that are strictly smaller than v (binary search). */
export function countLess(sorted: Float64Array, v: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid] < v) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
