/**
 * Normalisation of one indicator column (no missing values left), after its direction is applied:
 * `direction: -1` means lower is better, and every method turns it so that the best value scores highest.
 *
 * - minmax     lo + (x − min)/(max − min)·(hi − lo)            Handbook §5 "min-max"; COINr n_minmax
 * - zscore     m + s·(x − mean)/sd, sd with n − 1             Handbook "standardisation"; COINr n_zscore
 * - rank       rank with ties at the lowest rank, 1 = worst    COINr n_rank (ties.method = "min")
 * - percentile 100·(rank − 1)/(n − 1), same ranks             COINr n_prank, scaled to 0–100
 * - distance   scale·x/reference (lower-is-better: scale·reference/x)   Handbook "distance to a reference"
 * - goalposts  lo + (x − min)/(max − min)·(hi − lo), with fixed min/max, clamped to them   COINr n_goalposts
 *
 * A constant column (min = max) has no spread to divide by: minmax and zscore refuse it naming the
 * column (COINr returns NaN with a warning); rank and percentile give every entity the same rank.
 */
import { fmt, IndexError } from './errors.ts';
import type { Normalisation } from './scheme-format.ts';
import { countLess, mean, minMax, sampleSd } from './stats.ts';

/** The scale a normalisation's scores live on, where it has one (TOPSIS closeness is put on it too). */
export function scaleOf(n: Normalisation): [number, number] {
  return n.method === 'minmax' || n.method === 'goalposts' ? n.range : [0, 100];
}

function constant(column: string, value: number, method: string): IndexError {
  return new IndexError(
    'DATA_CONSTANT',
    `指标 ${column} 在所有参评实体上取值相同（= ${fmt(value)}），无法做 ${method} 标准化：请删去该指标，或改用 goalposts（固定上下限）标准化`,
    { column, value, method },
  );
}

export function normalise(x: Float64Array, spec: Normalisation, direction: 1 | -1, column: string, ids: ArrayLike<string>): Float64Array {
  const n = x.length;
  const out = new Float64Array(n);
  switch (spec.method) {
    case 'minmax': {
      const [min, max] = minMax(x);
      if (!(max > min)) throw constant(column, min, 'min-max');
      const [lo, hi] = spec.range;
      const f = (hi - lo) / (max - min);
      if (direction === 1) for (let i = 0; i < n; i++) out[i] = lo + (x[i] - min) * f;
      else for (let i = 0; i < n; i++) out[i] = lo + (max - x[i]) * f;
      return out;
    }
    case 'zscore': {
      const m = mean(x);
      const sd = sampleSd(x, m);
      if (!(sd > 0)) throw constant(column, m, 'z-score');
      const f = (direction * spec.sd) / sd;
      for (let i = 0; i < n; i++) out[i] = spec.mean + (x[i] - m) * f;
      return out;
    }
    case 'rank':
    case 'percentile': {
      const sorted = new Float64Array(n);
      for (let i = 0; i < n; i++) sorted[i] = direction * x[i];
      sorted.sort();
      const f = spec.method === 'rank' ? 1 : n > 1 ? 100 / (n - 1) : 0;
      for (let i = 0; i < n; i++) {
        const below = countLess(sorted, direction * x[i]);
        out[i] = spec.method === 'rank' ? below + 1 : below * f;
      }
      return out;
    }
    case 'distance': {
      const { reference: ref, scale, cap } = spec;
      for (let i = 0; i < n; i++) {
        let y: number;
        if (direction === 1) y = (scale * x[i]) / ref;
        else {
          if (!(x[i] > 0))
            throw new IndexError('DATA_DOMAIN', `指标 ${column} 越低越好，按参考值距离标准化为 reference/x，要求数值 > 0，实体 ${ids[i]} 的值为 ${fmt(x[i])}`, {
              column,
              id: ids[i],
              value: x[i],
            });
          y = (scale * ref) / x[i];
        }
        out[i] = cap && y > scale ? scale : y;
      }
      return out;
    }
    case 'goalposts': {
      const { min, max, range } = spec;
      const [lo, hi] = range;
      for (let i = 0; i < n; i++) {
        let t = direction === 1 ? (x[i] - min) / (max - min) : (max - x[i]) / (max - min);
        t = t < 0 ? 0 : t > 1 ? 1 : t;
        out[i] = lo + t * (hi - lo);
      }
      return out;
    }
  }
}

/**
 * Min-max onto [0, 1] with the direction applied: what entropy and CRITIC weights are computed on (as the
 * issue specifies). `what` names the child in the error when the column is constant.
 */
export function unitInterval(x: Float64Array, direction: 1 | -1, group: string, what: string, method: string): Float64Array {
  const [min, max] = minMax(x);
  if (!(max > min)) {
    throw new IndexError('DATA_CONSTANT', `节点 ${group} 用 ${method} 权重，但子项 ${what} 在所有参评实体上取值相同（= ${fmt(min)}），无法计算`, {
      node: group,
      child: what,
      method,
    });
  }
  const out = new Float64Array(x.length);
  const f = 1 / (max - min);
  if (direction === 1) for (let i = 0; i < x.length; i++) out[i] = (x[i] - min) * f;
  else for (let i = 0; i < x.length; i++) out[i] = (max - x[i]) * f;
  return out;
}
