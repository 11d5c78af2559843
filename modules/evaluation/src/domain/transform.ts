/**
 * A leaf's optional treatment of its raw figure, in this order (COINr's order: denominate → impute →
 * treat): per-denominator ratio, then (in compute.ts) imputation, then winsorisation, then log.
 * Each takes and returns a column; NaN (missing) passes through.
 */
import { fmt, IndexError } from './errors.ts';
import { quantiles } from './stats.ts';

/**
 * x / denominator (per employee, per 万元 of revenue …). A missing, zero or negative denominator makes
 * the ratio missing — it is then imputed or the entity excluded, and reported like any missing figure.
 */
export function perDenominator(x: Float64Array, denominator: Float64Array): Float64Array {
  const out = new Float64Array(x.length);
  for (let i = 0; i < x.length; i++) {
    const d = denominator[i];
    out[i] = d > 0 ? x[i] / d : NaN;
  }
  return out;
}

/**
 * Natural log. `log` needs x > 0; `log1p` (ln(1 + x), for counts with zeros such as patents) needs
 * x > −1. A value outside is refused naming the column and the entity.
 */
export function logTransform(x: Float64Array, kind: 'log' | 'log1p', column: string, ids: ArrayLike<string>): Float64Array {
  const out = new Float64Array(x.length);
  const floor = kind === 'log' ? 0 : -1;
  for (let i = 0; i < x.length; i++) {
    const v = x[i];
    if (v <= floor) {
      throw new IndexError(
        'DATA_DOMAIN',
        `指标 ${column} 取对数（${kind}）要求数值 > ${floor}，实体 ${ids[i]} 的值为 ${fmt(v)}${kind === 'log' ? '；含 0 的计数可改用 log1p' : ''}`,
        { column, id: ids[i], value: v },
      );
    }
    out[i] = kind === 'log' ? Math.log(v) : Math.log1p(v);
  }
  return out;
}

export interface Winsorised {
  values: Float64Array;
  /** the clamp bounds: the lower and upper percentiles of the observed values (type-7 quantiles) */
  low: number;
  high: number;
  /** how many values were raised to `low` / lowered to `high` */
  raised: number;
  lowered: number;
}

/**
 * Winsorisation at fixed percentiles (e.g. 5% and 95%): values below the lower percentile are set to it,
 * values above the upper one to it. Percentiles by linear interpolation (Hyndman & Fan type 7, R's and
 * numpy's default). COINr instead winsorises point by point until skew and kurtosis fall under 2 and 3.5;
 * fixed percentiles are what the issue asks for and what a committee can check by hand.
 */
export function winsorise(x: Float64Array, lower: number, upper: number): Winsorised {
  const [low, high] = quantiles(x, [lower, upper]);
  const values = new Float64Array(x.length);
  let raised = 0;
  let lowered = 0;
  for (let i = 0; i < x.length; i++) {
    const v = x[i];
    if (v < low) {
      values[i] = low;
      raised++;
    } else if (v > high) {
      values[i] = high;
      lowered++;
    } else values[i] = v;
  }
  return { values, low, high, raised, lowered };
}
