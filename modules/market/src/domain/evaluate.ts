/**
 * Scores rankings against graded judgments, per demand and averaged by kind of case (plain, synonym,
 * symptom, distractor …) and overall: the figures the benchmark prints for the engine and the baseline.
 */
import { ndcgAt, recallAt } from './metrics.ts';

export interface CaseScore {
  demand: string;
  kind: string;
  ndcg10: number;
  recall50: number;
}

export interface KindSummary {
  kind: string;
  demands: number;
  ndcg10: number;
  recall50: number;
}

const mean = (xs: number[]): number => {
  const ok = xs.filter((x) => !Number.isNaN(x));
  return ok.length === 0 ? NaN : ok.reduce((a, b) => a + b, 0) / ok.length;
};

export function scoreCases(
  cases: { demand: string; kind: string; ranking: string[] }[],
  judgments: ReadonlyMap<string, ReadonlyMap<string, number>>,
): CaseScore[] {
  return cases.map((c) => {
    const judged = judgments.get(c.demand) ?? new Map<string, number>();
    return { demand: c.demand, kind: c.kind, ndcg10: ndcgAt(c.ranking, judged, 10), recall50: recallAt(c.ranking, judged, 50) };
  });
}

/** mean nDCG@10 and recall@50 per kind (in first-seen order), then `all` */
export function summariseByKind(scores: CaseScore[]): KindSummary[] {
  const kinds = [...new Set(scores.map((s) => s.kind)), 'all'];
  return kinds.map((kind) => {
    const of = kind === 'all' ? scores : scores.filter((s) => s.kind === kind);
    return { kind, demands: of.length, ndcg10: mean(of.map((s) => s.ndcg10)), recall50: mean(of.map((s) => s.recall50)) };
  });
}
