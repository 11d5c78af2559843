/**
 * What moves each ranked entity of a run over its Monte Carlo samples (domain/sensitivity-explain.ts), for the
 * rank-stability tab, the published lists and their exports. A run stores only each entity's median and 5–95%
 * ranks, not the samples; but a sample depends on nothing but the frozen scheme, input and seed, so the samples
 * are drawn again exactly as the run drew them (the re-run's guarantee) and explained. A run's samples never
 * change, so the answer is kept in memory per run. Runs too large to recompute in a request (the size that
 * computes on worker threads) get none: the pages then give the rank band and stability alone.
 */
import type { Db } from '@kechuang/platform-server';
import { createSensitivityContext, explainRanks, leaves, sampleRanks, type RankExplanation } from '../domain/index.ts';
import { loadInput, type RunRow } from '../db/run-queries.ts';
import { isLargeRun } from './compute-off-thread.ts';
import { cutoffOf } from './stability.ts';
import { schemeOf } from './run-words.ts';

export type Explanations = Map<string, RankExplanation>;

/** the last few runs' answers, per database (a test process opens several, each numbering its runs from 1) */
const KEPT = 16;
const kept = new WeakMap<Db, Map<string, Explanations | null>>();

/** every scored entity's explanation, by entity id; null without a Monte Carlo or for a run too large to recompute here */
export async function explainRun(db: Db, run: RunRow): Promise<Explanations | null> {
  let runs = kept.get(db);
  if (!runs) kept.set(db, (runs = new Map<string, Explanations | null>()));
  const key = `${run.id}@${run.computedAt}`;
  if (runs.has(key)) return runs.get(key)!;
  const answer = await compute(db, run);
  runs.set(key, answer);
  if (runs.size > KEPT) runs.delete(runs.keys().next().value!);
  return answer;
}

async function compute(db: Db, run: RunRow): Promise<Explanations | null> {
  const mc = run.summary.sensitivity;
  const scheme = schemeOf(run);
  if (!mc || !scheme || mc.samples <= 0) return null;
  const { table } = await loadInput(db, run);
  if (isLargeRun(table, leaves(scheme.root).length, mc.samples)) return null;
  // the plan evaluateRun gave the Monte Carlo: the scheme's alternatives with the run's samples, seed and perturbation
  const ctx = createSensitivityContext(scheme, table, { ...scheme.sensitivity, samples: mc.samples, seed: mc.seed, weights: mc.perturbation });
  const ranks = new Int32Array(ctx.plan.samples * ctx.ids.length);
  sampleRanks(ctx, 0, ctx.plan.samples, ranks);
  const tiers = await db.query<{ entityId: string; tier: string | null }>('select entity_id as "entityId", tier from evaluation_results where run_id = $1', [
    run.id,
  ]);
  return explainRanks(
    ctx,
    ranks,
    tiers.map((r) => ({ id: r.entityId, cutoff: cutoffOf(run, r.tier) })),
  );
}

/** the names of the columns the scheme's imputations group by (industry → 行业大类), for saying the alternatives in words */
export function groupingColumns(run: Pick<RunRow, 'scheme'>, names: (code: string) => string): Record<string, string> {
  const scheme = schemeOf(run);
  if (!scheme) return {};
  const by = [scheme.imputation, ...(scheme.sensitivity?.imputation ?? [])].flatMap((i) => (i.method !== 'exclude' && i.by ? [i.by] : []));
  return Object.fromEntries(by.map((c) => [c, names(c)]));
}
