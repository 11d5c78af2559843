/**
 * A run's computation on the engine, with no database: parse the frozen scheme, compute the index, select
 * the Top-N tiers (refusing a run with fewer scored entities than the tiers ask for, before any Monte
 * Carlo), then the Monte Carlo rank intervals. The same function runs in the request (small runs) and in
 * a worker thread (large ones, see compute-off-thread.ts), so both give the same result.
 */
import {
  computeIndex,
  gradeByQuotas,
  imputationName,
  IndexError,
  parseScheme,
  runSensitivity,
  selectTopN,
  type DataTable,
  type GradeRule,
  type Grades,
  type IndexResult,
  type Scheme,
  type SchemeWarning,
  type SensitivityPlan,
  type SensitivityResult,
  type TopNResult,
} from '../domain/index.ts';
import type { RawScheme, Tier } from '../contract/schemas.ts';

export interface RunPlan {
  samples: number;
  seed: number;
  /** weight perturbation; default the scheme's sensitivity.weights, else 0.25 */
  perturbation?: number;
  tiers: Tier[];
  tieBreak: string[];
  /** grades by quota (the performance review); empty or absent = none */
  grades?: GradeRule[];
}

export interface Evaluated {
  result: IndexResult;
  selection: TopNResult | null;
  /** per scored entity its grade, with each grade's count and cap; null without grade rules */
  grades: Grades | null;
  sensitivity: SensitivityResult | null;
  /** the plan the Monte Carlo ran with (alternatives as method names) */
  sensitivityPlan: { perturbation: number; normalisation: string[]; aggregation: string[]; imputation: string[] } | null;
  warnings: SchemeWarning[];
  computeMs: number;
  sensitivityMs: number;
  thread: 'request' | 'worker';
}

export type SensitivityRunner = (scheme: Scheme, table: DataTable, plan: SensitivityPlan) => SensitivityResult | Promise<SensitivityResult>;

export async function evaluateRun(
  raw: RawScheme,
  table: DataTable,
  plan: RunPlan,
  sensitivityRunner: SensitivityRunner = runSensitivity,
  thread: Evaluated['thread'] = 'request',
): Promise<Evaluated> {
  const started = performance.now();
  const { scheme, notices: warnings } = parseScheme(raw);
  const result = computeIndex(scheme, table);
  const selection = plan.tiers.length > 0 ? selectTopN(result, plan.tiers, plan.tieBreak) : null;
  const grades = plan.grades?.length ? gradeQuotas(result, plan.grades) : null;
  const computeMs = performance.now() - started;
  if (plan.samples <= 0) return { result, selection, grades, sensitivity: null, sensitivityPlan: null, warnings, computeMs, sensitivityMs: 0, thread };
  const mc: SensitivityPlan = {
    ...scheme.sensitivity,
    samples: plan.samples,
    seed: plan.seed,
    weights: plan.perturbation ?? scheme.sensitivity?.weights ?? 0.25,
  };
  const t1 = performance.now();
  const sensitivity = await sensitivityRunner(scheme, table, mc);
  return {
    result,
    selection,
    grades,
    sensitivity,
    warnings,
    computeMs,
    thread,
    sensitivityMs: performance.now() - t1,
    sensitivityPlan: {
      perturbation: mc.weights!,
      normalisation: (mc.normalisation ?? [scheme.normalisation]).map((n) => n.method),
      aggregation: mc.aggregation ?? [scheme.aggregation],
      imputation: (mc.imputation ?? [scheme.imputation]).map(imputationName),
    },
  };
}

/**
 * Grades by quota, refusing a run whose quotas cannot grade anybody into a capped grade (e.g. 4 scored
 * carriers under "A at most 20%": ⌊4 · 0.2⌋ = 0), before any Monte Carlo, so nothing is stored.
 */
function gradeQuotas(result: IndexResult, rules: GradeRule[]): Grades {
  const n = result.ids.length;
  const capped = rules.filter((g) => g.maxShare !== undefined && g.maxShare > 0);
  const first = capped[0];
  if (first && Math.floor(n * first.maxShare! + 1e-9) < 1) {
    const need = Math.ceil(1 / first.maxShare! - 1e-9);
    throw new IndexError(
      'SELECTION_TOO_FEW',
      `参评并得分的只有 ${n} 家，按 ${first.grade} 等不超过 ${Math.round(first.maxShare! * 100)}% 定等至少需要 ${need} 家`,
      { scored: n, needed: need, grade: first.grade },
    );
  }
  return gradeByQuotas(result, rules);
}

/** The last place of each finalist's tier (10 for the first ten, 20 for the next), by entity id. */
export function tierCutoffs(selection: TopNResult | null): Map<string, number> {
  const out = new Map<string, number>();
  if (!selection) return out;
  const cumulative = new Map<string, number>();
  let sum = 0;
  for (const t of selection.tiers) cumulative.set(t.name, (sum += t.size));
  for (const s of selection.selected) out.set(s.id, cumulative.get(s.tier)!);
  return out;
}

/** Finalists whose 95% rank stays within their tier's last place: the committee can take them as settled. */
export function stableFinalists(selection: TopNResult | null, sensitivity: SensitivityResult | null): string[] {
  if (!selection || !sensitivity) return [];
  const at = new Map(sensitivity.ids.map((id, e) => [id, e]));
  const cutoffs = tierCutoffs(selection);
  return selection.selected
    .filter((s) => {
      const e = at.get(s.id);
      return e !== undefined && sensitivity.ranked[e] > 0 && sensitivity.rankP95[e] <= cutoffs.get(s.id)!;
    })
    .map((s) => s.id);
}
