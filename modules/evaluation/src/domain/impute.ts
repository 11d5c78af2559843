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

/**
 * Fills the NaN of `x` in place by the imputation's statistic and answers what was put where.
 * `groups[i]` is entity i's group label when the imputation has `by`.
 */
export function imputeColumn(x: Float64Array, imp: Exclude<Imputation, { method: 'exclude' }>, column: string, ids: ArrayLike<string>, groups?: string[]): ImputedCell[] {
  const cells: ImputedCell[] = [];
  let missing = 0;
  for (let i = 0; i < x.length; i++) if (x[i] !== x[i]) missing++;
  if (missing === 0) return cells;
  const overall = statistic(x, imp.method);
  if (Number.isNaN(overall)) throw new IndexError('DATA_NO_ENTITIES', `指标 ${column} 在所有参评实体上都缺失，无法插补`, { column });
  const byGroup = new Map<string, number>();
  if (groups) {
    const members = new Map<string, number[]>();
    for (let i = 0; i < x.length; i++) {
      const list = members.get(groups[i]);
      if (list) list.push(i);
      else members.set(groups[i], [i]);
    }
    for (const [g, rows] of members) byGroup.set(g, statistic(Float64Array.from(rows, (i) => x[i]), imp.method));
  }
  for (let i = 0; i < x.length; i++) {
    if (x[i] === x[i]) continue;
    const g = groups?.[i];
    const groupValue = g === undefined ? NaN : byGroup.get(g)!;
    const value = Number.isNaN(groupValue) ? overall : groupValue;
    x[i] = value;
    cells.push({ id: ids[i], indicator: column, method: imp.method, value, ...(Number.isNaN(groupValue) ? {} : { group: g }) });
  }
  return cells;
}
