/**
 * Uncertainty analysis by Monte Carlo (Handbook §7; COINr get_sensitivity with SA_type = "UA"): each
 * sample perturbs every group's weights by a uniform factor in [1 − f, 1 + f] (COINr get_noisy_weights)
 * and picks, uniformly, one of the alternative normalisations, aggregations and imputations; the index
 * is recomputed and ranked. Per entity: the median rank and the 5% and 95% rank quantiles (type 7, as
 * COINr's RankStats), over the samples in which it was scored (an imputation alternative of `exclude`
 * can leave it out).
 *
 * Alternatives replace the scheme's defaults: a leaf with its own normalisation and a group with its own
 * aggregation keep them. Every combination is computed once before sampling, so a combination that
 * cannot work (z-scores under a geometric mean) is refused up front, named.
 *
 * Reproducible: sample s draws from seededRandom(`${seed}:${s}`) alone, in a fixed order (imputation,
 * normalisation, aggregation, then each group's weights children-first), so any split of the samples
 * over worker threads gives the same ranks as one thread.
 */
import { seededRandom } from '@kechuang/platform-core';
import { IndexError } from './errors.ts';
import { logColumn } from './aggregate.ts';
import { compileScheme, evaluateTree, type CompiledScheme } from './evaluate.ts';
import { scaleOf } from './normalise.ts';
import { eligibleRows, normaliseLeaves, prepareData, type DataSet, type EligibleHook } from './prepare.ts';
import { competitionRank, rankScratch, type RankScratch } from './rank.ts';
import type { Aggregation, Imputation, Normalisation, Scheme } from './scheme-format.ts';
import { quantileInPlace } from './stats.ts';
import { checkTable, type DataTable } from './table.ts';
import { perturbWeights } from './weights.ts';

export interface SensitivityPlan {
  samples: number;
  seed: number | string;
  /** weight perturbation f: each weight × U(1 − f, 1 + f), then rescaled (default 0.25) */
  weights?: number;
  normalisation?: Normalisation[];
  aggregation?: Aggregation[];
  imputation?: Imputation[];
}

export interface SensitivityResult {
  samples: number;
  seed: number | string;
  /** the eligible entities, in input order; the arrays below are parallel to it */
  ids: string[];
  /** rank in the nominal run (0 when the nominal run excluded the entity) */
  nominalRank: Int32Array;
  medianRank: Float64Array;
  rankP05: Float64Array;
  rankP95: Float64Array;
  /** samples in which the entity was scored */
  ranked: Int32Array;
}

interface Variant {
  data: DataSet;
  /** position of each scored entity among the eligible ones */
  pos: Int32Array;
  /** per normalisation alternative: the leaves' scores, and their logs once a geometric sample needs them */
  leafScores: Float64Array[][];
  leafLogs: (Float64Array[] | null)[];
  weightCache: Map<number, number[]>;
  buffers: Float64Array[];
  ranks: Int32Array;
  scratch: RankScratch;
}

export interface SensitivityContext {
  compiled: CompiledScheme;
  plan: Required<SensitivityPlan>;
  ids: string[];
  variants: Variant[];
  nominal: Int32Array;
}

/**
 * Everything the samples share: the data under each imputation alternative, the leaves' scores under
 * each normalisation alternative, the nominal ranks. Plain data (structured-clonable), so worker threads
 * receive it rather than rebuild it.
 */
export function createSensitivityContext(scheme: Scheme, table: DataTable, plan: SensitivityPlan, eligible?: EligibleHook | Uint8Array): SensitivityContext {
  if (!(Number.isInteger(plan.samples) && plan.samples >= 1))
    throw new IndexError('SENSITIVITY_INVALID', `敏感性分析的样本数应为正整数，而不是 ${plan.samples}`, { samples: plan.samples });
  const f = plan.weights ?? 0.25;
  if (!(f >= 0 && f <= 1)) throw new IndexError('SENSITIVITY_INVALID', `权重扰动幅度应在 0 与 1 之间，而不是 ${f}`, { weights: f });
  checkTable(scheme, table);
  const full: Required<SensitivityPlan> = {
    samples: plan.samples,
    seed: plan.seed,
    weights: f,
    normalisation: plan.normalisation ?? [scheme.normalisation],
    aggregation: plan.aggregation ?? [scheme.aggregation],
    imputation: plan.imputation ?? [scheme.imputation],
  };
  const compiled = compileScheme(scheme);
  const eligibility = eligibleRows(scheme, table, eligible);
  const position = new Map<number, number>();
  eligibility.rows.forEach((r, i) => position.set(r, i));
  const variant = (imp: Imputation): Variant => {
    const data = attempt(() => prepareData(compiled.leaves, table, eligibility, imp), `插补 ${imp.method}`);
    const leafScores = full.normalisation.map((nm) => attempt(() => normaliseLeaves(compiled.leaves, data, nm), `插补 ${imp.method}、标准化 ${nm.method}`));
    return {
      data,
      pos: data.rows.map((r) => position.get(r)!),
      leafScores,
      leafLogs: leafScores.map(() => null),
      weightCache: new Map(),
      buffers: compiled.nodes.map(() => new Float64Array(data.ids.length)),
      ranks: new Int32Array(data.ids.length),
      scratch: rankScratch(data.ids.length),
    };
  };
  const variants = full.imputation.map(variant);
  const ids = Array.from(eligibility.rows, (r) => table.ids[r]);
  const nominal = new Int32Array(ids.length);
  variants.forEach((v, ii) =>
    v.leafScores.forEach((ls, ni) =>
      full.aggregation.forEach((agg) => {
        const what = `插补 ${full.imputation[ii].method}、标准化 ${full.normalisation[ni].method}、汇总 ${agg}`;
        attempt(() => evaluateTree(compiled, v.data, ls, { aggregation: agg, scale: scaleOf(full.normalisation[ni]), weightCache: v.weightCache }), what);
      }),
    ),
  );
  const base = variant(scheme.imputation);
  const baseScores = normaliseLeaves(compiled.leaves, base.data, scheme.normalisation);
  const ev = evaluateTree(compiled, base.data, baseScores, { aggregation: scheme.aggregation, scale: scaleOf(scheme.normalisation) });
  competitionRank(ev.scores[0]).forEach((rank, i) => (nominal[base.pos[i]] = rank));
  return { compiled, plan: full, ids, variants, nominal };
}

function attempt<T>(fn: () => T, what: string): T {
  try {
    return fn();
  } catch (e) {
    if (e instanceof IndexError)
      throw new IndexError(e.reason, `敏感性分析的组合（${what}）无法计算：${e.message}`, { ...(e.details as object), combination: what });
    throw e;
  }
}

const pick = (random: () => number, k: number): number => Math.min(k - 1, Math.floor(random() * k));

/** Which alternatives sample s uses (indexes into the plan's lists), and its stream, which goes on to perturb the weights. */
export interface SampleChoice {
  imputation: number;
  normalisation: number;
  aggregation: number;
  random: () => number;
}

/** Sample s's draws, in the fixed order every thread follows: imputation, normalisation, aggregation (then the weights). */
export function sampleChoice(plan: Required<SensitivityPlan>, s: number): SampleChoice {
  const random = seededRandom(`${plan.seed}:${s}`);
  const imputation = pick(random, plan.imputation.length);
  const normalisation = pick(random, plan.normalisation.length);
  const aggregation = pick(random, plan.aggregation.length);
  return { imputation, normalisation, aggregation, random };
}

/**
 * Ranks of samples [from, to) into `out`, one row of ids.length per sample (0 = not scored in that
 * sample). The worker threads call this on their share of the samples.
 */
export function sampleRanks(ctx: SensitivityContext, from: number, to: number, out: Int32Array): void {
  const { compiled, plan, ids } = ctx;
  const width = ids.length;
  const geometricUsed = plan.aggregation.includes('geometric') || compiled.nodes.some((n) => n.group?.aggregation === 'geometric');
  for (let s = from; s < to; s++) {
    const { random, ...choice } = sampleChoice(plan, s);
    const v = ctx.variants[choice.imputation];
    const ni = choice.normalisation;
    const agg = plan.aggregation[choice.aggregation];
    if (geometricUsed) v.leafLogs[ni] ??= v.leafScores[ni].map(logColumn);
    const ev = evaluateTree(compiled, v.data, v.leafScores[ni], {
      aggregation: agg,
      scale: scaleOf(plan.normalisation[ni]),
      perturb: (_g, w) => perturbWeights(w, plan.weights, random),
      weightCache: v.weightCache,
      buffers: v.buffers,
      leafLogs: v.leafLogs[ni] ?? undefined,
    });
    const ranks = competitionRank(ev.scores[0], v.ranks, v.scratch);
    const row = out.subarray((s - from) * width, (s - from + 1) * width);
    row.fill(0);
    for (let i = 0; i < ranks.length; i++) row[v.pos[i]] = ranks[i];
  }
}

/** Median and 5–95% rank quantiles per entity from the rank rows of all samples. */
export function summariseRanks(ctx: SensitivityContext, ranks: Int32Array): SensitivityResult {
  const { samples, seed } = ctx.plan;
  const width = ctx.ids.length;
  const medianRank = new Float64Array(width);
  const rankP05 = new Float64Array(width);
  const rankP95 = new Float64Array(width);
  const ranked = new Int32Array(width);
  const buf = new Float64Array(samples);
  for (let e = 0; e < width; e++) {
    let m = 0;
    for (let s = 0; s < samples; s++) {
      const r = ranks[s * width + e];
      if (r > 0) buf[m++] = r;
    }
    const got = buf.subarray(0, m);
    ranked[e] = m;
    medianRank[e] = m > 0 ? quantileInPlace(got, 0.5) : NaN;
    rankP05[e] = m > 0 ? quantileInPlace(got, 0.05) : NaN;
    rankP95[e] = m > 0 ? quantileInPlace(got, 0.95) : NaN;
  }
  return { samples, seed, ids: ctx.ids, nominalRank: ctx.nominal, medianRank, rankP05, rankP95, ranked };
}

/** The whole Monte Carlo on this thread (see parallel/ for the worker-thread runner, same result). */
export function runSensitivity(scheme: Scheme, table: DataTable, plan: SensitivityPlan, eligible?: EligibleHook | Uint8Array): SensitivityResult {
  const ctx = createSensitivityContext(scheme, table, plan, eligible);
  const ranks = new Int32Array(ctx.plan.samples * ctx.ids.length);
  sampleRanks(ctx, 0, ctx.plan.samples, ranks);
  return summariseRanks(ctx, ranks);
}

/** Finalists whose rank stays within the top n in at least 95% of the samples (rank P95 ≤ n). */
export function stableWithin(result: SensitivityResult, n: number): string[] {
  return result.ids.filter((_, e) => result.ranked[e] > 0 && result.rankP95[e] <= n);
}
