/**
 * From a table to each leaf's figure over the scored entities: eligibility (the scheme's filters, then
 * the caller's hook), per-denominator ratio, missing data (exclusion or imputation, reported per
 * entity), winsorisation, log; then each leaf's normalised score.
 */
import { IndexError } from './errors.ts';
import { FILTER_OPS, filterFailure, missingFigure } from './figures.ts';
import { groupCodes, imputeColumn, type ImputedCell } from './impute.ts';
import { normalise } from './normalise.ts';
import type { Imputation, LeafNode, Normalisation, Scheme } from './scheme-format.ts';
import type { DataTable } from './table.ts';
import { logTransform, perDenominator, winsorise } from './transform.ts';

export interface Exclusion {
  id: string;
  reason: 'ineligible' | 'missing';
  /** zh-CN: which filter failed with the entity's figure, or which indicator is missing */
  detail: string;
}

export interface WinsorisedLeaf {
  leaf: string;
  low: number;
  high: number;
  raised: number;
  lowered: number;
}

/** The entities a run may score, and what the data says of them, under one imputation method. */
export interface DataSet {
  /** table rows of the scored entities, ascending */
  rows: Int32Array;
  ids: string[];
  /** per leaf (in scheme order): the figure after ratio, imputation, winsorisation and log */
  values: Float64Array[];
  excluded: Exclusion[];
  imputed: ImputedCell[];
  winsorised: WinsorisedLeaf[];
}

export interface Eligibility {
  /** table rows that pass the filters and the hook, ascending */
  rows: Int32Array;
  excluded: Exclusion[];
}

export type EligibleHook = (row: number, id: string) => boolean;

/** Eligibility before scoring: the scheme's filters (a missing figure fails its filter), then the hook. */
export function eligibleRows(scheme: Scheme, table: DataTable, hook?: EligibleHook | Uint8Array): Eligibility {
  const rows: number[] = [];
  const excluded: Exclusion[] = [];
  const filters = scheme.eligibility.map((f) => ({ f, col: table.columns.get(f.column)!, test: FILTER_OPS[f.op] }));
  for (let r = 0; r < table.ids.length; r++) {
    const failed = filters.find(({ f, col, test }) => !test(col[r], f.value));
    if (failed) {
      excluded.push({ id: table.ids[r], reason: 'ineligible', detail: filterFailure(failed.f, failed.col[r]) });
    } else if (hook && !(typeof hook === 'function' ? hook(r, table.ids[r]) : hook[r] === 1)) {
      excluded.push({ id: table.ids[r], reason: 'ineligible', detail: '未通过资格筛选' });
    } else rows.push(r);
  }
  return { rows: Int32Array.from(rows), excluded };
}

/** which figure a leaf lacks, as a sentence: a plain leaf by its name, a ratio's columns by their codes (the engine knows no column names) */
function missingDetail(leaf: LeafNode, table: DataTable, row: number): string {
  const figure = (c: string) => table.columns.get(c)![row];
  const name = (c: string) => (c === leaf.indicator && !leaf.denominator && leaf.name ? leaf.name : c);
  return missingFigure(leaf, figure, name) ?? `缺少${leaf.name ?? leaf.indicator}数据`;
}

function gather(col: Float64Array, rows: Int32Array): Float64Array {
  const out = new Float64Array(rows.length);
  for (let i = 0; i < rows.length; i++) out[i] = col[rows[i]];
  return out;
}

/** Leaf figures over the eligible rows under `imputation`. */
export function prepareData(leaves: LeafNode[], table: DataTable, eligibility: Eligibility, imputation: Imputation): DataSet {
  let rows = eligibility.rows;
  let raw = leaves.map((l) => {
    const x = gather(table.columns.get(l.indicator)!, rows);
    return l.denominator ? perDenominator(x, gather(table.columns.get(l.denominator)!, rows)) : x;
  });
  const excluded: Exclusion[] = [];
  const imputed: ImputedCell[] = [];
  if (imputation.method === 'exclude') {
    const keep: number[] = [];
    for (let i = 0; i < rows.length; i++) {
      const gap = raw.findIndex((x) => Number.isNaN(x[i]));
      if (gap < 0) keep.push(i);
      else excluded.push({ id: table.ids[rows[i]], reason: 'missing', detail: missingDetail(leaves[gap], table, rows[i]) });
    }
    if (keep.length < rows.length) {
      const k = Int32Array.from(keep);
      const from = rows;
      raw = raw.map((x) => gather(x, k));
      rows = k.map((i) => from[i]);
    }
  }
  const ids = Array.from(rows, (r) => table.ids[r]);
  if (ids.length === 0)
    throw new IndexError('DATA_NO_ENTITIES', `没有可参评的实体（${eligibility.excluded.length} 个未通过资格筛选，${excluded.length} 个因缺失数据被排除）`, {
      ineligible: eligibility.excluded.length,
      missing: excluded.length,
    });
  if (imputation.method !== 'exclude') {
    const labels = imputation.by ? table.text.get(imputation.by)! : null;
    const groups = labels ? groupCodes(Array.from(rows, (r) => labels[r])) : undefined;
    raw.forEach((x, j) => {
      for (const cell of imputeColumn(x, imputation, leaves[j].id, ids, groups)) imputed.push(cell);
    });
  }
  const winsorised: WinsorisedLeaf[] = [];
  const values = raw.map((x, j) => {
    const l = leaves[j];
    let v = x;
    if (l.winsorise) {
      const w = winsorise(v, l.winsorise.lower, l.winsorise.upper);
      winsorised.push({ leaf: l.id, low: w.low, high: w.high, raised: w.raised, lowered: w.lowered });
      v = w.values;
    }
    return l.transform ? logTransform(v, l.transform, l.id, ids) : v;
  });
  return { rows, ids, values, excluded: [...eligibility.excluded, ...excluded], imputed, winsorised };
}

/** Each leaf's normalised score: its own normalisation if it has one, else `fallback` (the scheme's, or a Monte Carlo alternative). */
export function normaliseLeaves(leaves: LeafNode[], data: DataSet, fallback: Normalisation): Float64Array[] {
  return leaves.map((l, j) => normalise(data.values[j], l.normalisation ?? fallback, l.direction, l.id, data.ids));
}
