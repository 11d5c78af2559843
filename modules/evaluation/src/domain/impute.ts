/**
 * Missing figures (Handbook §4 "imputation of missing data": case deletion or single imputation):
 * - exclude: an entity missing any figure the scheme reads is not scored (reported with the first
 *   missing indicator);
 * - mean / median: the missing figure is the mean / median of the observed values of that indicator —
 *   over all scored entities, or with `by` within the entity's group (e.g. same industry; COINr
 *   i_mean_grp / i_median_grp). A group with no observed value falls back to all entities.
 * Every imputed cell is reported per entity with the value put in. COINr's default of aggregating over
 * the available data only (re-weighting silently) is not offered: the Handbook asks that the treatment
 * of missing data be explicit.
 */
import { IndexError } from './errors.ts';
import type { Imputation } from './scheme-format.ts';
import { mean, observed, quantileInPlace } from './stats.ts';

export interface ImputedCell {
  id: string;
  indicator: string;
  method: 'mean' | 'median';
  value: number;
  /** the group whose statistic was used; absent when taken over all entities */
  group?: string;
}

function statistic(values: Float64Array, method: 'mean' | 'median'): number {
  const a = observed(values);
  if (a.length === 0) return NaN;
  return method === 'mean' ? mean(a) : quantileInPlace(a, 0.5);
}

/** Entities' group labels as small integers, computed once per run and shared by every column. */
export interface GroupCodes {
  codes: Int32Array;
  labels: string[];
}

export function groupCodes(labels: ArrayLike<string>): GroupCodes {
  const index = new Map<string, number>();
  const codes = new Int32Array(labels.length);
  for (let i = 0; i < labels.length; i++) {
    let c = index.get(labels[i]);
    if (c === undefined) index.set(labels[i], (c = index.size));
    codes[i] = c;
  }
  return { codes, labels: [...index.keys()] };
}

/** Each group's statistic of the observed values (NaN for a group with none): one pass for means, a bucket sort for medians. */
function groupStatistics(x: Float64Array, g: GroupCodes, method: 'mean' | 'median'): Float64Array {
  const k = g.labels.length;
  const count = new Float64Array(k);
  const sum = new Float64Array(k);
  for (let i = 0; i < x.length; i++) {
    if (x[i] !== x[i]) continue;
    count[g.codes[i]]++;
    sum[g.codes[i]] += x[i];
  }
  if (method === 'mean') return sum.map((s, c) => (count[c] > 0 ? s / count[c] : NaN));
  const start = new Int32Array(k + 1);
  for (let c = 0; c < k; c++) start[c + 1] = start[c] + count[c];
  const fill = start.slice(0, k);
  const bucket = new Float64Array(start[k]);
  for (let i = 0; i < x.length; i++) if (x[i] === x[i]) bucket[fill[g.codes[i]]++] = x[i];
  return Float64Array.from({ length: k }, (_, c) => (count[c] > 0 ? quantileInPlace(bucket.subarray(start[c], start[c + 1]), 0.5) : NaN));
}

/**
 * Fills the NaN of `x` in place by the imputation's statistic and answers what was put where.
 * `groups` gives each entity's group when the imputation has `by`.
 */
export function imputeColumn(
  x: Float64Array,
  imp: Exclude<Imputation, { method: 'exclude' }>,
  column: string,
  ids: ArrayLike<string>,
  groups?: GroupCodes,
): ImputedCell[] {
  const cells: ImputedCell[] = [];
  let missing = 0;
  for (let i = 0; i < x.length; i++) if (x[i] !== x[i]) missing++;
  if (missing === 0) return cells;
  const overall = statistic(x, imp.method);
  if (Number.isNaN(overall)) throw new IndexError('DATA_NO_ENTITIES', `指标 ${column} 在所有参评实体上都缺失，无法插补`, { column });
  const byGroup = groups ? groupStatistics(x, groups, imp.method) : null;
  for (let i = 0; i < x.length; i++) {
    if (x[i] === x[i]) continue;
    const groupValue = byGroup ? byGroup[groups!.codes[i]] : NaN;
    const value = Number.isNaN(groupValue) ? overall : groupValue;
    x[i] = value;
    const cell: ImputedCell = { id: ids[i], indicator: column, method: imp.method, value };
    if (!Number.isNaN(groupValue)) cell.group = groups!.labels[groups!.codes[i]];
    cells.push(cell);
  }
  return cells;
}
