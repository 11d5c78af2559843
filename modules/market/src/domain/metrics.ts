/**
 * Ranking quality on graded judgments (0–3, unlisted pairs 0): nDCG@k with gains 2^grade − 1 and the
 * log2(rank + 1) discount (Järvelin & Kekäläinen 2002; Burges et al. 2005), the ideal ranking built from
 * every judged listing; recall@k of the relevant listings, those graded 2 or 3 (as in T2Ranking's 4 levels).
 */

export type Grades = ReadonlyMap<string, number>;

/** a listing graded this or higher counts as relevant for recall */
export const RELEVANT_GRADE = 2;

const gain = (grade: number): number => 2 ** grade - 1;

export function dcg(grades: number[], k: number): number {
  let s = 0;
  for (let i = 0; i < Math.min(k, grades.length); i++) s += gain(grades[i]) / Math.log2(i + 2);
  return s;
}

/** nDCG@k of a ranking (ids, best first); 0 when no listing is judged above 0 */
export function ndcgAt(ranking: string[], judged: Grades, k: number): number {
  const ideal = dcg(
    [...judged.values()].sort((a, b) => b - a),
    k,
  );
  if (ideal === 0) return 0;
  return (
    dcg(
      ranking.map((id) => judged.get(id) ?? 0),
      k,
    ) / ideal
  );
}

/** share of the relevant listings (grade ≥ 2) found in the first k; NaN when none is relevant */
export function recallAt(ranking: string[], judged: Grades, k: number): number {
  const relevant = [...judged].filter(([, g]) => g >= RELEVANT_GRADE).map(([id]) => id);
  if (relevant.length === 0) return NaN;
  const top = new Set(ranking.slice(0, k));
  return relevant.filter((id) => top.has(id)).length / relevant.length;
}
